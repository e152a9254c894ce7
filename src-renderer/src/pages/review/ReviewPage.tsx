import { Group, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { RULE_LABELS, type Finding } from '@contract'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { useSettings } from '../../app/SettingsContext'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FindingFilterBar } from './FindingFilterBar'
import { FindingList } from './FindingList'
import { filterFindings, groupRows, NO_FILTERS, type FindingFilters, type GroupBy } from './findingView'
import { ReviewActions } from './ReviewActions'
import { SummaryCounts } from './SummaryCounts'
import { useReviewData } from './useReviewData'
import { WaiveModal } from './WaiveModal'

const PAGE_STYLE = { height: 'calc(100dvh - 56px - 2 * var(--mantine-spacing-md))', minHeight: 420 }

/** 审核: run the year's checks, read the findings by site or by rule, waive what may be waived. */
export function ReviewPage() {
  const { settings } = useSettings()
  const ready = settings?.association != null
  const data = useReviewData(ready)
  const [groupBy, setGroupBy] = useState<GroupBy>('site')
  const [filters, setFilters] = useState<FindingFilters>(NO_FILTERS)
  const [waiving, setWaiving] = useState<Finding | null>(null)
  const [busyId, setBusyId] = useState<number | null>(null)

  const enterprises = useMemo(() => [...new Set(data.findings.map((x) => x.enterprise).filter(Boolean))].sort(), [data.findings])
  const visible = useMemo(() => filterFindings(data.findings, filters), [data.findings, filters])
  const rows = useMemo(() => groupRows(visible, groupBy), [visible, groupBy])

  const unwaive = async (x: Finding) => {
    setBusyId(x.id)
    try {
      await data.replace(await call('checks.unwaive', { findingId: x.id }))
      notifySuccess(`已取消现场 ${x.siteCode} 的“${RULE_LABELS[x.rule]}”豁免`)
    } catch (e) {
      notifyError(e, '未能取消豁免')
    } finally {
      setBusyId(null)
    }
  }

  const emptyText = !ready
    ? '请先在“设置”中填写协会信息。'
    : data.loading && data.findings.length === 0
      ? '正在读取…'
      : data.findings.length === 0
        ? data.summary?.lastRunAt
          ? '没有发现问题。'
          : '尚未审核。点击“运行审核”检查全部现场。'
        : '没有符合筛选条件的问题。'

  return (
    <Stack gap="sm" style={PAGE_STYLE}>
      <Title order={2}>审核</Title>
      <ReviewActions lastRunAt={data.summary?.lastRunAt ?? null} disabled={!ready} onFinished={() => void data.reload()} />
      {data.error !== null && ready && <ErrorAlert title="无法读取审核结果" error={data.error} onRetry={() => void data.reload()} />}
      <SummaryCounts summary={data.summary} />
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <FindingFilterBar groupBy={groupBy} onGroupBy={setGroupBy} filters={filters} onFilters={setFilters} enterprises={enterprises} />
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="finding-count">
          显示 {visible.length} / {data.findings.length} 条
        </Text>
      </Group>
      <FindingList rows={rows} emptyText={emptyText} busyId={busyId} onWaive={setWaiving} onUnwaive={(x) => void unwaive(x)} />
      <WaiveModal
        finding={waiving}
        onClose={() => setWaiving(null)}
        onWaived={(x) => {
          setWaiving(null)
          void data.replace(x)
        }}
      />
    </Stack>
  )
}
