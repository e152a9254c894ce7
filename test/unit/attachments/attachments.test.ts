import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import { getActiveCampaign, putCampaign } from '../../../src-main/db/repositories/campaigns'
import {
  addAttachments,
  attachmentFile,
  listAttachments,
  removeAttachment,
} from '../../../src-main/services/attachments/attachments'
import { deepCheck, quickCheck } from '../../../src-main/services/attachments/integrity'
import { removeSites } from '../../../src-main/services/sites/sites'
import { bytes, call, counts, filesUnder, setUp, write, type World } from './setup'
import { rejection } from '../../helpers/errors'

let w: World
afterEach(() => w?.cleanup())

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** Snapshot of everything an add could leave behind. */
function snapshot() {
  return {
    files: filesUnder(path.join(w.dataDir, 'files')),
    tmp: filesUnder(path.join(w.dataDir, 'tmp')),
    ...counts(w.app),
  }
}

describe('adding attachments', () => {
  it('stores identical bytes once: two attachments, one stored_files row, one file at files/ab/<sha256>', async () => {
    w = await setUp()
    const content = bytes.pdf('p')
    const a = write(w.inbox, '推荐函.pdf', content)
    const b = write(w.inbox, 'copy/推荐函（副本）.pdf', content)
    const added = await addAttachments(w.app, w.siteId, 'superior-letter', [{ path: a }, { path: b }])

    expect(added.map((x) => x.originalName)).toEqual(['推荐函.pdf', '推荐函（副本）.pdf'])
    const hash = sha(content)
    expect(added.every((x) => x.sha256 === hash && x.size === content.length && x.mime === 'application/pdf')).toBe(true)
    expect(counts(w.app)).toMatchObject({ storedFiles: 1, attachments: 2 })
    expect(filesUnder(path.join(w.dataDir, 'files'))).toEqual([path.join(hash.slice(0, 2), hash)])
    expect(fs.readFileSync(path.join(w.dataDir, 'files', hash.slice(0, 2), hash)).equals(content)).toBe(true)
    expect(filesUnder(path.join(w.dataDir, 'tmp'))).toEqual([])

    const summaries = queryAudit(w.app.db, { entity: 'site', entityId: String(w.siteId), action: 'attach', limit: 10 })
      .map((e) => e.summary)
      .reverse()
    expect(summaries).toEqual([
      `为现场 ${w.siteCode} 添加附件 推荐函.pdf（上级部门推荐函，2 KB）`,
      `为现场 ${w.siteCode} 添加附件 推荐函（副本）.pdf（上级部门推荐函，2 KB）`,
    ])
  })

  it('a second add of bytes already stored keeps the one file and adds only the rows', async () => {
    w = await setUp()
    const content = bytes.png()
    await addAttachments(w.app, w.siteId, 'photo', [{ path: write(w.inbox, '门头.png', content) }])
    await addAttachments(w.app, w.siteId, '现场照片', [{ path: write(w.inbox, '门头2.png', content) }])
    expect(counts(w.app)).toMatchObject({ storedFiles: 1, attachments: 2 })
    expect(filesUnder(path.join(w.dataDir, 'files'))).toHaveLength(1)
    expect(listAttachments(w.app, w.siteId).map((a) => [a.kind, a.kindLabel])).toEqual([
      ['photo', '现场照片'],
      ['photo', '现场照片'],
    ])
  })

  it('refuses a renamed .exe and an oversize file, naming both, and writes nothing at all', async () => {
    w = await setUp()
    const good = write(w.inbox, '推荐函.pdf', bytes.pdf())
    const exe = write(w.inbox, 'setup.exe', bytes.exe())
    // Sparse: 60.2 MB on paper, a few bytes on disk.
    const big = write(w.inbox, '大.pdf', bytes.pdf())
    fs.truncateSync(big, Math.round(60.2 * 1024 * 1024))
    const before = snapshot()

    const error = await rejection(
      addAttachments(w.app, w.siteId, 'superior-letter', [{ path: good }, { path: exe }, { path: big }]),
    )
    expect(error.code).toBe('invalid-input')
    expect(error.message).toContain('文件“setup.exe”的类型不允许（.exe），可上传：pdf、ofd、jpg')
    expect(error.message).toContain('文件“大.pdf”有 60.2 MB，超过每个文件 50 MB 的上限')
    expect(error.message).toContain('均未添加')
    expect((error.details as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['setup.exe', '大.pdf'])
    expect(snapshot()).toEqual(before)
  })

  it('takes the accepted types and the size limit from the active campaign', async () => {
    w = await setUp()
    const campaign = getActiveCampaign(w.app.db)!
    putCampaign(w.app.db, { ...campaign.config, attachmentTypes: ['pdf'], maxAttachmentMb: 0.01 }, w.app.now(), true)
    const png = write(w.inbox, '照片.png', bytes.png())
    const pdf = write(w.inbox, '自评.pdf', bytes.pdf('y'.repeat(10)))
    const before = snapshot()
    const error = await rejection(addAttachments(w.app, w.siteId, 'other', [{ path: png }, { path: pdf }]))
    expect(error.message).toContain('文件“照片.png”的类型不允许（.png），可上传：pdf')
    expect(error.message).toMatch(/文件“自评\.pdf”有 [\d.]+ MB，超过每个文件 0\.01 MB 的上限/)
    expect(snapshot()).toEqual(before)
  })

  it('refuses a .pdf that is not a PDF, an .exe renamed to .pdf, and an empty file', async () => {
    w = await setUp()
    const fake = write(w.inbox, '推荐函.pdf', Buffer.from('这只是一段文字，不是 PDF'))
    const renamed = write(w.inbox, '证书.pdf', bytes.exe())
    const jpegAsPdf = write(w.inbox, '扫描.pdf', bytes.jpg())
    const empty = write(w.inbox, '空.pdf', Buffer.alloc(0))
    const before = snapshot()
    for (const [file, expected] of [
      [fake, '文件“推荐函.pdf”的内容与扩展名 .pdf 不符（内容无法识别）'],
      [renamed, '文件“证书.pdf”的内容与扩展名 .pdf 不符（实际上是一个程序）'],
      [jpegAsPdf, '文件“扫描.pdf”的内容与扩展名 .pdf 不符（实际上是JPEG 图片）'],
      [empty, '文件“空.pdf”是空文件（0 字节）'],
    ] as const) {
      const error = await rejection(addAttachments(w.app, w.siteId, 'superior-letter', [{ path: file }]))
      expect(error.code).toBe('invalid-input')
      expect(error.message).toContain(expected)
    }
    expect(snapshot()).toEqual(before)
  })

  it('refuses a link that points at itself and a path through a file, saying why with the code, in the words of adding', async () => {
    w = await setUp()
    const loop = path.join(w.inbox, '循环.pdf')
    fs.symlinkSync('循环.pdf', loop)
    const notAFolder = write(w.inbox, '说明.pdf', bytes.pdf('p'))
    const before = snapshot()
    for (const [file, expected] of [
      [loop, '“循环.pdf”是循环指向自身的快捷方式（链接），无法读取，请改选它指向的真实文件（ELOOP）'],
      [path.join(notAFolder, '推荐函.pdf'), '找不到“推荐函.pdf”：文件可能在添加过程中被移动或删除，或是指向不存在文件的快捷方式（链接），请确认文件仍在后重新添加（ENOTDIR）'],
    ] as const) {
      const error = await rejection(addAttachments(w.app, w.siteId, 'superior-letter', [{ path: file }]))
      expect(error.code).toBe('invalid-input')
      expect(error.message).toContain(expected)
    }
    expect(snapshot()).toEqual(before)
  })

  it('a failure writing our own data folder is said as ours, not as the clerk file: internal, nothing added', async () => {
    w = await setUp()
    const file = write(w.inbox, '推荐函.pdf', bytes.pdf('p'))
    // Where the copy is staged, a file instead of the folder: mkdir fails for real, on our side.
    const tmp = path.join(w.dataDir, 'tmp')
    fs.rmSync(tmp, { recursive: true, force: true })
    fs.writeFileSync(tmp, 'x')
    const before = counts(w.app)
    const error = await rejection(addAttachments(w.app, w.siteId, 'superior-letter', [{ path: file }]))
    expect(error.code).toBe('internal')
    expect(error.message).toBe('保存“推荐函.pdf”到数据文件夹失败（EEXIST）。未添加任何文件')
    expect(counts(w.app)).toEqual(before)
    expect(filesUnder(path.join(w.dataDir, 'files'))).toEqual([])
  })

  it('accepts each type by its real signature (png, jpg, docx as zip)', async () => {
    w = await setUp()
    const added = await addAttachments(w.app, w.siteId, 'other', [
      { path: write(w.inbox, 'a.png', bytes.png()) },
      { path: write(w.inbox, 'b.JPG', bytes.jpg()) },
      { path: write(w.inbox, 'c.docx', bytes.docx()) },
    ])
    expect(added.map((a) => [a.ext, a.mime])).toEqual([
      ['png', 'image/png'],
      ['jpg', 'image/jpeg'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ])
  })

  it('keeps sanitised display names: no path parts, no reserved Windows names, bounded length', async () => {
    w = await setUp()
    const file = write(w.inbox, 'upload-token-1', bytes.pdf())
    const long = `${'长'.repeat(10)}${'a'.repeat(290)}.pdf`
    const added = await addAttachments(w.app, w.siteId, 'other', [
      { path: file, name: '../../etc/推荐函.pdf' },
      { path: file, name: 'C:\\Users\\clerk\\Desktop\\CON.pdf' },
      { path: file, name: long },
    ])
    expect(added[0].originalName).toBe('推荐函.pdf')
    expect(added[1].originalName).toBe('_CON.pdf')
    expect([...added[2].originalName]).toHaveLength(120)
    expect(added[2].originalName.endsWith('.pdf')).toBe(true)
    expect(added[2].originalName.startsWith('长'.repeat(10) + 'a')).toBe(true)
  })

  it('when the site is deleted while files are copied: database unchanged, no stored or temp file left', async () => {
    w = await setUp()
    const file = write(w.inbox, '推荐函.pdf', bytes.pdf('late'))
    const pending = addAttachments(w.app, w.siteId, 'superior-letter', [{ path: file }])
    // Runs while the copy awaits its I/O, i.e. before the transaction.
    removeSites(w.app, [w.siteId])
    const before = { ...snapshot(), files: [], tmp: [] }
    const error = await rejection(pending)
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('回收站')
    expect(snapshot()).toEqual(before)
  })
})

describe('adding many files as a job', () => {
  it('reports progress per file; a cancel while files are copied adds nothing and leaves no stored or temp file', async () => {
    w = await setUp()
    const files = Array.from({ length: 4 }, (_, i) => ({ path: write(w.inbox, `证书${i}.pdf`, bytes.pdf(`c${i}`)) }))
    const seen: number[] = []
    const stop = w.app.jobs.subscribe((e) => {
      if (e.phase !== '复制文件') return
      seen.push(e.done)
      // The first event comes as the first file starts copying (later ones are throttled): cancel there.
      if (e.jobId === 'add-cancel' && e.done === 0) w.app.jobs.cancel(e.jobId)
    })
    const before = snapshot()
    const error = await rejection(w.app.jobs.run('add-cancel', (job) => addAttachments(w.app, w.siteId, 'training-certificate', files, job)))
    expect(error.code).toBe('cancelled')
    expect(snapshot()).toEqual(before)

    seen.length = 0
    const added = await w.app.jobs.run('add-all', (job) => addAttachments(w.app, w.siteId, 'training-certificate', files, job))
    stop()
    expect(added).toHaveLength(4)
    // Throttled to ~20 a second, but the first and the last always arrive.
    expect(seen[0]).toBe(0)
    expect(seen.at(-1)).toBe(4)
    expect(counts(w.app)).toMatchObject({ storedFiles: 4, attachments: 4 })
  })
})

describe('removing attachments', () => {
  it('removing one of two references keeps the stored file; removing the last deletes file and row', async () => {
    w = await setUp()
    const content = bytes.pdf('s')
    const hash = sha(content)
    const [first, second] = await addAttachments(w.app, w.siteId, 'training-certificate', [
      { path: write(w.inbox, '证书1.pdf', content) },
      { path: write(w.inbox, '证书2.pdf', content) },
    ])
    const stored = path.join(w.dataDir, 'files', hash.slice(0, 2), hash)

    const r1 = removeAttachment(w.app, first.id)
    expect(r1.fileDeleted).toBe(false)
    expect(fs.existsSync(stored)).toBe(true)
    expect(counts(w.app)).toMatchObject({ storedFiles: 1, attachments: 1 })

    const r2 = removeAttachment(w.app, second.id)
    expect(r2.fileDeleted).toBe(true)
    expect(fs.existsSync(stored)).toBe(false)
    expect(counts(w.app)).toMatchObject({ storedFiles: 0, attachments: 0 })

    const detach = queryAudit(w.app.db, { entity: 'site', entityId: String(w.siteId), action: 'detach', limit: 10 })
    expect(detach.map((e) => e.summary).reverse()).toEqual([
      `删除现场 ${w.siteCode} 的附件 证书1.pdf（培训合格证书，2 KB）`,
      `删除现场 ${w.siteCode} 的附件 证书2.pdf（培训合格证书，2 KB）`,
    ])
  })

  it('an unknown id is not-found in Chinese', () => {
    return setUp().then((world) => {
      w = world
      expect(() => removeAttachment(w.app, 999)).toThrow(/找不到编号为 999 的附件/)
    })
  })
})

describe('integrity', () => {
  it('deepCheck finds bytes changed in place (same size) that quickCheck cannot; quickCheck finds a deleted file', async () => {
    w = await setUp()
    const [changed, deleted, intact] = await addAttachments(w.app, w.siteId, 'other', [
      { path: write(w.inbox, '会被改.pdf', bytes.pdf('a')) },
      { path: write(w.inbox, '会被删.pdf', bytes.pdf('b')) },
      { path: write(w.inbox, '完好.pdf', bytes.pdf('c')) },
    ])
    expect(quickCheck(w.app)).toEqual([])
    expect(await deepCheck(w.app)).toEqual([])

    const changedPath = attachmentFile(w.app, changed.id).path
    const buf = fs.readFileSync(changedPath)
    buf[100] ^= 0xff
    fs.writeFileSync(changedPath, buf)
    fs.rmSync(attachmentFile(w.app, deleted.id).path)

    const quick = quickCheck(w.app)
    expect(quick.map((p) => [p.attachmentId, p.problem])).toEqual([[deleted.id, 'missing']])
    expect(quick[0].message).toContain('附件“会被删.pdf”的文件在数据目录中找不到了')

    const deep = await deepCheck(w.app)
    expect(deep.map((p) => [p.attachmentId, p.problem])).toEqual([
      [changed.id, 'hash-mismatch'],
      [deleted.id, 'missing'],
    ])
    expect(deep.some((p) => p.attachmentId === intact.id)).toBe(false)
    expect((await deepCheck(w.app, { siteIds: [w.siteId + 1] })).length).toBe(0)
  })

  it('a stored file cut short is a size mismatch for quickCheck', async () => {
    w = await setUp()
    const [a] = await addAttachments(w.app, w.siteId, 'other', [{ path: write(w.inbox, 'x.pdf', bytes.pdf()) }])
    fs.truncateSync(attachmentFile(w.app, a.id).path, 10)
    expect(quickCheck(w.app).map((p) => p.problem)).toEqual(['size-mismatch'])
  })
})

describe('over the contract', () => {
  it('attachments.add/list/file/remove, sites.list withAttachments and sites.history', async () => {
    w = await setUp()
    const file = write(w.inbox, '推荐函.pdf', bytes.pdf())
    const { attachments } = await call<{ attachments: { id: number; sha256: string }[] }>(w.app, 'attachments.add', {
      siteId: w.siteId,
      kind: 'superior-letter',
      files: [{ path: file }],
    })
    expect(attachments).toHaveLength(1)

    const listed = await call<{ attachments: { originalName: string; kindLabel: string }[] }>(w.app, 'attachments.list', { siteId: w.siteId })
    expect(listed.attachments).toMatchObject([{ originalName: '推荐函.pdf', kindLabel: '上级部门推荐函' }])

    const located = await call<{ path: string; name: string; mime: string }>(w.app, 'attachments.file', { id: attachments[0].id })
    expect(fs.readFileSync(located.path).equals(fs.readFileSync(file))).toBe(true)
    expect(located).toMatchObject({ name: '推荐函.pdf', mime: 'application/pdf' })

    const plain = await call<{ sites: Record<string, unknown>[] }>(w.app, 'sites.list', {})
    expect(plain.sites[0]).not.toHaveProperty('attachments')
    const rich = await call<{ sites: { attachments: unknown[] }[] }>(w.app, 'sites.list', { withAttachments: true })
    expect(rich.sites[0].attachments).toEqual([
      { kind: 'superior-letter', size: fs.statSync(file).size, sha256: attachments[0].sha256, originalName: '推荐函.pdf' },
    ])

    await call(w.app, 'attachments.remove', { id: attachments[0].id })
    const history = await call<{ entries: { action: string }[] }>(w.app, 'sites.history', { siteId: w.siteId })
    expect(history.entries.map((e) => e.action)).toEqual(['detach', 'attach', 'create'])
  })

  it('refuses an unknown kind and a missing file list with Chinese messages', async () => {
    w = await setUp()
    const badKind = await dispatch(w.app, 'attachments.add', { siteId: w.siteId, kind: 'virus', files: [{ path: '/x.pdf' }] })
    expect(badKind.ok).toBe(false)
    if (!badKind.ok) {
      expect(badKind.error.code).toBe('invalid-input')
      expect(badKind.error.message).toContain('附件类别应为')
    }
    const noFiles = await dispatch(w.app, 'attachments.add', { siteId: w.siteId, kind: 'other', files: [] })
    expect(!noFiles.ok && noFiles.error.message).toContain('请至少选择一个文件')
    const missing = await dispatch(w.app, 'attachments.add', {
      siteId: w.siteId,
      kind: 'other',
      files: [{ path: path.join(w.inbox, '不存在.pdf') }],
    })
    expect(!missing.ok && missing.error.message).toContain('找不到文件“不存在.pdf”')
  })
})
