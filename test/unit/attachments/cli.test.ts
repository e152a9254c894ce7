import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../cli/run'
import { bytes, counts, filesUnder, setUp, write, type World } from './setup'

let w: World
afterEach(() => w?.cleanup())

describe('starsite attach (real child process)', () => {
  it('attaches by site code and Chinese kind label; list --json then shows kind, size and sha256', async () => {
    w = await setUp()
    const content = bytes.pdf('cli')
    const file = write(w.inbox, '推荐函.pdf', content)
    // The CLI opens the same data folder: release ours first so nothing holds the database meanwhile.
    w.app.close()

    const r = runCli(['--data', w.dataDir, 'attach', w.siteCode, '上级部门推荐函', file])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('已添加附件 推荐函.pdf（上级部门推荐函')

    const listed = runCli(['--data', w.dataDir, 'list', '--json'])
    expect(listed.status, listed.stderr).toBe(0)
    const doc = JSON.parse(listed.stdout) as { sites: { code: string; attachments: unknown[] }[] }
    expect(doc.sites[0].code).toBe(w.siteCode)
    expect(doc.sites[0].attachments).toEqual([
      {
        kind: 'superior-letter',
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        originalName: '推荐函.pdf',
      },
    ])
  })

  it('attaches by exact site name with a kind code, --json prints the added attachments', async () => {
    w = await setUp()
    const file = write(w.inbox, '门头.png', bytes.png())
    w.app.close()
    const r = runCli(['--data', w.dataDir, '--json', 'attach', '广州天河营业厅', 'photo', file])
    expect(r.status, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout) as { site: { code: string }; attachments: { kind: string; originalName: string }[] }
    expect(doc.site.code).toBe(w.siteCode)
    expect(doc.attachments).toMatchObject([{ kind: 'photo', originalName: '门头.png' }])
  })

  it('bad input exits 2 with a Chinese message and writes nothing: unknown kind, unknown site, a renamed .exe', async () => {
    w = await setUp()
    const good = write(w.inbox, '推荐函.pdf', bytes.pdf())
    const exe = write(w.inbox, 'setup.exe', bytes.exe())
    const before = counts(w.app)
    w.app.close()

    const badKind = runCli(['--data', w.dataDir, 'attach', w.siteCode, '营业执照', good])
    expect(badKind.status).toBe(2)
    expect(badKind.stderr).toContain('无法识别的附件类别“营业执照”')

    const badSite = runCli(['--data', w.dataDir, 'attach', 'GD-2021-Y999', 'other', good])
    expect(badSite.status).toBe(2)
    expect(badSite.stderr).toContain('找不到现场“GD-2021-Y999”')

    const badFile = runCli(['--data', w.dataDir, 'attach', w.siteCode, 'other', good, exe])
    expect(badFile.status).toBe(2)
    expect(badFile.stderr).toContain('文件“setup.exe”的类型不允许（.exe）')

    const tooFew = runCli(['--data', w.dataDir, 'attach', w.siteCode, 'other'])
    expect(tooFew.status).toBe(2)
    expect(tooFew.stderr).toContain('请依次给出现场、附件类别和至少一个文件')

    expect(filesUnder(path.join(w.dataDir, 'files'))).toEqual([])
    expect(filesUnder(path.join(w.dataDir, 'tmp'))).toEqual([])
    const { openApp } = await import('../../../src-main/services/context')
    const again = openApp({ dataDir: w.dataDir })
    try {
      expect(counts(again)).toEqual(before)
    } finally {
      again.close()
    }
    expect(fs.existsSync(good)).toBe(true)
  })
})
