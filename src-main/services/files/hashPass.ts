/**
 * One sequential read of a file that hashes many byte ranges of it (a zip's stored entries) and, optionally,
 * the whole file — every byte read once, in big chunks, all the hashing on the hash worker (hashWorker.ts):
 * this thread only reads, finds which ranges fall in each chunk and posts that.
 *
 * Memory is fixed: SLOTS chunks of CHUNK bytes, whatever the file's size. The next chunk is read (libuv's
 * thread pool) while the worker hashes this one, and a slot is refilled only once the worker is done with it.
 */
import fs from 'node:fs'
import { startWorkerPass } from './hashWorker'

const CHUNK = 2 * 1024 * 1024
const SLOTS = 3
/** Longest locator (LocatedRange.length): what is kept of a chunk's end for one that straddles two chunks. */
const MAX_LOCATOR = 64
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export interface HashRange {
  /** Byte offsets in the file, end exclusive. */
  start: number
  end: number
  /** Set by the pass: the hex SHA-256 of the range's bytes. */
  sha256?: string
}

/**
 * A range known only from bytes of the file itself (a zip entry's data starts after its local header, whose
 * length is in the header): when the `length` bytes at `at` have been read, `locate` gets them — or null if
 * the file ends first — and returns the range to hash, which must start after those bytes, or null for none.
 * Locating in the pass saves a read per entry (~900 small reads a bundle).
 */
export interface LocatedRange {
  at: number
  length: number
  locate(bytes: Buffer | null): HashRange | null
}

export interface HashPassOptions {
  /** Also hash the whole file; its hex digest is returned. */
  whole?: boolean
  /** Ranges located from the file's own bytes as the pass goes. */
  located?: LocatedRange[]
  /** Called after each chunk with its size; may throw (a cancel) to stop the pass. */
  onChunk?: (bytes: number) => void
  /**
   * Handed each chunk as read, with its offset, e.g. to write a copy of the file in the same pass. The slot is
   * reused only once this has settled; a rejection stops the pass with that error.
   */
  sink?: (chunk: Buffer, position: number) => Promise<void>
  /** Size of the first read, when smaller than a chunk (the crash tests' point after it is then mid-file). */
  firstChunk?: number
}

/** The file ended before the size it was opened at: it was cut short (or is being cut) while read. */
export class TruncatedFile extends Error {
  constructor(readonly at: number, readonly size: number) {
    super(`unexpected EOF: ${at} of ${size} bytes`)
    this.name = 'TruncatedFile'
  }
}

const readAt = (fd: number, buffer: Buffer, position: number) =>
  new Promise<number>((resolve, reject) => fs.read(fd, buffer, 0, buffer.length, position, (e, n) => (e ? reject(e) : resolve(n))))

/**
 * Read `size` bytes of `fd` from offset 0 and set each range's sha256 (given and located ones) to the hash
 * of its bytes [start, end). Ranges may overlap and come in any order. Throws if the file ends before `size`.
 */
export async function hashPass(fd: number, size: number, ranges: HashRange[], options: HashPassOptions = {}): Promise<{ sha256?: string }> {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const locators = [...(options.located ?? [])].sort((a, b) => a.at - b.at)
  if (locators.some((l) => l.length > MAX_LOCATOR || l.length < 1)) throw new Error(`locator length must be 1–${MAX_LOCATOR}`)
  const { slots, views } = takeSlots()
  const worker = startWorkerPass(slots, !!options.whole)
  const freed: Promise<void>[] = slots.map(() => Promise.resolve())
  // The sink's part of each slot's release, kept apart: an aborted pass's worker never releases its slots.
  const sunk: Promise<void>[] = slots.map(() => Promise.resolve())
  const tail = Buffer.alloc(MAX_LOCATOR)
  let tailLength = 0
  let reading: Promise<number> | null = null
  let finished = false
  try {
    let pos = 0
    let slot = 0
    let next = 0
    let nextLocator = 0
    // Every range gets an id (its index here), which is how the worker keeps its hash.
    const all: HashRange[] = []
    const active: { r: HashRange; id: number }[] = []
    const add = (r: HashRange) => {
      active.push({ r, id: all.length })
      all.push(r)
    }
    const activate = (locator: LocatedRange, bytes: Buffer | null) => {
      const r = locator.locate(bytes)
      if (!r) return
      if (r.start < locator.at + locator.length) throw new Error('a located range must start after its locator')
      add(r)
    }
    const first = options.firstChunk ? views[0].subarray(0, Math.min(CHUNK, options.firstChunk)) : views[0]
    if (size > 0) reading = readAt(fd, first, 0)
    while (pos < size) {
      const n = await reading!
      reading = null
      if (n === 0) throw new TruncatedFile(pos, size)
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
      while (next < sorted.length && sorted[next].start < end) add(sorted[next++])
      while (nextLocator < locators.length && locators[nextLocator].at + locators[nextLocator].length <= end) {
        const l = locators[nextLocator++]
        const from = l.at - start
        // A locator that straddles the previous chunk's end: its first bytes are in the kept tail.
        const bytes = from >= 0 ? chunk.subarray(from, from + l.length) : Buffer.concat([tail.subarray(tailLength + from, tailLength), chunk.subarray(0, from + l.length)])
        activate(l, bytes)
      }
      const parts: number[] = []
      for (let i = 0; i < active.length; ) {
        const { r, id } = active[i]
        const from = Math.max(r.start, start)
        const to = Math.min(r.end, end)
        if (from < to) parts.push(id, from - start, to - start)
        if (r.end <= end) active.splice(i, 1)
        else i++
      }
      const hashed = worker.update(slot, chunk.length, parts)
      if (options.sink) {
        sunk[slot] = options.sink(chunk, start)
        // Awaited before the next read into this slot, or at the end; never left unhandled meanwhile.
        sunk[slot].catch(() => undefined)
        freed[slot] = Promise.all([hashed, sunk[slot]]).then(() => undefined)
        freed[slot].catch(() => undefined)
      } else freed[slot] = hashed
      tailLength = Math.min(MAX_LOCATOR, chunk.length)
      chunk.copy(tail, 0, chunk.length - tailLength)
      options.onChunk?.(chunk.length)
      slot = following
    }
    // Locators past the end of the file: their bytes never came.
    while (nextLocator < locators.length) locators[nextLocator++].locate(null)
    // Ranges at the very end of the file (empty ones), and none that reach past it.
    while (next < sorted.length) add(sorted[next++])
    if (all.some((r) => r.end > size)) throw new Error(`a range ends past the end of the file (${size} bytes)`)
    // The last chunks' sink writes: a failure there fails the pass as one mid-file would.
    await Promise.all(sunk)
    const digests = await worker.digest(all.length)
    all.forEach((r, i) => (r.sha256 = digests.ranges[i] ?? EMPTY_SHA256))
    finished = true
    return { sha256: digests.whole ?? undefined }
  } finally {
    if (!finished) {
      worker.abort()
      // The read in flight writes into a slot and uses the descriptor, and a sink may still be writing from one:
      // let them settle before the caller closes its descriptors.
      await reading?.catch(() => undefined)
      await Promise.allSettled(sunk)
    }
    // An aborted pass's slots may still be read by the worker: only a finished pass's go back for reuse.
    if (finished) idle.push({ slots, views })
  }
}

/**
 * Slots are reused from pass to pass: fresh ones would be new memory every time, and the kernel faulting in
 * new pages for every bundle cost more system time than reading the bundle.
 */
const idle: { slots: SharedArrayBuffer[]; views: Buffer[] }[] = []

function takeSlots(): { slots: SharedArrayBuffer[]; views: Buffer[] } {
  const free = idle.pop()
  if (free) return free
  const slots = Array.from({ length: SLOTS }, () => new SharedArrayBuffer(CHUNK))
  return { slots, views: slots.map((s) => Buffer.from(s)) }
}
