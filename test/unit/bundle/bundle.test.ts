import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { buildBundle } from '../../../src-main/services/bundle/build'
import { defaultDocuments } from '../../../src-main/services/bundle/documents'
import { verifyBundle } from '../../../src-main/services/bundle/verify'
import type { AppContext } from '../../../src-main/services/context'
import { generateLetters, listLetters } from '../../../src-main/services/letters/generate'
import { updateSite } from '../../../src-main/services/sites/sites'
import { draft } from '../services/helpers'
import { runCli } from '../cli/run'
import { bundleApp, docxXml, tempDir, dataOffset, readZip, seedSites, writeZip, xlsxColumn } from './helpers'

const COVER = '00_报送函.docx'
const ROSTER = '01_推荐汇总表.xlsx'
const REPORT = '02_审核报告.xlsx'
const SITE_A = '现场材料/GD-2021-Y001_广州天河营业厅'
const SITE_B = '现场材料/GD-2021-Z001_深圳福田“装维”中心'

const apps: AppContext[] = []
afterEach(() => {
  for (const a of apps.splice(0)) a.close()
})

async function builtBundle() {
  const app = bundleApp()
  apps.push(app)
  const { siteIds } = await seedSites(app)
  const out = path.join(tempDir('starsite-out-'), '粤通协_2021_星级服务现场推荐材料_20210506.zip')
  const result = await buildBundle(app, undefined, { outPath: out })
  return { app, out, result, siteIds }
}

/** The CLI, as a receiver runs it, with --json: exit code and the parsed document. */
function cliVerify(dataDir: string, file: string) {
  const r = runCli(['--data', dataDir, 'verify', file, '--json'])
  return { status: r.status, doc: JSON.parse(r.stdout), stderr: r.stderr }
}

describe('bundle build and verify', () => {
  it('builds a bundle that verifies clean, in the service and through the CLI (exit 0, fingerprint printed)', async () => {
    const { app, out, result, siteIds } = await builtBundle()
    expect(result.sites).toBe(2)
    expect(result.files).toBe(12) // cover letter + roster + check report + 2 site letters + 7 attachments
    expect(result.omitted).toEqual([])
    expect(fs.readdirSync(path.dirname(out))).toEqual([path.basename(out)]) // no partial file left behind
    const v = await verifyBundle(out)
    expect(v.problems).toEqual([])
    expect(v.ok).toBe(true)
    expect(v.fingerprint).toBe(result.fingerprint)
    expect(v.fingerprint).toMatch(/^([0-9A-F]{8} ){7}[0-9A-F]{8}$/)

    const items = await readZip(out)
    const names = items.map((e) => e.name)
    expect(names.slice(-2)).toEqual(['manifest.json', 'manifest.sig'])
    // The real documents, each listed (and so hashed and verified) in the manifest; nothing omitted.
    const manifest = JSON.parse(items.find((e) => e.name === 'manifest.json')!.data.toString('utf8'))
    expect(manifest.omitted).toEqual([])
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining([COVER, ROSTER, REPORT, `${SITE_A}/推荐函.docx`, `${SITE_B}/推荐函.docx`]),
    )
    // The sealed cover letter carries the fingerprint exactly as verify prints it, and the packed sites.
    const cover = await docxXml(items.find((e) => e.name === COVER)!.data)
    expect(cover).toContain(v.fingerprint!)
    expect(cover).toContain('GD-2021-Y001')
    expect(cover).toContain('GD-2021-Z001')
    // Each site letter is that site's 推荐函, numbered, and the same bytes the letters service recorded.
    const letters = listLetters(app)
    for (const [folder, code] of [[SITE_A, 'GD-2021-Y001'], [SITE_B, 'GD-2021-Z001']]) {
      const packed = items.find((e) => e.name === `${folder}/推荐函.docx`)!.data
      const record = letters.find((l) => l.kind === 'site' && l.siteCode === code)!
      expect(await docxXml(packed)).toContain(record.docNo)
      expect(packed.equals(fs.readFileSync(record.path))).toBe(true)
    }
    expect(letters.filter((l) => l.kind === 'cover')).toHaveLength(1)
    // The roster and the check report are real workbooks about the packed sites.
    expect(await xlsxColumn(items.find((e) => e.name === ROSTER)!.data, 0, '现场编号')).toEqual(['GD-2021-Y001', 'GD-2021-Z001'])
    expect(items.find((e) => e.name === REPORT)!.data.subarray(0, 2).toString()).toBe('PK')
    expect(names).toContain('现场材料/GD-2021-Y001_广州天河营业厅/上级推荐函.pdf')
    expect(names).toContain('现场材料/GD-2021-Y001_广州天河营业厅/推荐函.docx')
    expect(names).toContain('现场材料/GD-2021-Y001_广州天河营业厅/照片1.jpg')
    expect(names).toContain('现场材料/GD-2021-Y001_广州天河营业厅/照片2.jpg')
    expect(names).toContain('现场材料/GD-2021-Z001_深圳福田“装维”中心/培训证书.pdf')

    // Sites become 已报送 with audit entries; the bundle is in the history.
    for (const id of siteIds) expect(app.sites.get(id)!.status).toBe('submitted')
    const history = await dispatch(app, 'bundle.history', {})
    expect(history).toMatchObject({ ok: true, value: { bundles: [{ path: out, sha256: result.sha256, sites: 2, fingerprint: result.fingerprint }] } })
    const audit = app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'site' AND action = 'status'").get() as { n: number }
    expect(audit.n).toBe(2)

    const cli = cliVerify(app.dataDir, out)
    expect(cli.status, cli.stderr).toBe(0)
    expect(cli.doc).toMatchObject({ ok: true, files: 12, fingerprint: result.fingerprint, problems: [], ownKey: true })
    expect(cli.stderr).toContain(result.fingerprint)
  })

  it('an independent reader (python3 zipfile) sees the UTF-8 flag, the Chinese names and the manifest hashes', async () => {
    const { out } = await builtBundle()
    const script = `
import zipfile, hashlib, json, sys
z = zipfile.ZipFile(sys.argv[1])
m = json.loads(z.read('manifest.json'))
print(json.dumps({
  'names': z.namelist(),
  'utf8': all((i.flag_bits & 0x800) != 0 for i in z.infolist()),
  'stored': {i.filename: i.compress_type == zipfile.ZIP_STORED for i in z.infolist()},
  'ok': all(hashlib.sha256(z.read(f['path'])).hexdigest() == f['sha256'] and len(z.read(f['path'])) == f['size'] for f in m['files']),
  'listed': len(m['files']),
}))`
    const py = JSON.parse(execFileSync('python3', ['-c', script, out], { encoding: 'utf8' }))
    expect(py.utf8).toBe(true)
    expect(py.ok).toBe(true)
    expect(py.listed).toBe(12)
    expect(py.names).toContain('现场材料/GD-2021-Y001_广州天河营业厅/照片1.jpg')
    expect(py.stored['现场材料/GD-2021-Y001_广州天河营业厅/上级推荐函.pdf']).toBe(true) // pdf not deflated again
    expect(py.stored['manifest.json']).toBe(false)
    // Debian's Info-ZIP too: lists the same Chinese names.
    const unzipNames = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n')
    expect(unzipNames.sort()).toEqual([...py.names].sort())
  })

  it('reports tampering by path, each with CLI exit 1', async () => {
    const { app, out } = await builtBundle()
    const dir = tempDir('starsite-tamper-')
    const items = await readZip(out)
    const letter = '现场材料/GD-2021-Y001_广州天河营业厅/上级推荐函.pdf'

    // One byte flipped inside a stored entry's data, in the zip file itself.
    const flipped = path.join(dir, 'flipped.zip')
    fs.copyFileSync(out, flipped)
    const at = (await dataOffset(flipped, letter)) + 100
    const fd = fs.openSync(flipped, 'r+')
    const b = Buffer.alloc(1)
    fs.readSync(fd, b, 0, 1, at)
    b[0] ^= 0xff
    fs.writeSync(fd, b, 0, 1, at)
    fs.closeSync(fd)

    const removed = path.join(dir, 'removed.zip')
    await writeZip(removed, items.filter((e) => e.name !== letter))
    const added = path.join(dir, 'added.zip')
    await writeZip(added, [...items, { name: '现场材料/夹带.txt', data: Buffer.from('x') }])
    const edited = path.join(dir, 'edited.zip')
    await writeZip(
      edited,
      items.map((e) => (e.name === 'manifest.json' ? { ...e, data: Buffer.from(e.data.toString('utf8').replace('广州天河营业厅', '广州天河营业部')) } : e)),
    )
    // yazl refuses "../" names, so write a same-length placeholder and patch it in both headers.
    const slip = path.join(dir, 'slip.zip')
    await writeZip(slip, [...items, { name: 'zz/evil.txt', data: Buffer.from('pwned') }])
    const raw = fs.readFileSync(slip)
    let i = -1
    while ((i = raw.indexOf('zz/evil.txt', i + 1)) !== -1) raw.write('../evil.txt', i)
    fs.writeFileSync(slip, raw)
    const truncated = path.join(dir, 'truncated.zip')
    fs.writeFileSync(truncated, fs.readFileSync(out).subarray(0, Math.floor(fs.statSync(out).size / 2)))

    const cases: [string, { path: string; problem: string }[]][] = [
      [flipped, [{ path: letter, problem: 'hash-mismatch' }]],
      [removed, [{ path: letter, problem: 'missing' }]],
      [added, [{ path: '现场材料/夹带.txt', problem: 'extra' }]],
      [edited, [{ path: 'manifest.sig', problem: 'bad-signature' }]],
      [slip, [{ path: '../evil.txt', problem: 'extra' }]],
      // A file that does not open as a zip is named itself: there is no entry to name.
      [truncated, [{ path: 'truncated.zip', problem: 'bad-manifest' }]],
    ]
    for (const [file, expected] of cases) {
      const v = await verifyBundle(file)
      expect(v.ok, file).toBe(false)
      expect(v.problems.map((p) => ({ path: p.path, problem: p.problem })), file).toEqual(expected)
      const cli = cliVerify(app.dataDir, file)
      expect(cli.status, `${file}: ${cli.stderr}`).toBe(1)
      expect(cli.doc.problems.map((p: { path: string; problem: string }) => ({ path: p.path, problem: p.problem }))).toEqual(expected)
    }
    // The zip-slip entry was reported as unsafe and nothing was written next to (or above) the bundle.
    expect((await verifyBundle(slip)).problems[0].reason).toBe('unsafe-path')
    expect(fs.existsSync(path.join(path.dirname(dir), 'evil.txt'))).toBe(false)
    expect(fs.readdirSync(dir).sort()).toEqual(['added.zip', 'edited.zip', 'flipped.zip', 'removed.zip', 'slip.zip', 'truncated.zip'])
  }, 240_000) // six CLI child processes; slow on a loaded 2-core machine

  it('refuses while an included site has an open error-level finding, naming it; CLI exit 1', async () => {
    const app = bundleApp()
    apps.push(app)
    const { siteIds } = await seedSites(app)
    app.db
      .prepare(
        `INSERT INTO findings (site_id, rule, severity, target, message, fingerprint, found_at)
         VALUES (?, 'phone-format', 'error', 'phone', '联系电话格式不对', 'phone-format:phone', ?)`,
      )
      .run(siteIds[1], app.now())
    const out = path.join(tempDir('starsite-out-'), 'b.zip')
    const r = await dispatch(app, 'bundle.build', { outPath: out })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('conflict')
      expect(r.error.message).toContain('GD-2021-Z001')
      expect(r.error.details).toMatchObject({ findings: [{ siteCode: 'GD-2021-Z001', rule: 'phone-format' }] })
    }
    expect(fs.existsSync(out)).toBe(false)
    expect(app.sites.get(siteIds[0])!.status).toBe('pending')
    app.close()
    apps.pop()
    const cli = runCli(['--data', app.dataDir, 'bundle', '--out', out, '--json'])
    expect(cli.status).toBe(1)
    expect(JSON.parse(cli.stdout).error.code).toBe('conflict')
  }, 120_000)

  it('a cancelled build leaves no file and changes no status', async () => {
    const app = bundleApp()
    apps.push(app)
    const { siteIds } = await seedSites(app)
    const dir = tempDir('starsite-out-')
    const out = path.join(dir, 'c.zip')
    const jobId = 'cancel-test-1'
    app.jobs.subscribe((e) => {
      if (e.jobId === jobId && e.phase === 'files' && e.done >= 1) app.jobs.cancel(jobId)
    })
    const r = await dispatch(app, 'bundle.build', { outPath: out }, { jobId })
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(fs.readdirSync(dir)).toEqual([])
    expect(fs.readdirSync(path.join(app.dataDir, 'tmp')).filter((n) => !n.startsWith('.'))).toEqual([])
    expect(app.sites.get(siteIds[0])!.status).toBe('pending')
  })
  it('packs only the selected sites: cover, roster and report name exactly them; the cover keeps its number', async () => {
    const app = bundleApp()
    apps.push(app)
    const { siteIds } = await seedSites(app)
    for (const id of siteIds)
      app.db
        .prepare(
          `INSERT INTO findings (site_id, rule, severity, target, message, fingerprint, found_at)
           VALUES (?, 'phone-format', 'warning', 'phone', '联系电话可能有误', 'phone-format:phone', ?)`,
        )
        .run(id, app.now())
    const dir = tempDir('starsite-out-')
    const first = await buildBundle(app, undefined, { outPath: path.join(dir, 'a.zip'), siteIds: [siteIds[0]] })
    expect(first.sites).toBe(1)
    const items = await readZip(first.path)
    const cover = await docxXml(items.find((e) => e.name === COVER)!.data)
    expect(cover).toContain(first.fingerprint)
    expect(cover).toContain('GD-2021-Y001')
    expect(cover).not.toContain('GD-2021-Z001')
    expect(await xlsxColumn(items.find((e) => e.name === ROSTER)!.data, 0, '现场编号')).toEqual(['GD-2021-Y001'])
    // 问题明细 lists findings of the packed site only (both sites have a warning).
    const reportSites = await xlsxColumn(items.find((e) => e.name === REPORT)!.data, 1, '现场编号')
    expect(new Set(reportSites)).toEqual(new Set(['GD-2021-Y001']))
    expect(items.some((e) => e.name.startsWith(SITE_B))).toBe(false)

    // The 报送函 is one letter of the campaign: built again (now for both sites) it keeps its 文号.
    const coverNo = listLetters(app).find((l) => l.kind === 'cover')!.docNo
    const second = await buildBundle(app, undefined, { outPath: path.join(dir, 'b.zip') })
    const cover2 = await docxXml((await readZip(second.path)).find((e) => e.name === COVER)!.data)
    expect(cover2).toContain(coverNo)
    expect(cover2).toContain('GD-2021-Z001')
    expect(listLetters(app).filter((l) => l.kind === 'cover').map((l) => l.docNo)).toEqual([coverNo])
  })

  it('a site changed after its letter was generated gets a fresh letter (same 文号); an unchanged one is reused', async () => {
    const app = bundleApp()
    apps.push(app)
    const { siteIds } = await seedSites(app)
    await generateLetters(app, { siteIds })
    const before = listLetters(app)
    const letterOf = (code: string) => before.find((l) => l.kind === 'site' && l.siteCode === code)!
    const unchanged = fs.readFileSync(letterOf('GD-2021-Z001').path)
    updateSite(app, siteIds[0], draft({ name: '广州天河营业厅', uscc: '91440000719283738L', areaSqm: 300, highlights: '新设二十四小时自助服务区' }))

    const { path: out } = await buildBundle(app, undefined, { outPath: path.join(tempDir('starsite-out-'), 'c.zip') })
    const items = await readZip(out)
    const packedA = await docxXml(items.find((e) => e.name === `${SITE_A}/推荐函.docx`)!.data)
    expect(packedA).toContain('新设二十四小时自助服务区')
    expect(packedA).toContain(letterOf('GD-2021-Y001').docNo)
    expect(items.find((e) => e.name === `${SITE_B}/推荐函.docx`)!.data.equals(unchanged)).toBe(true)
    // The fresh letter is stored like any letter: same number, newer record, its file updated in place.
    const after = listLetters(app).find((l) => l.kind === 'site' && l.siteCode === 'GD-2021-Y001')!
    expect(after.docNo).toBe(letterOf('GD-2021-Y001').docNo)
    expect(after.generatedAt > letterOf('GD-2021-Y001').generatedAt).toBe(true)
    expect(await docxXml(fs.readFileSync(after.path))).toContain('新设二十四小时自助服务区')
    expect(listLetters(app).find((l) => l.kind === 'site' && l.siteCode === 'GD-2021-Z001')!.generatedAt).toBe(letterOf('GD-2021-Z001').generatedAt)
  })

  it('fails, in Chinese and leaving nothing behind, when a document cannot be produced', async () => {
    const app = bundleApp()
    apps.push(app)
    const { siteIds } = await seedSites(app)
    const dir = tempDir('starsite-out-')
    const { coverLetter: _cover, ...noCover } = defaultDocuments()
    await expect(buildBundle(app, undefined, { outPath: path.join(dir, 'd.zip'), documents: noCover })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('00_报送函.docx'),
    })
    const noLetter = { ...defaultDocuments(), siteLetter: async () => null }
    await expect(buildBundle(app, undefined, { outPath: path.join(dir, 'd.zip'), documents: noLetter })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/推荐函.*未生成报送包/),
    })
    expect(fs.readdirSync(dir)).toEqual([])
    for (const id of siteIds) expect(app.sites.get(id)!.status).toBe('pending')
  })
})
