import { useCallback, useEffect, useRef, useState } from 'react'
import type { JobOpName, OpInput, OpOutput } from '@contract'
import { ApiError, runJob, type JobProgress, type RunningJob } from '../api'
import { notifyError } from '../app/notify'

export interface JobState<K extends JobOpName, R> {
  running: boolean
  progress: JobProgress | null
  cancelling: boolean
  start(input: OpInput<K>): Promise<R>
  /** Asks the core to stop; the running `start` then ends as cancelled. */
  cancel(): void
}

export interface JobOptions {
  /** Leaving the page stops the work it started (a preview nobody will look at); otherwise it runs on. */
  cancelOnLeave?: boolean
}

/**
 * One long operation at a time, with its progress and a cancel. `start` resolves with the result and rejects
 * with the core's error (its Chinese message), for pages that show the error in place.
 */
export function useJob<K extends JobOpName>(name: K, options: JobOptions = {}): JobState<K, OpOutput<K>> {
  const current = useRef<RunningJob<K> | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const cancelOnLeave = options.cancelOnLeave === true

  useEffect(() => (cancelOnLeave ? () => void current.current?.cancel().catch(() => false) : undefined), [cancelOnLeave])

  const start = useCallback(
    async (input: OpInput<K>): Promise<OpOutput<K>> => {
      setProgress(null)
      setCancelling(false)
      setRunning(true)
      const job = runJob(name, input, setProgress)
      current.current = job
      try {
        return await job.promise
      } finally {
        current.current = null
        setRunning(false)
        setCancelling(false)
      }
    },
    [name],
  )

  const cancel = useCallback(() => {
    const job = current.current
    if (!job) return
    setCancelling(true)
    job.cancel().catch((e: unknown) => {
      setCancelling(false)
      notifyError(e, '无法取消')
    })
  }, [])

  return { running, progress, cancelling, start, cancel }
}

/**
 * useJob for pages without a place to show an error: a failure is told to the user as a notification titled
 * `failureTitle`, and `start` resolves with null after a failure or a cancel.
 */
export function useNotifiedJob<K extends JobOpName>(name: K, failureTitle: string): JobState<K, OpOutput<K> | null> {
  const job = useJob(name)
  const run = job.start
  const start = useCallback(
    async (input: OpInput<K>): Promise<OpOutput<K> | null> => {
      try {
        return await run(input)
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'cancelled')) notifyError(e, failureTitle)
        return null
      }
    },
    [run, failureTitle],
  )
  return { ...job, start }
}
