import path from 'node:path'
import { openDatabase, type Db } from '../db/connection'
import { SiteRepository } from '../db/repositories/sites'
import { cleanupStalePartials } from './files/atomicWrite'
import { backupBeforeMigrate } from './backup/beforeMigrate'
import { startDailyBackup } from './backup/create'
import { applyPendingRestore, recordStartupRestore, type StartupRestore } from './backup/scheduled'
import { ensureDataDir } from './dataDir'
import { JobRegistry } from './jobs'
import { RosterMemory } from './roster/memory'
import { assertNotOfficeFolder } from './office/folder'

/**
 * Everything a use case needs, passed in explicitly. One per open data folder; the database lives here,
 * never in a module variable, so tests can open many side by side.
 */
export interface AppContext {
  readonly dataDir: string
  readonly db: Db
  readonly sites: SiteRepository
  /** The roster import's last parse and plan (reused by commit when nothing changed since the preview). */
  readonly roster: RosterMemory
  readonly jobs: JobRegistry
  /** Who is acting, for the audit log (the OS user name by default). */
  readonly actor: string
  /** A restore scheduled in the window and carried out (or refused) while this context opened. */
  readonly startupRestore: StartupRestore | null
  now(): string
  close(): void
}

export interface OpenAppOptions {
  dataDir: string
  actor?: string
  /** Fixed clock for tests. */
  now?: () => string
  /** The session's job registry, kept when the session changes role; a new one otherwise. */
  jobs?: JobRegistry
}

export function openApp(options: OpenAppOptions): AppContext {
  // Before anything is created: an office's folder is never opened (and so never altered) as a province's.
  assertNotOfficeFolder(options.dataDir)
  ensureDataDir(options.dataDir)
  // A killed writer leaves a partial file behind; the next start removes it.
  cleanupStalePartials(options.dataDir)
  const now = options.now ?? (() => new Date().toISOString())
  // A restore chosen in the window swaps the database file, so it must run before anything opens it here.
  const startupRestore = applyPendingRestore(options.dataDir, now)
  const db = openDatabase(path.join(options.dataDir, 'starsite.db'), {
    beforeMigrate: (old, fromVersion) => backupBeforeMigrate(options.dataDir, old, fromVersion, new Date(now())),
  })
  // Written into the database now in use: after a restore, that is the restored one.
  if (startupRestore) recordStartupRestore(db, startupRestore, now())
  const jobs = options.jobs ?? new JobRegistry()
  // Once a day, in the background: start-up waits for one readdir, not for the copy.
  startDailyBackup({ dataDir: options.dataDir, db, now: options.now })
  return {
    dataDir: options.dataDir,
    db,
    sites: new SiteRepository(db),
    roster: new RosterMemory(),
    jobs,
    actor: options.actor ?? defaultActor(),
    startupRestore,
    now,
    close: () => {
      jobs.cancelAll()
      if (db.open) db.close()
    },
  }
}

function defaultActor(): string {
  return process.env.USERNAME || process.env.USER || '本机用户'
}
