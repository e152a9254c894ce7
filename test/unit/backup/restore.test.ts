import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase, schemaVersion } from '../../../src-main/db/connection'
import { LATEST_VERSION, MIGRATIONS } from '../../../src-main/db/migrations'
import { createBackup, pendingDailyBackup } from '../../../src-main/services/backup/create'
import { restoreBackup } from '../../../src-main/services/backup/restore'
import { listBackups } from '../../../src-main/services/backup/store'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { addSite, populatedApp, rejection, siteNames, siteNamesIn, snapshot, tempDir } from './helpers'

const open: AppContext[] = []
afterEach(() => {
  for (const a of open.splice(0)) a.close()
})
const track = (app: AppContext) => (open.push(app), app)

describe('restore brings an earlier state back', () => {
  it('backup, change, restore: the old rows return and the replaced data is kept as a before-restore backup', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    addSite(app, '深圳福田营业厅')
    expect(siteNames(app)).toEqual(['广州天河营业厅', '深圳福田营业厅'])

    const result = await restoreBackup(app, backup.path)
    expect(app.db.open).toBe(false) // the caller must open a new context

    const reopened = track(openApp({ dataDir: app.dataDir }))
    expect(siteNames(reopened)).toEqual(['广州天河营业厅'])
    expect(schemaVersion(reopened.db)).toBe(LATEST_VERSION)

    expect(result.beforeRestore.reason).toBe('before-restore')
    expect(siteNamesIn(result.beforeRestore.path)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
    expect(listBackups(app.dataDir).map((b) => b.name)).toContain(result.beforeRestore.name)
    // The backup the user chose is left as it was, and no temp file remains.
    expect(fs.existsSync(backup.path)).toBe(true)
    await pendingDailyBackup(reopened.db) // the real clock's today has no backup yet: one is being made
    expect(fs.readdirSync(app.dataDir).filter((n) => n.includes('partial'))).toEqual([])
    expect(fs.readdirSync(path.join(app.dataDir, 'tmp'))).toEqual([])
  })

  it('an older backup is migrated up to the current schema version on the way in', async () => {
    const app = track(populatedApp())
    const old = path.join(tempDir('starsite-old-'), 'old.db')
    openDatabase(old, { migrations: MIGRATIONS.slice(0, 2) }).close()

    const result = await restoreBackup(app, old)
    expect(result.fromVersion).toBe(2)
    expect(result.version).toBe(LATEST_VERSION)
    const reopened = track(openApp({ dataDir: app.dataDir }))
    expect(schemaVersion(reopened.db)).toBe(LATEST_VERSION)
    expect(siteNames(reopened)).toEqual([])
  })

  it('refuses while another connection holds the database, and the data stays', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    addSite(app, '深圳福田营业厅')
    const other = new Database(path.join(app.dataDir, 'starsite.db'))
    other.prepare('SELECT COUNT(*) FROM sites').get()
    try {
      const error = await rejection(restoreBackup(app, backup.path))
      expect(error.code).toBe('conflict')
      expect(error.message).toContain('另一个程序')
    } finally {
      other.close()
    }
    const reopened = track(openApp({ dataDir: app.dataDir }))
    expect(siteNames(reopened)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
  })
})

describe('restore refuses a wrong file before touching anything', () => {
  async function expectRefused(app: AppContext, file: string, reason: string, words: string) {
    // Checkpoint so that the bytes compared below are the whole database, then compare every file.
    app.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = snapshot(app.dataDir)
    const error = await rejection(restoreBackup(app, file))
    expect(error.code).toBe('invalid-input')
    expect((error.details as { reason: string }).reason).toBe(reason)
    expect(error.message).toContain(file)
    expect(error.message).toContain(words)
    expect(error.message).toContain('当前数据未做任何改动')
    expect(snapshot(app.dataDir)).toEqual(before)
    expect(app.db.open).toBe(true)
    expect(siteNames(app)).toEqual(['广州天河营业厅'])
  }

  it('a text file', async () => {
    const app = track(populatedApp())
    const file = path.join(tempDir('starsite-bad-'), '备份.db')
    fs.writeFileSync(file, '这不是数据库，只是一段文字。\n')
    await expectRefused(app, file, 'not-sqlite', '不是数据库备份文件')
  })

  it('an SQLite database of another program', async () => {
    const app = track(populatedApp())
    const file = path.join(tempDir('starsite-bad-'), 'other.db')
    const other = new Database(file)
    other.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')")
    other.close()
    await expectRefused(app, file, 'not-starsite', '不是星级服务现场推荐报送系统的数据文件')
  })

  it('a corrupt file (a real backup cut in half)', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    const file = path.join(tempDir('starsite-bad-'), 'cut.db')
    const bytes = fs.readFileSync(backup.path)
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expectRefused(app, file, 'corrupt', '已损坏')
  })

  it('a starsite database from a newer program version', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    const file = path.join(tempDir('starsite-bad-'), 'future.db')
    fs.copyFileSync(backup.path, file)
    const db = new Database(file)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')").run()
    db.close()
    await expectRefused(app, file, 'too-new', '数据版本 999')
  })

  it('a file that does not exist', async () => {
    const app = track(populatedApp())
    await expectRefused(app, path.join(app.dataDir, 'nope.db'), 'not-found', '找不到')
  })
})
