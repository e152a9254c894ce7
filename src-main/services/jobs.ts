import { AppError } from '../core/errors'

export interface JobEvent {
  jobId: string
  phase: string
  done: number
  total: number
}

export interface JobHandle {
  readonly jobId: string
  readonly signal: AbortSignal
  progress(phase: string, done: number, total: number): void
  /** Throws the 'cancelled' error when the user pressed cancel; call between units of work. */
  throwIfCancelled(): void
}

/** Running jobs of one app context, with a listener set the transports (IPC, SSE) subscribe to. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>()
  private readonly listeners = new Set<(event: JobEvent) => void>()

  subscribe(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async run<T>(jobId: string, work: (job: JobHandle) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) throw new AppError('conflict', '同一个任务编号已在运行，请勿重复提交')
    const controller = new AbortController()
    this.running.set(jobId, controller)
    let last = 0
    const emit = (event: JobEvent) => {
      for (const l of this.listeners) l(event)
    }
    const handle: JobHandle = {
      jobId,
      signal: controller.signal,
      progress: (phase, done, total) => {
        // Throttle to ~20 events a second, but always send the last one of a phase.
        const now = Date.now()
        if (done < total && now - last < 50) return
        last = now
        emit({ jobId, phase, done, total })
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new AppError('cancelled', '任务已取消，未做任何更改')
      },
    }
    try {
      return await work(handle)
    } finally {
      this.running.delete(jobId)
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId)
    if (!controller) return false
    controller.abort()
    return true
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort()
  }

  get size(): number {
    return this.running.size
  }
}
