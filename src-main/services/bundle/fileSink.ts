/**
 * The end of the bundle's zip pipeline: SHA-256 and size of the whole zip as its bytes go by (no second pass
 * over the file), then written to `fd` with writev, so the zip's small headers and descriptors share a system
 * call with the data around them. Each chunk is handed to `written` once the kernel has it (read buffers go
 * back to the pool).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { Writable } from 'node:stream'

export class HashingFileSink extends Writable {
  private readonly hash = createHash('sha256')
  size = 0
  private busy: Promise<void> | undefined
  private writing = 0

  constructor(
    private readonly fd: number,
    private readonly written: (chunk: Buffer) => void,
    highWaterMark: number,
  ) {
    super({ decodeStrings: true, highWaterMark })
  }

  /** Whether it has chunks not yet written (queued or being written): false means it will hand nothing back. */
  holding(): boolean {
    return this.writing > 0 || this.writableLength > 0
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (error?: Error | null) => void): void {
    this._writev([{ chunk }], cb)
  }

  override _writev(chunks: { chunk: Buffer }[], cb: (error?: Error | null) => void): void {
    const buffers = chunks.map((c) => c.chunk)
    for (const b of buffers) {
      this.hash.update(b)
      this.size += b.length
    }
    this.writing++
    // cb before handing the chunks back: the stream then counts them written (and starts its next batch), so
    // a pool woken by the release sees what this sink still holds (bufferPool.ts).
    this.busy = writeAll(this.fd, buffers).then(
      () => {
        this.writing--
        cb()
        for (const b of buffers) this.written(b)
      },
      (error: Error) => {
        this.writing--
        cb(error)
        for (const b of buffers) this.written(b)
      },
    )
  }

  /** Settles once no write is in progress: only then may the descriptor be closed. */
  async idle(): Promise<void> {
    while (this.busy) {
      const b = this.busy
      await b.catch(() => {})
      if (this.busy === b) this.busy = undefined
    }
  }

  digest(): string {
    return this.hash.digest('hex')
  }
}

/** writev until every byte is written (a regular file may take a write in parts). */
async function writeAll(fd: number, buffers: Buffer[]): Promise<void> {
  let rest = buffers
  while (rest.length) {
    const n = await new Promise<number>((resolve, reject) => fs.writev(fd, rest, (e, w) => (e ? reject(e) : resolve(w))))
    let skip = n
    const next: Buffer[] = []
    for (const b of rest) {
      if (skip >= b.length) skip -= b.length
      else {
        next.push(skip ? b.subarray(skip) : b)
        skip = 0
      }
    }
    if (n === 0 && next.length) throw new Error('write returned 0 bytes')
    rest = next
  }
}
