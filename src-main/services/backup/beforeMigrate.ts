/**
 * The backup taken when a newer program first opens an older database: before the first pending migration
 * runs, so the data stays available exactly as the old version wrote it (the start-up daily backup comes
 * only after migrating). Kept by rotation like a before-restore backup.
 */
import fs from 'node:fs'
import path from 'node:path'
import { backupFileName } from '../../core/backup/names'
import { AppError } from '../../core/errors'
import type { Db } from '../../db/connection'
import { checkAndSeal, vacuumInto } from '../../db/maintenance'
import { createPartial } from '../files/atomicWrite'
import { removeWithSideFiles, sideFiles } from './copy'
import { backupsDir } from './store'

export const BEFORE_MIGRATE = 'before-migrate'

/**
 * VACUUM INTO reads the database (its WAL included) in one read transaction — a consistent copy even with
 * another connection open — and writes one self-contained file, checked like every backup before it gets its
 * name. A failure stops the open: no migration runs without its backup.
 */
export function backupBeforeMigrate(dataDir: string, db: Db, fromVersion: number, at: Date): string {
  const dir = backupsDir(dataDir)
  fs.mkdirSync(dir, { recursive: true })
  let name = backupFileName(at, BEFORE_MIGRATE)
  for (let seq = 2; fs.existsSync(path.join(dir, name)); seq++) name = backupFileName(at, BEFORE_MIGRATE, seq)
  const target = path.join(dir, name)
  const partial = createPartial(dataDir, target)
  try {
    vacuumInto(db, partial.path)
    const problems = checkAndSeal(partial.path)
    if (problems.length > 0) throw new Error(problems.slice(0, 3).join('；'))
    for (const f of sideFiles(partial.path)) fs.rmSync(f, { force: true })
    partial.commit(target)
    return target
  } catch (error) {
    removeWithSideFiles(partial.path)
    partial.discard()
    const why = error instanceof Error ? error.message : String(error)
    throw new AppError(
      'internal',
      `数据文件（版本 ${fromVersion}）需要升级，但升级前的备份未能完成（${why}），为安全起见未升级、未做任何改动。请检查磁盘空间后重新打开。`,
    )
  }
}
