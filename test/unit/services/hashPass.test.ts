import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hashPass, TruncatedFile, type HashRange, type LocatedRange } from '../../../src-main/services/files/hashPass'
import { tempDir } from '../../helpers/tmp'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

let cleanup: (() => void) | null = null
afterEach(() => {
  cleanup?.()
  cleanup = null
})

function file(bytes: Buffer): { fd: number; close(): void } {
  const t = tempDir('starsite-hashpass-')
  cleanup = t.cleanup
  const p = path.join(t.dir, 'data.bin')
  fs.writeFileSync(p, bytes)
  const fd = fs.openSync(p, 'r')
  return { fd, close: () => fs.closeSync(fd) }
}

describe('hashPass: one read, many ranges, the whole file on the worker', () => {
  // 9 MiB + a bit: several of the pass's chunks, with ranges and locators across every chunk boundary.
  const data = randomBytes(9 * 1024 * 1024 + 12345)

  it('hashes overlapping ranges in any order, and the whole file, on the worker thread', async () => {
    const f = file(data)
    try {
      const spans = [
        [0, data.length],
        [5, 6],
        [2 * 1024 * 1024 - 3, 2 * 1024 * 1024 + 3],
        [1000, 1000],
        [4 * 1024 * 1024 - 1, 8 * 1024 * 1024 + 1],
        [data.length - 1, data.length],
        [3, 7_000_000],
      ]
      const ranges: HashRange[] = spans.map(([start, end]) => ({ start, end })).reverse()
      const { sha256 } = await hashPass(f.fd, data.length, ranges, { whole: true })
      expect(sha256).toBe(sha(data))
      for (const r of ranges) expect(r.sha256).toBe(sha(data.subarray(r.start, r.end)))
    } finally {
      f.close()
    }
  })

  it('locates ranges from the bytes it reads, including locators that straddle two chunks', async () => {
    // Every 1,048,571 bytes (so some straddle a 2 MiB chunk boundary) a "header" whose first 4 bytes give the length of the data right after its 30 bytes.
    const copy = Buffer.from(data)
    const headers: number[] = []
    for (let at = 17; at + 30 < copy.length; at += 1_048_571) {
      copy.writeUInt32LE((at * 7) % 500_000, at)
      headers.push(at)
    }
    const f = file(copy)
    try {
      const seen: { at: number; bytes: string | null }[] = []
      const found: HashRange[] = []
      const located: LocatedRange[] = headers.map((at) => ({
        at,
        length: 30,
        locate: (bytes) => {
          seen.push({ at, bytes: bytes && bytes.toString('hex') })
          if (!bytes) return null
          const r: HashRange = { start: at + 30, end: Math.min(at + 30 + bytes.readUInt32LE(0), copy.length) }
          found.push(r)
          return r
        },
      }))
      // One locator past the end of the file: told so with null.
      located.push({ at: copy.length - 10, length: 30, locate: (bytes) => (seen.push({ at: copy.length - 10, bytes: bytes && bytes.toString('hex') }), null) })
      await hashPass(f.fd, copy.length, [], { located })
      expect(seen).toEqual([...headers.map((at) => ({ at, bytes: copy.subarray(at, at + 30).toString('hex') })), { at: copy.length - 10, bytes: null }])
      expect(found).toHaveLength(headers.length)
      for (const r of found) expect(r.sha256).toBe(sha(copy.subarray(r.start, r.end)))
      // The boundaries were crossed: some header began in one 2 MiB chunk and ended in the next.
      expect(headers.some((at) => Math.floor(at / (2 << 20)) !== Math.floor((at + 29) / (2 << 20)))).toBe(true)
    } finally {
      f.close()
    }
  })

  it('reports a file shorter than announced, and a range past its end', async () => {
    const f = file(data.subarray(0, 1000))
    try {
      await expect(hashPass(f.fd, 5000, [], { whole: true })).rejects.toThrow(TruncatedFile)
      await expect(hashPass(f.fd, 1000, [{ start: 900, end: 1001 }])).rejects.toThrow(/past the end/)
      // Still usable after both failures: the worker dropped those passes.
      const r: HashRange = { start: 10, end: 20 }
      expect((await hashPass(f.fd, 1000, [r], { whole: true })).sha256).toBe(sha(data.subarray(0, 1000)))
      expect(r.sha256).toBe(sha(data.subarray(10, 20)))
    } finally {
      f.close()
    }
  })

  it('hands every chunk to a sink at its offset: the copy it writes is the file, byte for byte', async () => {
    const f = file(data)
    const copyDir = tempDir('starsite-hashpass-copy-')
    const out = path.join(copyDir.dir, 'copy.bin')
    const to = fs.openSync(out, 'w')
    const offsets: number[] = []
    try {
      const sink = (chunk: Buffer, position: number) =>
        new Promise<void>((resolve, reject) => {
          offsets.push(position)
          // A copy: the slot is reused once this settles, so the bytes must be written by then.
          fs.write(to, chunk, 0, chunk.length, position, (e) => (e ? reject(e) : resolve()))
        })
      const { sha256 } = await hashPass(f.fd, data.length, [], { whole: true, sink, firstChunk: 64 * 1024 })
      expect(sha256).toBe(sha(data))
      // The first read was the small one asked for, then whole chunks.
      expect(offsets.slice(0, 3)).toEqual([0, 64 * 1024, 64 * 1024 + 2 * 1024 * 1024])
    } finally {
      fs.closeSync(to)
      f.close()
    }
    expect(sha(fs.readFileSync(out))).toBe(sha(data))
    copyDir.cleanup()
  })

  it('stops at a sink that fails, with its error, and stays usable', async () => {
    const f = file(data)
    try {
      let calls = 0
      const failure = new Error('disk full')
      const sink = async () => {
        if (++calls === 2) throw failure
      }
      await expect(hashPass(f.fd, data.length, [], { whole: true, sink })).rejects.toBe(failure)
      // Not past the failing chunk by more than the slots already filled.
      expect(calls).toBeLessThanOrEqual(4)
      // The last chunk's sink failing too is reported, not lost after the read loop.
      let seen = 0
      const lastFails = async (chunk: Buffer, position: number) => {
        seen++
        if (position + chunk.length === data.length) throw failure
      }
      await expect(hashPass(f.fd, data.length, [], { whole: true, sink: lastFails })).rejects.toBe(failure)
      expect(seen).toBe(5)
      expect((await hashPass(f.fd, data.length, [], { whole: true })).sha256).toBe(sha(data))
    } finally {
      f.close()
    }
  })
})
