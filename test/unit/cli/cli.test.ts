import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { openApp } from '../../../src-main/services/context'
import { runCli } from './run'

const dirs: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-cli-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

const INIT = ['init', '--association', '广东省通信行业协会', '--short', '粤通协', '--province', '广东', '--year', '2021']

const SITE = {
  name: '广州天河营业厅',
  type: '营业厅',
  enterprise: '中国移动',
  recommender: '中国移动通信集团广东有限公司',
  uscc: '91440000719283738X',
  city: '广州市',
  address: '广州市天河区天河路 1 号',
  starLevel: '四星级',
  manager: '张三',
  phone: '13800138000',
  applyDate: '2021-05-06',
}

describe('starsite CLI (real child process)', () => {
  it('init then list --json: empty, then shows a site created through dispatch with code GD-2021-Y001', async () => {
    const data = tempDir()
    const init = runCli(['--data', data, ...INIT])
    expect(init.status, init.stderr).toBe(0)
    expect(init.stderr).toContain('已保存协会信息')
    expect(init.stdout).toBe('') // human mode: messages on stderr only
    expect(fs.existsSync(path.join(data, 'starsite.db'))).toBe(true)

    const empty = runCli(['--data', data, 'list', '--json'])
    expect(empty.status, empty.stderr).toBe(0)
    expect(JSON.parse(empty.stdout)).toEqual({ sites: [] })

    const app = openApp({ dataDir: data, actor: 'test' })
    try {
      const created = await dispatch(app, 'sites.create', { site: SITE })
      expect(created.ok).toBe(true)
    } finally {
      app.close()
    }

    const listed = runCli(['list', '--json', '--data', data]) // global options may follow the command
    expect(listed.status, listed.stderr).toBe(0)
    const doc = JSON.parse(listed.stdout) as { sites: Array<{ code: string; name: string; starLevel: number }> }
    expect(doc.sites).toHaveLength(1)
    expect(doc.sites[0]).toMatchObject({ code: 'GD-2021-Y001', name: '广州天河营业厅', starLevel: 4 })

    const human = runCli(['--data', data, 'list'])
    expect(human.status).toBe(0)
    expect(human.stdout).toContain('GD-2021-Y001')
    expect(human.stdout).toContain('四星级')
    expect(human.stderr).toContain('共 1 个现场')
  })

  it('init --json prints one JSON document with the saved association', () => {
    const data = tempDir()
    const r = runCli(['--data', data, '--json', ...INIT, '--prefix', '粤通协字'])
    expect(r.status, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.association).toMatchObject({ name: '广东省通信行业协会', shortName: '粤通协', province: '广东', docPrefix: '粤通协字' })
    expect(doc.campaign.year).toBe(2021)
  })

  it('STARSITE_DATA is used when --data is absent', () => {
    const data = tempDir()
    const r = runCli(INIT, { STARSITE_DATA: data })
    expect(r.status, r.stderr).toBe(0)
    expect(fs.existsSync(path.join(data, 'starsite.db'))).toBe(true)
  })

  it('list before init: exit 1 telling to run init, and creates nothing', () => {
    const data = path.join(tempDir(), 'not-yet')
    const r = runCli(['--data', data, 'list', '--json'])
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).error.code).toBe('not-initialised')
    expect(r.stderr).toMatch(/尚未设置协会信息.*init/)
    expect(fs.existsSync(data)).toBe(false)
  })

  it('list on a database whose association was never saved: exit 1 with the service message', () => {
    const data = tempDir()
    openApp({ dataDir: data }).close() // an empty, migrated database
    const r = runCli(['--data', data, 'list', '--json'])
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).error.code).toBe('not-initialised')
    expect(r.stderr).toContain('尚未设置协会信息')
    expect(r.stderr).toContain('init')
  })

  it('unknown command: exit 2 with the usage on stderr', () => {
    const r = runCli(['frobnicate'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('未知的命令“frobnicate”')
    expect(r.stderr).toContain('用法：starsite')
    expect(r.stdout).toBe('')
  })

  it('no command: exit 2; help and --help: exit 0 with the usage', () => {
    expect(runCli([]).status).toBe(2)
    const help = runCli(['help'])
    expect(help.status).toBe(0)
    expect(help.stderr).toContain('命令：')
    const initHelp = runCli(['init', '--help'])
    expect(initHelp.status).toBe(0)
    expect(initHelp.stderr).toContain('--province')
  })

  it('--version prints the package version', () => {
    const r = runCli(['--version'])
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('unknown option: exit 2 naming it, and --json puts the error document on stdout', () => {
    const data = tempDir()
    const r = runCli(['--data', data, 'list', '--colour', '--json'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--colour')
    expect(r.stderr).toContain('用法：starsite list')
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('--colour') } })
  })

  it('init without --province: exit 2 with a Chinese message naming 省份, nothing written', () => {
    const data = tempDir()
    const r = runCli(['--data', data, 'init', '--association', '广东省通信行业协会', '--short', '粤通协'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--province')
    expect(r.stderr).toContain('省份')
    expect(fs.existsSync(path.join(data, 'starsite.db'))).toBe(false)
  })

  it('an option missing its value: exit 2', () => {
    const r = runCli(['--data', tempDir(), 'init', '--association', '广东省通信行业协会', '--short', '--province', '广东'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--short 缺少值')
  })

  it('bad --year (not a number, or out of range): exit 2', () => {
    const data = tempDir()
    const notNumber = runCli(['--data', data, ...INIT.slice(0, -2), '--year', '二〇二一'])
    expect(notNumber.status).toBe(2)
    expect(notNumber.stderr).toContain('--year 应为整数')
    const outOfRange = runCli(['--data', data, ...INIT.slice(0, -2), '--year', '1999'])
    expect(outOfRange.status).toBe(2)
    expect(outOfRange.stderr).toContain('--year')
  })

  it('input the domain rejects (unknown province) is exit 2 with its message', () => {
    const r = runCli(['--data', tempDir(), '--json', 'init', '--association', '某协会', '--short', '某', '--province', '火星'])
    expect(r.status).toBe(2)
    const doc = JSON.parse(r.stdout)
    expect(doc.error.code).toBe('invalid-input')
    expect(doc.error.message).toContain('火星')
  })

  it('a database from a newer version: exit 1 with the refusal, file untouched', () => {
    const data = tempDir()
    expect(runCli(['--data', data, ...INIT]).status).toBe(0)
    const file = path.join(data, 'starsite.db')
    const raw = new Database(file)
    raw.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')").run()
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    const before = fs.readFileSync(file)

    const r = runCli(['--data', data, 'list', '--json'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('数据文件由更新版本')
    expect(JSON.parse(r.stdout).error.code).toBe('db-too-new')
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })
})
