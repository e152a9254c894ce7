/**
 * Opening office.db. The province's runner does the work (application id, WAL, migrations); this only makes
 * sure first that an existing file is an office database, because the runner alone would call a province's
 * database "too new" instead of saying it belongs to the other role.
 */
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../../core/errors'
import { openDatabase, type Db } from '../connection'
import { OFFICE_MIGRATIONS } from './migrations'

export function officeRole(file: string): string | null {
  // Reading a WAL-mode file makes SQLite create its -wal/-shm beside it even read-only. For a file that is not
  // ours, remove the ones this look created (still empty), so the refused folder is left as it was found; an
  // office file's are left to SQLite, since another process may be using them.
  const sides = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f))
  let role: string | null = null
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'office_meta'").get()
    const row = hasMeta ? (db.prepare("SELECT value FROM office_meta WHERE key = 'role'").get() as { value: string } | undefined) : undefined
    role = row?.value ?? null
  } catch {
    // Not a SQLite file at all: not an office file either.
  } finally {
    db.close()
    if (role !== 'office')
      for (const f of sides) if (fs.existsSync(f) && (f.endsWith('-shm') || fs.statSync(f).size === 0)) fs.rmSync(f, { force: true })
  }
  return role
}

export function openOfficeDatabase(file: string): Db {
  if (fs.existsSync(file) && fs.statSync(file).size > 0 && officeRole(file) !== 'office') {
    throw new AppError('db-not-starsite', `文件“${file}”不是全国推进办公室的数据文件，为保护数据未做任何修改。`)
  }
  // 16 MiB of page cache, not the province's 64: the office writes one bundle's ~300 sites per transaction
  // (the province's big cache is for a 20,000-row import in one), and the cache stays filled for the whole
  // session — after 31 bundles, ~15 MB of resident memory for nothing the next query needs.
  return openDatabase(file, { migrations: OFFICE_MIGRATIONS, cacheKiB: 16 * 1024 })
}
