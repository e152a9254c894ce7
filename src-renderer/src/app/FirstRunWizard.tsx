import { Alert, Button, Group, NumberInput, Paper, Radio, Select, Stack, Stepper, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { presetForYear } from '@contract'
import { call, fieldErrors } from '../api'
import { notifyError, notifySuccess } from './notify'
import { BecomeOfficeForm } from '../pages/settings/role/BecomeOfficeForm'
import { navigate } from './routes'
import { useSession } from './SessionContext'
import { useSettings } from './SettingsContext'

const thisYear = () => new Date().getFullYear()

/** `2021-10-31` -> `2021年10月31日`. */
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** The outputs folder beside the database, written with the data folder's own separator. */
const outputsOf = (dataDir: string) => `${dataDir.replace(/[\\/]+$/, '')}${dataDir.includes('\\') ? '\\' : '/'}outputs`

/**
 * First run (no association yet): first who uses this folder (省级协会, preselected, or 全国推进办公室: its own
 * short form, then the office's app); for a province, four short steps instead of the settings form, then 'settings.saveAssociation'
 * and the dashboard. The 设置 page stays available for the same purpose.
 */
export function FirstRunWizard() {
  const { settings, update } = useSettings()
  const { session } = useSession()
  const [role, setRole] = useState<'province' | 'office'>('province')
  const [step, setStep] = useState(0)
  const [name, setName] = useState('')
  const [shortName, setShortName] = useState('')
  const [province, setProvince] = useState<string | null>(null)
  const [year, setYear] = useState<number>(thisYear)
  const [prefix, setPrefix] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  if (!settings) return null

  const docPrefix = prefix ?? shortName
  const validYear = year >= 2000 && year <= 2100
  const preset = validYear ? presetForYear(year) : null
  const canNext = [Boolean(name.trim() && shortName.trim() && province), validYear, Boolean(docPrefix.trim()), true][step]

  const finish = async () => {
    setSaving(true)
    try {
      const saved = await call('settings.saveAssociation', {
        association: { name, shortName, province: province ?? '', docPrefix },
        year,
      })
      update(saved)
      notifySuccess(`协会信息已保存，已建立 ${year} 年度评定活动`, '设置完成')
      navigate('overview')
    } catch (e) {
      const found = fieldErrors(e, 'association')
      setErrors(found)
      if (found.name || found.shortName || found.province) setStep(0)
      notifyError(e, '协会信息未保存')
    } finally {
      setSaving(false)
    }
  }

  return (
    <Paper withBorder p="lg" maw={760} data-testid="first-run-wizard">
      <Radio.Group label="本机用于" value={role} onChange={(v) => setRole(v as 'province' | 'office')} mb="md" data-testid="role-choice">
        <Group mt={6} gap="xl">
          <Radio value="province" label="省级协会" description="登记、审核本省推荐的现场，生成推荐函和报送包" />
          <Radio
            value="office"
            label="全国推进办公室"
            description={session?.canBecomeOffice === false ? '此数据文件夹已有省级协会的数据，不能用作推进办公室' : '接收各省报送包，建立全国名册'}
            disabled={session?.canBecomeOffice !== true}
          />
        </Group>
      </Radio.Group>
      {role === 'office' ? (
        <>
          <Title order={2} mb="md">
            请先填写推进办公室信息
          </Title>
          <BecomeOfficeForm />
        </>
      ) : (
        provinceSteps()
      )}
    </Paper>
  )

  // Called, not mounted as a component: a component declared here would remount (and lose focus) on each keystroke.
  function provinceSteps() {
    if (!settings) return null
    return (
    <>
      <Title order={2} mb={4}>
        请先填写协会信息
      </Title>
      <Text size="sm" c="dimmed" mb="lg">
        欢迎使用星级服务现场推荐报送系统。完成以下四步即可开始登记现场；以后可在“设置”中修改。
      </Text>
      <Stepper active={step} onStepClick={(i) => i < step && setStep(i)} size="sm">
        <Stepper.Step label="协会信息" description="名称、简称、省份">
          <Stack gap="sm" mt="md">
            <TextInput label="协会名称" placeholder="如：广东省通信行业协会" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <TextInput label="简称" placeholder="如：粤通协" withAsterisk value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} error={errors.shortName} />
            <Select
              label="省份"
              placeholder="选择或输入省份"
              withAsterisk
              searchable
              selectFirstOptionOnChange
              autoSelectOnBlur
              nothingFoundMessage="没有匹配的省份"
              data={settings.provinces.map((p) => ({ value: p.short, label: p.name }))}
              value={province}
              onChange={setProvince}
              error={errors.province}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="评定年度" description="本年度活动">
          <Stack gap="sm" mt="md">
            <NumberInput label="年度" min={2000} max={2100} allowDecimal={false} value={year} onChange={(v) => setYear(typeof v === 'number' ? v : Number(v) || 0)} error={validYear ? undefined : '年度应在 2000 至 2100 之间'} />
            {preset && (
              <Alert color="blue" title={preset.name} data-testid="campaign-window">
                <Text size="sm">
                  申报时间：{cnDate(preset.applicationWindow.start)} 至 {cnDate(preset.applicationWindow.end)}
                </Text>
                <Text size="sm">结果公布：{preset.resultBatches.map((b) => `${b.name}（${cnDate(b.due)}前）`).join('；')}</Text>
                <Text size="xs" c="dimmed" mt={4}>
                  以上按 2021 年通知的安排预设，可在“设置 → 评定活动”中按当年通知修改。
                </Text>
              </Alert>
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="文号前缀" description="推荐函的发文字号">
          <Stack gap="sm" mt="md">
            <TextInput label="文号前缀" withAsterisk value={docPrefix} onChange={(e) => setPrefix(e.currentTarget.value)} error={errors.docPrefix} />
            <Text size="sm" c="dimmed">
              推荐函的文号将写成“{docPrefix || '简称'}〔{year}〕1号”，序号按年度自动递增。
            </Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="输出文件夹" description="生成的文件存放处">
          <Stack gap="sm" mt="md">
            <TextInput label="输出文件夹" value={outputsOf(settings.dataDir)} readOnly />
            <Text size="sm" c="dimmed">
              生成的推荐函、汇总表、报送包和通知函默认保存在数据文件夹的 outputs 中。本版本不能更改默认的输出文件夹；备份时请备份整个数据文件夹。
            </Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Stack gap={4} mt="md" data-testid="wizard-summary">
            <Text size="sm">协会：{name}（{shortName}，{settings.provinces.find((p) => p.short === province)?.name ?? province}）</Text>
            <Text size="sm">评定年度：{year} 年</Text>
            <Text size="sm">文号前缀：{docPrefix}</Text>
            <Text size="sm">点击“完成”保存，并建立 {year} 年度评定活动。</Text>
          </Stack>
        </Stepper.Completed>
      </Stepper>
      <Group justify="flex-end" mt="xl">
        {step > 0 && (
          <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={saving}>
            上一步
          </Button>
        )}
        {step < 4 ? (
          <Button onClick={() => setStep((s) => s + 1)} disabled={!canNext}>
            下一步
          </Button>
        ) : (
          <Button onClick={() => void finish()} loading={saving}>
            完成
          </Button>
        )}
      </Group>
    </>
    )
  }
}
