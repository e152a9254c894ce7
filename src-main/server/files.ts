/**
 * Files across the browser boundary. The core works on paths of this machine; a browser has none, so an
 * upload is stored under the data folder's tmp/uploads and its path handed back, and outputs are offered as
 * downloads — only from inside the data folder, never an arbitrary path.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { sanitizeUploadName } from './uploadName'
import { SECURITY_HEADERS, sendError, sendJson } from './http'
import { contentType } from './static'

/** Hard cap for one upload; the attachment rules (per campaign) refuse smaller files with their own message. */
export const UPLOAD_LIMIT = 512 * 1024 * 1024

export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'tmp', 'uploads')
}

/** Remove uploads left from earlier runs (older than a day): they were only ever a hand-over. */
export function cleanOldUploads(dataDir: string, now = Date.now()): void {
  const dir = uploadsDir(dataDir)
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir)) {
    const full = path.join(dir, entry)
    try {
      if (now - fs.statSync(full).mtimeMs > 86_400_000) fs.rmSync(full, { recursive: true, force: true })
    } catch {
      // Another process may be cleaning too; nothing to do.
    }
  }
}

/** The folder handleUpload makes for each upload. */
const UPLOAD_FOLDER = /^[0-9a-f]{24}$/

/**
 * Remove uploads a job has finished with (a receive: ingested, held or refused, each bundle is then in the
 * store or nowhere), so a set of bundles does not take its size twice until the daily sweep. Only
 * tmp/uploads/<folder>/<name> as handleUpload made it is ever removed: any other path is left alone.
 */
export function releaseUploads(dataDir: string, files: string[]): void {
  const root = uploadsDir(dataDir)
  for (const file of files) {
    const rel = path.relative(root, path.resolve(file))
    const parts = rel.split(path.sep)
    if (path.isAbsolute(rel) || parts.length !== 2 || !UPLOAD_FOLDER.test(parts[0]) || parts[1] === '..') continue
    try {
      fs.rmSync(path.join(root, parts[0]), { recursive: true, force: true })
    } catch {
      // Left for the daily sweep (cleanOldUploads).
    }
  }
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, dataDir: string): Promise<void> {
  const rawName = req.headers['x-file-name']
  let name: string
  try {
    name = typeof rawName === 'string' ? decodeURIComponent(rawName) : ''
  } catch {
    name = ''
  }
  const safe = sanitizeUploadName(name)
  if (!safe) {
    sendError(res, 400, { code: 'invalid-input', message: '上传缺少文件名（X-File-Name）' })
    return
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > UPLOAD_LIMIT) {
    req.resume()
    sendError(res, 413, { code: 'invalid-input', message: `文件“${safe}”过大（上限 ${UPLOAD_LIMIT / 1024 / 1024} MB）` })
    return
  }
  const folder = path.join(uploadsDir(dataDir), randomBytes(12).toString('hex'))
  fs.mkdirSync(folder, { recursive: true })
  const target = path.join(folder, safe)
  let size = 0
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > UPLOAD_LIMIT) done(new Error('too-large'))
      else done(null, chunk)
    },
  })
  try {
    await pipeline(req, limiter, fs.createWriteStream(target, { flags: 'wx' }))
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true })
    if ((error as Error).message === 'too-large') {
      req.resume()
      sendError(res, 413, { code: 'invalid-input', message: `文件“${safe}”过大（上限 ${UPLOAD_LIMIT / 1024 / 1024} MB）` })
    } else sendError(res, 400, { code: 'invalid-input', message: `文件“${safe}”上传中断，请重试` })
    return
  }
  sendJson(res, 200, { ok: true, value: { path: target, name: safe, size } })
}

/** Only outputs and stored attachments may be downloaded. */
export function downloadable(dataDir: string, requested: string): string | null {
  if (!requested || requested.includes('\0')) return null
  const full = path.resolve(requested)
  for (const base of ['outputs', 'files']) {
    const root = path.join(dataDir, base)
    const rel = path.relative(root, full)
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      try {
        const real = fs.realpathSync(full)
        const realRel = path.relative(fs.realpathSync(root), real)
        if (realRel.startsWith('..') || path.isAbsolute(realRel)) return null
        return fs.statSync(real).isFile() ? real : null
      } catch {
        return null
      }
    }
  }
  return null
}

export function handleDownload(res: ServerResponse, url: URL, dataDir: string): void {
  const file = downloadable(dataDir, url.searchParams.get('path') ?? '')
  if (!file) {
    sendError(res, 404, { code: 'not-found', message: '文件不存在，或不在本系统的数据文件夹中' })
    return
  }
  const shown = sanitizeUploadName(url.searchParams.get('name') ?? '') || path.basename(file)
  const size = fs.statSync(file).size
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(shown),
    'Content-Length': size,
    'Content-Disposition': `attachment; filename="${encodeURIComponent(shown)}"; filename*=UTF-8''${encodeURIComponent(shown)}`,
    'Cache-Control': 'no-store',
  })
  fs.createReadStream(file).pipe(res)
}
