import { describe, expect, it } from 'vitest'
import { parseAttachmentKind } from '../../../src-main/core/attachments/fileTypes'
import { attachmentKindFromName, isHiddenEntry, matchSiteFolder } from '../../../src-main/core/attachments/kindFromName'

describe('attachmentKindFromName', () => {
  it.each([
    ['上级部门推荐函.pdf', 'superior-letter'],
    ['推荐函（扫描件）.JPG', 'superior-letter'],
    ['标准宣讲师推荐函.pdf', 'lecturer-letter'],
    ['宣讲师推荐信.docx', 'lecturer-letter'],
    ['张三 培训合格证书.pdf', 'training-certificate'],
    ['证书2.png', 'training-certificate'],
    ['自评报告.docx', 'self-assessment'],
    ['门头.jpeg', 'photo'],
    ['IMG_0001.PNG', 'photo'],
    ['现场照片.pdf', 'photo'],
    ['说明.pdf', 'other'],
    ['无扩展名', 'other'],
  ])('%s → %s', (name, kind) => {
    expect(attachmentKindFromName(name)).toBe(kind)
  })
})

describe('parseAttachmentKind (what a clerk types after attach)', () => {
  it.each([
    ['superior-letter', 'superior-letter'],
    ['SUPERIOR-LETTER', 'superior-letter'],
    ['上级部门推荐函', 'superior-letter'],
    ['推荐函', 'superior-letter'],
    [' 推 荐 函 ', 'superior-letter'],
    ['证书', 'training-certificate'],
    ['宣讲师推荐信', 'lecturer-letter'],
    ['自评', 'self-assessment'],
    ['照片', 'photo'],
    ['其它', 'other'],
  ])('%s → %s', (typed, kind) => {
    expect(parseAttachmentKind(typed)).toBe(kind)
  })
  it('refuses near misses and object keys instead of guessing', () => {
    for (const typed of ['推荐', '推荐函扫描件', 'letter', '', 'constructor', 'toString', '__proto__']) expect(parseAttachmentKind(typed)).toBeNull()
  })
})

describe('isHiddenEntry', () => {
  it('knows dot files, Office lock files and Windows/macOS leftovers', () => {
    for (const n of ['.DS_Store', '.hidden.pdf', '~$推荐函.docx', 'Thumbs.db', 'desktop.ini']) expect(isHiddenEntry(n)).toBe(true)
    for (const n of ['推荐函.pdf', 'a.png']) expect(isHiddenEntry(n)).toBe(false)
  })
})

describe('matchSiteFolder', () => {
  const sites = [
    { id: 1, code: 'GD-2021-Y001', name: '广州天河营业厅' },
    { id: 2, code: 'GD-2021-K001', name: '深圳 客服中心' },
    { id: 3, code: 'GD-2021-Y002', name: '同名营业厅' },
    { id: 4, code: 'GD-2021-Y003', name: '同名营业厅' },
  ]
  it('matches a code in any case and width, an exact name, and a name without spaces or width', () => {
    expect(matchSiteFolder('gd-2021-ｙ001', sites)).toMatchObject({ site: { id: 1 }, by: 'code' })
    expect(matchSiteFolder('广州天河营业厅', sites)).toMatchObject({ site: { id: 1 }, by: 'name' })
    expect(matchSiteFolder('深圳客服中心', sites)).toMatchObject({ site: { id: 2 }, by: 'normalised-name' })
  })
  it('refuses an ambiguous name and an unknown folder, saying why', () => {
    const twice = matchSiteFolder('同名营业厅', sites)
    expect(twice.site).toBeNull()
    if (!twice.site) expect('reason' in twice && twice.reason).toContain('GD-2021-Y002、GD-2021-Y003')
    expect(matchSiteFolder('不存在的现场', sites)).toEqual({ site: null, reason: '没有名称或编号与文件夹名相同的现场' })
  })
})
