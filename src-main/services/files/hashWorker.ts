/**
 * SHA-256 on a second thread. Node's hash.update runs synchronously on the calling thread, so hashing a file
 * whole and per zip entry on the main thread would leave one core idle while the other hashes everything
 * and still has the listing, the manifest and the register to do. The worker hashes both — the whole file
 * and every range asked for — from the chunks the main thread reads, while the main thread does the rest
 * (and, in a run of bundles, ingests the previous one).
 *
 * Chunks travel in SharedArrayBuffers (no copy): the reader fills a slot, posts its index with the ranges that
 * fall in it, and reuses the slot only after the worker reports it released. One worker serves the whole
 * process (started on first use, ~30 ms); it is unref'd whenever no pass is in progress, so it never keeps the
 * process alive. Its source is inline (eval) so it runs the same under tsx, vitest, the CLI and Electron.
 */
import { Worker } from 'node:worker_threads'

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const passes = new Map()
parentPort.on('message', (m) => {
  try {
    if (m.op === 'begin') passes.set(m.id, { whole: m.whole ? createHash('sha256') : null, slots: m.slots, ranges: [] })
    else if (m.op === 'update') {
      const p = passes.get(m.id)
      if (p) {
        const view = new Uint8Array(p.slots[m.slot], 0, m.length)
        if (p.whole) p.whole.update(view)
        const r = m.ranges
        for (let i = 0; i < r.length; i += 3) {
          let h = p.ranges[r[i]]
          if (!h) h = p.ranges[r[i]] = createHash('sha256')
          h.update(view.subarray(r[i + 1], r[i + 2]))
        }
      }
      parentPort.postMessage({ op: 'released', id: m.id, slot: m.slot })
    } else if (m.op === 'digest') {
      const p = passes.get(m.id)
      passes.delete(m.id)
      if (!p) return parentPort.postMessage({ op: 'error', id: m.id, message: 'unknown pass' })
      const ranges = []
      for (let i = 0; i < m.count; i++) ranges.push(p.ranges[i] ? p.ranges[i].digest('hex') : null)
      parentPort.postMessage({ op: 'digest', id: m.id, whole: p.whole ? p.whole.digest('hex') : null, ranges })
    } else if (m.op === 'abort') passes.delete(m.id)
  } catch (e) {
    parentPort.postMessage({ op: 'error', id: m.id, message: String((e && e.message) || e) })
  }
})
`

export interface PassDigests {
  /** The whole file's hex SHA-256, when asked for. */
  whole: string | null
  /** Per range id: its hex SHA-256, or null when no byte of it was ever sent (an empty range). */
  ranges: (string | null)[]
}

type Reply =
  | { op: 'released'; id: number; slot: number }
  | ({ op: 'digest'; id: number } & PassDigests)
  | { op: 'error'; id: number; message: string }

interface Pending {
  released: Map<number, () => void>
  digest?: { resolve: (d: PassDigests) => void; reject: (e: Error) => void }
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
      p.digest?.resolve({ whole: m.whole, ranges: m.ranges })
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

/** Keep the process alive while a pass is in progress, and only then. */
function refCount(): void {
  if (!worker) return
  if (pending.size) worker.ref()
  else worker.unref()
}

/** One pass over a file in progress on the worker; the caller owns the slots and reuses one only once released. */
export interface WorkerPass {
  /**
   * Hash the first `length` bytes of slot `slot` into the whole-file hash (if any), and each range's part of it:
   * `ranges` holds triples (range id, from, to) of offsets in the slot. Resolves once the worker is done with the slot.
   */
  update(slot: number, length: number, ranges: number[]): Promise<void>
  /** The digests, `count` range ids long. */
  digest(count: number): Promise<PassDigests>
  /** Drop the pass (after a failure or cancel); later replies for it are ignored. */
  abort(): void
}

export function startWorkerPass(slots: SharedArrayBuffer[], whole: boolean): WorkerPass {
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
  w.postMessage({ op: 'begin', id, slots, whole })
  return {
    update(slot, length, ranges) {
      if (failure) return Promise.reject(failure)
      return new Promise<void>((resolve) => {
        state.released.set(slot, resolve)
        w.postMessage({ op: 'update', id, slot, length, ranges })
      })
    },
    digest(count) {
      if (failure) return Promise.reject(failure)
      return new Promise<PassDigests>((resolve, reject) => {
        state.digest = { resolve, reject }
        w.postMessage({ op: 'digest', id, count })
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
