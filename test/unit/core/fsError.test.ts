/**
 * The file-system error mapper, fed the error objects of real failed system calls (tests run as root here,
 * so no permission error can be produced for real; EACCES and the rest are checked from their code strings).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ADDING_ATTACHMENT,
  fsErrorCode,
  IMPORTING_WORKBOOK,
  readFailureMessage,
  saveFailureMessage,
  writeFailureMessage,
} from '../../../src-main/core/files/fsError'
import { tempDir } from '../../helpers/tmp'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

const caught = (f: () => unknown): unknown => {
  try {
    f()
  } catch (error) {
    return error
  }
  throw new Error('the call did not fail')
}

/** Three English words in a row: Node's text leaking into a message meant for a clerk. */
const ENGLISH = /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/

describe('fs error messages', () => {
  it('says each real failure in Chinese, naming the file, with the code kept for support', () => {
    const t = tempDir('starsite-fserr-')
    cleanups.push(t.cleanup)
    const dir = t.dir
    fs.mkdirSync(path.join(dir, 'x.zip'))
    fs.symlinkSync('loop.zip', path.join(dir, 'loop.zip'))
    const real: [string, unknown][] = [
      ['ENOENT', caught(() => fs.openSync(path.join(dir, '广东_2021.zip'), 'r'))],
      ['EISDIR', caught(() => fs.readFileSync(path.join(dir, 'x.zip')))],
      ['ELOOP', caught(() => fs.openSync(path.join(dir, 'loop.zip'), 'r'))],
      ['ENAMETOOLONG', caught(() => fs.openSync(path.join(dir, `${'长'.repeat(200)}.zip`), 'r'))],
    ]
    for (const [code, error] of real) {
      expect(fsErrorCode(error)).toBe(code)
      const m = readFailureMessage(fsErrorCode(error), '广东_2021.zip')
      expect(m, code).toContain('“广东_2021.zip”')
      expect(m, code).toContain(`（${code}）`)
      expect(m, code).not.toMatch(ENGLISH)
    }
    expect(readFailureMessage('EISDIR', 'x.zip')).toBe('“x.zip”是一个文件夹，不是报送包文件，请选择文件夹里的 .zip 报送包（EISDIR）')
  })

  it('a write to a full disk (/dev/full) says the folder is out of space', () => {
    const fd = fs.openSync('/dev/full', 'w')
    let error: unknown
    try {
      error = caught(() => fs.writeSync(fd, Buffer.alloc(8)))
    } finally {
      fs.closeSync(fd)
    }
    expect(fsErrorCode(error)).toBe('ENOSPC')
    expect(writeFailureMessage(fsErrorCode(error), '广东_2021.zip', '办公室数据文件夹')).toBe(
      '办公室数据文件夹所在磁盘空间不足，无法保存“广东_2021.zip”（ENOSPC），请腾出磁盘空间后重试',
    )
  })

  it('every listed code has its own words; an unknown one still names the file and keeps its code', () => {
    const generic = readFailureMessage('EXDEV', 'a.zip')
    expect(generic).toBe('读取“a.zip”失败（EXDEV）：请确认文件完整、可以打开后重新接收')
    for (const code of ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'EIO', 'EMFILE', 'ELOOP', 'ENAMETOOLONG', 'EBUSY']) {
      const m = readFailureMessage(code, 'a.zip')
      expect(m, code).not.toBe(generic.replace('EXDEV', code))
      expect(m, code).toContain('“a.zip”')
      expect(m, code).toContain(`（${code}）`)
    }
    expect(readFailureMessage('EIO', '广东_2021.zip')).toContain('U 盘')
    expect(readFailureMessage(undefined, 'a.zip')).toContain('（未知错误）')
    for (const code of ['ENOSPC', 'EACCES', 'EROFS', 'EIO', 'EMFILE', 'EBUSY', 'EXDEV']) {
      const m = writeFailureMessage(code, 'a.zip')
      expect(m, code).toContain('“a.zip”')
      expect(m, code).toContain(`（${code}）`)
    }
    // Not a system error: no code to map.
    expect(fsErrorCode(new Error('x'))).toBeUndefined()
    expect(fsErrorCode({ code: 'SQLITE_FULL' })).toBeUndefined()
    expect(fsErrorCode(null)).toBeUndefined()
  })

  it('a read says what to do again in the words of what the clerk was doing; receiving stays the default', () => {
    for (const code of ['ENOENT', 'EACCES', 'EIO', 'EMFILE', 'ENAMETOOLONG', 'EBUSY', 'EXDEV']) {
      expect(readFailureMessage(code, 'a.xlsx', IMPORTING_WORKBOOK), code).toContain('导入')
      expect(readFailureMessage(code, 'a.pdf', ADDING_ATTACHMENT), code).toContain('添加')
      for (const purpose of [IMPORTING_WORKBOOK, ADDING_ATTACHMENT]) expect(readFailureMessage(code, 'a', purpose), code).not.toContain('接收')
    }
    expect(readFailureMessage('EISDIR', '名册.xlsx', IMPORTING_WORKBOOK)).toBe('“名册.xlsx”是一个文件夹，不是Excel 工作簿文件，请选择 .xlsx 工作簿（EISDIR）')
    expect(readFailureMessage('ENXIO', 'a.pdf', ADDING_ATTACHMENT)).toBe('“a.pdf”不是普通文件（可能是设备或管道），不是附件（ENXIO）')
    expect(readFailureMessage('ENOENT', 'a.zip')).toBe(
      '找不到“a.zip”：文件可能在接收过程中被移动或删除，或是指向不存在文件的快捷方式（链接），请确认文件仍在后重新接收（ENOENT）',
    )
  })

  it('a save where the user chose, from real failures: the whole path named, what to do, the code', () => {
    const t = tempDir('starsite-fserr-')
    cleanups.push(t.cleanup)
    const notAFolder = path.join(t.dir, '报告.txt')
    fs.writeFileSync(notAFolder, 'x')
    fs.mkdirSync(path.join(t.dir, '审核报告.xlsx'))
    const fd = fs.openSync('/dev/full', 'w')
    let full: unknown
    try {
      full = caught(() => fs.writeSync(fd, Buffer.alloc(8)))
    } finally {
      fs.closeSync(fd)
    }
    const real: [string, string, unknown][] = [
      ['ENOTDIR', path.join(notAFolder, '名册.xlsx'), caught(() => fs.openSync(path.join(notAFolder, '名册.xlsx'), 'w'))],
      ['EISDIR', path.join(t.dir, '审核报告.xlsx'), caught(() => fs.openSync(path.join(t.dir, '审核报告.xlsx'), 'w'))],
      ['ENAMETOOLONG', path.join(t.dir, `${'长'.repeat(200)}.xlsx`), caught(() => fs.openSync(path.join(t.dir, `${'长'.repeat(200)}.xlsx`), 'w'))],
      ['ENOSPC', '/media/u盘/名册.xlsx', full],
    ]
    for (const [code, target, error] of real) {
      expect(fsErrorCode(error), code).toBe(code)
      const m = saveFailureMessage(fsErrorCode(error), target, 'Excel')
      expect(m, code).toContain(`“${target}”`)
      expect(m, code).toContain(`（${code}）`)
      expect(m, code).toContain('另选')
      expect(m, code).not.toContain('Excel') // only a locked or forbidden file may be open in Excel
      expect(m, code).not.toContain('数据文件夹') // the user's place, not ours
      expect(m, code).not.toMatch(ENGLISH)
    }
    expect(saveFailureMessage('ENOSPC', '/media/u盘/名册.xlsx')).toBe(
      '保存位置所在磁盘空间不足，“/media/u盘/名册.xlsx”未保存（ENOSPC），请腾出磁盘空间或另选保存位置后重试',
    )
  })

  it('a locked or forbidden save names the program that may hold it, only when the caller knows one', () => {
    for (const code of ['EBUSY', 'EPERM', 'EACCES']) {
      expect(saveFailureMessage(code, 'D:\\回执.docx', 'Word'), code).toBe(
        `无法写入“D:\\回执.docx”：文件可能正在 Word 中打开，或没有写入该位置的权限；请关闭该文件后重试，或另选保存位置（${code}）`,
      )
      expect(saveFailureMessage(code, 'a.xlsx'), code).toBe(`无法写入“a.xlsx”：没有写入该位置的权限；请关闭该文件后重试，或另选保存位置（${code}）`)
    }
    const generic = saveFailureMessage('EXDEV', 'a.xlsx')
    expect(generic).toBe('保存“a.xlsx”失败（EXDEV），请另选保存位置后重试')
    for (const code of ['ENOSPC', 'EROFS', 'ENOENT', 'EISDIR', 'EIO', 'ENAMETOOLONG', 'EMFILE']) {
      const m = saveFailureMessage(code, 'a.xlsx')
      expect(m, code).not.toBe(generic.replace('EXDEV', code))
      expect(m, code).toContain('“a.xlsx”')
      expect(m, code).toContain(`（${code}）`)
    }
    expect(saveFailureMessage(undefined, 'a.xlsx')).toContain('（未知错误）')
  })
})
