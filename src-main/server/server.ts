/**
 * Browser mode: the same core behind a loopback HTTP server, so the real UI runs in any browser.
 * Bound to 127.0.0.1 only; every request must carry the per-start token (cookie for pages, header for the
 * API) and name our own host.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { OpOutput } from '../api/contract'
import { dispatch } from '../api/dispatch'
import { jobIdSchema } from '../api/define'
import type { AppContext } from '../services/context'
import { sessionOfApp, type Session } from '../services/session'
import { TOKEN_COOKIE, cookieToken, headerToken, hostAllowed, originAllowed, sameSecret } from './guard'
import { BodyError, SECURITY_HEADERS, readBody, sendError, sendJson, statusFor } from './http'
import { cleanOldUploads, handleDownload, handleUpload, releaseUploads } from './files'
import { contentType, resolveStatic } from './static'

interface ServerBaseOptions {
  /** 0 or absent: a free port chosen by the system. */
  port?: number
  /** The built renderer (out/web). */
  staticDir: string
  /** Fixed token for tests; random otherwise. */
  token?: string
}

/** The session the server holds (its role may change on the first run), or a province context opened by the caller. */
export type ServerOptions = ServerBaseOptions & ({ session: Session; app?: never } | { app: AppContext; session?: never })

export interface RunningServer {
  url: string
  origin: string
  token: string
  port: number
  close(): Promise<void>
}

const API_BODY_LIMIT = 1024 * 1024

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const session = options.session ?? sessionOfApp(options.app)
  cleanOldUploads(session.dataDir)
  const streams = new Set<ServerResponse>()
  let port = 0

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: `内部错误：${String(error)}` })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) {
      sendError(res, 403, { code: 'forbidden', message: '拒绝访问：主机名不是本机地址' })
      return
    }
    if (!originAllowed(req, port)) {
      sendError(res, 403, { code: 'forbidden', message: '拒绝访问：请求来自其他网页' })
      return
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) return api(req, res, url)
    return page(req, res, url)
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // Downloads are plain links (no custom header possible): the SameSite=Strict cookie is their proof.
    if (url.pathname === '/api/download' && req.method === 'GET') {
      if (!sameSecret(cookieToken(req), token) && !sameSecret(headerToken(req), token)) {
        sendError(res, 401, { code: 'forbidden', message: '访问令牌无效：请使用启动时打印的地址重新打开' })
        return
      }
      return handleDownload(res, url, session.dataDir)
    }
    if (!sameSecret(headerToken(req), token)) {
      sendError(res, 401, { code: 'forbidden', message: '访问令牌无效：请使用启动时打印的地址重新打开' })
      return
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res)
    if (url.pathname === '/api/upload' && req.method === 'POST') return handleUpload(req, res, session.dataDir)
    const match = url.pathname.match(/^\/api\/call\/([A-Za-z][A-Za-z0-9.]{0,63})$/)
    if (!match) {
      sendError(res, 404, { code: 'not-found', message: '没有这个接口' })
      return
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      sendError(res, 405, { code: 'invalid-input', message: '此接口只接受 POST 请求' })
      return
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendError(res, 415, { code: 'invalid-input', message: '请求内容类型应为 application/json' })
      return
    }
    let body: unknown
    try {
      const raw = await readBody(req, API_BODY_LIMIT)
      body = raw.length ? JSON.parse(raw.toString('utf8')) : {}
    } catch (error) {
      if (error instanceof BodyError) sendError(res, error.status, error.shape)
      else sendError(res, 400, { code: 'invalid-input', message: '请求内容不是有效的 JSON' })
      return
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendError(res, 400, { code: 'invalid-input', message: '请求内容应为 JSON 对象 {"input": …}' })
      return
    }
    const { input, jobId } = body as { input?: unknown; jobId?: unknown }
    if (jobId !== undefined && !jobIdSchema.safeParse(jobId).success) {
      sendError(res, 400, { code: 'invalid-input', message: '任务编号格式不对' })
      return
    }
    const envelope = await dispatch(session, match[1], input ?? {}, { jobId: jobId as string | undefined })
    // The uploaded bundles the receive has finished with go now; what it did not reach, the daily sweep takes.
    if (match[1] === 'office.bundles.receive' && envelope.ok)
      releaseUploads(session.dataDir, (envelope.value as OpOutput<'office.bundles.receive'>).outcomes.map((o) => o.file))
    sendJson(res, statusFor(envelope), envelope)
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    streams.add(res)
    const unsubscribe = session.jobs.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000)
    req.on('close', () => {
      clearInterval(ping)
      unsubscribe()
      streams.delete(res)
    })
  }

  function page(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      sendError(res, 405, { code: 'invalid-input', message: '只接受 GET 请求' })
      return
    }
    // First visit: the printed URL carries the token; trade it for an HttpOnly cookie and drop it from the
    // address bar so it does not linger in history.
    const queryToken = url.searchParams.get('token')
    if (queryToken !== null) {
      if (!sameSecret(queryToken, token)) return denyPage(res)
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
      })
      res.end()
      return
    }
    if (!sameSecret(cookieToken(req), token)) return denyPage(res)
    const file = resolveStatic(options.staticDir, url.pathname)
    if (!file) {
      sendError(res, 404, { code: 'not-found', message: '没有这个文件' })
      return
    }
    let data = fs.readFileSync(file)
    const type = contentType(file)
    if (path.basename(file) === 'index.html') {
      data = Buffer.from(
        data.toString('utf8').replace(/<meta name="starsite-token" content="[^"]*"\s*\/?>/, `<meta name="starsite-token" content="${token}">`),
      )
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': data.length,
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
    })
    res.end(req.method === 'HEAD' ? undefined : data)
  }

  function denyPage(res: ServerResponse): void {
    const html =
      '<!doctype html><meta charset="utf-8"><title>需要访问令牌</title>' +
      '<p>请使用启动 starsite 时打印的完整地址（含 token）打开本页面。</p>'
    res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(html)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
