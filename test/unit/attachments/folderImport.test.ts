/**
 * 'attachments.importFolder' on a real data folder with real files: sub-folders matched to sites by code or
 * name, kinds read from file names, refused and skipped files reported with their reasons, and a second run
 * adding nothing.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { OpOutput } from '../../../src-main/api/contract'
import { AppError } from '../../../src-main/core/errors'
import { importAttachmentsFolder } from '../../../src-main/services/attachments/folderImport'
import type { JobHandle } from '../../../src-main/services/jobs'
import { bytes, call, counts, filesUnder, setUp, SITE, write, type World } from './setup'

let w: World
afterEach(() => w?.cleanup())

type Result = OpOutput<'attachments.importFolder'>

async function importFolder(dir: string): Promise<Result> {
  const r = await dispatch(w.app, 'attachments.importFolder', { path: dir })
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as Result
}

const attachmentsOf = (siteId: number) =>
  w.app.db.prepare('SELECT kind, original_name AS name, sha256 FROM attachments WHERE site_id = ? ORDER BY original_name').all(siteId) as {
    kind: string
    name: string
    sha256: string
  }[]

async function twoSites(): Promise<{ second: { id: number; code: string }; root: string }> {
  w = await setUp()
  const second = await call<{ id: number; code: string }>(w.app, 'sites.create', {
    site: { ...SITE, name: '深圳福田客服中心', type: '客服中心', city: '深圳市', address: '深圳市福田区 2 号', phone: '13800138001' },
  })
  return { second, root: path.join(w.inbox, '附件') }
}

describe('attachments.importFolder', () => {
  it('adds every file of a matched folder with the kind its name suggests, and reports the rest', async () => {
    const { second, root } = await twoSites()
    const letter = bytes.pdf('letter')
    write(root, `${w.siteCode.toLowerCase()}/上级部门推荐函.pdf`, letter)
    write(root, `${w.siteCode.toLowerCase()}/门头.png`, bytes.png())
    write(root, `${w.siteCode.toLowerCase()}/宣讲师推荐信.pdf`, bytes.pdf('lecturer'))
    write(root, `${w.siteCode.toLowerCase()}/.DS_Store`, Buffer.from('junk'))
    write(root, `${w.siteCode.toLowerCase()}/旧版/推荐函.pdf`, bytes.pdf('old'))
    write(root, `${w.siteCode.toLowerCase()}/工具.exe`, bytes.exe())
    write(root, `${w.siteCode.toLowerCase()}/假照片.png`, bytes.pdf('not an image'))
    write(root, '深圳福田 客服中心/自评报告.docx', bytes.docx())
    write(root, '深圳福田 客服中心/培训合格证书.pdf', bytes.pdf('cert'))
    write(root, '不存在的现场/推荐函.pdf', bytes.pdf('nobody'))
    write(root, '散落的文件.pdf', bytes.pdf('loose'))
    write(root, 'Thumbs.db', Buffer.from('x'))

    const r = await importFolder(root)

    expect(r.sites).toBe(2)
    expect(r.added).toBe(5)
    expect(r.unmatchedFolders).toEqual([{ path: '不存在的现场', reason: '没有名称或编号与文件夹名相同的现场' }])
    const skipped = Object.fromEntries(r.skipped.map((s) => [s.path, s]))
    expect(Object.keys(skipped).sort()).toEqual(
      [
        '散落的文件.pdf',
        `${w.siteCode.toLowerCase()}/.DS_Store`,
        `${w.siteCode.toLowerCase()}/旧版`,
        `${w.siteCode.toLowerCase()}/工具.exe`,
        `${w.siteCode.toLowerCase()}/假照片.png`,
      ].sort(),
    )
    expect(skipped[`${w.siteCode.toLowerCase()}/工具.exe`]).toMatchObject({ refused: true })
    expect(skipped[`${w.siteCode.toLowerCase()}/工具.exe`].reason).toContain('类型不允许')
    expect(skipped[`${w.siteCode.toLowerCase()}/假照片.png`]).toMatchObject({ refused: true })
    expect(skipped[`${w.siteCode.toLowerCase()}/假照片.png`].reason).toContain('内容与扩展名 .png 不符')
    expect(skipped[`${w.siteCode.toLowerCase()}/旧版`]).toMatchObject({ refused: false })
    expect(skipped[`${w.siteCode.toLowerCase()}/旧版`].reason).toContain('子文件夹')

    expect(attachmentsOf(w.siteId).map((a) => [a.name, a.kind])).toEqual([
      ['宣讲师推荐信.pdf', 'lecturer-letter'],
      ['上级部门推荐函.pdf', 'superior-letter'],
      ['门头.png', 'photo'],
    ].sort((a, b) => a[0].localeCompare(b[0])))
    expect(attachmentsOf(second.id).map((a) => [a.name, a.kind])).toEqual([
      ['培训合格证书.pdf', 'training-certificate'],
      ['自评报告.docx', 'self-assessment'],
    ])
    // The bytes really are in the content-addressed store.
    const sha = createHash('sha256').update(letter).digest('hex')
    expect(fs.readFileSync(path.join(w.dataDir, 'files', sha.slice(0, 2), sha))).toEqual(letter)
    expect(r.matched.map((m) => [m.siteCode, m.added]).sort()).toEqual([
      [second.code, 2],
      [w.siteCode, 3],
    ].sort())
  })

  it('a second run over the same folder adds nothing and says the files are already there', async () => {
    const { root } = await twoSites()
    write(root, `${SITE.name}/推荐函.pdf`, bytes.pdf('once'))
    write(root, `${SITE.name}/门头.jpg`, bytes.jpg())
    expect((await importFolder(root)).added).toBe(2)
    const before = counts(w.app)
    // The same bytes under another name are the same file too.
    write(root, `${SITE.name}/推荐函（副本）.pdf`, bytes.pdf('once'))
    const again = await importFolder(root)
    expect(again.added).toBe(0)
    expect(again.skipped.map((s) => s.path).sort()).toEqual(
      [`${SITE.name}/推荐函.pdf`, `${SITE.name}/推荐函（副本）.pdf`, `${SITE.name}/门头.jpg`].sort(),
    )
    expect(again.skipped[0].reason).toContain('已有内容相同的附件')
    expect(counts(w.app)).toEqual(before)
  })

  it('refuses a path that is not a folder, in Chinese, and writes nothing', async () => {
    await twoSites()
    const file = write(w.inbox, 'a.pdf', bytes.pdf())
    const r = await dispatch(w.app, 'attachments.importFolder', { path: file })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('不是文件夹') })
    const missing = await dispatch(w.app, 'attachments.importFolder', { path: path.join(w.inbox, '没有') })
    if (!missing.ok) expect(missing.error.message).toContain('找不到文件夹')
    expect(filesUnder(path.join(w.dataDir, 'files'))).toEqual([])
  })

  it('stops when cancelled, keeping what was added and saying so', async () => {
    const { root } = await twoSites()
    for (let i = 0; i < 5; i++) write(root, `${SITE.name}/推荐函${i}.pdf`, bytes.pdf(`n${i}`))
    const controller = new AbortController()
    let steps = 0
    const job: JobHandle = {
      jobId: 'test-job-1',
      signal: controller.signal,
      progress: (_phase, done) => {
        steps = done
        if (done === 2) controller.abort()
      },
      throwIfCancelled: () => undefined,
    }
    const error = await importAttachmentsFolder(w.app, root, job).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('cancelled')
    expect((error as AppError).message).toContain('已添加的 2 个附件会保留')
    expect(steps).toBe(2)
    expect(attachmentsOf(w.siteId)).toHaveLength(2)
    // Running again completes the rest.
    expect((await importFolder(root)).added).toBe(3)
  })
})
