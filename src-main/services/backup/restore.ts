/**
 * Restore the database from a backup file. Order matters, so that a wrong click never loses data:
 *   1. copy and check the file (SQLite, intact, ours, not newer), and migrate the copy — refusals change nothing;
 *   2. back up the current database (reason 'before-restore'; rotation never deletes these);
 *   3. close the app's database and make sure no other program holds it;
 *   4. drop the old -wal/-shm and rename the checked copy over starsite.db (atomic on one volume).
 * The AppContext holds the open database, so restore consumes it: after step 2 `app` is closed whatever the
 * outcome, and the caller opens a new context (openApp) — the CLI does so; the desktop app relaunches.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import type { Db } from '../../db/connection'
import { openExclusive } from '../../db/maintenance'
import type { AppContext } from '../context'
import { prepareCandidate, type Candidate } from './candidate'
import { removeWithSideFiles, sideFiles } from './copy'
import { createBackup, pendingDailyBackup } from './create'
import { databaseFile, type BackupInfo } from './store'

export interface RestoreResult {
  restoredFrom: string
  /** Schema version of the restored file before it was migrated. */
  fromVersion: number
  version: number
  /** Where the data that was replaced is kept. */
  beforeRestore: BackupInfo
}

/**
 * Checks `file` without opening the current database at all — a door may call this before it opens its
 * context, then pass the result to restoreBackup (the CLI does, so a refused file changes not even a byte).
 */
export function checkRestoreFile(dataDir: string, file: string): Candidate & { source: string } {
  const source = path.resolve(file)
  return { ...prepareCandidate(dataDir, source), source }
}

export async function restoreBackup(app: AppContext, file: string | (Candidate & { source: string })): Promise<RestoreResult> {
  // The start-up backup must not be cut off half-way by the close below.
  await pendingDailyBackup(app.db)
  const candidate = typeof file === 'string' ? checkRestoreFile(app.dataDir, file) : file
  const source = candidate.source
  try {
    const beforeRestore = await createBackup(app, 'before-restore')
    app.close()
    installCandidate(app.dataDir, candidate)
    return { restoredFrom: source, fromVersion: candidate.fromVersion, version: candidate.version, beforeRestore }
  } catch (error) {
    removeWithSideFiles(candidate.partial.path)
    candidate.partial.discard()
    throw error
  }
}

/**
 * Steps 3–4, shared with the restore scheduled from the window (scheduled.ts), which runs them at start-up
 * before any connection exists. The database must already be closed by this process. On success the
 * candidate's temp file has become starsite.db; on failure the caller still owns (and discards) it.
 */
export function installCandidate(dataDir: string, candidate: Candidate): void {
  const live = databaseFile(dataDir)
  assertNobodyElseUses(live)
  for (const f of sideFiles(live)) fs.rmSync(f, { force: true })
  candidate.partial.commit(live)
}

/**
 * Another process (the desktop app while the CLI restores, a second CLI) would keep writing into the file we
 * replace and lose everything it writes. An exclusive lock succeeds only when no one else has it open. Closing
 * this last connection also checkpoints the WAL into the old file, which the before-restore backup already has.
 */
export function assertNobodyElseUses(file: string): void {
  withExclusiveLock(file, () => undefined)
}

/**
 * Runs `fn` on a connection that holds `file` exclusively (locking_mode EXCLUSIVE keeps the lock after the
 * first transaction), so nobody can write between the check and `fn`. Throws the 'conflict' AppError when
 * another connection has the file open. Does nothing when the file does not exist.
 */
export function withExclusiveLock<T>(file: string, fn: (db: Db) => T): T | undefined {
  if (!fs.existsSync(file)) return undefined
  let db: Db
  try {
    db = openExclusive(file)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new AppError('conflict', '数据正被另一个程序（如已打开的桌面程序）使用，请先关闭它再恢复。当前数据未做任何改动。')
    }
    throw error
  }
  try {
    return fn(db)
  } finally {
    db.close()
  }
}
