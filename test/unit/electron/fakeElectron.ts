/**
 * A stand-in for the 'electron' module: the real one downloads its binary on first require, which cannot
 * happen here. Each test file mocks 'electron' with this module (`vi.mock('electron', () => import(...))`)
 * and inspects what the code under test did to it. Only what src-main/electron uses is modelled.
 */
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import { vi } from 'vitest'
import { serveCore, type CoreHost } from '../../../src-main/relay/coreHost'

export type Handler = (event: unknown, ...args: unknown[]) => unknown

/** Electron's Event: only preventDefault matters to us. */
export class FakeEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = 1,
  ) {}
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string | string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
) => void
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean

export class FakeSession {
  headersListener: HeadersListener | null = null
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener
    },
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler
  }
}

export type WindowOpenHandler = (details: { url: string; frameName: string; features: string }) => { action: string }

let nextFrameId = 1

export class FakeWebContents extends EventEmitter {
  url = ''
  readonly mainFrame = new FakeFrame('', null, 1, nextFrameId++)
  windowOpenHandler: WindowOpenHandler | null = null
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>()
  getURL(): string {
    return this.url
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  /** What a page load does: the document and its main frame now show `url`. */
  navigated(url: string): void {
    this.url = url
    this.mainFrame.url = url
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  destroyed = false
  minimized = false
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn(() => {
    this.minimized = false
  })
  readonly loadFile = vi.fn(async (file: string) => this.webContents.navigated(pathToFileURL(file).href))
  readonly loadURL = vi.fn(async (url: string) => this.webContents.navigated(url))

  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return this.minimized
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed)
  }
}

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    // Electron refuses a second handler on one channel; so do we, to catch double registration.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

class FakeApp extends EventEmitter {
  isPackaged = false
  readonly requestSingleInstanceLock = vi.fn(() => true)
  readonly enableSandbox = vi.fn()
  readonly isReady = vi.fn(() => false)
  readonly whenReady = vi.fn(() => Promise.resolve())
  readonly quit = vi.fn()
  getVersion(): string {
    return '0.1.0'
  }
  getName(): string {
    return '星级服务现场推荐报送系统'
  }
}

export const app = new FakeApp()

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/picked/a.xlsx'] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/picked/out.zip' })),
  showErrorBox: vi.fn((_title: string, _content: string) => {}),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
}

export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => {}),
}

export const session = { defaultSession: new FakeSession() }

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((_menu: unknown) => {}),
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api)
  }),
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => ({ ok: true, value: { channel, args } }))
}

export const ipcRenderer = new FakeIpcRenderer()

/** Dropped files carry their path only through webUtils in a sandboxed renderer. */
export const webUtils = {
  getPathForFile: vi.fn((file: { name: string }) => {
    if (file.name === 'no-path') throw new Error('not a file from disk')
    return `/dropped/${file.name}`
  }),
}

/**
 * A utility process without a process: the real core host (src-main/relay/coreHost.ts) in this one, behind
 * the same message shapes, cloned and delivered on a later turn as across a real port. The core in a real
 * child process is test/unit/relay's business.
 */
export class UtilityProcess extends EventEmitter {
  static readonly instances: UtilityProcess[] = []
  pid: number | undefined
  readonly stdout = null
  readonly stderr = null
  readonly exited: Promise<number>
  private readonly host: CoreHost
  private readonly toCore = new Set<(message: unknown) => void>()
  private gone = false

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: unknown,
  ) {
    super()
    UtilityProcess.instances.push(this)
    this.pid = 40_000 + UtilityProcess.instances.length
    this.exited = new Promise((resolve) => this.once('exit', resolve))
    this.host = serveCore({
      postMessage: (message) => {
        const copy = structuredClone(message)
        setImmediate(() => !this.gone && this.emit('message', copy))
      },
      onMessage: (listener) => {
        this.toCore.add(listener)
        return () => this.toCore.delete(listener)
      },
    })
  }

  postMessage(message: unknown): void {
    const copy = structuredClone(message)
    setImmediate(() => {
      if (!this.gone) for (const l of this.toCore) l(copy)
    })
  }

  kill(): boolean {
    return this.crash(0)
  }

  /** The process is gone, as after a crash: nothing more is answered, and main hears 'exit'. */
  crash(code = 1): boolean {
    if (this.gone) return false
    this.gone = true
    this.pid = undefined
    this.host.dispose()
    setImmediate(() => this.emit('exit', code))
    return true
  }

  static running(): UtilityProcess[] {
    return UtilityProcess.instances.filter((p) => !p.gone)
  }
}

export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[] = [], options: unknown = {}) => new UtilityProcess(modulePath, args, options)),
}

/** Quit as Electron does, and wait until the core processes have closed their databases and ended. */
export async function quitApp(): Promise<void> {
  app.emit('will-quit', new FakeEvent())
  await Promise.all(UtilityProcess.instances.map((p) => p.exited))
}

/** An IPC invoke event as Electron builds it: which web contents and which frame sent it. */
export function invokeEvent(sender: FakeWebContents, frame: FakeFrame | null = sender.mainFrame): { sender: FakeWebContents; senderFrame: FakeFrame | null } {
  return { sender, senderFrame: frame }
}

export function handler(channel: string): Handler {
  const h = ipcMain.handlers.get(channel)
  if (!h) throw new Error(`no IPC handler registered for ${channel}`)
  return h
}
