import Database from 'better-sqlite3'
import { AppError } from '../core/errors'
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

/** PRAGMA application_id: marks a file as a starsite database ("STAR" in ASCII). */
export const APPLICATION_ID = 0x53544152

export interface OpenOptions {
  /** Apply pending migrations (default true). Tests set false to inspect an old database. */
  migrate?: boolean
  /** Migrations to know about; tests pass a prefix to build an old database. */
  migrations?: Migration[]
  readonly?: boolean
  /** SQLite's page cache in KiB, filled only as pages are read (default 64 MiB: see openDatabase). */
  cacheKiB?: number
  /**
   * Called once, before the first pending migration runs, when the file already holds data of an older
   * version (never for a new file): the last moment the data exists as the old version wrote it. Throwing
   * stops the open with nothing migrated.
   */
  beforeMigrate?: (db: Db, fromVersion: number) => void
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false })
  try {
    db.pragma('busy_timeout = 5000')
    const migrations = options.migrations ?? MIGRATIONS
    // Refuse a foreign or newer file before anything else: switching to WAL already rewrites the header.
    assertStarsiteFile(db, migrations)
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
    }
    db.pragma('foreign_keys = ON')
    // Up to 64 MiB of page cache (SQLite's default is 2 MiB), filled only as pages are read: an import of
    // thousands of sites with their findings then stays in memory until its commit instead of spilling
    // pages into the WAL mid-transaction, and re-reads after it hit the cache.
    db.pragma(`cache_size = -${options.cacheKiB ?? 64 * 1024}`)
    if (options.migrate !== false && !options.readonly) migrate(db, migrations, options.beforeMigrate)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function schemaVersion(db: Db): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get()
  if (!exists) return 0
  const row = db.prepare('SELECT MAX(version) AS v FROM migrations').get() as { v: number | null }
  return row.v ?? 0
}

/**
 * Changes whenever the database does: a write on this connection (total_changes()) or by another connection
 * (PRAGMA data_version). Equal stamps mean nothing was written in between.
 */
export function changeStamp(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${version}:${changes}`
}

function assertStarsiteFile(db: Db, migrations: Migration[]): void {
  const appId = db.pragma('application_id', { simple: true }) as number
  const tables = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }
  if (appId !== APPLICATION_ID && tables.n > 0) {
    throw new AppError(
      'db-not-starsite',
      '这个文件不是本系统的数据文件（缺少星级服务现场系统的标记），为保护数据未做任何修改。',
    )
  }
  const version = schemaVersion(db)
  const latest = migrations[migrations.length - 1]?.version ?? LATEST_VERSION
  if (version > latest) {
    throw new AppError(
      'db-too-new',
      `数据文件由更新版本的程序创建（数据版本 ${version}，本程序最高支持 ${latest}）。请安装最新版本后再打开；为保护数据，本程序未做任何修改。`,
      { version, supported: latest },
    )
  }
}

function migrate(db: Db, migrations: Migration[], beforeMigrate?: OpenOptions['beforeMigrate']): void {
  const found = schemaVersion(db)
  if (found > 0 && beforeMigrate && migrations.some((m) => m.version > found)) beforeMigrate(db, found)
  // Mark the file first: a crash right after would otherwise leave an unmarked file with tables in it.
  // Only when missing: writing it again would rewrite the header of an untouched file on every open.
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`)
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const current = schemaVersion(db)
  for (const m of migrations) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
    })()
  }
}
