import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli/run'
import { readZip, writeZip } from '../bundle/helpers'
import { province, tempDir } from './helpers'

function cli(dataDir: string, args: string[]) {
  const r = runCli(['--data', dataDir, 'office', ...args, '--json'])
  return { status: r.status, doc: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr }
}

describe('starsite office (CLI)', () => {
  it('init, key add by file and by fingerprint, receive a folder (exit 1 on a refused bundle), list by province', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const data = path.join(tempDir('starsite-office-cli-'), '推进办')
    const init = cli(data, ['init', '--name', '服务现场质量推进活动办公室', '--short', '推进办', '--year', '2021'])
    expect(init.status).toBe(0)
    expect(init.doc.profile).toEqual({ name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 })

    expect(cli(data, ['key', 'add', gd.publicKeyFile, '--province', '广东']).doc.key.fingerprint).toBe(gd.fingerprint)
    expect(cli(data, ['key', 'add', '--fingerprint', zj.fingerprint, '--province', '浙江']).status).toBe(0)
    const keys = cli(data, ['key', 'list'])
    expect(keys.doc.keys.map((k: { province: string }) => k.province)).toEqual(['广东省', '浙江省'])

    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '1_广东.zip'))
    const good = await zj.bundle(path.join(drop, '2_浙江.zip'))
    const clean = cli(data, ['receive', drop])
    expect(clean.status).toBe(0)
    expect(clean.doc.outcomes.map((o: { status: string }) => o.status)).toEqual(['ingested', 'ingested'])

    // A bundle altered after signing: exit 1, its file named in the Chinese report.
    const items = await readZip(good)
    const pdf = items.find((i) => i.name.endsWith('.pdf'))!
    pdf.data = Buffer.concat([pdf.data, Buffer.from('x')])
    const bad = path.join(tempDir('starsite-bad-'), '浙江_改.zip')
    await writeZip(bad, items)
    const refused = cli(data, ['receive', bad])
    expect(refused.status).toBe(1)
    expect(refused.doc.outcomes[0].status).toBe('refused')
    expect(refused.stderr).toContain(pdf.name)

    const list = cli(data, ['list', '--province', '浙江'])
    expect(list.status).toBe(0)
    expect(list.doc.sites.map((s: { name: string }) => s.name)).toEqual(['浙江一号营业厅', '浙江二号营业厅'])

    // An unregistered key: held, listed, then confirmed with the fingerprint from paper.
    const other = await province('广东')
    const held = cli(data, ['receive', await other.bundle(path.join(tempDir('starsite-new-'), 'gd-new.zip'))])
    expect(held.status).toBe(0)
    expect(held.doc.outcomes[0].status).toBe('pending-confirmation')
    const id = held.doc.outcomes[0].bundleId
    const bundles = cli(data, ['bundles'])
    expect(bundles.doc.bundles.map((b: { id: number; status: string }) => [b.id, b.status]).pop()).toEqual([id, 'pending-confirmation'])
    const confirmed = cli(data, ['confirm', String(id), '--fingerprint', other.fingerprint])
    expect(confirmed.status).toBe(0)
    expect(confirmed.doc.status).toBe('ingested')
    expect(cli(data, ['list', '--province', '广东']).doc.sites).toHaveLength(2)
    // The table for people names the type and the level (the JSON keeps the codes).
    const table = runCli(['--data', data, 'office', 'list', '--province', '广东'])
    expect(table.stdout).toMatch(/广东一号营业厅\s+营业厅\s+四星级/)
    expect(cli(data, ['key', 'list', '--history']).doc.keys.filter((k: { province: string }) => k.province === '广东省')).toHaveLength(2)

    // Usage errors: an option another subcommand takes, a missing subcommand.
    expect(cli(data, ['list', '--fingerprint', 'AB']).status).toBe(2)
    expect(cli(data, ['key']).status).toBe(2)
    // The province's commands refuse the office's folder, and the office refuses the province's.
    const provinceInit = runCli(['--data', data, 'init', '--association', '广东省通信行业协会', '--short', '粤通协', '--province', '广东'])
    expect(provinceInit.status).toBe(1)
    expect(provinceInit.stderr).toContain('全国推进办公室的数据文件夹')
    expect(fs.existsSync(path.join(data, 'starsite.db'))).toBe(false)
    // A reading command names the office's folder as such, rather than calling it empty.
    for (const command of [['list'], ['check'], ['results', 'list']]) {
      const r = runCli(['--data', data, ...command])
      expect(r.status, command.join(' ')).toBe(1)
      expect(r.stderr).toContain('全国推进办公室的数据文件夹')
    }
    expect(fs.existsSync(path.join(data, 'starsite.db'))).toBe(false)
    const wrongRole = cli(gd.app.dataDir, ['list'])
    expect(wrongRole.status).toBe(1)
    expect(wrongRole.stderr).toContain('省级协会的数据文件夹')
  }, 300_000)
})
