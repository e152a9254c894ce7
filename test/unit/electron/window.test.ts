import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, withCspHeader } from '../../../src-main/electron/csp'
import { desktopPaths, isRendererUrl, rendererSource } from '../../../src-main/electron/paths'
import {
  createMainWindow,
  hardenSession,
  hardenWebContents,
  WINDOW_TITLE,
  windowOptions,
} from '../../../src-main/electron/window'
import { BrowserWindow, FakeEvent, FakeSession, FakeWebContents, shell } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const paths = desktopPaths(path.resolve('/opt/starsite/out/main'))
const asContents = (c: FakeWebContents) => c as unknown as WebContents
const asSession = (s: FakeSession) => s as unknown as Session

beforeEach(() => {
  vi.clearAllMocks()
})

describe('window options', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const o = windowOptions(paths)
    expect(o.title).toBe(WINDOW_TITLE)
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(o.webPreferences?.preload).toBe(path.resolve('/opt/starsite/out/preload/preload.cjs'))
    expect(o.width).toBeGreaterThanOrEqual(1024)
  })

  it('loads the built renderer file and keeps the product name as title', async () => {
    const source = rendererSource(paths, undefined, true)
    const win = createMainWindow(paths, source) as unknown as BrowserWindow
    expect(win.loadFile).toHaveBeenCalledWith(path.resolve('/opt/starsite/out/renderer/index.html'))
    expect(win.loadURL).not.toHaveBeenCalled()
    const titleEvent = new FakeEvent()
    win.emit('page-title-updated', titleEvent, '别的标题')
    expect(titleEvent.defaultPrevented).toBe(true)
    win.emit('ready-to-show')
    expect(win.show).toHaveBeenCalled()
    // createMainWindow hardens its own web contents.
    expect(win.webContents.windowOpenHandler).not.toBeNull()
  })

  it('uses the dev server only in development and only on this machine', () => {
    expect(rendererSource(paths, 'http://localhost:5173/', false)).toEqual({ kind: 'url', url: 'http://localhost:5173/' })
    expect(rendererSource(paths, 'http://localhost:5173/', true).kind).toBe('file')
    expect(rendererSource(paths, 'https://evil.example/', false).kind).toBe('file')
    expect(rendererSource(paths, 'http://localhost.evil.example/', false).kind).toBe('file')
  })

  it('recognises our renderer page and nothing else', () => {
    const file = rendererSource(paths, undefined, true)
    const href = pathToFileURL(paths.rendererHtml).href
    expect(isRendererUrl(href, file)).toBe(true)
    expect(isRendererUrl(`${href}#/sites?x=1`, file)).toBe(true)
    expect(isRendererUrl(pathToFileURL('/tmp/evil.html').href, file)).toBe(false)
    expect(isRendererUrl('https://evil.example/', file)).toBe(false)
    expect(isRendererUrl('not a url', file)).toBe(false)
    const dev = rendererSource(paths, 'http://localhost:5173/', false)
    expect(isRendererUrl('http://localhost:5173/#/sites', dev)).toBe(true)
    expect(isRendererUrl('http://localhost:5174/', dev)).toBe(false)
  })
})

describe('navigation and new windows', () => {
  const page = pathToFileURL(paths.rendererHtml).href

  function hardened(): FakeWebContents {
    const contents = new FakeWebContents()
    contents.navigated(page)
    hardenWebContents(asContents(contents))
    return contents
  }

  it('refuses navigation to a foreign URL but lets the page reload itself', () => {
    const contents = hardened()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = new FakeEvent()
      contents.emit('will-navigate', event, url)
      expect(event.defaultPrevented, url).toBe(true)
    }
    const same = new FakeEvent()
    contents.emit('will-navigate', same, page)
    expect(same.defaultPrevented).toBe(false)
  })

  it('refuses server redirects and <webview>', () => {
    const contents = hardened()
    const redirect = new FakeEvent()
    contents.emit('will-redirect', redirect, 'https://evil.example/')
    expect(redirect.defaultPrevented).toBe(true)
    const webview = new FakeEvent()
    contents.emit('will-attach-webview', webview, {}, {})
    expect(webview.defaultPrevented).toBe(true)
  })

  it('denies every window.open and hands only https URLs to the browser', () => {
    const contents = hardened()
    const open = (url: string) => contents.windowOpenHandler?.({ url, frameName: '', features: '' })
    for (const url of ['http://example.com/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'data:text/html,x', 'nonsense']) {
      expect(open(url), url).toEqual({ action: 'deny' })
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(open('https://www.miit.gov.cn/')).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.miit.gov.cn/')
  })

  it('hardens a web contents once however often it is asked', () => {
    const contents = hardened()
    hardenWebContents(asContents(contents))
    expect(contents.listenerCount('will-navigate')).toBe(1)
  })
})

describe('session', () => {
  it('denies every permission request and check', () => {
    const ses = new FakeSession()
    hardenSession(asSession(ses))
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn()
      ses.permissionRequestHandler?.({}, permission, callback, {})
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(ses.permissionCheckHandler?.({}, permission, 'file://', {}), permission).toBe(false)
    }
  })

  it('sets a strict CSP header on responses, replacing any the response brought', () => {
    const ses = new FakeSession()
    hardenSession(asSession(ses))
    let headers: Record<string, string | string[]> | undefined
    ses.headersListener?.(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-type': 'text/html', 'content-security-policy': ["script-src 'unsafe-eval'"] } },
      (response) => {
        headers = response.responseHeaders
      },
    )
    expect(headers?.['content-type']).toEqual(['text/html'])
    expect(headers?.['content-security-policy']).toBeUndefined()
    const csp = headers?.['Content-Security-Policy']
    expect(csp).toEqual([CONTENT_SECURITY_POLICY])
    const policy = String(csp)
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('adds the header to responses that had none', () => {
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})
