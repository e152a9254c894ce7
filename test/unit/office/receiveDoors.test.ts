/**
 * An unreadable file through each door, and who may delete what was received. The CLI exits 1 with the
 * reason in its --json; the browser-mode server removes the uploads a receive has finished with (tmp/uploads
 * empty afterwards, ingested, held and refused alike); the desktop's dispatch and the CLI never delete a path
 * the user gave, even one that happens to lie under tmp/uploads.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { OpOutput } from '../../../src-main/api/contract'
import { dispatch } from '../../../src-main/api/dispatch'
import { releaseUploads, uploadsDir } from '../../../src-main/server/files'
import { startServer, type RunningServer } from '../../../src-main/server/server'
import { openSession, type Session } from '../../../src-main/services/session'
import { runCli } from '../cli/run'
import { province, tempDir } from './helpers'

function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

let server: RunningServer | null = null
const sessions: Session[] = []
afterEach(async () => {
  await server?.close()
  server = null
  for (const s of sessions.splice(0)) s.close()
})

/** Every file under a folder, relative (folders themselves not listed). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort()
}

describe('office receive through the doors', () => {
  it('CLI: a folder with one good bundle and one unreadable file exits 1, the good one ingested, the reason in --json', async () => {
    const gd = await province('广东')
    const data = path.join(tempDir('starsite-office-cli-'), '推进办')
    expect(runCli(['--data', data, 'office', 'init', '--name', '服务现场质量推进活动办公室', '--short', '推进办', '--year', '2021']).status).toBe(0)
    expect(runCli(['--data', data, 'office', 'key', 'add', gd.publicKeyFile, '--province', '广东']).status).toBe(0)
    const drop = tempDir('starsite-drop-')
    const good = await gd.bundle(path.join(drop, '广东_2021.zip'))
    fs.symlinkSync(path.join(drop, 'pulled-out', 'x.zip'), path.join(drop, '浙江_2021.zip'))

    const r = runCli(['--data', data, 'office', 'receive', drop, '--json'])
    expect(r.status).toBe(1)
    const doc = JSON.parse(r.stdout) as { outcomes: { file: string; status: string; message: string; problems: { reason?: string; message: string }[] }[] }
    expect(doc.outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['广东_2021.zip', 'ingested'],
      ['浙江_2021.zip', 'refused'],
    ])
    expect(doc.outcomes[1].problems).toEqual([expect.objectContaining({ path: '浙江_2021.zip', reason: 'unreadable' })])
    expect(doc.outcomes[1].message).toContain('找不到“浙江_2021.zip”')
    expect(doc.outcomes[1].message).toContain('（ENOENT）')
    expect(r.stderr).toContain('找不到“浙江_2021.zip”')
    // The user's own file is never touched.
    expect(fs.existsSync(good)).toBe(true)
  }, 60_000)

  it('browser mode: uploaded bundles are removed once the receive is done with them, refused ones too', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const src = tempDir('starsite-src-')
    const bundles = [await gd.bundle(path.join(src, '广东.zip')), await zj.bundle(path.join(src, '浙江.zip'))]
    const notZip = path.join(src, '说明.zip')
    fs.writeFileSync(notZip, '%PDF-1.4 not a bundle')
    const dir = tempDir('starsite-http-office-')
    const web = tempDir('starsite-web-')
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><head><meta name="starsite-token" content=""></head><body></body></html>')
    const session = openSession({ dataDir: dir, actor: '推进办' })
    sessions.push(session)
    server = await startServer({ session, staticDir: web })
    const s = server
    const headers = { host: `127.0.0.1:${s.port}`, 'x-starsite-token': s.token }
    const call = async <T>(op: string, input: unknown): Promise<T> => {
      const res = await request(s.port, { method: 'POST', path: `/api/call/${op}`, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ input }) })
      const envelope = JSON.parse(res.body.toString('utf8')) as { ok: boolean; value?: T; error?: { message: string } }
      if (!envelope.ok) throw new Error(`${op}: ${envelope.error?.message}`)
      return envelope.value!
    }
    const upload = async (file: string): Promise<string> => {
      const res = await request(s.port, {
        method: 'POST',
        path: '/api/upload',
        headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(path.basename(file)) },
        body: fs.readFileSync(file),
      })
      expect(res.status).toBe(200)
      return (JSON.parse(res.body.toString('utf8')) as { value: { path: string } }).value.path
    }
    await call('session.becomeOffice', { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
    // 广东 registered (ingested); 浙江 not (held as pending, stored in the office's own bundles/).
    await call('office.keys.add', { province: '广东', fingerprint: gd.fingerprint })

    const paths = [await upload(bundles[0]), await upload(bundles[1]), await upload(notZip)]
    expect(filesUnder(uploadsDir(dir))).toHaveLength(3)
    const received = await call<OpOutput<'office.bundles.receive'>>('office.bundles.receive', { paths })
    expect(received.outcomes.map((o) => o.status)).toEqual(['ingested', 'pending-confirmation', 'refused'])
    expect(fs.readdirSync(uploadsDir(dir))).toEqual([])
    // The held bundle is kept by the office itself, so removing its upload loses nothing.
    const list = await call<OpOutput<'office.bundles.list'>>('office.bundles.list', {})
    expect(list.bundles.map((b) => b.status).sort()).toEqual(['ingested', 'pending-confirmation'])
    for (const b of list.bundles) expect(fs.existsSync(path.join(dir, 'bundles', b.sha256.slice(0, 2), `${b.sha256}.zip`))).toBe(true)

    // A path the user typed (not an upload) is received and left where it was.
    const typed = await call<OpOutput<'office.bundles.receive'>>('office.bundles.receive', { paths: [bundles[0]] })
    expect(typed.outcomes[0].status).toBe('already-received')
    expect(fs.existsSync(bundles[0])).toBe(true)
  }, 60_000)

  it('desktop dispatch never deletes the paths it was given, not even one under tmp/uploads', async () => {
    const gd = await province('广东')
    const dir = tempDir('starsite-desk-office-')
    const session = openSession({ dataDir: dir, actor: '推进办' })
    sessions.push(session)
    const became = await dispatch(session, 'session.becomeOffice', { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })
    expect(became.ok).toBe(true)
    const mine = await gd.bundle(path.join(tempDir('starsite-mine-'), '广东.zip'))
    // A file the user keeps, by chance, where uploads go: only the browser door's own uploads are released.
    const lookalike = path.join(uploadsDir(dir), 'a'.repeat(24), '广东副本.zip')
    fs.mkdirSync(path.dirname(lookalike), { recursive: true })
    fs.copyFileSync(mine, lookalike)
    const r = await dispatch(session, 'office.bundles.receive', { paths: [mine, lookalike] })
    expect(r.ok).toBe(true)
    expect(fs.existsSync(mine)).toBe(true)
    expect(fs.existsSync(lookalike)).toBe(true)
  }, 60_000)

  it('releaseUploads removes only tmp/uploads/<upload folder>/<name>, never anything else', () => {
    const dir = tempDir('starsite-release-')
    const root = uploadsDir(dir)
    const upload = path.join(root, '0123456789abcdef01234567', 'a.zip')
    const outside = path.join(dir, 'outputs', 'b.zip')
    const deeper = path.join(root, '0123456789abcdef0123456f', 'sub', 'c.zip')
    const odd = path.join(root, 'not-an-upload', 'd.zip')
    for (const f of [upload, outside, deeper, odd]) {
      fs.mkdirSync(path.dirname(f), { recursive: true })
      fs.writeFileSync(f, 'x')
    }
    const escape = path.join(root, '0123456789abcdef01234567', '..', '..', '..', 'outputs', 'b.zip')
    releaseUploads(dir, [outside, deeper, odd, escape, path.join(dir, 'tmp', 'uploads')])
    expect([upload, outside, deeper, odd].map((f) => fs.existsSync(f))).toEqual([true, true, true, true])
    releaseUploads(dir, [upload])
    expect(fs.existsSync(path.dirname(upload))).toBe(false)
    expect([outside, deeper, odd].map((f) => fs.existsSync(f))).toEqual([true, true, true])
  })
})
