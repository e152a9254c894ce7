import { useCallback, useEffect, useRef, useState } from 'react'
import type { JobOpName, OpInput, OpOutput } from '../../../../src-main/api/contract'
import { runJob, type JobProgress } from '../../api'

export interface JobState<K extends JobOpName> {
  running: boolean
  progress: JobProgress | null
  cancelling: boolean
  /** Runs the job; resolves with its result, rejects with the core's error (Chinese message). */
  start(input: OpInput<K>): Promise<OpOutput<K>>
  cancel(): void
}

/** One long operation at a time, with its progress and a cancel that asks the core to stop. */
export function useJob<K extends JobOpName>(name: K): JobState<K> {
  const [progress, setProgress] = useState<JobProgress | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const current = useRef<{ cancel(): Promise<boolean> } | null>(null)

  // Leaving the page stops the work it started.
  useEffect(() => () => void current.current?.cancel().catch(() => false), [])

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
    void job.cancel().catch(() => false)
  }, [])

  return { running, progress, cancelling, start, cancel }
}
