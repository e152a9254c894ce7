import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { OpOutput } from '@contract'
import { errorMessage } from '../../api'
import { navigate } from '../../app/routes'
import { JobProgressBar } from '../../components/JobProgressBar'
import type { RosterPreview } from './problems'
import { useJob } from '../../components/useJob'

export type CommitResult = OpOutput<'roster.commit'>

interface Props {
  path: string
  preview: RosterPreview
  result: CommitResult | null
  onCommitted(result: CommitResult): void
}

/** Step 3: import every row (only when none has an error) or only the rows without errors. */
export function CommitPanel({ path, preview, result, onCommitted }: Props) {
  const job = useJob('roster.commit', { cancelOnLeave: true })
  const [error, setError] = useState<unknown>(null)
  const { counts } = preview
  const importable = counts.new + counts.update

  const commit = async (validOnly: boolean) => {
    setError(null)
    try {
      onCommitted(await job.start({ path, fileSha256: preview.fileSha256, validOnly }))
    } catch (e) {
      setError(e)
    }
  }

  if (result)
    return (
      <Alert color="green" title="导入完成" data-testid="commit-result">
        <Stack gap="xs">
          <Text size="sm">
            新增 {result.created}、更新 {result.updated}、未变 {result.unchanged}、跳过 {result.skipped}。
            {result.warnings.length > 0 && ` 有 ${result.warnings.length} 条警告已随现场导入，可在“审核”页查看和处理。`}
          </Text>
          <Group>
            <Button size="xs" onClick={() => navigate('sites')}>
              查看推荐现场
            </Button>
          </Group>
        </Stack>
      </Alert>
    )

  return (
    <Stack gap="sm">
      {counts.error > 0 && (
        <Text size="sm" c="red.8" data-testid="commit-blocked">
          有 {counts.error} 行存在错误，不能全部导入：请在 Excel 中改正后重新选择文件，或只导入其余 {importable} 行（有错误的行不会导入）。
        </Text>
      )}
      {importable === 0 && <Text size="sm" c="dimmed">没有可以导入的行。</Text>}
      <Group>
        <Button disabled={counts.error > 0 || importable === 0 || job.running} onClick={() => void commit(false)}>
          导入全部（{counts.total} 行）
        </Button>
        {counts.error > 0 && (
          <Button variant="light" disabled={importable === 0 || job.running} onClick={() => void commit(true)}>
            仅导入无错误的行（{importable} 行）
          </Button>
        )}
      </Group>
      {job.running && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
      {error !== null && (
        <Alert color="red" title="导入未完成" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
    </Stack>
  )
}
