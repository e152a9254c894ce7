import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { navigate } from '../../app/routes'
import { notifySuccess } from '../../app/notify'
import { ErrorAlert } from '../../components/ErrorAlert'
import { JobProgressBar } from '../../components/JobProgressBar'
import { useNotifiedJob } from '../../components/useJob'
import { GenerateResult, type GenerateOutput } from './GenerateResult'
import { SiteSelectTable } from './SiteSelectTable'
import { useEligibleSites } from './useEligibleSites'

/** Choose sites (or none = all) and 生成推荐函 as a job; the result lists what was skipped and why. */
export function GeneratePanel({ ready, onGenerated }: { ready: boolean; onGenerated(): void }) {
  const sites = useEligibleSites(ready)
  const job = useNotifiedJob('letters.generate', '推荐函未生成')
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [result, setResult] = useState<GenerateOutput | null>(null)
  const rows = useMemo(() => sites.data ?? [], [sites.data])
  const blocked = rows.filter((r) => r.reasons.length > 0).length
  const chosen = rows.filter((r) => selected.has(r.site.id))

  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const generate = async () => {
    setResult(null)
    const partial = chosen.length > 0 && chosen.length < rows.length
    const out = await job.start(partial ? { siteIds: chosen.map((r) => r.site.id) } : {})
    if (!out) return
    setResult(out)
    notifySuccess(`已生成 ${out.generated.length} 份推荐函`, '生成完成')
    onGenerated()
    void sites.reload()
  }

  return (
    <Stack gap="sm">
      {sites.error !== null && <ErrorAlert title="无法读取现场" error={sites.error} onRetry={() => void sites.reload()} />}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          共 {rows.length} 个现场，其中 {blocked} 个有未解决的错误（生成时将跳过，可在
          <Anchor size="sm" onClick={() => navigate('review')} mx={4}>
            审核
          </Anchor>
          中处理）。
        </Text>
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid="generate-scope">
            {chosen.length > 0 ? `已选 ${chosen.length} 个现场` : '未勾选时为全部现场生成'}
          </Text>
          <Button onClick={() => void generate()} loading={job.running} disabled={!ready || job.running || rows.length === 0}>
            生成推荐函
          </Button>
        </Group>
      </Group>
      {job.running && <JobProgressBar progress={job.progress} cancelling={job.cancelling} onCancel={job.cancel} />}
      <SiteSelectTable
        rows={rows}
        selected={selected}
        disabled={job.running}
        onToggle={toggle}
        onToggleAll={(all) => setSelected(all ? new Set(rows.map((r) => r.site.id)) : new Set())}
      />
      {result && <GenerateResult result={result} />}
    </Stack>
  )
}
