import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupFileName, parseBackupName, type BackupName } from '../../../src-main/core/backup/names'
import { backupsToDelete } from '../../../src-main/core/backup/rotation'
import { rotateBackups } from '../../../src-main/services/backup/store'
import { tempDir } from './helpers'

const at = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h, 0, 0)

/** Daily backups from 15 Jan to 20 Mar 2021, a single one in 2020-11, and one taken before a restore in Feb. */
function history(): string[] {
  const names = [backupFileName(at(2020, 11, 3), 'daily'), backupFileName(at(2021, 2, 10, 15), 'before-restore')]
  for (let t = at(2021, 1, 15); t <= at(2021, 3, 20); t = new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1, 9))
    names.push(backupFileName(t, 'daily'))
  return names
}

describe('names', () => {
  it('round-trip through the name, and only our own well-formed names count', () => {
    const b = parseBackupName('starsite-20210506-093015-before-import_2.db')!
    expect(b).toMatchObject({ day: '20210506', month: '202105', reason: 'before-import', seq: 2 })
    expect(b.time.getTime()).toBe(new Date(2021, 4, 6, 9, 30, 15).getTime())
    expect(parseBackupName(backupFileName(at(2021, 5, 6)))).toMatchObject({ reason: null, seq: 1 })
    for (const other of ['starsite.db', 'starsite-20210231-090000.db', 'my-copy.db', 'starsite-20210506-090000.db.bak'])
      expect(parseBackupName(other)).toBeNull()
  })
})

describe('rotation', () => {
  it('keeps the last 10, the newest of every month, and every before-restore backup', () => {
    const names = history().map((n) => parseBackupName(n)!) as BackupName[]
    const deleted = new Set(backupsToDelete(names).map((b) => b.name))
    const kept = names.filter((b) => !deleted.has(b.name)).map((b) => b.name).sort()
    expect(kept).toEqual(
      [
        'starsite-20201103-090000-daily.db', // the only backup of November 2020
        'starsite-20210131-090000-daily.db', // newest of January
        'starsite-20210210-150000-before-restore.db',
        'starsite-20210228-090000-daily.db', // newest of February
        ...Array.from({ length: 10 }, (_, i) => `starsite-202103${String(11 + i)}-090000-daily.db`), // last 10
      ].sort(),
    )
  })

  it('on disk: deletes by the dates in the names (not mtimes) and leaves other files alone', () => {
    const dir = path.join(tempDir(), 'backups')
    fs.mkdirSync(dir)
    const names = history()
    // mtimes deliberately contradict the names (the oldest name gets the newest mtime), as after a copy.
    names.forEach((n, i) => {
      const file = path.join(dir, n)
      fs.writeFileSync(file, 'x')
      const t = new Date(2022, 0, 1 + names.length - i)
      fs.utimesSync(file, t, t)
    })
    for (const own of ['my-copy.db', 'starsite.db', 'notes.txt']) fs.writeFileSync(path.join(dir, own), 'keep me')

    const removed = rotateBackups(path.dirname(dir))
    const left = fs.readdirSync(dir)
    expect(left).toEqual(expect.arrayContaining(['my-copy.db', 'starsite.db', 'notes.txt']))
    expect(left.filter((n) => n.startsWith('starsite-'))).toHaveLength(14)
    expect(removed).toHaveLength(names.length - 14)
    expect(left).toContain('starsite-20201103-090000-daily.db')
    expect(left).toContain('starsite-20210320-090000-daily.db')
    expect(left).not.toContain('starsite-20210310-090000-daily.db')
    // Running again deletes nothing more: the rule is stable.
    expect(rotateBackups(path.dirname(dir))).toEqual([])
  })
})
