/**
 * The main side of the relay: starts the core process, sends it contract calls, matches replies to calls by
 * id and fans job progress out to listeners. When the process dies every call still waiting is answered with
 * the 'core-crashed' error (never left hanging), and the status turns to 'crashed' until restart().
 */
import type { CoreStatus } from '../api/bridge'
import type { Envelope, JobEventShape } from '../api/define'
import { coreCrashed, parseFromCore, type Port } from './protocol'

/** A started core process, seen from main: its port, its end, and how to end it. */
export interface CoreChild {
  port: Port
  /** Called once, when the process is gone for whatever reason. */
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

/** What the IPC door needs of the core: the in-process dispatch and the relay both fit. */
export interface CoreLink {
  call(name: unknown, input: unknown, jobId?: string): Promise<Envelope<unknown>>
  onJobEvent(listener: (event: JobEventShape) => void): () => void
}

interface Session {
  child: CoreChild
  open: boolean
  /** Set when main ends the process itself: its exit is then no crash. */
  expected: boolean
  exited: Promise<void>
  onClosed: (() => void) | null
}

const OK: Envelope<null> = { ok: true, value: null }

export class CoreClient implements CoreLink {
  private session: Session | null = null
  private starting: Promise<Envelope<null>> | null = null
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>()
  private nextId = 1
  private readonly jobListeners = new Set<(event: JobEventShape) => void>()
  private readonly statusListeners = new Set<(status: CoreStatus) => void>()
  private current: CoreStatus = { state: 'starting' }

  constructor(
    private readonly spawn: () => CoreChild,
    readonly dataDir: string,
  ) {}

  get status(): CoreStatus {
    return this.current
  }

  onStatus(listener: (status: CoreStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  onJobEvent(listener: (event: JobEventShape) => void): () => void {
    this.jobListeners.add(listener)
    return () => this.jobListeners.delete(listener)
  }

  /** Start the core and open the data folder there; an error is the core's own (db-too-new, ...). */
  start(): Promise<Envelope<null>> {
    if (this.session?.open) return Promise.resolve(OK)
    this.starting ??= this.launch().finally(() => {
      this.starting = null
    })
    return this.starting
  }

  /** The 重新启动 of the window: the same as start, for a core that crashed. */
  restart(): Promise<Envelope<null>> {
    return this.start()
  }

  call(name: unknown, input: unknown, jobId?: string): Promise<Envelope<unknown>> {
    const session = this.session
    // While starting, calls queue behind 'open' in the port and are answered after it.
    if (!session) return Promise.resolve({ ok: false, error: coreCrashed() })
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      try {
        session.child.port.postMessage({ type: 'call', id, name, input, ...(jobId ? { jobId } : {}) })
      } catch (error) {
        this.pending.delete(id)
        resolve({ ok: false, error: { code: 'internal', message: `内部错误：${error instanceof Error ? error.message : String(error)}` } })
      }
    })
  }

  /** Let the core close the database, then end the process; killed if it does not answer within `graceMs`. */
  async close(graceMs = 5000): Promise<void> {
    await this.starting
    const session = this.session
    if (!session) return
    session.expected = true
    const timer = setTimeout(() => session.child.kill(), graceMs)
    session.onClosed = () => session.child.kill()
    try {
      session.child.port.postMessage({ type: 'close' })
    } catch {
      session.child.kill()
    }
    await session.exited
    clearTimeout(timer)
  }

  private setStatus(status: CoreStatus): void {
    this.current = status
    for (const l of this.statusListeners) l(status)
  }

  private async launch(): Promise<Envelope<null>> {
    this.setStatus({ state: 'starting' })
    let settleOpen: (envelope: Envelope<null>) => void = () => {}
    const opened = new Promise<Envelope<null>>((resolve) => (settleOpen = resolve))
    let markExited: () => void = () => {}
    const child = this.spawn()
    const session: Session = {
      child,
      open: false,
      expected: false,
      exited: new Promise<void>((resolve) => (markExited = resolve)),
      onClosed: null,
    }
    this.session = session

    child.port.onMessage((raw) => {
      const message = parseFromCore(raw)
      if (!message) return
      switch (message.type) {
        case 'opened':
          settleOpen(message.error ? { ok: false, error: message.error } : OK)
          return
        case 'result': {
          const settle = this.pending.get(message.id)
          this.pending.delete(message.id)
          settle?.(message.envelope)
          return
        }
        case 'job':
          for (const l of this.jobListeners) l(message.event)
          return
        case 'closed':
          session.onClosed?.()
          return
      }
    })
    child.onExit((code) => {
      if (this.session === session) this.session = null
      settleOpen({ ok: false, error: { code: 'core-crashed', message: `后台处理进程启动失败（退出码 ${code ?? '无'}）` } })
      // Every call went to this one process: none of them can be answered any more.
      for (const settle of this.pending.values()) settle({ ok: false, error: coreCrashed() })
      this.pending.clear()
      if (!session.expected) {
        this.setStatus({ state: 'crashed', message: `后台处理进程意外退出（退出码 ${code ?? '无'}），正在进行的操作未完成。已保存的数据不受影响，点击“重新启动”即可继续使用。` })
      }
      markExited()
    })

    child.port.postMessage({ type: 'open', dataDir: this.dataDir })
    const result = await opened
    if (result.ok) {
      session.open = true
      this.setStatus({ state: 'ready' })
      return result
    }
    // The process is up but the data is not: end it, and say why.
    session.expected = true
    child.kill()
    await session.exited
    this.setStatus({ state: 'crashed', message: result.error.message })
    return result
  }
}

/** The few calls the relay makes on a child process: Node's ChildProcess and Electron's UtilityProcess alike. */
export interface ChildHooks {
  onceExit(listener: (code: number | null) => void): void
  onMessage(listener: (message: unknown) => void): () => void
  send(message: unknown): void
  kill(): void
}

/**
 * A CoreChild over a child process: its exit remembered (a listener added after the end still hears of it),
 * nothing sent once it is gone.
 */
export function coreChildOf(hooks: ChildHooks): CoreChild {
  let exitCode: number | null | undefined
  const exitListeners: ((code: number | null) => void)[] = []
  hooks.onceExit((code) => {
    exitCode = code
    for (const l of exitListeners) l(code)
  })
  return {
    port: {
      postMessage: (message) => {
        if (exitCode === undefined) hooks.send(message)
      },
      onMessage: hooks.onMessage,
    },
    onExit: (listener) => {
      if (exitCode !== undefined) listener(exitCode)
      else exitListeners.push(listener)
    },
    kill: hooks.kill,
  }
}
