/**
 * Hostile requests to the browser-mode server, table-driven: each gets its status, and the data folder is
 * byte for byte what it was (snapshot.ts). test/unit/server/server.test.ts proves the basic cases one by one;
 * this adds the variants (DNS-rebinding Host names, Origin "null", double-encoded and overlong traversal, a
 * symlink out of outputs/, GET on a mutating call) and the folder snapshot after all of them.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../src-main/server/server'
import { pendingDailyBackup } from '../../../src-main/services/backup/create'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { tempDir } from '../../helpers/tmp'
import { snapshotFolder } from '../../fixtures/corpus/snapshot'

interface Req {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

function send(port: number, r: Req): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request({ host: '127.0.0.1', port, method: r.method ?? 'GET', path: r.path, headers: r.headers }, (res) => {
      answered = true
      const chunks: Buffer[] = []
      const done = () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', done)
      res.on('error', done)
      res.on('aborted', done)
    })
    req.on('error', (e) => {
      if (!answered) reject(e)
    })
    if (r.body !== undefined) req.write(r.body)
    req.end()
  })
}

const data = tempDir('starsite-corpus-http-')
const web = tempDir('starsite-corpus-web-')
const outside = tempDir('starsite-corpus-outside-')
let app: AppContext
let server: RunningServer
let host: string

beforeAll(async () => {
  fs.writeFileSync(path.join(web.dir, 'index.html'), '<!doctype html><meta name="starsite-token" content=""><p>星级</p>')
  fs.mkdirSync(path.join(web.dir, 'assets'))
  fs.writeFileSync(path.join(web.dir, 'assets', 'app.js'), 'console.info(1)')
  fs.writeFileSync(path.join(outside.dir, 'secret.txt'), 'SECRET-OUTSIDE')
  app = openApp({ dataDir: data.dir, actor: '测试员' })
  // A symlink planted in outputs/ pointing out of the data folder must not become a way out.
  fs.symlinkSync(path.join(outside.dir, 'secret.txt'), path.join(data.dir, 'outputs', 'link.txt'))
  await pendingDailyBackup(app.db)
  server = await startServer({ app, staticDir: web.dir })
  host = `127.0.0.1:${server.port}`
})

afterAll(async () => {
  await server.close()
  app.close()
  data.cleanup()
  web.cleanup()
  outside.cleanup()
})

const SAVE = JSON.stringify({ input: { association: { name: '恶意协会', shortName: '恶意', province: '广东' } } })
const json = () => ({ host, 'content-type': 'application/json', 'x-starsite-token': server.token })
const cookie = () => ({ host, cookie: `starsite_token=${server.token}` })
const dl = (p: string) => `/api/download?path=${encodeURIComponent(p)}`

/** [what, request, expected status]; the token is read lazily because the server starts in beforeAll. */
const cases: [string, () => Req, number][] = [
  ['no token', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { host, 'content-type': 'application/json' }, body: SAVE }), 401],
  ['wrong token of the right length', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), 'x-starsite-token': 'A'.repeat(server.token.length) }, body: SAVE }), 401],
  ['token prefix only', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), 'x-starsite-token': server.token.slice(0, 8) }, body: SAVE }), 401],
  ['DNS rebinding: evil.example with our port', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), host: `evil.example:${server.port}` }, body: SAVE }), 403],
  ['DNS rebinding: 127.0.0.1.nip.io', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), host: `127.0.0.1.nip.io:${server.port}` }, body: SAVE }), 403],
  ['Host without the port', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), host: '127.0.0.1' }, body: SAVE }), 403],
  ['foreign Origin', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), origin: 'http://evil.example' }, body: SAVE }), 403],
  ['Origin null (sandboxed frame, file:// page)', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), origin: 'null' }, body: SAVE }), 403],
  ['Origin on another local port', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), origin: `http://127.0.0.1:${server.port + 1}` }, body: SAVE }), 403],
  ['malformed JSON', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: json(), body: '{"input":{"association":' }), 400],
  ['text/plain (a form a web page could send without preflight)', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: { ...json(), 'content-type': 'text/plain' }, body: SAVE }), 415],
  ['oversized declared body', () => ({ method: 'POST', path: '/api/call/settings.saveAssociation', headers: json(), body: Buffer.alloc(3 * 1024 * 1024, 0x20) }), 413],
  ['static: ../', () => ({ path: '/../../etc/passwd', headers: cookie() }), 404],
  ['static: %2e%2e', () => ({ path: '/%2e%2e/%2e%2e/etc/passwd', headers: cookie() }), 404],
  ['static: double-encoded %252e%252e', () => ({ path: '/%252e%252e/%252e%252e/etc/passwd', headers: cookie() }), 404],
  ['static: ..%2f', () => ({ path: '/assets/..%2f..%2f..%2fetc%2fpasswd', headers: cookie() }), 404],
  ['static: backslash %5c', () => ({ path: '/..%5c..%5cetc%5cpasswd', headers: cookie() }), 404],
  ['static: overlong UTF-8 %c0%ae', () => ({ path: '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', headers: cookie() }), 404],
  ['static: NUL', () => ({ path: '/index.html%00.js', headers: cookie() }), 404],
  ['download: /etc/passwd', () => ({ path: dl('/etc/passwd'), headers: cookie() }), 404],
  ['download: the database', () => ({ path: dl(path.join(data.dir, 'starsite.db')), headers: cookie() }), 404],
  ['download: outputs/../starsite.db', () => ({ path: dl(path.join(data.dir, 'outputs', '..', 'starsite.db')), headers: cookie() }), 404],
  ['download: the signing key', () => ({ path: dl(path.join(data.dir, 'keys', 'signing.key')), headers: cookie() }), 404],
  ['download: a symlink in outputs/ pointing outside', () => ({ path: dl(path.join(data.dir, 'outputs', 'link.txt')), headers: cookie() }), 404],
  ['download without the token', () => ({ path: dl(path.join(data.dir, 'outputs', 'link.txt')), headers: { host } }), 401],
  ['upload without the token', () => ({ method: 'POST', path: '/api/upload', headers: { host, 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' }, body: '%PDF-1.4' }), 401],
]

describe('HTTP corpus', () => {
  for (const [what, make, status] of cases) {
    it(`${what} → ${status}, nothing changed`, async () => {
      const before = snapshotFolder(data.dir, app.db)
      const res = await send(server.port, make())
      expect(res.status).toBe(status)
      expect(res.body).not.toContain('SECRET-OUTSIDE')
      expect(res.body).not.toMatch(/root:.*:0:0:/)
      if (res.status !== 404 && res.body.startsWith('{')) expect(JSON.parse(res.body).error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(snapshotFolder(data.dir, app.db)).toEqual(before)
    })
  }

  it('an upload named ../../x lands inside tmp/uploads, and nothing else changes', async () => {
    const before = snapshotFolder(data.dir, app.db)
    const res = await send(server.port, {
      method: 'POST',
      path: '/api/upload',
      headers: { host, 'content-type': 'application/octet-stream', 'x-starsite-token': server.token, 'x-file-name': encodeURIComponent('../../../outputs/CON.pdf') },
      body: '%PDF-1.4 corpus',
    })
    expect(res.status).toBe(200)
    const stored = JSON.parse(res.body).value.path as string
    const rel = path.relative(path.join(data.dir, 'tmp', 'uploads'), stored)
    expect(rel.startsWith('..') || path.isAbsolute(rel)).toBe(false)
    const after = snapshotFolder(data.dir, app.db)
    const added = Object.keys(after.files).filter((f) => !(f in before.files) && !f.endsWith('/'))
    expect(added).toHaveLength(1)
    expect(added[0].startsWith('tmp/uploads/')).toBe(true)
    expect(path.basename(added[0])).not.toMatch(/^CON\./i)
    expect(fs.readdirSync(path.join(data.dir, 'outputs'))).toEqual(['link.txt'])
  })
})
