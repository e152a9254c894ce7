/**
 * What a door (HTTP server, relay core, CLI serve) holds: one data folder, opened in the role its database
 * names — office.db: the national office; otherwise the province, as always. A province folder nothing was
 * done in yet may become the office's (first-run role choice): its freshly made database and empty folders
 * are removed and the office is set up in their place. The job registry belongs to the session, so listeners
 * (SSE, relay) stay subscribed across that change.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../core/errors'
import type { Db } from '../db/connection'
import { listTables, tableHasRows } from '../db/maintenance'
import type { OfficeProfile } from '../db/office/profile'
import { pendingDailyBackup } from './backup/create'
import { openApp, type AppContext } from './context'
import { DATA_SUBDIRS } from './dataDir'
import { JobRegistry } from './jobs'
import { openOffice, type OfficeContext } from './office/context'
import { isOfficeFolder, officeDatabaseFile, PROVINCE_DB_FILE } from './office/folder'
import { initOffice, type InitOfficeInput } from './office/profile'

export type SessionState = { readonly role: 'province'; readonly app: AppContext } | { readonly role: 'office'; readonly office: OfficeContext }

export interface Session {
  readonly dataDir: string
  readonly jobs: JobRegistry
  /** The context now open; replaced (never mutated) when the role changes. */
  readonly state: SessionState
  /** A pristine province folder: nothing saved, imported or logged since it was made. */
  canBecomeOffice(): boolean
  becomeOffice(input: InitOfficeInput): Promise<{ profile: OfficeProfile }>
  close(): void
}

export interface OpenSessionOptions {
  dataDir: string
  actor?: string
  /** Fixed clock for tests. */
  now?: () => string
}

/** Tables opening a province database fills by itself (the migration runner's record). */
const OPENING_TABLES = new Set(['migrations', 'sqlite_sequence'])

/** Every province table empty except the migrations record: no association, site, import, letter or audit row. */
function databaseIsPristine(db: Db): boolean {
  return listTables(db).every((table) => OPENING_TABLES.has(table) || !tableHasRows(db, table))
}

/**
 * The folders that hold a province's work, which must still be empty. Not tmp (hand-overs: uploads, partial
 * files) nor logs (the desktop shell writes logs/desktop.log from its first start, whichever role follows).
 */
const WORK_FOLDERS = DATA_SUBDIRS.filter((d) => d !== 'tmp' && d !== 'logs')

function foldersArePristine(dataDir: string): boolean {
  return WORK_FOLDERS.every((sub) => {
    try {
      return fs.readdirSync(path.join(dataDir, sub)).length === 0
    } catch {
      return true
    }
  })
}

export function isPristineProvince(app: AppContext): boolean {
  return databaseIsPristine(app.db) && foldersArePristine(app.dataDir) && app.jobs.size === 0
}

/** What opening a province folder created: its database and the empty folders beside it. */
function removeProvinceTraces(dataDir: string): void {
  const db = path.join(dataDir, PROVINCE_DB_FILE)
  for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) fs.rmSync(f, { force: true })
  for (const sub of DATA_SUBDIRS) {
    try {
      fs.rmdirSync(path.join(dataDir, sub))
    } catch {
      // Not empty (an upload waiting in tmp, the desktop log) or already gone: left as it is.
    }
  }
}

export function openSession(options: OpenSessionOptions): Session {
  const { dataDir } = options
  const jobs = new JobRegistry()
  const openProvince = (): SessionState => ({ role: 'province', app: openApp({ ...options, jobs }) })
  let state: SessionState = isOfficeFolder(dataDir) ? { role: 'office', office: openOffice(options) } : openProvince()
  let changing = false

  const close = () => {
    jobs.cancelAll()
    if (state.role === 'province') state.app.close()
    else state.office.close()
  }

  return {
    dataDir,
    jobs,
    get state() {
      return state
    },
    canBecomeOffice: () => state.role === 'province' && !changing && isPristineProvince(state.app),
    async becomeOffice(input) {
      const refuse = () =>
        new AppError(
          'conflict',
          `数据文件夹“${dataDir}”中已有省级协会的数据（协会信息、现场、导入记录或操作日志），不能改为全国推进办公室使用；该文件夹未做任何修改。请为推进办公室另选一个空文件夹。`,
        )
      if (state.role === 'office') throw new AppError('conflict', '当前已是全国推进办公室，无需再次设置')
      if (changing) throw new AppError('conflict', '正在切换角色，请稍候')
      if (!isPristineProvince(state.app)) throw refuse()
      changing = true
      try {
        const { app } = state
        // The once-a-day backup opening started must not be writing while its folder is removed.
        await pendingDailyBackup(app.db)?.catch(() => null)
        if (!isPristineProvince(app)) throw refuse()
        app.close()
        removeProvinceTraces(dataDir)
        let opened: ReturnType<typeof initOffice>
        try {
          opened = initOffice({ dataDir, actor: options.actor, now: options.now }, input)
        } catch (error) {
          // Leave the session usable in the role it had: remove what the failed set-up made (the folder held
          // no office.db, or it would have opened as the office) and open the province afresh.
          const officeDb = officeDatabaseFile(dataDir)
          for (const f of [officeDb, `${officeDb}-wal`, `${officeDb}-shm`]) fs.rmSync(f, { force: true })
          state = openProvince()
          throw error
        }
        state = { role: 'office', office: opened.office }
        return { profile: opened.profile }
      } finally {
        changing = false
      }
    },
    close,
  }
}

const wrapped = new WeakMap<AppContext, Session>()

/**
 * A province context opened by its caller (the CLI, tests), seen as a session so the shared operations work
 * on it. The caller keeps owning the context: such a session never changes role.
 */
export function sessionOfApp(app: AppContext): Session {
  let session = wrapped.get(app)
  if (!session) {
    const state: SessionState = { role: 'province', app }
    session = {
      dataDir: app.dataDir,
      jobs: app.jobs,
      state,
      canBecomeOffice: () => false,
      becomeOffice: () => Promise.reject(new AppError('conflict', '此入口打开的数据文件夹不能切换角色，请在桌面程序或浏览器模式中设置')),
      close: () => app.close(),
    }
    wrapped.set(app, session)
  }
  return session
}
