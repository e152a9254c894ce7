import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSite } from '../../../src-main/services/sites/sites'
import { draft } from '../services/helpers'
import { runCli, spawnCli } from '../cli/run'
import { addBigAttachment, bundleApp } from './helpers'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('bundle build killed mid-way', () => {
  it('leaves no file at the final path, and the next start removes the partial file', async () => {
    const app = bundleApp()
    const site = createSite(app, draft({ name: '广州天河营业厅', uscc: '91440000719283738L', areaSqm: 300 }))
    // ~200 MB of .doc (deflated, so the build takes a few seconds); written straight into the store.
    for (let i = 0; i < 5; i++) addBigAttachment(app, site.id, 40, i)
    // The test is about the kill, not the checks: clear findings so nothing refuses the build.
    app.db.prepare('DELETE FROM findings').run()
    const dataDir = app.dataDir
    app.close()

    const outDir = path.join(dataDir, 'outputs')
    const final = path.join(outDir, 'kill.zip')
    const child = spawnCli(['--data', dataDir, 'bundle', '--out', final])
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    let partial: string | undefined
    for (let i = 0; i < 1200 && !partial; i++) {
      await sleep(50)
      const name = fs.readdirSync(outDir).find((n) => n.startsWith('.kill.zip.partial-'))
      if (name && fs.statSync(path.join(outDir, name)).size > 8 * 1024 * 1024) partial = path.join(outDir, name)
    }
    expect(partial, 'the partial file should appear and grow').toBeDefined()
    // tsx runs the CLI in a child node process: kill the one that writes (its pid is in the partial's name).
    const builder = Number(/\.partial-(\d+)-/.exec(partial!)![1])
    process.kill(builder, 'SIGKILL')
    child.kill('SIGKILL')
    await exited
    for (let i = 0; i < 100 && isAlive(builder); i++) await sleep(50)
    expect(isAlive(builder)).toBe(false)
    expect(fs.existsSync(final)).toBe(false)
    expect(fs.existsSync(partial!)).toBe(true)

    const next = runCli(['--data', dataDir, 'list', '--json'])
    expect(next.status, next.stderr).toBe(0)
    expect(fs.existsSync(partial!)).toBe(false)
    // Only the letters the build issued before packing stay (the letters service keeps them in outputs/).
    expect(fs.readdirSync(outDir).sort()).toEqual(['推荐函', '粤通协_2021_报送函.docx'])
    expect(fs.readdirSync(path.join(dataDir, 'tmp')).filter((n) => n.startsWith('partial-'))).toEqual([])
  }, 180_000)
})
