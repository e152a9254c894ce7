/**
 * A file the user wants to restore, checked before anything of the current data is touched. The checks run on
 * a private copy inside the data folder — the very bytes that will be installed — so the user's own file is
 * never opened by SQLite (which could add -wal/-shm files next to it or roll back a journal in it).
 */
import fs from 'node:fs'
import { APPLICATION_ID, openDatabase } from '../../db/connection'
import { readFileIdentity } from '../../db/maintenance'
import { LATEST_VERSION } from '../../db/migrations'
import { AppError } from '../../core/errors'
import { createPartial, type PartialFile } from '../files/atomicWrite'
import { checkAndSeal, removeWithSideFiles } from './copy'
import { databaseFile } from './store'

export type RefusalReason = 'not-found' | 'not-sqlite' | 'corrupt' | 'not-starsite' | 'too-new'

export interface Candidate {
  /** Temp file in the data folder, at the current schema version, ready to be renamed over starsite.db. */
  partial: PartialFile
  /** Schema version of the file as the user gave it. */
  fromVersion: number
  version: number
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')
const KEEP = '当前数据未做任何改动。'

function refuse(reason: RefusalReason, file: string, message: string, extra: Record<string, unknown> = {}): AppError {
  // invalid-input: the file the user chose is unusable — bad input (CLI exit 2), not the domain refusing.
  return new AppError('invalid-input', message, { reason, file, ...extra })
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = fs.readSync(fd, buf, 0, 16, 0)
    return buf.subarray(0, n)
  } finally {
    fs.closeSync(fd)
  }
}

/** Copies and checks `file`; on any refusal the copy is gone again and an AppError names file and reason. */
export function prepareCandidate(dataDir: string, file: string): Candidate {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw refuse('not-found', file, `找不到要恢复的文件“${file}”。${KEEP}`)
  }
  if (!stat.isFile()) throw refuse('not-found', file, `“${file}”不是一个文件。${KEEP}`)
  if (!readHeader(file).equals(SQLITE_HEADER)) {
    throw refuse('not-sqlite', file, `无法恢复：“${file}”不是数据库备份文件（不是 SQLite 数据库）。${KEEP}`)
  }

  const partial = createPartial(dataDir, databaseFile(dataDir))
  try {
    fs.copyFileSync(file, partial.path)
    // A database in WAL mode may keep its newest changes in a -wal file beside it: those belong to it.
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${partial.path}-wal`)
    const fromVersion = inspect(partial.path, file)
    // Migrate the copy, not the live file: if an upgrade fails, the current data is still in place.
    try {
      openDatabase(partial.path).close()
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new AppError('internal', `无法把“${file}”升级到本程序的数据版本（${why}）。${KEEP}`, { file })
    }
    return { partial, fromVersion, version: LATEST_VERSION }
  } catch (error) {
    removeWithSideFiles(partial.path)
    partial.discard()
    throw error
  }
}

/** The refusals, in the order a user would want to hear them. Returns the schema version. */
function inspect(copy: string, file: string): number {
  let problems: string[]
  try {
    problems = checkAndSeal(copy)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_NOTADB') throw refuse('not-sqlite', file, `无法恢复：“${file}”不是数据库备份文件（不是 SQLite 数据库）。${KEEP}`)
    const why = error instanceof Error ? error.message : String(error)
    throw refuse('corrupt', file, `无法恢复：“${file}”已损坏，无法读取（${why}）。${KEEP}`)
  }
  if (problems.length > 0) {
    throw refuse('corrupt', file, `无法恢复：“${file}”已损坏（完整性检查未通过：${problems.slice(0, 3).join('；')}）。${KEEP}`, {
      problems: problems.slice(0, 20),
    })
  }
  const { applicationId, version } = readFileIdentity(copy)
  if (applicationId !== APPLICATION_ID) {
    throw refuse('not-starsite', file, `无法恢复：“${file}”不是星级服务现场推荐报送系统的数据文件（缺少本系统的标记）。${KEEP}`)
  }
  if (version > LATEST_VERSION) {
    throw refuse(
      'too-new',
      file,
      `无法恢复：“${file}”由更新版本的程序创建（数据版本 ${version}，本程序最高支持 ${LATEST_VERSION}）。请先安装最新版本再恢复。${KEEP}`,
      { version, supported: LATEST_VERSION },
    )
  }
  return version
}
