/**
 * `starsite backup --out` and `starsite restore` as a user runs them: a real child process on real files.
 * Node is this process's own binary (Node 24 under vitest): system Node 20 segfaults better-sqlite3 13.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openApp } from '../../../src-main/services/context'
import { addSite, populatedApp, siteNamesIn, tempDir } from './helpers'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const TSX = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'cli.mjs')

function cli(dataDir: string, ...args: string[]) {
  const env = { ...process.env }
  delete env.STARSITE_DATA
  const r = spawnSync(process.execPath, [TSX, 'src-main/cli/main.ts', '--data', dataDir, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (r.error) throw r.error
  return r
}

describe('starsite backup / restore (child process)', () => {
  it('backup --out, change the data, restore FILE: exit 0, old rows back, replaced data kept', () => {
    const app = populatedApp()
    const dataDir = app.dataDir
    app.close()
    const out = path.join(tempDir('starsite-usb-'), '备份 2021.db')

    const backup = cli(dataDir, 'backup', '--out', out)
    expect(backup.status, backup.stderr).toBe(0)
    expect(backup.stdout.trim()).toBe(out)
    expect(backup.stderr).toContain('已备份到')
    expect(siteNamesIn(out)).toEqual(['广州天河营业厅'])

    const later = openApp({ dataDir })
    addSite(later, '深圳福田营业厅')
    later.close()

    const restore = cli(dataDir, 'restore', out, '--json')
    expect(restore.status, restore.stderr).toBe(0)
    const doc = JSON.parse(restore.stdout) as { sites: number; beforeRestore: { path: string; reason: string } }
    expect(doc.sites).toBe(1)
    expect(doc.beforeRestore.reason).toBe('before-restore')
    expect(restore.stderr).toContain('恢复前的数据已备份到')
    expect(siteNamesIn(path.join(dataDir, 'starsite.db'))).toEqual(['广州天河营业厅'])
    expect(siteNamesIn(doc.beforeRestore.path)).toEqual(['广州天河营业厅', '深圳福田营业厅'])
  })

  it('restore of a file that is not a backup: exit 2, Chinese message, starsite.db bytes unchanged', () => {
    const app = populatedApp()
    const dataDir = app.dataDir
    app.close() // the last close checkpoints: starsite.db alone holds all data
    const live = path.join(dataDir, 'starsite.db')
    const before = fs.readFileSync(live)
    const text = path.join(tempDir('starsite-bad-'), 'roster.db')
    fs.writeFileSync(text, '名称,地址\n广州天河营业厅,天河路 1 号\n')

    const r = cli(dataDir, 'restore', text)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('不是数据库备份文件')
    expect(r.stderr).toContain('当前数据未做任何改动')
    expect(fs.readFileSync(live).equals(before)).toBe(true)
  })

  it('backup in a folder without data: exit 1 and nothing is created; restore without FILE: exit 2', () => {
    const empty = tempDir('starsite-empty-')
    const r = cli(empty, 'backup', '--out', path.join(empty, 'x.db'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('还没有数据库')
    expect(fs.readdirSync(empty)).toEqual([])
    const u = cli(empty, 'restore')
    expect(u.status).toBe(2)
    expect(u.stderr).toContain('请给出一个要恢复的备份文件')
  })
})
