import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openApp } from '../../../src-main/services/context'
import { openOffice } from '../../../src-main/services/office/context'
import { extractRegisterFile } from '../../../src-main/services/office/attachment'
import { confirmBundle } from '../../../src-main/services/office/confirm'
import { addKey, listKeys } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { listRegister } from '../../../src-main/services/office/register'
import { storedBundlePath } from '../../../src-main/services/office/store'
import { listReceivedBundles } from '../../../src-main/db/office/bundles'
import { dataOffset, readZip, writeZip } from '../bundle/helpers'
import { changeStarLevel, fileList, newOffice, province, rowCounts, tempDir } from './helpers'

/** A copy of a signed bundle with one byte of one site file changed, written as a fresh zip. */
async function tampered(bundle: string, out: string): Promise<string> {
  const items = await readZip(bundle)
  const victim = items.find((i) => i.name.endsWith('.pdf'))!
  victim.data = Buffer.from(victim.data)
  victim.data[20] ^= 0x01
  await writeZip(out, items)
  return victim.name
}

describe('office: receiving province bundles', () => {
  it('takes a folder of three bundles: two ingested, the tampered one refused naming its file and storing nothing', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    addKey(office, { province: '浙江省', fingerprint: zj.fingerprint.replace(/ /g, '').toLowerCase() })
    expect(listKeys(office).map((k) => [k.province, k.fingerprint, k.source])).toEqual([
      ['广东省', gd.fingerprint, 'file'],
      ['浙江省', zj.fingerprint, 'fingerprint'],
    ])

    const drop = tempDir('starsite-drop-')
    const gdZip = await gd.bundle(path.join(drop, 'a_广东.zip'))
    await zj.bundle(path.join(drop, 'b_浙江.zip'))
    const zjOther = await zj.bundle(path.join(tempDir('starsite-zj-'), 'zj2.zip'))
    const altered = await tampered(zjOther, path.join(drop, 'c_浙江_改.zip'))

    const outcomes = await receive(office, [drop])
    expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['a_广东.zip', 'ingested'],
      ['b_浙江.zip', 'ingested'],
      ['c_浙江_改.zip', 'refused'],
    ])
    const bad = outcomes[2]
    expect(bad.problems.map((p) => [p.path, p.problem])).toEqual([[altered, 'hash-mismatch']])
    expect(bad.message).toContain('已拒收')
    expect(fs.existsSync(storedBundlePath(office.dataDir, bad.sha256!))).toBe(false)

    // Stored whole under their content address; the register has both provinces' sites with file hashes.
    for (const o of outcomes.slice(0, 2)) expect(fs.readFileSync(storedBundlePath(office.dataDir, o.sha256!)).equals(fs.readFileSync(o.file))).toBe(true)
    expect(fileList(path.join(office.dataDir, 'bundles'))).toHaveLength(2)
    const register = listRegister(office)
    expect(register.map((s) => [s.province, s.name])).toEqual([
      ['广东省', '广东一号营业厅'],
      ['广东省', '广东二号营业厅'],
      ['浙江省', '浙江一号营业厅'],
      ['浙江省', '浙江二号营业厅'],
    ])
    expect(register[0].code).toMatch(/^GD-2021-/)
    // Fields from the bundle's roster workbook, beyond the manifest's.
    expect(register[0].fields).toMatchObject({ uscc: '91440000719283738L', city: '广州市', address: '广州市天河区天河路 1 号-1', manager: '张三', phone: '13800138000' })
    expect(register[2].fields).toMatchObject({ city: '杭州市' })
    expect(register[0].files.length).toBeGreaterThan(0)
    expect(register[0].files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true)
    expect(listRegister(office, { province: '浙江' })).toHaveLength(2)
    expect(gdZip).toBe(outcomes[0].file)

    // The tampered bundle alone: the office folder and every table are exactly as before.
    const files = fileList(office.dataDir).filter((f) => !/office\.db-(wal|shm)$/.test(f))
    const counts = rowCounts(office)
    const again = await receive(office, [path.join(drop, 'c_浙江_改.zip')])
    expect(again[0].status).toBe('refused')
    expect(fileList(office.dataDir).filter((f) => !/office\.db-(wal|shm)$/.test(f))).toEqual(files)
    expect(rowCounts(office)).toEqual(counts)
  })

  it('a re-sent changed bundle supersedes the earlier one, keeps it as history and lists the changed field', async () => {
    const gd = await province('广东')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const dir = tempDir('starsite-out-')
    const [first] = await receive(office, [await gd.bundle(path.join(dir, '1.zip'))])
    expect(first.status).toBe('ingested')
    const code = listRegister(office)[0].code
    changeStarLevel(gd, 0, 5)
    const [second] = await receive(office, [await gd.bundle(path.join(dir, '2.zip'))])
    expect(second.status).toBe('ingested')
    expect(second.supersededBundleId).toBe(first.bundleId)
    expect(second.diff).toEqual({ added: [], withdrawn: [], changed: [{ code, field: 'starLevel', before: 4, after: 5 }] })
    expect(listRegister(office).find((s) => s.code === code)!.starLevel).toBe(5)
    expect(listReceivedBundles(office.db).map((b) => [b.id, b.status, b.supersededBy])).toEqual([
      [first.bundleId, 'superseded', second.bundleId],
      [second.bundleId, 'ingested', null],
    ])
    // The earlier bundle's file and rows remain.
    expect(fs.existsSync(storedBundlePath(office.dataDir, first.sha256!))).toBe(true)
    expect(rowCounts(office).register_sites).toBe(4)
    // The same bytes again: recognised, nothing added.
    const [dup] = await receive(office, [path.join(dir, '2.zip')])
    expect(dup.status).toBe('already-received')
    expect(rowCounts(office).received_bundles).toBe(2)
  })

  it('an unknown key is held as pending; a key registered to another province is refused', async () => {
    const gd = await province('广东')
    const office = newOffice()
    const dir = tempDir('starsite-out-')
    const zip = await gd.bundle(path.join(dir, 'gd.zip'))

    const [pending] = await receive(office, [zip])
    expect(pending.status).toBe('pending-confirmation')
    expect(pending.message).toContain(gd.fingerprint)
    expect(fs.existsSync(storedBundlePath(office.dataDir, pending.sha256!))).toBe(true)
    expect(listRegister(office)).toEqual([])

    const other = newOffice()
    addKey(other, { province: '浙江', fingerprint: gd.fingerprint })
    const files = fileList(other.dataDir).filter((f) => !/office\.db-(wal|shm)$/.test(f))
    const counts = rowCounts(other)
    const [wrong] = await receive(other, [zip])
    expect(wrong.status).toBe('refused')
    expect(wrong.problems.map((p) => p.reason)).toEqual(['key-of-another-province'])
    expect(wrong.problems[0].message).toContain('浙江省')
    expect(fileList(other.dataDir).filter((f) => !/office\.db-(wal|shm)$/.test(f))).toEqual(files)
    expect(rowCounts(other)).toEqual(counts)
  })
})

describe('office: confirming a pending bundle', () => {
  it('merges only with the fingerprint typed from paper, registering the key and superseding the older bundle', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = newOffice()
    // The office has an old key on file for 广东 (here: 浙江's, standing in for a retired machine's key).
    addKey(office, { province: '广东', fingerprint: zj.fingerprint })
    const dir = tempDir('starsite-out-')
    const [held] = await receive(office, [await gd.bundle(path.join(dir, 'gd.zip'))])
    expect(held.status).toBe('pending-confirmation')
    expect(held.message).toContain(zj.fingerprint)

    const counts = rowCounts(office)
    expect(() => confirmBundle(office, held.bundleId!, zj.fingerprint)).toThrow(/指纹与报送包签名密钥的指纹不一致/)
    expect(rowCounts(office)).toEqual(counts)
    expect(listRegister(office)).toEqual([])

    const r = confirmBundle(office, held.bundleId!, gd.fingerprint.toLowerCase())
    expect(r.status).toBe('ingested')
    expect(listRegister(office).map((s) => s.name)).toEqual(['广东一号营业厅', '广东二号营业厅'])
    expect(listKeys(office).map((k) => [k.province, k.fingerprint])).toEqual([['广东省', gd.fingerprint]])
    expect(listKeys(office, { includeHistory: true })).toHaveLength(2)
    expect(() => confirmBundle(office, held.bundleId!, gd.fingerprint)).toThrow(/不是“待确认”状态/)

    // From now on the province's bundles go straight in, superseding the confirmed one.
    changeStarLevel(gd, 1, 3)
    const [next] = await receive(office, [await gd.bundle(path.join(dir, 'gd2.zip'))])
    expect(next.status).toBe('ingested')
    expect(next.supersededBundleId).toBe(held.bundleId)
    expect(next.diff!.changed.map((c) => [c.field, c.before, c.after])).toEqual([['starLevel', 4, 3]])
  })
})

describe('office: attachments out of the stored bundle', () => {
  it('extracts a site file by its recorded hash, and refuses one damaged on disk since, leaving nothing behind', async () => {
    const gd = await province('广东')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const zip = await gd.bundle(path.join(tempDir('starsite-out-'), 'gd.zip'))
    const [r] = await receive(office, [zip])
    const site = listRegister(office)[0]
    const pdf = site.files.find((f) => f.path.endsWith('上级推荐函.pdf'))!
    const out = tempDir('starsite-extract-')
    const got = await extractRegisterFile(office, site.id, pdf.path, path.join(out, '推荐函.pdf'))
    const original = (await readZip(zip)).find((i) => i.name === pdf.path)!.data
    expect(fs.readFileSync(got.path).equals(original)).toBe(true)
    expect(got.sha256).toBe(pdf.sha256)

    const stored = storedBundlePath(office.dataDir, r.sha256!)
    const raw = fs.readFileSync(stored)
    raw[(await dataOffset(stored, pdf.path)) + 30] ^= 0xff
    fs.writeFileSync(stored, raw)
    await expect(extractRegisterFile(office, site.id, pdf.path, path.join(out, 'again.pdf'))).rejects.toThrow(/已损坏/)
    expect(fs.readdirSync(out)).toEqual(['推荐函.pdf'])
    await expect(extractRegisterFile(office, site.id, '现场材料/没有.pdf', path.join(out, 'x.pdf'))).rejects.toThrow(/没有文件/)
  })
})

describe('office: ingest is one transaction', () => {
  it('a failure on the last register row leaves the register, the bundles and the audit log as they were', async () => {
    const gd = await province('广东')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const dir = tempDir('starsite-out-')
    const [first] = await receive(office, [await gd.bundle(path.join(dir, '1.zip'))])
    changeStarLevel(gd, 0, 5)
    const second = await gd.bundle(path.join(dir, '2.zip'))
    const before = { register: listRegister(office), counts: rowCounts(office) }
    // Fail the very last write of the ingest: the rows before it in the same transaction must go too.
    // The re-sent bundle has as many files as the first: its last file row is number 2 × the first's count.
    const lastFile = before.counts.register_files * 2
    office.db.exec(`CREATE TRIGGER fail_last AFTER INSERT ON register_files WHEN (SELECT COUNT(*) FROM register_files) >= ${lastFile}
      BEGIN SELECT RAISE(ABORT, 'disk gone'); END`)
    await expect(receive(office, [second])).rejects.toThrow(/disk gone/)
    office.db.exec('DROP TRIGGER fail_last')
    expect(listRegister(office)).toEqual(before.register)
    expect(rowCounts(office)).toEqual(before.counts)
    expect(listReceivedBundles(office.db).map((b) => [b.id, b.status])).toEqual([[first.bundleId, 'ingested']])
    // Received again once the fault is gone: ingested, superseding the first.
    const [again] = await receive(office, [second])
    expect(again.status).toBe('ingested')
    expect(again.supersededBundleId).toBe(first.bundleId)
  })
})

describe('office: the campaign year', () => {
  it('a bundle of another year is refused and nothing of it is kept', async () => {
    const gd = await province('广东', 2022)
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const zip = await gd.bundle(path.join(tempDir('starsite-out-'), 'gd2022.zip'))
    const counts = rowCounts(office)
    const [r] = await receive(office, [zip])
    expect(r.status).toBe('refused')
    expect(r.problems.map((p) => [p.reason, p.message])).toEqual([['wrong-year', '报送包属于 2022 年度，本推进办公室正在接收 2021 年度的材料']])
    expect(fileList(path.join(office.dataDir, 'bundles'))).toEqual([])
    expect(fileList(path.join(office.dataDir, 'tmp'))).toEqual([])
    expect(rowCounts(office)).toEqual(counts)
  })
})

describe('office: keys and folders', () => {
  it('replacing a province key keeps the old one in history with an audit entry', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = newOffice()
    addKey(office, { province: '广东', fingerprint: zj.fingerprint })
    const r = addKey(office, { province: '广东省', file: gd.publicKeyFile })
    expect(r.replaced?.fingerprint).toBe(zj.fingerprint)
    expect(listKeys(office).map((k) => k.fingerprint)).toEqual([gd.fingerprint])
    expect(listKeys(office, { includeHistory: true }).map((k) => [k.fingerprint, k.supersededAt === null])).toEqual([
      [gd.fingerprint, true],
      [zj.fingerprint, false],
    ])
    const audit = office.db.prepare("SELECT action, summary FROM audit_log WHERE entity = 'province-key' ORDER BY id").all() as { action: string; summary: string }[]
    expect(audit.map((a) => a.action)).toEqual(['create', 'replace'])
    expect(audit[1].summary).toContain(gd.fingerprint)
    expect(() => addKey(office, { province: '广东', fingerprint: 'ABC' })).toThrow(/64 位十六进制/)
  })

  it('a province folder is refused as the office and the office folder as a province, each left untouched', async () => {
    const gd = await province('广东')
    const before = fileList(gd.app.dataDir)
    expect(() => openOffice({ dataDir: gd.app.dataDir, create: true })).toThrow(/省级协会的数据文件夹/)
    expect(fileList(gd.app.dataDir)).toEqual(before)

    const office = newOffice()
    const officeFiles = fileList(office.dataDir)
    expect(() => openApp({ dataDir: office.dataDir })).toThrow(/全国推进办公室的数据文件夹/)
    expect(fileList(office.dataDir)).toEqual(officeFiles)
    expect(() => openOffice({ dataDir: tempDir('starsite-empty-') })).toThrow(/office init/)

    // A province's database copied in under the office's file name: refused as not an office file, untouched.
    const disguised = tempDir('starsite-disguised-')
    fs.copyFileSync(path.join(gd.app.dataDir, 'starsite.db'), path.join(disguised, 'office.db'))
    const bytes = fs.readFileSync(path.join(disguised, 'office.db'))
    expect(() => openOffice({ dataDir: disguised })).toThrow(/不是全国推进办公室的数据文件/)
    expect(fs.readFileSync(path.join(disguised, 'office.db')).equals(bytes)).toBe(true)
    expect(fs.readdirSync(disguised)).toEqual(['office.db'])
    fs.writeFileSync(path.join(disguised, 'office.db'), '不是数据库')
    expect(() => openOffice({ dataDir: disguised })).toThrow(/不是全国推进办公室的数据文件/)
  })
})
