/** `starsite letters --out DIR [--json]`: exit 0 when every site got its letter, 1 when some were refused. */
import fs from 'node:fs'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src-main/cli/main'
import { addErrorFinding, addSites, lettersApp, tempDir } from './helpers'

async function cli(args: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (c: Buffer) => out.push(c))
  stderr.on('data', (c: Buffer) => err.push(c))
  const status = await main(args, { stdout, stderr }, {})
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }
}

describe('starsite letters', () => {
  it('writes every letter to --out and exits 0; with an open error it lists the site and exits 1', async () => {
    const app = lettersApp()
    const [, second] = addSites(app, ['甲营业厅', '乙营业厅'])
    const outDir = tempDir()

    const ok = await cli(['letters', '--out', outDir, '--json', '--data', app.dataDir])
    expect(ok.status).toBe(0)
    const doc = JSON.parse(ok.stdout)
    // The CLI runs on the real clock: a letter is numbered in the year it is issued.
    const y = new Date().getFullYear()
    expect(doc.generated.map((g: { docNo: string }) => g.docNo)).toEqual([`粤通协〔${y}〕1号`, `粤通协〔${y}〕2号`])
    expect(doc.skipped).toEqual([])
    expect(fs.readdirSync(outDir).sort()).toEqual(['GD-2021-Y001_甲营业厅.docx', 'GD-2021-Y002_乙营业厅.docx'])

    addErrorFinding(app, second, '联系电话格式不对')
    const refused = await cli(['letters', '--out', outDir, '--data', app.dataDir])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('GD-2021-Y002 乙营业厅：联系电话格式不对')
    expect(refused.stderr).toContain('已生成推荐函 1 份')
  })

  it('without --out it is a usage error (exit 2)', async () => {
    const app = lettersApp()
    const r = await cli(['letters', '--data', app.dataDir])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--out')
  })
})
