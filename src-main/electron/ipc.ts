import path from 'node:path'
import { ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { z } from 'zod'
import { IPC, type CoreStatus } from '../api/bridge'
import { jobIdSchema, type Envelope, type ErrorShape } from '../api/define'
import { zodToError } from '../api/zodError'
import type { CoreLink } from '../relay/client'
import { checkDataPath, isRunnable } from './dataPaths'
import { openFiles, openFilesSchema, openFolder, openFolderSchema, saveFile, saveFileSchema } from './dialogs'
import { silentLog, type Log } from './log'
import { isRendererUrl, type RendererSource } from './paths'

/** The core as the window reaches it: the relay to the core process (or, in tests, dispatch in-process). */
export interface CoreDoor extends CoreLink {
  readonly status: CoreStatus
  onStatus(listener: (status: CoreStatus) => void): () => void
  restart(): Promise<Envelope<null>>
}

export interface IpcDeps {
  core: CoreDoor
  /** The data folder: the only place the shell may open files from, and where saving starts. */
  dataDir: string
  /** The one window whose page may call us; null while none is open. */
  window: () => BrowserWindow | null
  source: RendererSource
  log?: Log
}

const FORBIDDEN: ErrorShape = { code: 'forbidden', message: '拒绝来自未知页面的请求' }

/**
 * Only the main frame of our window, showing our renderer, may call in: an iframe, a page the window was
 * somehow navigated to, or another web contents gets nothing.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, source: RendererSource): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false
  const frame = event.senderFrame
  const main = win.webContents.mainFrame
  if (!frame || frame.parent !== null) return false
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
  return isRendererUrl(frame.url, source)
}

/** Channels main only sends on: nothing to handle. */
export const SEND_ONLY: ReadonlySet<string> = new Set([IPC.jobEvent, IPC.coreEvent])

const invokeArgs = z.tuple([z.unknown(), z.unknown(), jobIdSchema.nullish()])
const pathArg = z.string({ error: '路径应为文字' }).min(1, '路径不能为空').max(4096, '路径过长')

function invalid(error: z.ZodError): Envelope<never> {
  return { ok: false, error: zodToError(error).toShape() }
}

/** Registers every channel of IPC; returns the function that removes them again. */
export function registerIpc(deps: IpcDeps): () => void {
  const { core, dataDir, source } = deps
  const log = deps.log ?? silentLog
  const trusted = (event: IpcMainInvokeEvent) => {
    const ok = isTrustedSender(event, deps.window(), source)
    if (!ok) log.warn(`refused IPC from ${event.senderFrame?.url.slice(0, 200) ?? 'a gone frame'}`)
    return ok
  }
  /** Dialog channels answer with plain values, so refusal and bad options surface as a rejected promise. */
  const guarded =
    <S extends z.ZodType, R>(schema: S, run: (options: z.output<S>) => Promise<R>) =>
    (event: IpcMainInvokeEvent, raw: unknown): Promise<R> => {
      if (!trusted(event)) return Promise.reject(new Error(FORBIDDEN.message))
      const parsed = schema.safeParse(raw ?? {})
      if (!parsed.success) return Promise.reject(new Error(zodToError(parsed.error).message))
      return run(parsed.data)
    }

  ipcMain.handle(IPC.invoke, async (event, ...args: unknown[]): Promise<Envelope<unknown>> => {
    if (!trusted(event)) return { ok: false, error: FORBIDDEN }
    const parsed = invokeArgs.safeParse([args[0], args[1], args[2]])
    if (!parsed.success) return invalid(parsed.error)
    const [name, input, jobId] = parsed.data
    const result = await core.call(name, input, jobId ?? undefined)
    if (!result.ok && result.error.code === 'internal') log.error(`${String(name).slice(0, 100)}: ${result.error.message}`)
    return result
  })

  ipcMain.handle(IPC.dialogOpenFiles, guarded(openFilesSchema, (o) => openFiles(deps.window(), o)))
  ipcMain.handle(IPC.dialogOpenFolder, guarded(openFolderSchema, (o) => openFolder(deps.window(), o)))
  ipcMain.handle(
    IPC.dialogSaveFile,
    guarded(saveFileSchema, (o) => saveFile(deps.window(), o, path.join(dataDir, 'outputs'))),
  )

  ipcMain.handle(IPC.shellOpenPath, async (event, raw: unknown): Promise<Envelope<null>> => {
    if (!trusted(event)) return { ok: false, error: FORBIDDEN }
    const arg = pathArg.safeParse(raw)
    if (!arg.success) return invalid(arg.error)
    const checked = checkDataPath(dataDir, arg.data)
    if (!checked.ok) return checked
    if (isRunnable(checked.path)) {
      shell.showItemInFolder(checked.path)
      return {
        ok: false,
        error: { code: 'forbidden', message: '这是可以运行的程序文件，为安全起见没有直接打开，已在文件夹中显示' },
      }
    }
    const failure = await shell.openPath(checked.path)
    if (failure) return { ok: false, error: { code: 'internal', message: `无法打开文件：${failure}` } }
    return { ok: true, value: null }
  })

  ipcMain.handle(IPC.shellShowItem, (event, raw: unknown): Envelope<null> => {
    if (!trusted(event)) return { ok: false, error: FORBIDDEN }
    const arg = pathArg.safeParse(raw)
    if (!arg.success) return invalid(arg.error)
    const checked = checkDataPath(dataDir, arg.data)
    if (!checked.ok) return checked
    shell.showItemInFolder(checked.path)
    return { ok: true, value: null }
  })

  ipcMain.handle(IPC.coreStatus, (event): Promise<CoreStatus> => {
    if (!trusted(event)) return Promise.reject(new Error(FORBIDDEN.message))
    return Promise.resolve(core.status)
  })

  ipcMain.handle(IPC.coreRestart, async (event): Promise<Envelope<null>> => {
    if (!trusted(event)) return { ok: false, error: FORBIDDEN }
    log.info('core restart asked from the window')
    const result = await core.restart()
    if (!result.ok) log.error(`core restart failed: ${result.error.message}`)
    return result
  })

  const toWindow = (channel: string, payload: unknown) => {
    const win = deps.window()
    if (win && !win.isDestroyed()) win.webContents.send(channel, payload)
  }
  const unsubscribeJobs = core.onJobEvent((event) => toWindow(IPC.jobEvent, event))
  const unsubscribeStatus = core.onStatus((status) => {
    if (status.state === 'crashed') log.error(`core: ${status.message}`)
    toWindow(IPC.coreEvent, status)
  })

  return () => {
    unsubscribeJobs()
    unsubscribeStatus()
    for (const channel of Object.values(IPC)) {
      if (!SEND_ONLY.has(channel)) ipcMain.removeHandler(channel)
    }
  }
}
