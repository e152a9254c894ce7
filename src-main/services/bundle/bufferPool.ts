/**
 * The bundle build's read buffers, allocated once per build and lent out chunk by chunk: a buffer comes back
 * when the file sink has written the chunk in it, so at most `count` chunks of file data are in flight and no
 * chunk-sized garbage waits for the GC.
 *
 * A buffer that never comes back (a chunk copied or merged on its way to disk, so the sink hands back
 * something else) would leave the next acquire waiting forever, and the build with it. So the pool asks the
 * consumer whether it still holds anything: when every buffer is out and the consumer holds nothing, no buffer
 * can come back, and acquire fails at once with an error saying so. No timeout: a slow disk is not a lost buffer.
 */
import { AppError } from '../../core/errors'

export class BufferPool {
  private readonly free: Buffer[] = []
  private readonly out = new Set<ArrayBufferLike>()
  private waiting: (() => void) | undefined

  /**
   * @param holding whether the consumer still holds chunks it has not handed back (written or not yet);
   *   false means every buffer still lent out is lost.
   */
  constructor(
    readonly count: number,
    size: number,
    private readonly holding: () => boolean,
  ) {
    for (let i = 0; i < count; i++) {
      // allocUnsafeSlow: each buffer its own ArrayBuffer (not a slice of Node's shared pool), recognised on release by it.
      const b = Buffer.allocUnsafeSlow(size)
      this.free.push(b)
    }
  }

  /** Buffers lent out and not yet back. */
  get lent(): number {
    return this.out.size
  }

  private lost(): AppError {
    return new AppError(
      'internal',
      `内部错误：打包用的 ${this.lent} 个读缓冲区借出后没有归还（写入环节已无待写数据），打包无法继续，未生成报送包。请将此信息报告给开发人员。`,
      { lent: this.lent, count: this.count },
    )
  }

  /** A free buffer, waiting for one to come back if all are lent; fails if none can come back. */
  async acquire(): Promise<Buffer> {
    while (!this.free.length) {
      if (!this.holding()) throw this.lost()
      await new Promise<void>((resolve) => (this.waiting = resolve))
    }
    const b = this.free.pop()!
    this.out.add(b.buffer)
    return b
  }

  /** Give back the buffer under `chunk`, if it is one of ours and lent; anything else (zip headers, copies) is ignored. */
  release(chunk: Buffer): void {
    if (this.out.delete(chunk.buffer)) this.free.push(Buffer.from(chunk.buffer, 0, chunk.buffer.byteLength))
    this.wake()
  }

  /**
   * The consumer's state changed (it released something or went idle): a waiting acquire looks again, and
   * fails if nothing it waits for is still held.
   */
  wake(): void {
    const wake = this.waiting
    this.waiting = undefined
    wake?.()
  }

  /** At the end of a build every buffer must be back; one that is not was lost on the way. */
  assertAllBack(): void {
    if (this.lent) throw this.lost()
  }
}
