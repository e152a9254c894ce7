/**
 * A restore chosen in the window, carried out at the next start of the program.
 *
 * The desktop app and the browser-mode server hold one AppContext (one open database) for their lifetime, so
 * they cannot swap the file under themselves the way the CLI does (restore.ts). Instead:
 *   - scheduleRestore checks the file NOW with the CLI's checks (a refusal changes nothing), keeps the checked,
 *     migrated copy as backups/pending-restore.db and writes the marker restore-pending.json;
 *   - openApp calls applyPendingRestore before it opens the database: re-check the kept copy, back up the
 *     current data ('before-restore'), rename the copy over starsite.db — the CLI's own steps.
 * The marker is written last and removed first, so a crash in between leaves at most an orphan copy, which the
 * next start removes, never a restore that happens without being asked for.
 */
import fs from 'node:fs'
import path from 'node:path'
import { backupFileName } from '../../core/backup/names'
import { AppError } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import type { Db } from '../../db/connection'
import { vacuumInto } from '../../db/maintenance'
import type { AppContext } from '../context'
import { createPartial, writeFileAtomic } from '../files/atomicWrite'
import { checkAndSeal, removeWithSideFiles, sideFiles } from './copy'
import { checkRestoreFile, installCandidate, withExclusiveLock } from './restore'
import { backupsDir, databaseFile, listBackups, rotateBackups, type BackupInfo } from './store'

export const PENDING_MARKER = 'restore-pending.json'
export const PENDING_FILE = 'pending-restore.db'

export const pendingMarkerPath = (dataDir: string) => path.join(dataDir, PENDING_MARKER)
export const pendingFilePath = (dataDir: string) => path.join(backupsDir(dataDir), PENDING_FILE)

export interface PendingRestore {
  /** The name the user knows the file by (a backup's file name, an uploaded file's name). */
  source: string
  /** Where it was when scheduled; only for the audit log — the kept copy is what gets installed. */
  sourcePath: string
  scheduledAt: string
  actor: string
}

export const RESTORE_AT_NEXT_START = '将在下次启动程序时恢复。恢复前会自动备份当前数据。'

/** The scheduled restore, or null. An unreadable marker is still reported, so it can be cancelled. */
export function readPendingRestore(dataDir: string): PendingRestore | null {
  let text: string
  try {
    text = fs.readFileSync(pendingMarkerPath(dataDir), 'utf8')
  } catch {
    return null
  }
  try {
    const m = JSON.parse(text) as Partial<PendingRestore>
    return {
      source: typeof m.source === 'string' ? m.source : '（未知文件）',
      sourcePath: typeof m.sourcePath === 'string' ? m.sourcePath : '',
      scheduledAt: typeof m.scheduledAt === 'string' ? m.scheduledAt : '',
      actor: typeof m.actor === 'string' ? m.actor : '',
    }
  } catch {
    return { source: '（未知文件）', sourcePath: '', scheduledAt: '', actor: '' }
  }
}

/**
 * Checks `file` (refusals are the CLI's, naming the file, and leave nothing behind), keeps the checked copy
 * and writes the marker. Scheduling again replaces the earlier choice.
 */
export function scheduleRestore(app: AppContext, file: string, displayName?: string): { scheduled: true; message: string; pending: PendingRestore } {
  const candidate = checkRestoreFile(app.dataDir, file)
  const pendingFile = pendingFilePath(app.dataDir)
  const pending: PendingRestore = {
    source: displayName || path.basename(candidate.source),
    sourcePath: candidate.source,
    scheduledAt: app.now(),
    actor: app.actor,
  }
  try {
    fs.mkdirSync(backupsDir(app.dataDir), { recursive: true })
    // The candidate is already a temp file in the data folder: renaming it is the "temp name then rename".
    for (const f of sideFiles(candidate.partial.path)) fs.rmSync(f, { force: true })
    candidate.partial.commit(pendingFile)
  } catch (error) {
    removeWithSideFiles(candidate.partial.path)
    candidate.partial.discard()
    throw error
  }
  try {
    writeAtomically(app.dataDir, pendingMarkerPath(app.dataDir), JSON.stringify(pending, null, 2))
  } catch (error) {
    fs.rmSync(pendingFile, { force: true })
    throw error
  }
  appendAudit(
    app.db,
    {
      actor: app.actor,
      action: 'schedule-restore',
      entity: 'data',
      summary: `计划恢复数据：${pending.source}（下次启动程序时执行）`,
      details: { source: pending.sourcePath, fromVersion: candidate.fromVersion },
    },
    app.now(),
  )
  return { scheduled: true, message: `“${pending.source}”已通过检查，${RESTORE_AT_NEXT_START}`, pending }
}

/** Removes marker and kept copy. Returns whether a restore was scheduled. */
export function cancelRestore(app: AppContext): boolean {
  const pending = readPendingRestore(app.dataDir)
  // Marker first: once it is gone nothing will be restored, whatever happens to the copy.
  fs.rmSync(pendingMarkerPath(app.dataDir), { force: true })
  fs.rmSync(pendingFilePath(app.dataDir), { force: true })
  if (!pending) return false
  appendAudit(
    app.db,
    { actor: app.actor, action: 'cancel-restore', entity: 'data', summary: `取消计划的恢复：${pending.source}` },
    app.now(),
  )
  return true
}

/** What happened at start-up; openApp writes it to the audit log once the database is open. */
export type StartupRestore =
  | { outcome: 'restored'; pending: PendingRestore; beforeRestore: BackupInfo | null; fromVersion: number; version: number }
  | { outcome: 'refused'; pending: PendingRestore; reason: string }

/**
 * Start-up, before any connection to starsite.db exists in this process. Never throws: whatever fails, the
 * current data stays and the program starts. Returns null when there was nothing to do, or when another
 * program holds the database (e.g. a CLI run while the desktop app is open) — then the marker stays for the
 * next start.
 */
export function applyPendingRestore(dataDir: string, now: () => string): StartupRestore | null {
  const pendingFile = pendingFilePath(dataDir)
  const pending = readPendingRestore(dataDir)
  if (!pending) {
    // A copy without its marker: a crash between the two writes, or a cancel that only got half-way.
    try {
      fs.rmSync(pendingFile, { force: true })
    } catch {
      // next start
    }
    return null
  }
  let candidate: ReturnType<typeof checkRestoreFile> | null = null
  try {
    // The kept copy passed these checks when scheduled; checked again because it sat on disk since.
    candidate = checkRestoreFile(dataDir, pendingFile)
    const { fromVersion, version } = candidate
    const beforeRestore = backupClosedDatabase(dataDir, new Date(now()))
    installCandidate(dataDir, candidate)
    candidate = null
    dropPending(dataDir)
    return { outcome: 'restored', pending, beforeRestore, fromVersion, version }
  } catch (error) {
    if (candidate) {
      removeWithSideFiles(candidate.partial.path)
      candidate.partial.discard()
    }
    // Someone else has the database open: not a reason to give up the user's choice, just to wait.
    if (error instanceof AppError && error.code === 'conflict') return null
    dropPending(dataDir)
    const why = error instanceof Error ? error.message : String(error)
    // The refusal names our kept copy; the user knows the file by the name they chose.
    return { outcome: 'refused', pending, reason: why.split(pendingFile).join(pending.source) }
  }
}

function dropPending(dataDir: string): void {
  for (const f of [pendingMarkerPath(dataDir), pendingFilePath(dataDir)]) {
    try {
      fs.rmSync(f, { force: true })
    } catch {
      // A marker that cannot be removed would retry the restore at every start; nothing better to do here.
    }
  }
}

/**
 * What to tell the user about this start's scheduled restore, in the window or on the command line: the
 * audit log records it too, but a restore that did not happen must not go unnoticed until someone reads the log.
 */
export function describeStartupRestore(result: StartupRestore | null): { outcome: StartupRestore['outcome'] | null; message: string | null } {
  if (!result) return { outcome: null, message: null }
  if (result.outcome === 'restored')
    return {
      outcome: 'restored',
      message: `已按计划恢复数据：${result.pending.source}。${result.beforeRestore ? `恢复前的数据已备份为 ${result.beforeRestore.name}，如需撤销可在“设置 → 备份”中恢复它。` : '恢复前没有数据，无需备份。'}`,
    }
  return { outcome: 'refused', message: `计划的恢复未执行，当前数据保持不变：${result.reason}` }
}

/** Writes the start-up outcome into the (re)opened database's audit log. */
export function recordStartupRestore(db: Db, result: StartupRestore, now: string): void {
  const { pending } = result
  if (result.outcome === 'restored') {
    appendAudit(
      db,
      {
        actor: pending.actor || '本机用户',
        action: 'restore',
        entity: 'data',
        summary: `恢复数据：${pending.source}（恢复前的数据已备份为 ${result.beforeRestore?.name ?? '（原无数据）'}）`,
        details: { source: pending.sourcePath, scheduledAt: pending.scheduledAt, beforeRestore: result.beforeRestore?.path ?? null },
      },
      now,
    )
  } else {
    appendAudit(
      db,
      {
        actor: pending.actor || '本机用户',
        action: 'restore-refused',
        entity: 'data',
        summary: `计划的恢复未执行，当前数据保持不变：${result.reason}`,
        details: { source: pending.sourcePath, scheduledAt: pending.scheduledAt },
      },
      now,
    )
  }
}

/**
 * The 'before-restore' backup at start-up, synchronously (createBackup is async: SQLite's online backup API
 * in steps). VACUUM INTO on a connection holding the file exclusively reads the WAL too — so no checkpoint
 * and copy dance — and writes a compact rollback-journal file, which checkAndSeal then verifies like any
 * backup. Returns null when there is no current database to keep.
 */
function backupClosedDatabase(dataDir: string, at: Date): BackupInfo | null {
  const live = databaseFile(dataDir)
  if (!fs.existsSync(live)) return null
  const dir = backupsDir(dataDir)
  fs.mkdirSync(dir, { recursive: true })
  let name = backupFileName(at, 'before-restore')
  for (let seq = 2; fs.existsSync(path.join(dir, name)); seq++) name = backupFileName(at, 'before-restore', seq)
  const target = path.join(dir, name)
  const partial = createPartial(dataDir, target)
  try {
    withExclusiveLock(live, (db) => vacuumInto(db, partial.path))
    const problems = checkAndSeal(partial.path)
    if (problems.length > 0) {
      throw new AppError('internal', `当前数据的备份未通过完整性检查（${problems.slice(0, 3).join('；')}），为安全起见未恢复。请运行“检查数据文件”。`)
    }
    for (const f of sideFiles(partial.path)) fs.rmSync(f, { force: true })
    partial.commit(target)
  } catch (error) {
    removeWithSideFiles(partial.path)
    partial.discard()
    throw error
  }
  rotateBackups(dataDir)
  const size = fs.statSync(target).size
  return listBackups(dataDir).find((b) => b.name === name) ?? { name, path: target, size, createdAt: at.toISOString(), reason: 'before-restore' }
}

function writeAtomically(dataDir: string, target: string, text: string): void {
  writeFileAtomic(dataDir, target, text)
}
