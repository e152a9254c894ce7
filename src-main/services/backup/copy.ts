/**
 * One online copy of the live database into a file: SQLite's backup API (consistent even while the app keeps
 * writing), to a partial name first, checked, then renamed into place — a crash or a full disk never leaves a
 * half-written file under a backup's name.
 */
import fs from 'node:fs'
import { AppError } from '../../core/errors'
import type { Db } from '../../db/connection'
import { checkAndSeal, onlineBackup } from '../../db/maintenance'
import { createPartial } from '../files/atomicWrite'

export interface CopyProgress {
  done: number
  total: number
}

export interface CopyOptions {
  /** Called between steps; may throw (e.g. a cancelled job) to stop the copy, which then leaves nothing. */
  onProgress?: (progress: CopyProgress) => void
}

/** SQLite's side files of a database file. */
export function sideFiles(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`]
}

export function removeWithSideFiles(file: string): void {
  for (const f of [file, ...sideFiles(file)]) fs.rmSync(f, { force: true })
}

export { checkAndSeal }

/** Copies `db` to `target` (which must not exist yet). Returns the size in bytes. */
export async function copyDatabase(db: Db, dataDir: string, target: string, options: CopyOptions = {}): Promise<number> {
  const partial = createPartial(dataDir, target)
  try {
    await onlineBackup(db, partial.path, (done, total) => options.onProgress?.({ done, total }))
    const problems = checkAndSeal(partial.path)
    if (problems.length > 0) {
      throw new AppError('internal', `备份副本的完整性检查未通过（${problems.slice(0, 3).join('；')}），未保存该备份。请运行“检查数据文件”。`)
    }
    for (const f of sideFiles(partial.path)) fs.rmSync(f, { force: true })
    // A name taken meanwhile (another process, same second) must not be overwritten.
    if (fs.existsSync(target)) throw new AppError('conflict', `文件“${target}”已存在，备份未覆盖它`)
    const size = fs.statSync(partial.path).size
    partial.commit(target)
    return size
  } catch (error) {
    partial.discard()
    for (const f of sideFiles(partial.path)) fs.rmSync(f, { force: true })
    throw error
  }
}
