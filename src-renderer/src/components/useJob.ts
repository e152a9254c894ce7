import { useCallback, useRef, useState } from 'react'
import type { JobOpName, OpInput, OpOutput } from '../../../src-main/api/contract'
import { ApiError, runJob, type JobProgress, type RunningJob } from '../api'
import { notifyError } from '../app/notify'

/**
 * One long operation at a time, with its progress and a cancel: `start` resolves with the result, or null
 * when it failed (already told to the user) or was cancelled.
 */
export function useJob<K extends JobOpName>(name: K, failureTitle: string) {
  const job = useRef<RunningJob<K> | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [progress, setProgress] = useState<JobProgress | null>(null)

  const start = useCallback(
    async (input: OpInput<K>): Promise<OpOutput<K> | null> => {
      setRunning(true)
      setProgress(null)
      const current = runJob(name, input, setProgress)
      job.current = current
      try {
        return await current.promise
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'cancelled')) notifyError(e, failureTitle)
        return null
      } finally {
        job.current = null
        setRunning(false)
        setCancelling(false)
      }
    },
    [name, failureTitle],
  )

  const cancel = useCallback(async () => {
    setCancelling(true)
    try {
      await job.current?.cancel()
    } catch (e) {
      notifyError(e, '无法取消')
      setCancelling(false)
    }
  }, [])

  return { running, cancelling, progress, start, cancel }
}
