import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron'
import { withCspHeader } from './csp'
import type { Log } from './log'
import { silentLog } from './log'
import type { DesktopPaths, RendererSource } from './paths'

export const WINDOW_TITLE = '星级服务现场推荐报送系统'

/** The renderer is an ordinary web page: no Node, its own JS world, Chromium's sandbox. */
export function windowOptions(paths: DesktopPaths): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}

/** Only https links leave the app, and only to the user's browser. */
export function openExternalIfSafe(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:') return false
  void shell.openExternal(parsed.href)
  return true
}

const hardened = new WeakSet<WebContents>()

/**
 * Every web contents stays on the page it loaded: no navigation, no new windows, no <webview>. Applied to our
 * window and, from main.ts, to any other web contents Electron creates.
 */
export function hardenWebContents(contents: WebContents, log: Log = silentLog): void {
  if (hardened.has(contents)) return
  hardened.add(contents)
  contents.on('will-navigate', (event, url) => {
    if (url === contents.getURL()) return
    event.preventDefault()
    log.warn(`refused navigation to ${url.slice(0, 200)}`)
  })
  // will-navigate only sees the main frame; the app has no frames of its own, so no frame may navigate.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return
    event.preventDefault()
    log.warn(`refused frame navigation to ${event.url.slice(0, 200)}`)
  })
  contents.on('will-redirect', (event, url) => {
    event.preventDefault()
    log.warn(`refused redirect to ${url.slice(0, 200)}`)
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (!openExternalIfSafe(url)) log.warn(`refused window.open of ${url.slice(0, 200)}`)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('refused <webview>')
  })
}

/** The CSP header (dev server) and a flat no to every permission: the app needs none of camera, location... */
export function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) })
  })
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
}

export function createMainWindow(paths: DesktopPaths, source: RendererSource, log: Log = silentLog): BrowserWindow {
  const win = new BrowserWindow(windowOptions(paths))
  hardenWebContents(win.webContents, log)
  win.once('ready-to-show', () => win.show())
  // The page's <title> would otherwise replace the product name in the title bar.
  win.on('page-title-updated', (event) => event.preventDefault())
  win.webContents.on('render-process-gone', (_event, details) => log.error(`renderer gone: ${details.reason}`))
  const loading = source.kind === 'url' ? win.loadURL(source.url) : win.loadFile(source.file)
  loading.catch((error: unknown) => log.error(`renderer failed to load: ${String(error)}`))
  return win
}
