/**
 * The office in browser mode: the real HTTP server on a session, from a new folder's first run (becoming the
 * office) through uploads of a key file and three real bundles, the receive job, a duplicate resolved, and
 * the national register and a site's file downloaded as a browser would — with the role refusals both ways.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import type { OpOutput } from '../../../src-main/api/contract'
import { startServer, type RunningServer } from '../../../src-main/server/server'
import { openSession, type Session } from '../../../src-main/services/session'
import { updateSite } from '../../../src-main/services/sites/sites'
import { readZip, writeZip } from '../bundle/helpers'
import { province, tempDir } from './helpers'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

let server: RunningServer | null = null
let session: Session | null = null
afterEach(async () => {
  await server?.close()
  session?.close()
  server = null
  session = null
})

async function serve(dataDir: string) {
  const web = tempDir('starsite-web-')
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><head><meta name="starsite-token" content=""></head><body></body></html>')
  session = openSession({ dataDir, actor: '推进办' })
  server = await startServer({ session, staticDir: web })
  const s = server
  const host = `127.0.0.1:${s.port}`
  const call = async (op: string, input: unknown, jobId?: string) => {
    const res = await request(s.port, {
      method: 'POST',
      path: `/api/call/${op}`,
      headers: { host, 'content-type': 'application/json', 'x-starsite-token': s.token },
      body: JSON.stringify({ input, ...(jobId ? { jobId } : {}) }),
    })
    return { status: res.status, envelope: JSON.parse(res.body.toString('utf8')) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } }
  }
  const ok = async <T>(op: string, input: unknown, jobId?: string): Promise<T> => {
    const r = await call(op, input, jobId)
    if (!r.envelope.ok) throw new Error(`${op}: ${r.envelope.error?.code} ${r.envelope.error?.message}`)
    return r.envelope.value as T
  }
  const upload = async (file: string, name = path.basename(file)): Promise<string> => {
    const res = await request(s.port, {
      method: 'POST',
      path: '/api/upload',
      headers: { host, 'content-type': 'application/octet-stream', 'x-starsite-token': s.token, 'x-file-name': encodeURIComponent(name) },
      body: fs.readFileSync(file),
    })
    expect(res.status).toBe(200)
    return (JSON.parse(res.body.toString('utf8')) as { value: { path: string } }).value.path
  }
  const download = (file: string) =>
    request(s.port, { path: `/api/download?path=${encodeURIComponent(file)}`, headers: { host, cookie: `starsite_token=${s.token}` } })
  /** Job events as a browser gets them: Server-Sent Events on /api/events. */
  const events = () => {
    const received: { jobId: string; done: number; total: number }[] = []
    let buffer = ''
    let connected = () => {}
    const ready = new Promise<void>((resolve) => (connected = resolve))
    const req = http.get({ host: '127.0.0.1', port: s.port, path: '/api/events', headers: { host, 'x-starsite-token': s.token } }, (res) => {
      res.on('data', (c: Buffer) => {
        connected()
        buffer += c.toString('utf8')
        const lines = buffer.split('\n')
        buffer = lines.pop() ?? ''
        for (const l of lines) if (l.startsWith('data: ')) received.push(JSON.parse(l.slice(6)))
      })
    })
    req.on('error', () => {})
    /** Resolves once an event matching `test` has arrived (the stream may lag the call's answer). */
    const until = async (test: (e: (typeof received)[number]) => boolean) => {
      for (let i = 0; i < 200 && !received.some(test); i++) await new Promise((r) => setTimeout(r, 25))
    }
    return { received, ready, until, stop: () => req.destroy() }
  }
  return { call, ok, upload, download, events }
}

describe('office in browser mode', () => {
  it('first run to exported register: becomeOffice, uploaded key and bundles, receive job, duplicate, downloads', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    zj.drafts[1] = { ...zj.drafts[1], address: String(gd.drafts[0].address) }
    updateSite(zj.app, zj.siteIds[1], zj.drafts[1])
    const out = tempDir('starsite-out-')
    const bundles = [await gd.bundle(path.join(out, '广东.zip')), await zj.bundle(path.join(out, '浙江.zip'))]
    const items = await readZip(await zj.bundle(path.join(tempDir('starsite-zj-'), 'zj2.zip')))
    const victim = items.find((i) => i.name.endsWith('.pdf'))!
    victim.data = Buffer.from(victim.data)
    victim.data[30] ^= 0x01
    bundles.push(path.join(out, '浙江_改.zip'))
    await writeZip(bundles[2], items)

    const dir = tempDir('starsite-http-office-')
    const { call, ok, upload, download, events } = await serve(dir)

    // A new folder is a province's until the person chooses the office role.
    expect(await ok('session.get', {})).toEqual({ role: 'province', canBecomeOffice: true, dataDir: dir })
    const early = await call('office.keys.list', {})
    expect([early.status, early.envelope.error?.code]).toEqual([409, 'wrong-role'])
    const became = await ok<OpOutput<'session.becomeOffice'>>('session.becomeOffice', { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
    expect(became.role).toBe('office')
    const province_ = await call('sites.list', {})
    expect([province_.status, province_.envelope.error?.code]).toEqual([409, 'wrong-role'])
    expect(province_.envelope.error?.message).toContain('全国推进办公室')

    // Keys: 广东 by its uploaded .pem, 浙江 by fingerprint.
    const keyPath = await upload(gd.publicKeyFile, '广东公钥.pem')
    expect((await ok<OpOutput<'office.keys.add'>>('office.keys.add', { province: '广东', file: keyPath })).key.source).toBe('file')
    await ok('office.keys.add', { province: '浙江', fingerprint: zj.fingerprint })
    const invalid = await call('office.keys.add', { province: '广东', fingerprint: 'xyz' })
    expect(invalid.status).toBe(400)
    expect(invalid.envelope.error?.message).toMatch(/^输入有误：fingerprint：指纹格式不对/)

    // Three uploaded bundles received as one job.
    const paths = [await upload(bundles[0]), await upload(bundles[1]), await upload(bundles[2])]
    const stream = events()
    await stream.ready
    const received = await ok<OpOutput<'office.bundles.receive'>>('office.bundles.receive', { paths }, 'http-receive-1')
    await stream.until((e) => e.jobId === 'http-receive-1' && e.done === 3)
    stream.stop()
    expect(stream.received.filter((e) => e.jobId === 'http-receive-1').at(-1)).toMatchObject({ done: 3, total: 3 })
    expect(received.outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['广东.zip', 'ingested'],
      ['浙江.zip', 'ingested'],
      ['浙江_改.zip', 'refused'],
    ])
    expect(received.outcomes[2].problems.map((p) => [p.path, p.kind])).toEqual([[victim.name, 'hash-mismatch']])

    // The duplicate pair, resolved as distinct (no reason needed).
    const { pairs } = await ok<OpOutput<'office.duplicates.list'>>('office.duplicates.list', {})
    expect(pairs).toHaveLength(1)
    const resolved = await ok<OpOutput<'office.duplicates.resolve'>>('office.duplicates.resolve', { a: pairs[0].a, b: pairs[0].b, as: 'distinct' })
    expect(resolved.resolution?.as).toBe('distinct')

    // The national register exported, downloaded like a browser does, read back with exceljs.
    const exported = await ok<OpOutput<'office.register.export'>>('office.register.export', {})
    const file = await download(exported.path)
    expect(file.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.body as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws.rowCount).toBe(5)
    expect([2, 3, 4, 5].map((r) => ws.getRow(r).getCell(1).value)).toEqual(['广东省', '广东省', '浙江省', '浙江省'])

    // A site's file from the stored bundle, downloadable too.
    const { sites } = await ok<OpOutput<'office.register.list'>>('office.register.list', { province: '广东省' })
    const drawer = await ok<OpOutput<'office.register.site'>>('office.register.site', { id: sites[0].id })
    const pdf = drawer.files.find((f) => f.name.endsWith('.pdf'))!
    const copy = await ok<OpOutput<'office.register.exportFile'>>('office.register.exportFile', { siteId: sites[0].id, entryPath: pdf.path })
    const got = await download(copy.path)
    expect(got.status).toBe(200)
    expect(got.body.length).toBe(pdf.size)
    expect(got.body.subarray(0, 8).toString()).toBe('%PDF-1.4')
    // The office's database is never downloadable.
    expect((await download(path.join(dir, 'office.db'))).status).toBe(404)
  }, 60_000)

  it('a province folder in use stays a province: becomeOffice refused, its operations unchanged', async () => {
    const gd = await province('广东')
    const dir = gd.app.dataDir
    gd.app.close()
    const { call, ok } = await serve(dir)
    expect(await ok('session.get', {})).toEqual({ role: 'province', canBecomeOffice: false, dataDir: dir })
    const refused = await call('session.becomeOffice', { name: '推进活动办公室', shortName: '推进办' })
    expect([refused.status, refused.envelope.error?.code]).toEqual([409, 'conflict'])
    expect(fs.existsSync(path.join(dir, 'office.db'))).toBe(false)
    expect((await ok<{ sites: unknown[] }>('sites.list', {})).sites).toHaveLength(2)
  }, 60_000)
})
