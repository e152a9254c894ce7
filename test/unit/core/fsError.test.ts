/**
 * The file-system error mapper, fed the error objects of real failed system calls (tests run as root here,
 * so no permission error can be produced for real; EACCES and the rest are checked from their code strings).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fsErrorCode, readFailureMessage, writeFailureMessage } from '../../../src-main/core/files/fsError'
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
})
