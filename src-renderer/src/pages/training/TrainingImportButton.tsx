import { Alert, Button, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { OpOutput } from '@contract'
import { chooseFiles, errorMessage } from '../../api'
import { JobProgressBar } from '../../components/JobProgressBar'
import { useJob } from '../../components/useJob'
import { describeProblem } from '../import/problems'

type Result = OpOutput<'training.importRoster'>

/** 导入培训名单: a training roster (.xlsx) → 'training.importRoster' with progress; the outcome per row. */
export function TrainingImportButton({ onImported }: { onImported(): void }) {
  const job = useJob('training.importRoster', { cancelOnLeave: true })
  const [opened, setOpened] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState<unknown>(null)

  const start = async () => {
    setError(null)
    setResult(null)
    try {
      const [file] = await chooseFiles({ title: '选择培训合格名单', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })
      if (!file) return
      setOpened(true)
      const r = await job.start({ path: file.path, validOnly: true })
      setResult(r)
      onImported()
    } catch (e) {
      setOpened(true)
      setError(e)
    }
  }

  return (
    <>
      <Button variant="default" loading={job.running} onClick={() => void start()}>
        导入培训名单
      </Button>
      <Modal opened={opened} onClose={() => !job.running && setOpened(false)} title="导入培训合格名单" size="lg">
        <Stack gap="sm">
          {job.running && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
          {error !== null && (
            <Alert color="red" title="导入未完成" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          {result && (
            <Alert color={result.errors.length ? 'yellow' : 'green'} title="导入完成" data-testid="training-import-result">
              <Text size="sm">
                共 {result.total} 行：新增 {result.created}、更新 {result.updated}、未变 {result.unchanged}、因错误跳过 {result.skipped}。
              </Text>
            </Alert>
          )}
          {result && result.errors.length > 0 && (
            <ScrollArea.Autosize mah={300} type="auto">
              <Stack gap={2}>
                {result.errors.map((p, i) => (
                  <Text key={`${p.row}:${p.column}:${i}`} size="xs" c="red.8">
                    {describeProblem(p)}
                  </Text>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          {!job.running && (
            <Button variant="default" onClick={() => setOpened(false)} style={{ alignSelf: 'flex-end' }}>
              关闭
            </Button>
          )}
        </Stack>
      </Modal>
    </>
  )
}
