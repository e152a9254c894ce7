import path from 'node:path'
import { openDatabase, type Db } from '../db/connection'
import { SiteRepository } from '../db/repositories/sites'
import { cleanupStalePartials } from './bundle/partial'
import { startDailyBackup } from './backup/create'
import { ensureDataDir } from './dataDir'
import { JobRegistry } from './jobs'

/**
 * Everything a use case needs, passed in explicitly. One per open data folder; the database lives here,
 * never in a module variable, so tests can open many side by side.
 */
export interface AppContext {
  readonly dataDir: string
  readonly db: Db
  readonly sites: SiteRepository
  readonly jobs: JobRegistry
  /** Who is acting, for the audit log (the OS user name by default). */
  readonly actor: string
  now(): string
  close(): void
}

export interface OpenAppOptions {
  dataDir: string
  actor?: string
  /** Fixed clock for tests. */
  now?: () => string
}

export function openApp(options: OpenAppOptions): AppContext {
  ensureDataDir(options.dataDir)
  // A killed bundle build leaves a partial file behind; the next start removes it.
  cleanupStalePartials(options.dataDir)
  const db = openDatabase(path.join(options.dataDir, 'starsite.db'))
  const jobs = new JobRegistry()
  // Once a day, in the background: start-up waits for one readdir, not for the copy.
  startDailyBackup({ dataDir: options.dataDir, db, now: options.now })
  return {
    dataDir: options.dataDir,
    db,
    sites: new SiteRepository(db),
    jobs,
    actor: options.actor ?? defaultActor(),
    now: options.now ?? (() => new Date().toISOString()),
    close: () => {
      jobs.cancelAll()
      if (db.open) db.close()
    },
  }
}

function defaultActor(): string {
  return process.env.USERNAME || process.env.USER || '本机用户'
}
