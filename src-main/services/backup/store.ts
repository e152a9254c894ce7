/** The backups folder of a data folder: where backups live, how they are listed and rotated. */
import fs from 'node:fs'
import path from 'node:path'
import { compareNewestFirst, parseBackupName, type BackupName } from '../../core/backup/names'
import { backupsToDelete } from '../../core/backup/rotation'

export const DB_FILE = 'starsite.db'

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups')
export const databaseFile = (dataDir: string) => path.join(dataDir, DB_FILE)

export interface BackupInfo {
  name: string
  path: string
  size: number
  /** The time the name states, as ISO 8601. */
  createdAt: string
  reason: string | null
}

/** Our backups in the folder, newest first. Other files a user put there are left out and left alone. */
export function backupNames(dataDir: string): BackupName[] {
  let names: string[]
  try {
    names = fs.readdirSync(backupsDir(dataDir))
  } catch {
    return []
  }
  return names
    .map(parseBackupName)
    .filter((b): b is BackupName => b !== null)
    .sort(compareNewestFirst)
}

export function listBackups(dataDir: string): BackupInfo[] {
  const out: BackupInfo[] = []
  for (const b of backupNames(dataDir)) {
    const file = path.join(backupsDir(dataDir), b.name)
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      continue // removed meanwhile by another process's rotation
    }
    if (!stat.isFile()) continue
    out.push({ name: b.name, path: file, size: stat.size, createdAt: b.time.toISOString(), reason: b.reason })
  }
  return out
}

/** Deletes what the rotation rule lets go. Never throws: a failed cleanup must not fail the backup just made. */
export function rotateBackups(dataDir: string): string[] {
  const removed: string[] = []
  for (const b of backupsToDelete(backupNames(dataDir))) {
    const file = path.join(backupsDir(dataDir), b.name)
    try {
      fs.rmSync(file, { force: true })
      removed.push(file)
    } catch {
      // left for the next rotation
    }
  }
  return removed
}
