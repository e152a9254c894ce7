/**
 * SHA-256 on a second thread. Node's hash.update runs synchronously on the calling thread, so hashing a file
 * whole while the same bytes are also hashed per zip entry would take twice the time on one thread; with the
 * whole-file hash on a worker, both run at once on a 2-core machine.
 *
 * Chunks travel in SharedArrayBuffers (no copy): the reader fills a slot, posts its index, and reuses the slot
 * only after the worker reports it released. One worker serves the whole process (started on first use, ~30 ms);
 * it is unref'd whenever no hash is in progress, so it never keeps the process alive. The worker's source is
 * inline (eval) so it runs the same under tsx, vitest, the CLI bundle and Electron's main process.
 */
import { Worker } from 'node:worker_threads'

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const passes = new Map()
parentPort.on('message', (m) => {
  try {
    if (m.op === 'begin') passes.set(m.id, { hash: createHash('sha256'), slots: m.slots })
    else if (m.op === 'update') {
      const p = passes.get(m.id)
      if (p) p.hash.update(new Uint8Array(p.slots[m.slot], 0, m.length))
      parentPort.postMessage({ op: 'released', id: m.id, slot: m.slot })
    } else if (m.op === 'digest') {
      const p = passes.get(m.id)
      passes.delete(m.id)
      parentPort.postMessage({ op: 'digest', id: m.id, hex: p ? p.hash.digest('hex') : null })
    } else if (m.op === 'abort') passes.delete(m.id)
  } catch (e) {
    parentPort.postMessage({ op: 'error', id: m.id, message: String((e && e.message) || e) })
  }
})
`

type Reply = { op: 'released'; id: number; slot: number } | { op: 'digest'; id: number; hex: string | null } | { op: 'error'; id: number; message: string }

interface Pending {
  released: Map<number, () => void>
  digest?: { resolve: (hex: string) => void; reject: (e: Error) => void }
  fail: (e: Error) => void
}

let worker: Worker | null = null
let nextId = 1
const pending = new Map<number, Pending>()

function failAll(error: Error): void {
  for (const p of pending.values()) p.fail(error)
  pending.clear()
  worker = null
}

function getWorker(): Worker {
  if (worker) return worker
  const w = new Worker(WORKER_SOURCE, { eval: true })
  w.on('message', (m: Reply) => {
    const p = pending.get(m.id)
    if (!p) return // an aborted pass's late replies
    if (m.op === 'released') {
      const release = p.released.get(m.slot)
      p.released.delete(m.slot)
      release?.()
    } else if (m.op === 'digest') {
      pending.delete(m.id)
      refCount()
      if (m.hex === null) p.digest?.reject(new Error('hash worker lost the pass'))
      else p.digest?.resolve(m.hex)
    } else {
      pending.delete(m.id)
      refCount()
      p.fail(new Error(`hash worker: ${m.message}`))
    }
  })
  w.on('error', (e) => failAll(e))
  w.on('exit', (code) => {
    if (worker === w) failAll(new Error(`hash worker exited (${code})`))
  })
  w.unref()
  worker = w
  return w
}

/** Keep the process alive while a hash is in progress, and only then. */
function refCount(): void {
  if (!worker) return
  if (pending.size) worker.ref()
  else worker.unref()
}

/** One whole-file hash in progress on the worker; the caller owns the slots and reuses one only once released. */
export interface WorkerHash {
  /** Hash the first `length` bytes of slot `slot`; resolves once the worker no longer reads that slot. */
  update(slot: number, length: number): Promise<void>
  digest(): Promise<string>
  /** Drop the pass (after a failure or cancel); later replies for it are ignored. */
  abort(): void
}

export function startWorkerHash(slots: SharedArrayBuffer[]): WorkerHash {
  const w = getWorker()
  const id = nextId++
  let failure: Error | null = null
  const state: Pending = {
    released: new Map(),
    fail(e) {
      failure = e
      for (const release of state.released.values()) release()
      state.released.clear()
      state.digest?.reject(e)
    },
  }
  pending.set(id, state)
  refCount()
  w.postMessage({ op: 'begin', id, slots })
  return {
    update(slot, length) {
      if (failure) return Promise.reject(failure)
      return new Promise<void>((resolve) => {
        state.released.set(slot, resolve)
        w.postMessage({ op: 'update', id, slot, length })
      })
    },
    digest() {
      if (failure) return Promise.reject(failure)
      return new Promise<string>((resolve, reject) => {
        state.digest = { resolve, reject }
        w.postMessage({ op: 'digest', id })
      })
    },
    abort() {
      if (!pending.has(id)) return
      pending.delete(id)
      refCount()
      w.postMessage({ op: 'abort', id })
    },
  }
}
