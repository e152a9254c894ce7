import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OP_NAMES } from '../../../src-main/api/contract'
import { startServer, type RunningServer } from '../../../src-main/server/server'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { tempDir } from '../../helpers/tmp'

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** Raw requests, so tests can send what a browser never would (foreign Host, broken JSON). */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', done)
        // A server that refuses a large body answers, then closes while we are still sending.
        res.on('error', done)
        res.on('aborted', done)
      },
    )
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

/**
 * Send a 2 MiB body slowly, as a browser would, and report the status the server answers with before the
 * body is complete (declared: with Content-Length up front; otherwise chunked).
 */
function oversized(port: number, headers: Record<string, string>, declared: boolean): Promise<number> {
  const size = 2 * 1024 * 1024
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/call/sites.list',
      headers: declared ? { ...headers, 'content-length': String(size) } : headers,
    })
    let sent = 0
    let answered = false
    req.on('response', (res) => {
      answered = true
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const pump = () => {
      if (answered || req.destroyed) return
      if (sent >= size) return void req.end()
      sent += chunk.length
      req.write(chunk, () => setTimeout(pump, 2))
    }
    pump()
  })
}

describe('browser-mode server', () => {
  const data = tempDir()
  const web = tempDir()
  let app: AppContext
  let server: RunningServer
  let host: string
  const api = (op: string, body: unknown, extra: Record<string, string> = {}) =>
    request(server.port, {
      method: 'POST',
      path: `/api/call/${op}`,
      headers: { host, 'content-type': 'application/json', 'x-starsite-token': server.token, ...extra },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    fs.writeFileSync(
      path.join(web.dir, 'index.html'),
      '<!doctype html><html><head><meta name="starsite-token" content=""></head><body>星级</body></html>',
    )
    fs.mkdirSync(path.join(web.dir, 'assets'))
    fs.writeFileSync(path.join(web.dir, 'assets', 'app.js'), 'console.info(1)')
    fs.writeFileSync(path.join(data.dir, 'secret.txt'), 'not for the web')
    app = openApp({ dataDir: data.dir })
    server = await startServer({ app, staticDir: web.dir })
    host = `127.0.0.1:${server.port}`
  })

  afterAll(async () => {
    await server.close()
    app.close()
    data.cleanup()
    web.cleanup()
  })

  it('listens on loopback only and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`))
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves every contract operation and validates its input there', async () => {
    expect(OP_NAMES.length).toBeGreaterThan(5)
    for (const op of OP_NAMES) {
      const res = await api(op, { input: 42 })
      expect(res.status, op).toBe(400)
      const body = JSON.parse(res.body)
      expect(body.ok, op).toBe(false)
      expect(body.error.code, op).toBe('invalid-input')
      expect(body.error.message, op).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('runs a real operation end to end and stores the result', async () => {
    const saved = await api('settings.saveAssociation', {
      input: { association: { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' }, year: 2021 },
    })
    expect(saved.status).toBe(200)
    expect(JSON.parse(saved.body).value.association.shortName).toBe('粤通协')
    const row = app.db.prepare('SELECT short_name FROM association').get() as { short_name: string }
    expect(row.short_name).toBe('粤通协')
  })

  it('refuses requests without the token, with a wrong token, a foreign Host or a foreign Origin', async () => {
    const before = app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()
    const body = JSON.stringify({ input: { association: { name: 'x', shortName: 'x', province: '广东' } } })
    const base = { method: 'POST', path: '/api/call/settings.saveAssociation', body }
    const noToken = await request(server.port, { ...base, headers: { host, 'content-type': 'application/json' } })
    expect(noToken.status).toBe(401)
    expect(JSON.parse(noToken.body).error.code).toBe('forbidden')
    const wrong = await request(server.port, {
      ...base,
      headers: { host, 'content-type': 'application/json', 'x-starsite-token': 'A'.repeat(server.token.length) },
    })
    expect(wrong.status).toBe(401)
    const foreignHost = await request(server.port, {
      ...base,
      headers: { host: `evil.example:${server.port}`, 'content-type': 'application/json', 'x-starsite-token': server.token },
    })
    expect(foreignHost.status).toBe(403)
    const foreignOrigin = await request(server.port, {
      ...base,
      headers: { host, origin: 'http://evil.example', 'content-type': 'application/json', 'x-starsite-token': server.token },
    })
    expect(foreignOrigin.status).toBe(403)
    expect(JSON.parse(foreignOrigin.body).error.message).toContain('其他网页')
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(before)
  })

  it('refuses malformed JSON, a wrong content type and an oversized body', async () => {
    const headers = { host, 'content-type': 'application/json', 'x-starsite-token': server.token }
    const bad = await request(server.port, { method: 'POST', path: '/api/call/sites.list', headers, body: '{"input":' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body).error.message).toContain('JSON')
    const text = await request(server.port, {
      method: 'POST',
      path: '/api/call/sites.list',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(text.status).toBe(415)
    const big = await oversized(server.port, headers, true)
    expect(big).toBe(413)
    const chunked = await oversized(server.port, headers, false)
    expect(chunked).toBe(413)
  })

  it('trades the URL token for an HttpOnly cookie and injects the token into the page', async () => {
    const first = await request(server.port, { path: `/?token=${server.token}`, headers: { host } })
    expect(first.status).toBe(302)
    expect(first.headers.location).toBe('/')
    const cookie = String(first.headers['set-cookie'])
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const page = await request(server.port, { path: '/', headers: { host, cookie: cookie.split(';')[0] } })
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<meta name="starsite-token" content="${server.token}">`)
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    const noCookie = await request(server.port, { path: '/', headers: { host } })
    expect(noCookie.status).toBe(401)
    expect(noCookie.body).not.toContain(server.token)
  })

  it('refuses path traversal on static files', async () => {
    const cookie = `starsite_token=${server.token}`
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html']) {
      const res = await request(server.port, { path: p, headers: { host, cookie } })
      expect(res.status, p).toBe(404)
      expect(res.body, p).not.toContain('not for the web')
    }
    const ok = await request(server.port, { path: '/assets/app.js', headers: { host, cookie } })
    expect(ok.status).toBe(200)
    expect(ok.headers['content-type']).toContain('javascript')
  })

  it('streams job progress over Server-Sent Events', async () => {
    const events: string[] = []
    const stream = http.get({
      host: '127.0.0.1',
      port: server.port,
      path: '/api/events',
      headers: { host, 'x-starsite-token': server.token },
    })
    const connected = new Promise<http.IncomingMessage>((resolve) => stream.on('response', resolve))
    const res = await connected
    expect(res.headers['content-type']).toContain('text/event-stream')
    res.on('data', (c: Buffer) => events.push(c.toString('utf8')))
    const jobId = 'job-test-0001'
    const result = await api('maintenance.checkData', { input: {}, jobId })
    expect(JSON.parse(result.body).value.ok).toBe(true)
    await new Promise((r) => setTimeout(r, 100))
    stream.destroy()
    const dataLines = events.join('').split('\n').filter((l) => l.startsWith('data: '))
    const parsed = dataLines.map((l) => JSON.parse(l.slice(6)))
    expect(parsed.some((e) => e.jobId === jobId && e.done === e.total && e.total > 0)).toBe(true)
  })

  it('stores an upload under the data folder with a safe name, and only for the token holder', async () => {
    const body = Buffer.from('%PDF-1.4 test')
    const refused = await request(server.port, {
      method: 'POST',
      path: '/api/upload',
      headers: { host, 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' },
      body,
    })
    expect(refused.status).toBe(401)
    const res = await request(server.port, {
      method: 'POST',
      path: '/api/upload',
      headers: {
        host,
        'content-type': 'application/octet-stream',
        'x-starsite-token': server.token,
        'x-file-name': encodeURIComponent('../../推荐函<1>.pdf'),
      },
      body,
    })
    expect(res.status).toBe(200)
    const { value } = JSON.parse(res.body)
    expect(path.basename(value.path)).toBe('推荐函_1_.pdf')
    expect(path.relative(path.join(data.dir, 'tmp', 'uploads'), value.path).startsWith('..')).toBe(false)
    expect(fs.readFileSync(value.path)).toEqual(body)
  })

  it('offers downloads from the outputs folder only', async () => {
    fs.mkdirSync(path.join(data.dir, 'outputs'), { recursive: true })
    const out = path.join(data.dir, 'outputs', '推荐函.docx')
    fs.writeFileSync(out, 'docx bytes')
    const cookie = `starsite_token=${server.token}`
    const q = (p: string) => `/api/download?path=${encodeURIComponent(p)}`
    const ok = await request(server.port, { path: q(out), headers: { host, cookie } })
    expect(ok.status).toBe(200)
    expect(ok.body).toBe('docx bytes')
    expect(ok.headers['content-disposition']).toContain(encodeURIComponent('推荐函.docx'))
    const noCookie = await request(server.port, { path: q(out), headers: { host } })
    expect(noCookie.status).toBe(401)
    for (const p of [path.join(data.dir, 'secret.txt'), path.join(data.dir, 'starsite.db'), '/etc/passwd', path.join(data.dir, 'outputs', '..', 'secret.txt')]) {
      const res = await request(server.port, { path: q(p), headers: { host, cookie } })
      expect(res.status, p).toBe(404)
      expect(res.body).not.toContain('not for the web')
    }
  })
})
