/**
 * The SQL behind backups, restores and the data check: integrity checks, sealing a copy into one file,
 * exclusive locks, VACUUM INTO, table counts. Services decide when and what to tell the user.
 */
import Database from 'better-sqlite3'
import type { Db } from './connection'
import { schemaVersion } from './connection'

/** What SQLite's integrity_check reports beyond "ok" (empty when the file is whole). */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>
  return rows.map((r) => r.integrity_check).filter((t) => t !== 'ok')
}

/**
 * Runs integrity_check on a copy and makes it one self-contained file (rollback journal instead of WAL), so
 * it can be moved, mailed or opened read-only without -wal/-shm files appearing next to it.
 * Returns the problems integrity_check reported (empty when ok).
 */
export function checkAndSeal(file: string): string[] {
  const db = new Database(file, { fileMustExist: true })
  try {
    const problems = integrityProblems(db)
    if (problems.length === 0) db.pragma('journal_mode = DELETE')
    return problems
  } finally {
    db.close()
  }
}

/** The marker and schema version of a database file, read without changing a byte of it. */
export function readFileIdentity(file: string): { applicationId: number; version: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return { applicationId: db.pragma('application_id', { simple: true }) as number, version: schemaVersion(db) }
  } finally {
    db.close()
  }
}

/**
 * A connection that holds `file` exclusively (locking_mode EXCLUSIVE keeps the lock after the first
 * transaction), so nobody can write until it is closed. Throws SQLite's SQLITE_BUSY / SQLITE_LOCKED error,
 * without waiting, when another connection has the file open. The caller closes it.
 */
export function openExclusive(file: string): Db {
  const db = new Database(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN IMMEDIATE')
    db.exec('COMMIT')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * SQLite's online backup of `db` into `file`, consistent even while the app keeps writing. `onStep` runs
 * between steps and may throw (a cancelled job) to stop the copy.
 */
export async function onlineBackup(db: Db, file: string, onStep: (done: number, total: number) => void): Promise<void> {
  await db.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      onStep(totalPages - remainingPages, totalPages)
      // better-sqlite3's default step: small enough that the window stays responsive during the copy.
      return 100
    },
  })
}

/** A compact copy of the database (WAL included) in a new file with a rollback journal. */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file)
}

/** The tables of the database (SQLite's own left out), by name. */
export function listTables(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name)
}

export function countRows(db: Db, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n
}

/** Whether the table holds any row (stops at the first). */
export function tableHasRows(db: Db, table: string): boolean {
  return db.prepare(`SELECT 1 FROM "${table.replace(/"/g, '""')}" LIMIT 1`).get() !== undefined
}

/** Nothing entered yet: no association settings and no site. */
export function isEmptyDatabase(db: Db): boolean {
  return (db.prepare('SELECT (SELECT COUNT(*) FROM association) + (SELECT COUNT(*) FROM sites) AS n').get() as { n: number }).n === 0
}
