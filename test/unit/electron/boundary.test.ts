import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p)
    return /\.(ts|tsx|mts|cts)$/.test(e.name) ? [p] : []
  })
}

const importsElectron = /(from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron|import\(\s*['"]electron)/

describe('layering', () => {
  // Everything outside the shell must run under plain Node (CLI, browser mode, tests), where requiring
  // 'electron' tries to download its binary.
  it("only src-main/electron imports 'electron'", () => {
    const shell = path.join(root, 'src-main', 'electron') + path.sep
    const offenders = [...sources(path.join(root, 'src-main')), ...sources(path.join(root, 'src-renderer'))]
      .filter((f) => !f.startsWith(shell))
      .filter((f) => importsElectron.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
    expect(offenders).toEqual([])
  })

  it('csp.ts stays free of Electron and Node, since the build config imports it', () => {
    const text = fs.readFileSync(path.join(root, 'src-main', 'electron', 'csp.ts'), 'utf8')
    expect(text).not.toMatch(/^import /m)
  })
})
