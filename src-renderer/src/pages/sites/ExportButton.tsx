import { Button, Group, Loader } from '@mantine/core'
import { lazy, Suspense, useRef, useState } from 'react'
import { openOutput, runJob, type JobProgress, type RunningJob } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'

// Only while an export runs: the registry's first screen does not load the progress bar's code.
const JobProgressBar = lazy(async () => ({ default: (await import('../../components/JobProgressBar')).JobProgressBar }))

/** 导出 Excel: this year's sites as a roster that can be edited and imported again. */
export function ExportButton() {
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const job = useRef<RunningJob<'roster.export'> | null>(null)

  const exportRoster = async () => {
    setRunning(true)
    setCancelling(false)
    setProgress(null)
    const current = runJob('roster.export', {}, setProgress)
    job.current = current
    try {
      const { path, sites } = await current.promise
      await openOutput(path, path.split(/[\\/]/).pop())
      notifySuccess(`已导出 ${sites} 个现场`, '导出完成')
    } catch (e) {
      notifyError(e, '导出未完成')
    } finally {
      job.current = null
      setRunning(false)
    }
  }

  if (running)
    return (
      <Group w={280} data-testid="export-progress">
        <div style={{ flex: 1 }}>
          <Suspense fallback={<Loader size="xs" aria-label="正在导出" />}>
            <JobProgressBar
              progress={progress}
              cancelling={cancelling}
              onCancel={() => {
                setCancelling(true)
                void job.current?.cancel().catch(() => false)
              }}
            />
          </Suspense>
        </div>
      </Group>
    )
  return (
    <Button variant="default" onClick={() => void exportRoster()}>
      导出 Excel
    </Button>
  )
}
