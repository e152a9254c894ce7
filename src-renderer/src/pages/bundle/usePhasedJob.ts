import { useCallback, useRef, useState } from 'react'
import type { JobOpName, OpInput, OpOutput } from '@contract'
import { ApiError, runJob, type JobProgress, type RunningJob } from '../../api'

export type PhaseProgress = Partial<Record<string, JobProgress>>

/**
 * A job whose phases report side by side (the bundle's 'files' and 'bytes'): the latest progress of each
 * phase is kept. `start` resolves with the result, or null; the failure (not a cancel) stays in `error` for
 * the page to explain — a refusal carries the list of what blocks it.
 */
export function usePhasedJob<K extends JobOpName>(name: K) {
  const job = useRef<RunningJob<K> | null>(null)
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [phases, setPhases] = useState<PhaseProgress>({})
  const [error, setError] = useState<unknown>(null)

  const start = useCallback(
    async (input: OpInput<K>): Promise<OpOutput<K> | null> => {
      setRunning(true)
      setPhases({})
      setError(null)
      const current = runJob(name, input, (p) => setPhases((prev) => ({ ...prev, [p.phase]: p })))
      job.current = current
      try {
        return await current.promise
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'cancelled')) setError(e)
        return null
      } finally {
        job.current = null
        setRunning(false)
        setCancelling(false)
      }
    },
    [name],
  )

  const cancel = useCallback(async () => {
    setCancelling(true)
    try {
      await job.current?.cancel()
    } catch (e) {
      setError(e)
      setCancelling(false)
    }
  }, [])

  return { running, cancelling, phases, error, start, cancel, clearError: () => setError(null) }
}
