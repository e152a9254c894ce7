/**
 * One sequential read of a file that hashes many byte ranges of it (a zip's stored entries) on this thread
 * and, optionally, the whole file on the hash worker at the same time — every byte read once, in big chunks.
 *
 * Memory is fixed: SLOTS chunks of CHUNK bytes, whatever the file's size. The next chunk is read (libuv's
 * thread pool) while this one is hashed, and a slot is refilled only once both hashers are done with it.
 */
import type { Hash } from 'node:crypto'
import fs from 'node:fs'
import { startWorkerHash, type WorkerHash } from './hashWorker'

const CHUNK = 4 * 1024 * 1024
const SLOTS = 3

export interface HashRange {
  /** Byte offsets in the file, end exclusive. */
  start: number
  end: number
  hash: Hash
}

export interface HashPassOptions {
  /** Also hash the whole file (on the worker thread); its hex digest is returned. */
  whole?: boolean
  /** Called after each chunk with its size; may throw (a cancel) to stop the pass. */
  onChunk?: (bytes: number) => void
}

const readAt = (fd: number, buffer: Buffer, position: number) =>
  new Promise<number>((resolve, reject) => fs.read(fd, buffer, 0, buffer.length, position, (e, n) => (e ? reject(e) : resolve(n))))

/**
 * Read `size` bytes of `fd` from offset 0, feeding each range's hash the bytes in [start, end). Ranges may
 * overlap and come in any order. Throws if the file ends before `size` bytes.
 */
export async function hashPass(fd: number, size: number, ranges: HashRange[], options: HashPassOptions = {}): Promise<{ sha256?: string }> {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const slots = Array.from({ length: SLOTS }, () => new SharedArrayBuffer(Math.min(CHUNK, Math.max(size, 1))))
  const views = slots.map((s) => Buffer.from(s))
  const whole: WorkerHash | null = options.whole ? startWorkerHash(slots) : null
  const freed: Promise<void>[] = slots.map(() => Promise.resolve())
  let reading: Promise<number> | null = null
  let finished = false
  try {
    let pos = 0
    let slot = 0
    let next = 0
    const active: HashRange[] = []
    if (size > 0) reading = readAt(fd, views[0], 0)
    while (pos < size) {
      const n = await reading!
      reading = null
      if (n === 0) throw new Error(`unexpected EOF: ${pos} of ${size} bytes`)
      const start = pos
      const end = Math.min(pos + n, size)
      pos = end
      const chunk = views[slot].subarray(0, end - start)
      const following = (slot + 1) % SLOTS
      if (pos < size) {
        const at = pos
        reading = freed[following].then(() => readAt(fd, views[following], at))
        // Settled (and awaited) on the next turn; never left unhandled if this turn throws.
        reading.catch(() => undefined)
      }
      if (whole) freed[slot] = whole.update(slot, chunk.length)
      while (next < sorted.length && sorted[next].start < end) active.push(sorted[next++])
      for (let i = 0; i < active.length; ) {
        const r = active[i]
        const from = Math.max(r.start, start)
        const to = Math.min(r.end, end)
        if (from < to) r.hash.update(chunk.subarray(from - start, to - start))
        if (r.end <= end) active.splice(i, 1)
        else i++
      }
      options.onChunk?.(chunk.length)
      slot = following
    }
    const sha256 = whole ? await whole.digest() : undefined
    finished = true
    return { sha256 }
  } finally {
    if (!finished) {
      whole?.abort()
      // The read in flight writes into a slot and uses the descriptor: let it settle before the caller closes it.
      await reading?.catch(() => undefined)
    }
  }
}

