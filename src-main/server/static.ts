import fs from 'node:fs'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Map a URL path to a file inside `root`, or null. Refuses encoded traversal, backslashes, NUL and
 * anything that resolves outside the root, before touching the disk.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (decoded.split('/').some((seg) => seg === '..')) return null
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const full = path.resolve(root, rel)
  const back = path.relative(root, full)
  if (back.startsWith('..') || path.isAbsolute(back)) return null
  try {
    const real = fs.realpathSync(full)
    const realRoot = fs.realpathSync(root)
    const r = path.relative(realRoot, real)
    if (r.startsWith('..') || path.isAbsolute(r)) return null
    return fs.statSync(real).isFile() ? real : null
  } catch {
    return null
  }
}
