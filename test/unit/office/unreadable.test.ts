/**
 * Files that cannot be read while receiving (the office's bundles come on USB sticks and network shares):
 * each is refused with a Chinese message naming it and the error code, the other bundles go on, and the
 * office folder holds nothing of the refused ones. A failure writing the office's own folder (a full disk)
 * stops the run instead, keeping what was ingested and leaving nothing half-stored.
 *
 * Real files throughout: a folder named x.zip, a link to nothing, a FIFO (which must not hang the receive),
 * a file removed between the listing and the copy (test hook), and ENOSPC as a real error object from a
 * real write to /dev/full, raised at the copy's write or the store's rename through the test hooks.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { OpOutput } from '../../../src-main/api/contract'
import { dispatch } from '../../../src-main/api/dispatch'
import { AppError } from '../../../src-main/core/errors'
import type { OfficeContext } from '../../../src-main/services/office/context'
import { setTestHook } from '../../../src-main/services/files/testHook'
import { receive } from '../../../src-main/services/office/receive'
import { storedBundlePath } from '../../../src-main/services/office/store'
import { listBundles } from '../../../src-main/services/office/views'
import { openSession } from '../../../src-main/services/session'
import { snapshotFolder } from '../../fixtures/corpus/snapshot'
import { newOffice, officeWithKeys, province, tempDir } from './helpers'

const snapshot = (office: OfficeContext) => {
  const s = snapshotFolder(office.dataDir, office.db)
  delete s.files['office.db-shm'] // SQLite's shared-memory index: readers touch it, no data in it
  return s
}

/** Three English words in a row: Node's own text leaking into a message meant for the office's staff. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/

/** The error a real write to a full disk raises (Linux's /dev/full fails every write with ENOSPC). */
function realEnospc(): NodeJS.ErrnoException {
  const fd = fs.openSync('/dev/full', 'w')
  try {
    fs.writeSync(fd, Buffer.alloc(16))
  } catch (error) {
    return error as NodeJS.ErrnoException
  } finally {
    fs.closeSync(fd)
  }
  throw new Error('/dev/full accepted a write')
}

/** What a run leaves in tmp/: partial copies and their markers must all be gone. */
const leftInTmp = (office: OfficeContext) => {
  const tmp = path.join(office.dataDir, 'tmp')
  return fs.existsSync(tmp) ? fs.readdirSync(tmp) : []
}

afterEach(() => {
  for (const name of ['office-receive-open', 'office-receive-write', 'office-receive-store']) setTestHook(name, undefined)
})

describe('office receive: files that cannot be read', () => {
  it('refuses a folder, a dangling link, a FIFO and a vanished file, each named in Chinese; the good bundle goes in', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = officeWithKeys(gd, zj)
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '广东_2021.zip'))
    fs.mkdirSync(path.join(drop, 'x.zip'))
    fs.writeFileSync(path.join(drop, 'x.zip', 'inside.txt'), 'a folder named like a bundle')
    fs.symlinkSync(path.join(drop, 'gone', 'nothing.zip'), path.join(drop, 'y.zip'))
    execFileSync('mkfifo', [path.join(drop, 'z.zip')])
    // A real bundle that disappears after the listing, just before its copy is opened.
    await zj.bundle(path.join(drop, 'v.zip'))
    const vanished = path.join(tempDir('starsite-keep-'), 'v.zip')
    fs.copyFileSync(path.join(drop, 'v.zip'), vanished)
    setTestHook('office-receive-open', (source) => {
      if (path.basename(source) === 'v.zip') fs.rmSync(source)
    })

    const outcomes = await receive(office, [drop])
    const byName = Object.fromEntries(outcomes.map((o) => [path.basename(o.file), o]))
    expect(Object.keys(byName).sort()).toEqual(['v.zip', 'x.zip', 'y.zip', 'z.zip', '广东_2021.zip'])
    expect(byName['广东_2021.zip'].status).toBe('ingested')
    const expected: Record<string, string> = {
      'x.zip': '“x.zip”是一个文件夹，不是报送包文件',
      'y.zip': '找不到“y.zip”',
      'z.zip': '“z.zip”不是普通文件',
      'v.zip': '找不到“v.zip”',
    }
    const codes: Record<string, string> = { 'x.zip': '（EISDIR）', 'y.zip': '（ENOENT）', 'v.zip': '（ENOENT）' }
    for (const [name, text] of Object.entries(expected)) {
      const o = byName[name]
      expect(o.status, name).toBe('refused')
      expect(o.message, name).toContain(text)
      if (codes[name]) expect(o.message, name).toContain(codes[name])
      expect(o.problems, name).toEqual([{ path: name, problem: 'bad-manifest', reason: 'unreadable', message: expect.stringContaining(text) }])
      for (const m of [o.message, ...o.problems.map((p) => p.message)]) expect(m, name).not.toMatch(ENGLISH)
    }
    expect(listBundles(office).map((b) => b.province)).toEqual(['广东省'])
    expect(leftInTmp(office)).toEqual([])

    // Again, over the same folder (v.zip vanishing again): the good one is recognised, the rest refused alike,
    // and nothing changes.
    fs.copyFileSync(vanished, path.join(drop, 'v.zip'))
    const before = snapshot(office)
    const again = await receive(office, [drop])
    expect(again.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['v.zip', 'refused'],
      ['x.zip', 'refused'],
      ['y.zip', 'refused'],
      ['z.zip', 'refused'],
      ['广东_2021.zip', 'already-received'],
    ])
    expect(snapshot(office)).toEqual(before)

    // The vanished file, back in place and no hook: it was refused for its absence alone.
    setTestHook('office-receive-open', undefined)
    fs.copyFileSync(vanished, path.join(drop, 'v.zip'))
    const [back] = await receive(office, [path.join(drop, 'v.zip')])
    expect(back.status).toBe('ingested')
  }, 60_000)

  it('a dangling link given by name is refused with its reason; a path with nothing at all stops before anything', async () => {
    const office = newOffice()
    const dir = tempDir('starsite-links-')
    const link = path.join(dir, '广东_2021.zip')
    fs.symlinkSync(path.join(dir, 'elsewhere.zip'), link)
    const [o] = await receive(office, [link])
    expect(o.status).toBe('refused')
    expect(o.message).toContain('找不到“广东_2021.zip”')
    const before = snapshot(office)
    await expect(receive(office, [path.join(dir, 'typo.zip')])).rejects.toThrow('找不到报送包文件或文件夹')
    expect(snapshot(office)).toEqual(before)
  }, 30_000)

  it('a full disk while copying into tmp/ stops the run in Chinese; what went in stays, nothing partial is left', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = officeWithKeys(gd, zj)
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '1_广东.zip'))
    await zj.bundle(path.join(drop, '2_浙江.zip'))
    const full = realEnospc()
    expect(full.code).toBe('ENOSPC')
    setTestHook('office-receive-write', (source) => {
      if (path.basename(source) === '2_浙江.zip') throw full
    })

    const error = await receive(office, [drop]).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('internal')
    expect((error as AppError).message).toContain('办公室数据文件夹所在磁盘空间不足，无法保存“2_浙江.zip”（ENOSPC）')
    expect((error as AppError).message).toContain('接收已停止')
    expect((error as AppError).message).not.toMatch(ENGLISH)
    // The bundle before it stays ingested; the one that failed left no copy, no marker, no row.
    expect(listBundles(office).map((b) => [b.originalName, b.status])).toEqual([['1_广东.zip', 'ingested']])
    expect(leftInTmp(office)).toEqual([])
    const stored = fs.readdirSync(path.join(office.dataDir, 'bundles'))
    expect(stored).toHaveLength(1)

    // Space again: the rest goes in, the first is recognised.
    setTestHook('office-receive-write', undefined)
    const after = await receive(office, [drop])
    expect(after.map((o) => o.status)).toEqual(['already-received', 'ingested'])
  }, 60_000)

  it('a full disk at the rename into bundles/ stops the run; no stored file, no shard folder, no row is left', async () => {
    const gd = await province('广东')
    const office = officeWithKeys(gd)
    const file = await gd.bundle(path.join(tempDir('starsite-one-'), '广东_2021.zip'))
    const before = snapshot(office)
    const full = realEnospc()
    setTestHook('office-receive-store', () => {
      throw full
    })
    await expect(receive(office, [file])).rejects.toThrow('办公室数据文件夹所在磁盘空间不足，无法保存“广东_2021.zip”（ENOSPC）')
    expect(leftInTmp(office)).toEqual([])
    const after = snapshot(office)
    // tmp/ itself may now exist (empty); nothing else differs.
    delete after.files['tmp/']
    delete before.files['tmp/']
    expect(after).toEqual(before)
  }, 60_000)
})

describe('a bundle that changes while the office reads it', () => {
  /** The zip's end-of-central-directory record: its last 22 bytes (our bundles carry no comment). */
  const eocdAt = (file: string) => fs.statSync(file).size - 22

  it('a directory rewritten between the listing and the pass is refused as changed; nothing kept; received once it is still', async () => {
    const gd = await province('广东')
    const office = officeWithKeys(gd)
    const file = await gd.bundle(path.join(tempDir('starsite-changing-'), '广东_2021.zip'))
    const original = fs.readFileSync(file)
    // The end record must come in a later read than the first (64 KiB), so the change lands before the pass reads it.
    expect(eocdAt(file)).toBeGreaterThan(64 * 1024)
    const before = snapshot(office)
    // At the copy's first write, a byte of the zip's end record (read already, for the listing) is flipped in
    // place: same length, different bytes, as a sync tool rewriting the file meanwhile would leave it.
    setTestHook('office-receive-write', (source) => {
      const fd = fs.openSync(source, 'r+')
      try {
        const at = eocdAt(source) + 4
        const b = Buffer.alloc(1)
        fs.readSync(fd, b, 0, 1, at)
        b[0] ^= 0xff
        fs.writeSync(fd, b, 0, 1, at)
      } finally {
        fs.closeSync(fd)
      }
      setTestHook('office-receive-write', undefined)
    })
    const [o] = await receive(office, [file])
    expect(o.status).toBe('refused')
    expect(o.problems).toEqual([{ path: '广东_2021.zip', problem: 'bad-manifest', reason: 'changed-while-reading', message: expect.stringContaining('“广东_2021.zip”在读取过程中被改动') }])
    for (const m of [o.message, ...o.problems.map((p) => p.message)]) expect(m).not.toMatch(ENGLISH)
    expect(leftInTmp(office)).toEqual([])
    const after = snapshot(office)
    delete after.files['tmp/']
    delete before.files['tmp/']
    expect(after).toEqual(before)

    // The same file as it was sent, left alone: ingested, and what is stored is exactly its bytes.
    fs.writeFileSync(file, original)
    const [again] = await receive(office, [file])
    expect(again.status).toBe('ingested')
    const stored = storedBundlePath(office.dataDir, again.sha256!)
    expect(fs.readFileSync(stored).equals(original)).toBe(true)
  }, 60_000)

  it('a file cut short while it is read is refused by name as incomplete; the run goes on', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const office = officeWithKeys(gd, zj)
    const drop = tempDir('starsite-cut-')
    await gd.bundle(path.join(drop, '1_广东.zip'))
    await zj.bundle(path.join(drop, '2_浙江.zip'))
    // Past the first read (64 KiB), short of the end: the pass finds the file ending early.
    const cut = 64 * 1024 + 100
    expect(fs.statSync(path.join(drop, '1_广东.zip')).size).toBeGreaterThan(cut)
    setTestHook('office-receive-write', (source) => {
      if (path.basename(source) === '1_广东.zip') fs.truncateSync(source, cut)
    })
    const outcomes = await receive(office, [drop])
    expect(outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ['1_广东.zip', 'refused'],
      ['2_浙江.zip', 'ingested'],
    ])
    expect(outcomes[0].message).toContain('读取“1_广东.zip”时文件变短了')
    expect(outcomes[0].problems).toEqual([{ path: '1_广东.zip', problem: 'bad-manifest', reason: 'unreadable', message: expect.stringContaining('文件变短了') }])
    expect(listBundles(office).map((b) => b.province)).toEqual(['浙江省'])
    expect(leftInTmp(office)).toEqual([])
  }, 60_000)
})

describe('office receive through the API (the desktop and browser job)', () => {
  it('refuses an unreadable file by its reason and, on a full disk, fails the job with the Chinese stop message', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const dir = tempDir('starsite-api-office-')
    const session = openSession({ dataDir: dir, actor: '推进办' })
    try {
      expect((await dispatch(session, 'session.becomeOffice', { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })).ok).toBe(true)
      expect((await dispatch(session, 'office.keys.add', { province: '广东', fingerprint: gd.fingerprint })).ok).toBe(true)
      expect((await dispatch(session, 'office.keys.add', { province: '浙江', fingerprint: zj.fingerprint })).ok).toBe(true)
      const drop = tempDir('starsite-drop-')
      await gd.bundle(path.join(drop, '1_广东.zip'))
      fs.mkdirSync(path.join(drop, '2_文件夹.zip'))
      await zj.bundle(path.join(drop, '3_浙江.zip'))

      const r = await dispatch(session, 'office.bundles.receive', { paths: [drop] })
      if (!r.ok) throw new Error(r.error.message)
      const value = r.value as OpOutput<'office.bundles.receive'>
      expect(value.outcomes.map((o) => [o.fileName, o.status])).toEqual([
        ['1_广东.zip', 'ingested'],
        ['2_文件夹.zip', 'refused'],
        ['3_浙江.zip', 'ingested'],
      ])
      expect(value.outcomes[1].problems).toEqual([{ path: '2_文件夹.zip', kind: 'bad-manifest', reason: 'unreadable', message: expect.stringContaining('“2_文件夹.zip”是一个文件夹') }])

      const another = await province('浙江')
      const next = await another.bundle(path.join(tempDir('starsite-next-'), '浙江_再报.zip'))
      const full = realEnospc()
      setTestHook('office-receive-write', () => {
        throw full
      })
      const stopped = await dispatch(session, 'office.bundles.receive', { paths: [next] })
      expect(stopped.ok).toBe(false)
      if (stopped.ok) return
      expect(stopped.error.code).toBe('internal')
      expect(stopped.error.message).toMatch(/^办公室数据文件夹所在磁盘空间不足，无法保存“浙江_再报\.zip”（ENOSPC）.*接收已停止/)
      expect(fs.readdirSync(path.join(dir, 'tmp')).filter((f) => f !== 'uploads')).toEqual([])
    } finally {
      session.close()
    }
  }, 60_000)
})
