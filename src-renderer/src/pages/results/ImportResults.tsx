import { Alert, Button, Checkbox, Group, ScrollArea, Stack, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import type { OpOutput } from '@contract'
import { ApiError, chooseFiles, errorMessage, runJob, type JobProgress, type RunningJob } from '../../api'
import { JobProgressBar } from '../../components/JobProgressBar'

type Summary = OpOutput<'results.import'>

function problemLines(error: unknown): string[] {
  if (!(error instanceof ApiError)) return []
  const details = error.details
  if (!Array.isArray(details)) return []
  return details.flatMap((d: unknown) => (d && typeof d === 'object' && 'message' in d ? [String(d.message)] : []))
}

/** 导入结果文件: the national office's list (.xlsx) → 'results.import' with progress and a cancel. */
export function ImportResults({ onImported }: { onImported(): void }) {
  const [skipErrors, setSkipErrors] = useState(false)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [summary, setSummary] = useState<Summary | null>(null)
  const [error, setError] = useState<unknown>(null)
  const job = useRef<RunningJob<'results.import'> | null>(null)

  const start = async () => {
    setError(null)
    setSummary(null)
    try {
      const [file] = await chooseFiles({ title: '选择评定结果文件', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })
      if (!file) return
      setRunning(true)
      setProgress(null)
      const current = runJob('results.import', { path: file.path, skipErrors }, setProgress)
      job.current = current
      setSummary(await current.promise)
      onImported()
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'cancelled')) setError(e)
    } finally {
      job.current = null
      setRunning(false)
      setCancelling(false)
    }
  }

  const lines = problemLines(error)
  return (
    <Stack gap="xs">
      <Group gap="md">
        <Button onClick={() => void start()} loading={running}>
          导入结果文件
        </Button>
        <Checkbox label="跳过有错误的行" checked={skipErrors} onChange={(e) => setSkipErrors(e.currentTarget.checked)} />
        <Text size="xs" c="dimmed">
          需要的列：现场编号（可无）、现场名称、推荐单位或所属企业、现场类型、星级（如 四星级、★★★★、4、未通过）、证书编号、批次
        </Text>
      </Group>
      {running && (
        <JobProgressBar
          progress={progress}
          cancelling={cancelling}
          onCancel={() => {
            setCancelling(true)
            void job.current?.cancel().catch(() => false)
          }}
        />
      )}
      {error !== null && (
        <Alert color="red" title="评定结果未导入" role="alert" withCloseButton onClose={() => setError(null)}>
          <Text size="sm">{lines.length ? '文件中有错误，本次未导入任何结果。请修正后重新导入，或勾选“跳过有错误的行”。' : errorMessage(error)}</Text>
          {lines.length > 0 && (
            <ScrollArea.Autosize mah={160} type="auto" mt={4}>
              {lines.map((l) => (
                <Text key={l} size="xs" c="red.8">
                  {l}
                </Text>
              ))}
            </ScrollArea.Autosize>
          )}
        </Alert>
      )}
      {summary && (
        <Alert color={summary.review || summary.unmatched ? 'yellow' : 'green'} title="导入完成" data-testid="results-import-summary" withCloseButton onClose={() => setSummary(null)}>
          <Text size="sm">
            共 {summary.total} 行：已匹配 {summary.matched}，待确认 {summary.review}，未匹配 {summary.unmatched}
            {summary.kept ? `，已确认过的 ${summary.kept} 行保持不变` : ''}
            {summary.skipped ? `，因错误跳过 ${summary.skipped} 行` : ''}。
            {summary.review ? '请在下方“待确认”中为每条结果选择对应的现场。' : ''}
          </Text>
        </Alert>
      )}
    </Stack>
  )
}
