import { Alert, Button, Divider, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { ApiError, call } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { BatchesEditor } from './BatchesEditor'
import { serverProblems, validate, type Campaign, type CampaignConfig, type Problems } from './campaignForm'
import { OfficeFields } from './OfficeFields'
import { RulesFields } from './RulesFields'
import { StartNextYear } from './StartNextYear'

interface CampaignSettingsProps {
  campaign: Campaign | null
  /** Read the settings again (the header shows the active year). */
  onChanged(): Promise<void>
}

/** 评定活动: the active year's rules, editable; saving re-runs the checks in the core. */
export function CampaignSettings({ campaign, onChanged }: CampaignSettingsProps) {
  return (
    <Paper withBorder p="md" data-testid="campaign-settings">
      <Title order={3} size="h4" mb="sm">
        评定活动{campaign ? `（${campaign.year} 年度）` : ''}
      </Title>
      {!campaign ? (
        <Text c="dimmed" size="sm">
          尚未建立评定活动。首次保存协会信息时会按所选年度自动建立。
        </Text>
      ) : (
        <CampaignForm key={`${campaign.id}`} campaign={campaign} onChanged={onChanged} />
      )}
    </Paper>
  )
}

const KNOWN = /^(name|noticeNo|applicationWindow|resultBatches|starLevels|requiredAttachments|attachmentTypes|maxAttachmentMb|nationalOffice)/

function CampaignForm({ campaign, onChanged }: { campaign: Campaign; onChanged(): Promise<void> }) {
  const [config, setConfig] = useState<CampaignConfig>(() => structuredClone(campaign.config))
  const [problems, setProblems] = useState<Problems>({})
  const [saving, setSaving] = useState(false)
  const patch = (p: Partial<CampaignConfig>) => setConfig((c) => ({ ...c, ...p }))
  const other = Object.entries(problems).filter(([k]) => !KNOWN.test(k))
  const dirty = JSON.stringify(config) !== JSON.stringify(campaign.config)

  const save = async () => {
    const found = validate(config)
    setProblems(found)
    if (Object.keys(found).length) {
      notifyError(new ApiError({ code: 'invalid-input', message: '有几项需要更正，请按红色提示修改后再保存' }), '评定活动设置未保存')
      return
    }
    setSaving(true)
    try {
      const saved = await call('campaign.save', { config })
      setConfig(structuredClone(saved.config))
      await onChanged()
      notifySuccess('评定活动设置已保存，已按新设置重新审核全部现场')
    } catch (e) {
      setProblems(serverProblems(e))
      notifyError(e, '评定活动设置未保存')
    } finally {
      setSaving(false)
    }
  }

  const win = config.applicationWindow
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="活动名称"
            withAsterisk
            value={config.name}
            onChange={(e) => patch({ name: e.currentTarget.value })}
            error={problems.name}
          />
          <TextInput label="通知文号" value={config.noticeNo} onChange={(e) => patch({ noticeNo: e.currentTarget.value })} error={problems.noticeNo} />
          <TextInput
            type="date"
            label="申报开始日期"
            withAsterisk
            value={win.start}
            onChange={(e) => patch({ applicationWindow: { ...win, start: e.currentTarget.value } })}
            error={problems['applicationWindow.start']}
          />
          <TextInput
            type="date"
            label="申报截止日期"
            withAsterisk
            value={win.end}
            onChange={(e) => patch({ applicationWindow: { ...win, end: e.currentTarget.value } })}
            error={problems['applicationWindow.end']}
          />
        </SimpleGrid>
        <BatchesEditor batches={config.resultBatches} problems={problems} onChange={(resultBatches) => patch({ resultBatches })} />
        <Divider label="申报要求" labelPosition="left" />
        <RulesFields config={config} problems={problems} onChange={patch} />
        <Divider label="全国推进办公室" labelPosition="left" />
        <OfficeFields office={config.nationalOffice} problems={problems} onChange={(nationalOffice) => patch({ nationalOffice })} />
        {other.length > 0 && (
          <Alert color="red" title="以下设置有误">
            {other.map(([k, m]) => (
              <Text key={k} size="sm">
                {m}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="space-between">
          <StartNextYear year={campaign.year} onStarted={onChanged} />
          <Group gap="sm">
            <Button
              variant="default"
              disabled={!dirty || saving}
              onClick={() => {
                setConfig(structuredClone(campaign.config))
                setProblems({})
              }}
            >
              撤销修改
            </Button>
            <Button type="submit" loading={saving} disabled={!dirty}>
              保存评定活动设置
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
