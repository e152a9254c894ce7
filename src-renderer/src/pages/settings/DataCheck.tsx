import { Alert, Button, List, Stack, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import type { OpOutput } from '@contract'
import { runJob, type JobProgress, type RunningJob } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { JobProgressBar } from '../../components/JobProgressBar'

type Result = OpOutput<'maintenance.checkData'>

/** 检查数据文件: an integrity check of the database, run as a job with progress and cancel. */
export function DataCheck() {
  const job = useRef<RunningJob<'maintenance.checkData'> | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [result, setResult] = useState<Result | null>(null)

  const start = async () => {
    setRunning(true)
    setProgress(null)
    setResult(null)
    const current = runJob('maintenance.checkData', {}, setProgress)
    job.current = current
    try {
      const value = await current.promise
      setResult(value)
      if (value.ok) notifySuccess('数据文件完好')
    } catch (e) {
      notifyError(e, '数据检查未完成')
    } finally {
      job.current = null
      setRunning(false)
      setCancelling(false)
    }
  }

  const cancel = async () => {
    setCancelling(true)
    try {
      await job.current?.cancel()
    } catch (e) {
      notifyError(e, '无法取消')
      setCancelling(false)
    }
  }

  return (
    <Stack gap="xs">
      {running ? (
        <JobProgressBar progress={progress} cancelling={cancelling} onCancel={() => void cancel()} />
      ) : (
        <div>
          <Button variant="default" size="xs" onClick={() => void start()}>
            检查数据文件
          </Button>
        </div>
      )}
      {result && result.ok && (
        <Text size="sm" c="green">
          数据文件完好，共 {result.tables.length} 张表、{result.tables.reduce((n, t) => n + t.rows, 0)} 条记录。
        </Text>
      )}
      {result && !result.ok && (
        <Alert color="red" title="数据文件有问题">
          <List size="sm">
            {result.databaseProblems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            请先备份整个数据文件夹，再联系技术支持。
          </Text>
        </Alert>
      )}
    </Stack>
  )
}
