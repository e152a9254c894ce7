/**
 * A newer program opening an older database backs it up before the first migration runs: the backup opens
 * at the old version with its data, and rotation keeps it.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { parseBackupName } from '../../../src-main/core/backup/names'
import { backupsToDelete } from '../../../src-main/core/backup/rotation'
import { backupNames, listBackups } from '../../../src-main/services/backup/store'
import { openDatabase, schemaVersion } from '../../../src-main/db/connection'
import { LATEST_VERSION, MIGRATIONS } from '../../../src-main/db/migrations'
import { pendingDailyBackup } from '../../../src-main/services/backup/create'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { clock, tempDir } from './helpers'

const open: AppContext[] = []
afterEach(async () => {
  for (const a of open.splice(0)) {
    await pendingDailyBackup(a.db)
    a.close()
  }
})
const track = (app: AppContext) => (open.push(app), app)

/** A data folder whose database stopped at `version`, with an association and one site in it. */
function oldDataDir(version: number): string {
  const dataDir = tempDir('starsite-mig-')
  const db = openDatabase(path.join(dataDir, 'starsite.db'), { migrations: MIGRATIONS.slice(0, version) })
  db.prepare("INSERT INTO association (id, name, short_name, province, updated_at) VALUES (1, '广东省通信行业协会', '粤通协', '广东省', 'x')").run()
  db.close()
  return dataDir
}

const beforeMigrate = (dataDir: string) => listBackups(dataDir).filter((b) => b.reason === 'before-migrate')

function readOld(file: string): { version: number; association: unknown; tables: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return {
      version: schemaVersion(db),
      association: db.prepare('SELECT short_name FROM association').get(),
      tables: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as { name: string }[]).map((r) => r.name),
    }
  } finally {
    db.close()
  }
}

describe('backup before migrating', () => {
  it.each([5, 6])(
    'a version-%i database: a before-migrate backup at that version, with its data, exists once the app is open',
    (version) => {
      const dataDir = oldDataDir(version)
      const app = track(openApp({ dataDir, now: clock() }))
      expect(schemaVersion(app.db)).toBe(LATEST_VERSION)
      const backups = beforeMigrate(dataDir)
      expect(backups).toHaveLength(1)
      expect(backups[0].name).toMatch(/^starsite-20210506-0900\d\d-before-migrate\.db$/)
      const old = readOld(backups[0].path)
      expect(old.version).toBe(version)
      expect(old.association).toEqual({ short_name: '粤通协' })
      // One self-contained file: no -wal/-shm beside it.
      expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.startsWith(backups[0].name))).toEqual([backups[0].name])
    },
  )

  it('taken before the migrations ran: a version-6 backup still has the indexes migration 7 drops', () => {
    const dataDir = oldDataDir(6)
    track(openApp({ dataDir, now: clock() }))
    const [backup] = beforeMigrate(dataDir)
    expect(readOld(backup.path).tables).toContain('sites_name_recommender')
    expect(readOld(backup.path).tables).not.toContain('findings_duplicate_site')
  })

  it('a new data folder or an up-to-date database gets no before-migrate backup', async () => {
    const dataDir = tempDir('starsite-mig-')
    const first = openApp({ dataDir, now: clock() })
    await pendingDailyBackup(first.db)
    first.close()
    track(openApp({ dataDir, now: clock() }))
    expect(beforeMigrate(dataDir)).toEqual([])
  })

  it('rotation never deletes a before-migrate backup, however many newer ones the month has', () => {
    const dataDir = oldDataDir(6)
    track(openApp({ dataDir, now: clock() }))
    const [taken] = backupNames(dataDir).filter((b) => b.reason === 'before-migrate')
    expect(taken).toBeDefined()
    // Twelve newer backups the same month: a plain one in the before-migrate one's place would go.
    const newer = Array.from({ length: 12 }, (_, i) => parseBackupName(`starsite-20210506-1${String(i).padStart(3, '0')}00-manual.db`)!)
    const plain = parseBackupName(taken.name.replace('-before-migrate', '-manual'))!
    expect(backupsToDelete([...newer, plain]).map((b) => b.name)).toContain(plain.name)
    expect(backupsToDelete([...newer, taken]).map((b) => b.name)).not.toContain(taken.name)
  })
})
