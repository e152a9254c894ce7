import type { JobEventShape, JobOpName, OpInput, OpName, OpOutput } from '@contract'
import { bridgeTransport } from './bridgeTransport'
import { ApiError } from './errors'
import { httpTransport } from './httpTransport'
import { newJobId } from './jobId'
import type { Transport } from './transport'

let transport: Transport | null = null

/** Chosen once: the desktop bridge when the preload exposed it, else the browser-mode HTTP server. */
function getTransport(): Transport {
  if (!transport) transport = window.starsite ? bridgeTransport(window.starsite) : httpTransport()
  return transport
}

/** True in the desktop app (native dialogs available), false in browser mode. */
export const isDesktop = (): boolean => window.starsite !== undefined

async function invoke(name: OpName, input: unknown, jobId?: string): Promise<unknown> {
  let envelope
  try {
    envelope = await getTransport().invoke(name, input, jobId)
  } catch {
    throw new ApiError({ code: 'network', message: '无法连接到本机服务，请重启程序后重试' })
  }
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value
}

/** Run one operation of the contract; throws ApiError when the core answers `{ ok: false }`. */
export async function call<K extends OpName>(name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  return (await invoke(name, input)) as OpOutput<K>
}

export interface JobProgress {
  phase: string
  done: number
  total: number
}

export interface RunningJob<K extends OpName> {
  jobId: string
  promise: Promise<OpOutput<K>>
  /** Ask the core to stop the job; the promise then rejects with the core's cancellation error. */
  cancel(): Promise<boolean>
}

/** Run a long operation as a job, reporting its progress until it settles. */
export function runJob<K extends JobOpName>(
  name: K,
  input: OpInput<K>,
  onProgress: (progress: JobProgress) => void,
): RunningJob<K> {
  const jobId = newJobId()
  const current = getTransport()
  const unsubscribe = current.onJobEvent((event: JobEventShape) => {
    if (event.jobId === jobId) onProgress({ phase: event.phase, done: event.done, total: event.total })
  })
  const listening = current.whenListening?.() ?? Promise.resolve()
  const promise = listening.then(() => invoke(name, input, jobId)).finally(unsubscribe) as Promise<OpOutput<K>>
  return {
    jobId,
    promise,
    cancel: async () => (await call('jobs.cancel', { jobId })).cancelled,
  }
}
