/**
 * The two roles never share a data folder (DESIGN §7a): the database file's name says whose folder it is, so
 * each side refuses the other's before it creates or migrates anything.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'

export const OFFICE_DB_FILE = 'office.db'
export const PROVINCE_DB_FILE = 'starsite.db'
export const OFFICE_BUNDLES_DIR = 'bundles'

export function officeDatabaseFile(dataDir: string): string {
  return path.join(dataDir, OFFICE_DB_FILE)
}

export function isOfficeFolder(dataDir: string): boolean {
  return fs.existsSync(officeDatabaseFile(dataDir))
}

/** Called by the office side before opening: a province's folder stays untouched. */
export function assertOfficeFolder(dataDir: string): void {
  if (fs.existsSync(path.join(dataDir, PROVINCE_DB_FILE)))
    throw new AppError(
      'forbidden',
      `数据目录“${dataDir}”是省级协会的数据文件夹，不能作为全国推进办公室的数据文件夹使用（两种角色不能共用一个数据文件夹）。请用 --data 为推进办公室另选一个文件夹；该文件夹未做任何修改。`,
    )
}

/** Called by the province side before opening: an office's folder stays untouched. */
export function assertNotOfficeFolder(dataDir: string): void {
  if (isOfficeFolder(dataDir))
    throw new AppError(
      'forbidden',
      `数据目录“${dataDir}”是全国推进办公室的数据文件夹，不能作为省级协会的数据文件夹打开（两种角色不能共用一个数据文件夹）。请使用 starsite office 命令，或用 --data 另选一个文件夹；该文件夹未做任何修改。`,
    )
}
