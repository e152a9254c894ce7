import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { CoreClient } from '../relay/client'
import { resolveDataDir } from '../services/dataDir'
import { dataFlag } from './args'
import { forkCoreProcess } from './coreProcess'
import { registerIpc } from './ipc'
import { fileLog, type Log } from './log'
import { installMenu } from './menu'
import { desktopPaths, rendererSource } from './paths'
import { createMainWindow, hardenSession, hardenWebContents, WINDOW_TITLE } from './window'

export interface StartOptions {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  /** Folder of the built main script (out/main). */
  mainDir: string
  platform?: NodeJS.Platform
}

export interface Desktop {
  /** The relay to the core process, which owns the database. */
  core: CoreClient
  dataDir: string
  window(): BrowserWindow | null
}

/**
 * The desktop app from launch to quit. Resolves to null when this process should not run (another instance
 * has the data, or the data cannot be opened); the app is then already quitting.
 */
export async function startDesktop(options: StartOptions): Promise<Desktop | null> {
  const platform = options.platform ?? process.platform
  // Two processes writing one data folder would fight over the database: the second hands over to the first.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return null
  }
  // Every renderer sandboxed, not only our window's. Allowed only before ready, which an ESM entry may
  // already be past; the window's own `sandbox: true` holds either way.
  if (!app.isReady()) app.enableSandbox()

  let win: BrowserWindow | null = null
  const focusWindow = () => {
    if (!win || win.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
  }
  app.on('second-instance', focusWindow)

  const dataDir = resolveDataDir(dataFlag(options.argv), options.env)
  await app.whenReady()

  // Written once the core has created the data folder; until then a failed write is simply dropped.
  const log: Log = fileLog(dataDir)
  const core = new CoreClient(() => forkCoreProcess(options.mainDir, dataDir, log), dataDir)
  const opened = await core.start()
  if (!opened.ok) {
    dialog.showErrorBox('无法打开数据', opened.error.message)
    app.quit()
    return null
  }
  log.info(`start ${app.getVersion()} data=${dataDir}`)

  // Any web contents, ours or one Electron makes for us, gets the same locks.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log))
  hardenSession(session.defaultSession)

  const paths = desktopPaths(options.mainDir)
  const source = rendererSource(paths, options.env.ELECTRON_RENDERER_URL, app.isPackaged)
  const openWindow = () => {
    win = createMainWindow(paths, source, log)
    win.on('closed', () => {
      win = null
    })
  }

  const disposeIpc = registerIpc({ core, dataDir, window: () => win, source, log })
  installMenu({
    appName: WINDOW_TITLE,
    isMac: platform === 'darwin',
    isPackaged: app.isPackaged,
    openDataDir: () => {
      void shell.openPath(dataDir).then((failure) => {
        if (failure) dialog.showErrorBox('无法打开数据文件夹', failure)
      })
    },
    showAbout: () => {
      const aboutOptions = {
        type: 'info' as const,
        title: '关于',
        message: WINDOW_TITLE,
        detail: `版本 ${app.getVersion()}\n数据文件夹：${dataDir}`,
        buttons: ['确定'],
      }
      void (win ? dialog.showMessageBox(win, aboutOptions) : dialog.showMessageBox(aboutOptions))
    },
  })

  openWindow()
  app.on('activate', () => {
    if (!win) openWindow()
  })
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window; elsewhere closing the last window ends the app.
    if (platform !== 'darwin') app.quit()
  })
  // The core closes the database itself (a clean WAL checkpoint) before the app may end.
  let coreClosed = false
  let closing = false
  app.on('will-quit', (event) => {
    if (coreClosed) return
    event.preventDefault()
    if (closing) return
    closing = true
    disposeIpc()
    void core.close().finally(() => {
      coreClosed = true
      log.info('quit')
      app.quit()
    })
  })

  return { core, dataDir, window: () => win }
}
