import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { AppError } from '../core/errors'
import { openApp, type AppContext } from '../services/context'
import { resolveDataDir } from '../services/dataDir'
import { dataFlag } from './args'
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
  context: AppContext
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

  let context: AppContext
  try {
    context = openApp({ dataDir })
  } catch (error) {
    const message =
      error instanceof AppError ? error.message : `数据文件夹 ${dataDir} 无法打开：${error instanceof Error ? error.message : String(error)}`
    dialog.showErrorBox('无法打开数据', message)
    app.quit()
    return null
  }
  const log: Log = fileLog(dataDir)
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

  const disposeIpc = registerIpc({ app: context, window: () => win, source, log })
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
  app.on('will-quit', () => {
    disposeIpc()
    context.close()
    log.info('quit')
  })

  return { context, window: () => win }
}
