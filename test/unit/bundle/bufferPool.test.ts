/**
 * The bundle writer's read-buffer pool with the real file sink behind it: buffers come back once their chunk
 * is on disk, and a buffer that cannot come back fails the next acquire with a clear error instead of
 * leaving the build waiting forever.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BufferPool } from '../../../src-main/services/bundle/bufferPool'
import { HashingFileSink } from '../../../src-main/services/bundle/fileSink'
import { rejection } from '../../helpers/errors'
import { tempDir } from './helpers'

const CHUNK = 64 * 1024

/**
 * Write `chunks` chunks of file data through a pool of 4 buffers into a sink, as the bundle build does.
 * `onTheWay` is what happens to a chunk between the pool and the sink.
 */
async function pipeline(chunks: number, onTheWay: (chunk: Buffer) => Buffer) {
  const file = path.join(tempDir('starsite-pool-'), 'out.bin')
  const fd = fs.openSync(file, 'w')
  const sink: HashingFileSink = new HashingFileSink(fd, (chunk) => pool.release(chunk), 5 * CHUNK)
  const pool = new BufferPool(4, CHUNK, () => sink.holding())
  try {
    for (let i = 0; i < chunks; i++) {
      const b = await pool.acquire()
      b.fill(i & 0xff)
      if (!sink.write(onTheWay(b))) await new Promise((resolve) => sink.once('drain', resolve))
    }
    await new Promise<void>((resolve) => sink.end(resolve))
    pool.assertAllBack()
    return { size: fs.statSync(file).size, lent: pool.lent }
  } finally {
    sink.destroy()
    await sink.idle()
    fs.closeSync(fd)
  }
}

describe('bundle buffer pool', () => {
  it('lends 4 buffers for 40 chunks: each comes back once written, all are back at the end', async () => {
    expect(await pipeline(40, (b) => b)).toEqual({ size: 40 * CHUNK, lent: 0 })
  })

  it('fails loudly, naming the lost buffers, when chunks are copied on the way so the pool never gets them back', async () => {
    // A copy (or a merge of chunks) reaches the disk and is handed back instead of the pool's buffer.
    const error = await rejection(pipeline(40, (b) => Buffer.from(b)))
    expect(error).toMatchObject({ code: 'internal', details: { lent: 4, count: 4 } })
    expect(error.message).toContain('读缓冲区借出后没有归还')
  })

  it('fails at the end of a build when one buffer never came back, even if the pool never ran dry', async () => {
    let copied = false
    const error = await rejection(
      pipeline(40, (b) => {
        if (copied) return b
        copied = true
        return Buffer.from(b)
      }),
    )
    expect(error).toMatchObject({ code: 'internal', details: { lent: 1, count: 4 } })
  })

  it('waits (does not fail) while the sink still holds chunks, and goes on when one comes back', async () => {
    let holding = true
    const pool = new BufferPool(1, 16, () => holding)
    const first = await pool.acquire()
    const second = pool.acquire()
    let got: Buffer | undefined
    void second.then((b) => (got = b))
    pool.wake() // the consumer changed state but still holds the chunk
    await new Promise((resolve) => setImmediate(resolve))
    expect(got).toBeUndefined()
    pool.release(first)
    expect((await second).buffer).toBe(first.buffer)
    // Nothing held and nothing free: the next acquire fails at once.
    holding = false
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'internal' })
  })
})
