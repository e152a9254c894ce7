/**
 * The national office's counterpart of AppContext: its own folder (office.db, bundles/, tmp/), its own
 * database, passed in explicitly like the province's so tests can open several side by side.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import type { Db } from '../../db/connection'
import { openOfficeDatabase } from '../../db/office/connection'
import { cleanupStalePartials } from '../files/atomicWrite'
import { assertOfficeFolder, isOfficeFolder, OFFICE_BUNDLES_DIR, officeDatabaseFile } from './folder'
import { sweepOrphanBundles } from './orphans'

export interface OfficeContext {
  readonly dataDir: string
  readonly db: Db
  readonly actor: string
  now(): string
  close(): void
}

export interface OpenOfficeOptions {
  dataDir: string
  actor?: string
  now?: () => string
  /** Create the folder and database when missing (office init); otherwise a missing one is refused. */
  create?: boolean
}

export function openOffice(options: OpenOfficeOptions): OfficeContext {
  const { dataDir } = options
  assertOfficeFolder(dataDir)
  if (!options.create && !isOfficeFolder(dataDir))
    throw new AppError('not-initialised', `数据目录“${dataDir}”中还没有推进办公室的数据，请先运行 starsite office init --name 名称 --short 简称。`)
  fs.mkdirSync(dataDir, { recursive: true })
  // The database first: a file that is not the office's is refused before any folder is made beside it.
  const db = openOfficeDatabase(officeDatabaseFile(dataDir))
  try {
    for (const sub of [OFFICE_BUNDLES_DIR, 'tmp']) fs.mkdirSync(path.join(dataDir, sub), { recursive: true })
    // A receive killed mid-copy leaves its staged file in tmp; the province's cleanup knows that pattern.
    cleanupStalePartials(dataDir)
    // …and one killed after its rename into the store, before its commit, leaves a bundle with no row.
    sweepOrphanBundles(dataDir, db)
  } catch (error) {
    db.close()
    throw error
  }
  return {
    dataDir,
    db,
    actor: options.actor ?? (process.env.USERNAME || process.env.USER || '本机用户'),
    now: options.now ?? (() => new Date().toISOString()),
    close: () => {
      if (db.open) db.close()
    },
  }
}
