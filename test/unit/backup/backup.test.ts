import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { parseBackupName } from '../../../src-main/core/backup/names'
import { APPLICATION_ID } from '../../../src-main/db/connection'
import { backupBeforeRisk, createBackup, pendingDailyBackup } from '../../../src-main/services/backup/create'
import { listBackups } from '../../../src-main/services/backup/store'
import { backupToFile } from '../../../src-main/services/backup/toFile'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { addSite, clock, populatedApp, rejection, siteNames, siteNamesIn, tempDir } from './helpers'

const open: AppContext[] = []
afterEach(() => {
  for (const a of open.splice(0)) a.close()
})
const track = (app: AppContext) => (open.push(app), app)

describe('createBackup', () => {
  it('writes a dated, checked, self-contained copy of the live data into backups/', async () => {
    const app = track(populatedApp())
    const info = await createBackup(app, 'manual')
    // The clock ticks a second per call; setting up the data took a few.
    expect(info.name).toMatch(/^starsite-20210506-0900\d\d-manual\.db$/)
    expect(info.createdAt).toBe(parseBackupName(info.name)!.time.toISOString())
    expect(path.dirname(info.path)).toBe(path.join(app.dataDir, 'backups'))
    expect(info.size).toBe(fs.statSync(info.path).size)
    // No -wal/-shm beside it: the one file is the whole backup, fit to copy to a USB stick.
    expect(fs.readdirSync(path.dirname(info.path))).toEqual([info.name])
    const db = new Database(info.path, { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    } finally {
      db.close()
    }
    expect(siteNamesIn(info.path)).toEqual(['广州天河营业厅'])
    expect(listBackups(app.dataDir)).toEqual([{ ...info, reason: 'manual' }])
  })

  it('two backups in the same second get distinct names; backupBeforeRisk names its reason', async () => {
    const app = track(openApp({ dataDir: tempDir(), now: () => '2021-05-06T01:00:00.000Z' }))
    const a = await createBackup(app, 'manual')
    const b = await createBackup(app, 'manual')
    expect(b.name).not.toBe(a.name)
    expect(b.name).toMatch(/-manual_2\.db$/)
    const risky = await backupBeforeRisk(app, 'before-import')
    expect(risky.name).toMatch(/-before-import(_\d+)?\.db$/)
    expect(listBackups(app.dataDir)).toHaveLength(3)
  })

  it('refuses a reason that would not be safe in a file name', async () => {
    const app = track(populatedApp())
    const error = await rejection(createBackup(app, '../../etc'))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toContain('备份原因')
    expect(listBackups(app.dataDir)).toEqual([])
  })
})

describe('backup operations through dispatch', () => {
  it('backup.create then backup.list; a bad reason is refused in Chinese', async () => {
    const app = track(populatedApp())
    const bad = await dispatch(app, 'backup.create', { reason: 'Before Import' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toContain('备份原因')
    const created = await dispatch(app, 'backup.create', {})
    expect(created.ok).toBe(true)
    const value = (created as { value: { path: string; size: number } }).value
    expect(fs.statSync(value.path).size).toBe(value.size)
    const listed = await dispatch(app, 'backup.list', {})
    expect(listed.ok && listed.value).toMatchObject({
      dir: path.join(app.dataDir, 'backups'),
      backups: [{ path: value.path, size: value.size, reason: 'manual', createdAt: parseBackupName(path.basename(value.path))!.time.toISOString() }],
    })
  })
})

describe('daily backup at start-up', () => {
  it('an empty new data folder gets none; reopening with data gets one; a second start that day gets none', async () => {
    const dataDir = tempDir()
    const first = populatedApp(dataDir) // empty when opened, filled afterwards
    expect(pendingDailyBackup(first.db)).toBeUndefined()
    first.close()

    const app = track(openApp({ dataDir, now: clock() }))
    const daily = await pendingDailyBackup(app.db)
    expect(daily?.name).toMatch(/^starsite-20210506-0900\d\d-daily\.db$/)
    expect(siteNamesIn(daily!.path)).toEqual(['广州天河营业厅'])
    app.close()

    const again = track(openApp({ dataDir, now: clock(new Date(2021, 4, 6, 17, 0, 0)) }))
    expect(pendingDailyBackup(again.db)).toBeUndefined()
    expect(listBackups(dataDir).map((b) => b.reason)).toEqual(['daily'])

    const nextDay = track(openApp({ dataDir, now: clock(new Date(2021, 4, 7, 8, 30, 0)) }))
    expect((await pendingDailyBackup(nextDay.db))?.name).toMatch(/^starsite-20210507-0830\d\d-daily\.db$/)
  })
})

describe('backupToFile (starsite backup --out)', () => {
  it('copies to the named file and never overwrites an existing one', async () => {
    const app = track(populatedApp())
    const out = path.join(tempDir('starsite-out-'), 'copy.db')
    const result = await backupToFile(app, out)
    expect(result).toEqual({ path: out, size: fs.statSync(out).size })
    addSite(app, '深圳福田营业厅')
    const error = await rejection(backupToFile(app, out))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toContain('已存在')
    expect(siteNamesIn(out)).toEqual(['广州天河营业厅'])
    expect(siteNames(app)).toHaveLength(2)
  })
})
