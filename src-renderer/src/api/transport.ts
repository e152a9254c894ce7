import type { Envelope, JobEventShape } from '@contract'

/** How the client reaches the core: the Electron bridge or the browser-mode HTTP server. */
export interface Transport {
  invoke(name: string, input: unknown, jobId?: string): Promise<Envelope<unknown>>
  /** Progress of every running job; returns the unsubscribe function. */
  onJobEvent(listener: (event: JobEventShape) => void): () => void
  /** Resolves when job events subscribed so far will be delivered (a stream may still be connecting). */
  whenListening?(): Promise<void>
}

export function isJobEvent(value: unknown): value is JobEventShape {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.jobId === 'string' &&
    typeof v.phase === 'string' &&
    typeof v.done === 'number' &&
    typeof v.total === 'number'
  )
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (v.ok === true) return 'value' in v
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false
  const e = v.error as Record<string, unknown>
  return typeof e.code === 'string' && typeof e.message === 'string'
}
