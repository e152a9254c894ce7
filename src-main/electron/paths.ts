import path from 'node:path'
import { pathToFileURL } from 'node:url'

export interface DesktopPaths {
  preload: string
  rendererHtml: string
}

/** Where the build puts its pieces, seen from the folder of out/main/index.js. */
export function desktopPaths(mainDir: string): DesktopPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'preload.cjs'),
    rendererHtml: path.join(mainDir, '..', 'renderer', 'index.html'),
  }
}

/** What the window loads: the dev server in `electron-vite dev`, the built file otherwise. */
export type RendererSource = { kind: 'url'; url: string } | { kind: 'file'; file: string }

export function rendererSource(paths: DesktopPaths, devUrl: string | undefined, isPackaged: boolean): RendererSource {
  // A packaged app never trusts the environment to redirect it to some server.
  if (devUrl && !isPackaged && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(devUrl)) {
    return { kind: 'url', url: devUrl }
  }
  return { kind: 'file', file: paths.rendererHtml }
}

/** True when `url` is a page of our renderer (any hash route or query on it). */
export function isRendererUrl(url: string, source: RendererSource): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (source.kind === 'url') return parsed.origin === new URL(source.url).origin
  parsed.hash = ''
  parsed.search = ''
  return parsed.protocol === 'file:' && parsed.href === pathToFileURL(source.file).href
}
