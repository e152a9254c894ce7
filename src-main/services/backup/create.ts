/** Backups into dataDir/backups: on request, before risky operations, and once a day at start-up. */
import fs from 'node:fs'
import path from 'node:path'
import { BACKUP_REASON, backupFileName, dayStamp } from '../../core/backup/names'
import { AppError } from '../../core/errors'
import type { Db } from '../../db/connection'
import { isEmptyDatabase } from '../../db/maintenance'
import type { AppContext } from '../context'
import { copyDatabase, type CopyOptions } from './copy'
import { backupNames, backupsDir, listBackups, rotateBackups, type BackupInfo } from './store'

/** What a backup needs of an app context; openApp calls in before its context object exists. */
export type BackupSource = Pick<AppContext, 'dataDir' | 'db'> & { now?: () => string }

export async function createBackup(source: BackupSource, reason?: string | null, options: CopyOptions = {}): Promise<BackupInfo> {
  if (reason && !BACKUP_REASON.test(reason)) {
    throw new AppError('invalid-input', `备份原因只能由小写英文字母、数字和连字符组成（最多 40 个字符），收到“${reason.slice(0, 60)}”`)
  }
  const dir = backupsDir(source.dataDir)
  fs.mkdirSync(dir, { recursive: true })
  const at = new Date(source.now ? source.now() : Date.now())
  let name = backupFileName(at, reason)
  for (let seq = 2; fs.existsSync(path.join(dir, name)); seq++) name = backupFileName(at, reason, seq)
  const file = path.join(dir, name)
  const size = await copyDatabase(source.db, source.dataDir, file, options)
  rotateBackups(source.dataDir)
  return listBackups(source.dataDir).find((b) => b.name === name) ?? {
    name,
    path: file,
    size,
    createdAt: at.toISOString(),
    reason: reason ?? null,
  }
}

/**
 * For other features to call (awaited) right before an operation that changes much at once — an import
 * commit, a restore, switching the campaign — so the clerk can go back. `reason` names the operation, e.g.
 * 'before-import', 'before-campaign-change'. Throws when the backup fails: better not to start the risky
 * operation than to run it without a way back.
 */
export function backupBeforeRisk(app: AppContext, reason: string): Promise<BackupInfo> {
  return createBackup(app, reason)
}

const pendingDaily = new WeakMap<Db, Promise<BackupInfo | null>>()

/**
 * Start-up: a backup once a day. Decides synchronously from file names (one readdir) and runs the copy in
 * the background, so opening the app is not slowed down. A fresh, empty database is not worth a backup.
 * Any failure is swallowed: the next start simply tries again, because no backup from today exists.
 */
export function startDailyBackup(source: BackupSource): void {
  try {
    const today = dayStamp(new Date(source.now ? source.now() : Date.now()))
    if (backupNames(source.dataDir).some((b) => b.day === today)) return
    if (isEmptyDatabase(source.db)) return
  } catch {
    return
  }
  pendingDaily.set(
    source.db,
    createBackup(source, 'daily').catch(() => null),
  )
}

/** The start-up backup still running on this connection, if any (tests, and restore waits for it). */
export function pendingDailyBackup(db: Db): Promise<BackupInfo | null> | undefined {
  return pendingDaily.get(db)
}


