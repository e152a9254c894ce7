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
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'office_meta'").get()
    if (!hasMeta) return null
    const row = db.prepare("SELECT value FROM office_meta WHERE key = 'role'").get() as { value: string } | undefined
    return row?.value ?? null
  } finally {
    db.close()
  }
}

export function openOfficeDatabase(file: string): Db {
  if (fs.existsSync(file) && fs.statSync(file).size > 0 && officeRole(file) !== 'office') {
    throw new AppError('db-not-starsite', `文件“${file}”不是全国推进办公室的数据文件，为保护数据未做任何修改。`)
  }
  return openDatabase(file, { migrations: OFFICE_MIGRATIONS })
}
