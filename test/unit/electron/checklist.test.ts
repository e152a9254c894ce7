/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one test per item
 * that code can prove, against the real settings of src-main/electron with the mocked 'electron' module.
 * Items handled by design (file:// from the app bundle rather than a custom protocol; verifying <webview>
 * options when <webview> is refused outright) are explained in SECURITY.md instead of faked here.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/csp'
import { isTrustedSender } from '../../../src-main/electron/ipc'
import { startDesktop, type Desktop } from '../../../src-main/electron/lifecycle'
import { desktopPaths, rendererSource } from '../../../src-main/electron/paths'
import { hardenSession, hardenWebContents, openExternalIfSafe, windowOptions } from '../../../src-main/electron/window'
import { tempDir } from '../../helpers/tmp'
import { app, BrowserWindow, FakeEvent, FakeFrame, FakeSession, FakeWebContents, ipcMain, quitApp, shell } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const paths = desktopPaths(path.resolve('/opt/starsite/out/main'))
const prefs = () => windowOptions(paths).webPreferences!

beforeEach(() => vi.clearAllMocks())

describe('Electron security checklist', () => {
  it('1. only secure content: a packaged app loads its own file whatever the environment says; dev server only on loopback', () => {
    expect(rendererSource(paths, 'http://localhost:5173/', true)).toEqual({ kind: 'file', file: paths.rendererHtml })
    expect(rendererSource(paths, 'https://evil.example/', false)).toEqual({ kind: 'file', file: paths.rendererHtml })
    expect(rendererSource(paths, 'http://localhost.evil.example:5173/', false).kind).toBe('file')
    expect(rendererSource(paths, 'http://127.0.0.1:5173/', false)).toEqual({ kind: 'url', url: 'http://127.0.0.1:5173/' })
  })

  it('2. no Node.js integration in the renderer, its workers or sub-frames', () => {
    expect(prefs()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false })
  })

  it('3. context isolation on', () => {
    expect(prefs().contextIsolation).toBe(true)
  })

  describe('4. process sandboxing', () => {
    const tmp = tempDir('starsite-checklist-')
    let running: Desktop | null = null
    afterEach(async () => {
      if (running) await quitApp()
      running = null
      app.removeAllListeners()
      ipcMain.handlers.clear()
      BrowserWindow.instances.length = 0
      tmp.cleanup()
    })
    it('the window is sandboxed, and every renderer is when the app starts before ready', async () => {
      expect(prefs().sandbox).toBe(true)
      app.isReady.mockReturnValue(false)
      running = await startDesktop({ argv: ['electron', '.', '--data', tmp.dir], env: {}, mainDir: path.resolve('/opt/starsite/out/main'), platform: 'linux' })
      expect(running).not.toBeNull()
      expect(app.enableSandbox).toHaveBeenCalledTimes(1)
    })
  })

  it('5. ses.setPermissionRequestHandler denies every request, and the permission check handler every check', () => {
    const ses = new FakeSession()
    hardenSession(ses as unknown as Session)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const granted = vi.fn()
      ses.permissionRequestHandler!({}, permission, granted, {})
      expect(granted).toHaveBeenCalledWith(false)
      expect(ses.permissionCheckHandler!({}, permission, 'file://', {})).toBe(false)
    }
  })

  it('6. webSecurity is not disabled', () => {
    expect(prefs().webSecurity).toBe(true)
  })

  it('7. a Content Security Policy: scripts only from the app, no eval, no plugins, no framing, on every response', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    const ses = new FakeSession()
    hardenSession(ses as unknown as Session)
    let headers: Record<string, string | string[]> | undefined
    ses.headersListener!({ url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ["default-src *"] } }, (r) => (headers = r.responseHeaders))
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('8. allowRunningInsecureContent is off', () => {
    expect(prefs().allowRunningInsecureContent).toBe(false)
  })

  it('9. experimental features are off (explicitly)', () => {
    expect(prefs().experimentalFeatures).toBe(false)
  })

  it('10. enableBlinkFeatures is not used', () => {
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures')
    expect(windowOptions(paths)).not.toHaveProperty('enableBlinkFeatures')
  })

  it('11-12. no <webview>: the tag is disabled and any attach is refused, so no webview options exist to verify', () => {
    expect(prefs().webviewTag).toBe(false)
    const contents = new FakeWebContents()
    hardenWebContents(contents as unknown as WebContents)
    const event = new FakeEvent()
    contents.emit('will-attach-webview', event, { nodeIntegration: true, preload: '/tmp/evil.js' }, { src: 'https://evil.example/' })
    expect(event.defaultPrevented).toBe(true)
  })

  it('13. navigation is limited: the main frame stays on its page, and no sub-frame navigates anywhere', () => {
    const contents = new FakeWebContents()
    contents.navigated('file:///opt/starsite/out/renderer/index.html')
    hardenWebContents(contents as unknown as WebContents)
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const nav = new FakeEvent()
      contents.emit('will-navigate', nav, url)
      expect(nav.defaultPrevented, url).toBe(true)
    }
    const frameNav = Object.assign(new FakeEvent(), { isMainFrame: false, url: 'https://evil.example/frame' })
    contents.emit('will-frame-navigate', frameNav)
    expect(frameNav.defaultPrevented).toBe(true)
    // The main frame's own event is left to will-navigate (which allows a reload of the same page).
    const mainNav = Object.assign(new FakeEvent(), { isMainFrame: true, url: contents.getURL() })
    contents.emit('will-frame-navigate', mainNav)
    expect(mainNav.defaultPrevented).toBe(false)
  })

  it('14. new windows: window.open is always denied', () => {
    const contents = new FakeWebContents()
    hardenWebContents(contents as unknown as WebContents)
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'about:blank', 'starsite://x']) {
      expect(contents.windowOpenHandler!({ url, frameName: '', features: '' })).toEqual({ action: 'deny' })
    }
  })

  it('15. shell.openExternal only ever receives https URLs', () => {
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'smb://evil/share', 'javascript:alert(1)', 'ms-msdt:/id', 'http://example.com/', 'not a url']) {
      expect(openExternalIfSafe(url), url).toBe(false)
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(openExternalIfSafe('https://www.miit.gov.cn/')).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.miit.gov.cn/')
  })

  it('16. a current Electron: the pinned version is the one installed, and at least the audited major (45)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    const pinned = pkg.devDependencies.electron
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/)
    const installed = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version
    expect(installed).toBe(pinned)
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45)
  })

  it('17. the sender of every IPC message is validated: a sub-frame or another page of our own window gets nothing', () => {
    const win = new BrowserWindow({})
    const source = rendererSource(paths, undefined, true)
    win.webContents.navigated(`file://${paths.rendererHtml}`)
    const event = (frame: FakeFrame | null, sender = win.webContents) => ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent
    const asWin = win as unknown as Parameters<typeof isTrustedSender>[1]
    expect(isTrustedSender(event(win.webContents.mainFrame), asWin, source)).toBe(true)
    expect(isTrustedSender(event(new FakeFrame(win.webContents.mainFrame.url, win.webContents.mainFrame)), asWin, source)).toBe(false)
    expect(isTrustedSender(event(win.webContents.mainFrame, new FakeWebContents()), asWin, source)).toBe(false)
    win.webContents.navigated('https://evil.example/')
    expect(isTrustedSender(event(win.webContents.mainFrame), asWin, source)).toBe(false)
  })

  it('19. fuses: the packaged binary cannot run as Node, take NODE_OPTIONS or --inspect, and loads only its checked app.asar', async () => {
    const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))
    const { loadConfig } = builderRequire('./out/util/config/load.js') as {
      loadConfig(r: { packageKey: string; configFilename: string; projectDir: string }): Promise<{ result: { electronFuses?: Record<string, boolean> } } | null>
    }
    const loaded = await loadConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: ROOT })
    expect(loaded?.result.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })
})
