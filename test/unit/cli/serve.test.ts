import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli, spawnCli } from './run'

const dirs: string[] = []
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-serve-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

describe('starsite serve', () => {
  it('without a built renderer: exit 1 telling to run npm run build:renderer', () => {
    const r = runCli(['--data', tempDir(), 'serve'], { STARSITE_WEB_DIR: tempDir() })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('npm run build:renderer')
  })

  it('bad --port: exit 2', () => {
    expect(runCli(['serve', '--port', 'abc']).status).toBe(2)
    expect(runCli(['serve', '--port', '70000']).status).toBe(2)
  })

  it('prints a loopback URL that serves the page, and stops cleanly (exit 0) on SIGTERM', async () => {
    const web = tempDir()
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>starsite-test-page</title>')
    const child = spawnCli(['--data', tempDir(), 'serve'], { STARSITE_WEB_DIR: web })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString()
          const m = /http:\/\/127\.0\.0\.1:\d+\S*/.exec(stdout)
          if (m) resolve(m[0])
        })
        child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)))
      })
      expect(url).toMatch(/token=/)
      // The printed URL trades its token for a cookie (302), then the page is served with that cookie.
      const first = await fetch(url, { redirect: 'manual' })
      expect(first.status).toBe(302)
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]
      expect(cookie).not.toBe('')
      const res = await fetch(new URL('/', url), { headers: { cookie } })
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('starsite-test-page')
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(stderr).toContain('已停止')
  })
})
