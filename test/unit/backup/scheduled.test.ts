import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { OpOutput } from '../../../src-main/api/contract'
import { dispatch } from '../../../src-main/api/dispatch'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import { createBackup, pendingDailyBackup } from '../../../src-main/services/backup/create'
import { checkRestoreFile } from '../../../src-main/services/backup/restore'
import {
  cancelRestore,
  pendingFilePath,
  pendingMarkerPath,
  readPendingRestore,
  scheduleRestore,
} from '../../../src-main/services/backup/scheduled'
import { listBackups } from '../../../src-main/services/backup/store'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { runCli } from '../cli/run'
import { addSite, clock, populatedApp, siteNames, siteNamesIn, snapshot, tempDir } from './helpers'
import { thrown } from '../../helpers/errors'

const open: AppContext[] = []
afterEach(() => {
  for (const a of open.splice(0)) a.close()
})
const track = (app: AppContext) => (open.push(app), app)

/** Closes the context (waiting for its start-up backup) as the desktop app does when it quits. */
async function quit(app: AppContext) {
  await pendingDailyBackup(app.db)
  app.close()
}

describe('a restore scheduled in the window happens at the next start', () => {
  it('schedule a backup, reopen: the backup’s data is back, the replaced data is kept, the marker is gone', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    addSite(app, '深圳福田营业厅')

    const result = scheduleRestore(app, backup.path)
    expect(result.scheduled).toBe(true)
    expect(result.message).toContain('下次启动')
    expect(readPendingRestore(app.dataDir)).toMatchObject({ source: backup.name, actor: '测试员' })
    expect(fs.existsSync(pendingFilePath(app.dataDir))).toBe(true)
    // Nothing changes until the restart: the app keeps working on the current data.
    expect(siteNames(app)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
    // The pending copy is not a backup: neither listed nor rotated.
    expect(listBackups(app.dataDir).map((b) => b.name)).not.toContain('pending-restore.db')
    await quit(app)

    const reopened = track(openApp({ dataDir: app.dataDir, actor: '另一人', now: clock(new Date(2021, 4, 7, 8, 0, 0)) }))
    expect(siteNames(reopened)).toEqual(['广州天河营业厅'])
    expect(reopened.startupRestore?.outcome).toBe('restored')

    const before = listBackups(app.dataDir).filter((b) => b.reason === 'before-restore')
    expect(before).toHaveLength(1)
    expect(siteNamesIn(before[0].path)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
    // The synchronous (VACUUM INTO) backup is a full backup of ours: it passes the restore checks itself.
    const check = checkRestoreFile(app.dataDir, before[0].path)
    check.partial.discard()

    expect(fs.existsSync(pendingMarkerPath(app.dataDir))).toBe(false)
    expect(fs.existsSync(pendingFilePath(app.dataDir))).toBe(false)
    expect(readPendingRestore(app.dataDir)).toBeNull()
    const entries = queryAudit(reopened.db, { entity: 'data', limit: 10 })
    expect(entries[0]).toMatchObject({ action: 'restore', actor: '测试员' })
    expect(entries[0].summary).toContain(`恢复数据：${backup.name}`)
    expect(entries[0].summary).toContain(before[0].name)
    // The window asks once it is up, and says what happened and how to undo it.
    const told = (await dispatch(reopened, 'backup.startupRestore', {})) as { ok: boolean; value: OpOutput<'backup.startupRestore'> }
    expect(told.ok && told.value.outcome).toBe('restored')
    if (told.ok) expect(told.value.message).toMatch(new RegExp(`${backup.name}.*${before[0].name}.*设置 → 备份`))

    // Starting once more does nothing further.
    await quit(reopened)
    const again = track(openApp({ dataDir: app.dataDir }))
    expect(again.startupRestore).toBeNull()
    expect(await dispatch(again, 'backup.startupRestore', {})).toEqual({ ok: true, value: { outcome: null, message: null } })
    expect(siteNames(again)).toEqual(['广州天河营业厅'])
    await pendingDailyBackup(again.db)
  })

  it('on the command line, the command that starts first says the restore happened (stderr), and --json stays clean', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    addSite(app, '深圳福田营业厅')
    scheduleRestore(app, backup.path)
    await quit(app)
    open.splice(open.indexOf(app), 1)
    const first = runCli(['--data', app.dataDir, 'list', '--json'])
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toContain(`已按计划恢复数据：${backup.name}`)
    expect((JSON.parse(first.stdout) as { sites: { name: string }[] }).sites.map((s) => s.name)).toEqual(['广州天河营业厅'])
    const second = runCli(['--data', app.dataDir, 'list', '--json'])
    expect(second.stderr).not.toContain('恢复')
  })

  it('a cancelled restore does not happen', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    addSite(app, '深圳福田营业厅')
    scheduleRestore(app, backup.path)
    expect(cancelRestore(app)).toBe(true)
    expect(fs.existsSync(pendingMarkerPath(app.dataDir))).toBe(false)
    expect(fs.existsSync(pendingFilePath(app.dataDir))).toBe(false)
    expect(queryAudit(app.db, { entity: 'data', limit: 10 }).map((e) => e.action)).toEqual(['cancel-restore', 'schedule-restore'])
    await quit(app)
    const reopened = track(openApp({ dataDir: app.dataDir }))
    expect(reopened.startupRestore).toBeNull()
    expect(siteNames(reopened)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
    await pendingDailyBackup(reopened.db)
  })

  it('waits while another program holds the database, and restores at the start after that', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    addSite(app, '深圳福田营业厅')
    scheduleRestore(app, backup.path)
    // The desktop app stays open (app); a CLI run opens the same folder meanwhile.
    const cli = track(openApp({ dataDir: app.dataDir }))
    expect(cli.startupRestore).toBeNull()
    expect(siteNames(cli)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
    expect(fs.existsSync(pendingMarkerPath(app.dataDir))).toBe(true)
    await quit(cli)
    await quit(app)
    const reopened = track(openApp({ dataDir: app.dataDir }))
    expect(reopened.startupRestore?.outcome).toBe('restored')
    expect(siteNames(reopened)).toEqual(['广州天河营业厅'])
    await pendingDailyBackup(reopened.db)
  })
})

describe('a wrong file is refused when scheduled, and nothing is written', () => {
  async function expectRefused(app: AppContext, file: string, reason: string, words: string) {
    app.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = snapshot(app.dataDir)
    const error = thrown(() => scheduleRestore(app, file))
    expect(error.code).toBe('invalid-input')
    expect((error.details as { reason: string }).reason).toBe(reason)
    expect(error.message).toContain(file)
    expect(error.message).toContain(words)
    expect(error.message).toContain('当前数据未做任何改动')
    expect(fs.existsSync(pendingMarkerPath(app.dataDir))).toBe(false)
    expect(fs.existsSync(pendingFilePath(app.dataDir))).toBe(false)
    expect(snapshot(app.dataDir)).toEqual(before)
  }

  it('a text file', async () => {
    const app = track(populatedApp())
    const file = path.join(tempDir('starsite-bad-'), '备份.db')
    fs.writeFileSync(file, '这不是数据库，只是一段文字。\n')
    await expectRefused(app, file, 'not-sqlite', '不是数据库备份文件')
  })

  it('a starsite database from a newer program version', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    const file = path.join(tempDir('starsite-bad-'), 'future.db')
    fs.copyFileSync(backup.path, file)
    const db = new Database(file)
    db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')").run()
    db.close()
    await expectRefused(app, file, 'too-new', '数据版本 999')
  })
})

describe('a pending file damaged after scheduling is refused at start-up', () => {
  it('keeps the current data, removes the marker and says why in the audit log', async () => {
    const app = track(populatedApp())
    const backup = await createBackup(app, 'manual')
    addSite(app, '深圳福田营业厅')
    scheduleRestore(app, backup.path)
    await quit(app)
    const pending = pendingFilePath(app.dataDir)
    const bytes = fs.readFileSync(pending)
    fs.writeFileSync(pending, bytes.subarray(0, Math.floor(bytes.length / 2)))

    const reopened = track(openApp({ dataDir: app.dataDir }))
    expect(reopened.startupRestore?.outcome).toBe('refused')
    expect(siteNames(reopened)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
    expect(fs.existsSync(pendingMarkerPath(app.dataDir))).toBe(false)
    expect(fs.existsSync(pendingFilePath(app.dataDir))).toBe(false)
    expect(listBackups(app.dataDir).filter((b) => b.reason === 'before-restore')).toEqual([])
    const entry = queryAudit(reopened.db, { entity: 'data', limit: 1 })[0]
    expect(entry.action).toBe('restore-refused')
    expect(entry.summary).toContain('当前数据保持不变')
    expect(entry.summary).toContain('已损坏')
    // Named by the file the user chose, not by our internal copy.
    expect(entry.summary).toContain(backup.name)
    expect(entry.summary).not.toContain('pending-restore.db')
    const told = (await dispatch(reopened, 'backup.startupRestore', {})) as { ok: boolean; value: OpOutput<'backup.startupRestore'> }
    expect(told.ok && told.value).toEqual({ outcome: 'refused', message: `计划的恢复未执行，当前数据保持不变：${entry.summary.split('：').slice(1).join('：')}` })
    await pendingDailyBackup(reopened.db)
    expect(fs.readdirSync(path.join(app.dataDir, 'tmp'))).toEqual([])
  })
})
