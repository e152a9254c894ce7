import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { RESULT_STATUS_LABELS, RESULT_STATUSES } from '@contract'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { useSettings } from '../../app/SettingsContext'
import { ErrorAlert } from '../../components/ErrorAlert'
import { HandoverTable } from './HandoverTable'
import { ImportResults } from './ImportResults'
import { OutputButtons } from './OutputButtons'
import { ResultsTable } from './ResultsTable'
import { ReviewPanel } from './ReviewPanel'
import { useResults } from './useResults'

const COLORS = { matched: 'blue', review: 'yellow', unmatched: 'gray', confirmed: 'green' } as const

/** 评定结果: import the published results, review the matches, apply them, track certificates and plaques. */
export function ResultsPage() {
  const { settings } = useSettings()
  const { data, error, reload } = useResults()
  const [applying, setApplying] = useState(false)
  if (!settings?.association) return <Text c="dimmed">请先填写协会信息。</Text>
  const rows = data?.rows ?? []
  const count = (s: (typeof RESULT_STATUSES)[number]) => rows.filter((r) => r.status === s).length
  const matched = count('matched')

  const apply = async () => {
    setApplying(true)
    try {
      const { applied } = await call('results.apply', {})
      notifySuccess(`已将 ${applied} 条结果记入现场（状态改为“已评定”或“未通过”）`, '结果已应用')
      await reload()
    } catch (e) {
      notifyError(e, '结果未应用')
    } finally {
      setApplying(false)
    }
  }

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between">
        <Title order={2}>评定结果</Title>
        <OutputButtons disabled={!data?.sites.length} />
      </Group>
      {error !== null && <ErrorAlert title="无法读取评定结果" error={error} onRetry={() => void reload()} />}
      <ImportResults onImported={() => void reload()} />
      {rows.length > 0 && (
        <Group gap="xs" data-testid="result-counts">
          {RESULT_STATUSES.map((s) => (
            <Badge key={s} color={COLORS[s]} variant="light" size="lg">
              {RESULT_STATUS_LABELS[s]} {count(s)}
            </Badge>
          ))}
          <Button ml="auto" onClick={() => void apply()} loading={applying} disabled={!matched}>
            应用结果{matched ? `（${matched} 条已匹配）` : ''}
          </Button>
        </Group>
      )}
      <ReviewPanel rows={rows.filter((r) => r.status === 'review')} onChanged={() => void reload()} />
      <ResultsTable rows={rows} />
      <HandoverTable sites={data?.sites ?? []} onSaved={() => void reload()} />
    </Stack>
  )
}
