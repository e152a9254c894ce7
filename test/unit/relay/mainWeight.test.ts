/**
 * The main process only relays: nothing it loads may reach the database, the services or the handlers, or
 * the work (and the native module) would be back in the process that owns the window.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '..', '..', '..', 'src-main')

/** Every project file reachable by static relative imports (type-only imports excluded: they vanish). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      const base = path.resolve(path.dirname(file), m[1]!)
      const target = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f))
      if (target) visit(target)
    }
  }
  visit(entry)
  return seen
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/')

describe('what each process loads', () => {
  it('the main process reaches no database, service or handler code', () => {
    const loaded = [...reachable(path.join(SRC, 'electron', 'main.ts'))].map(rel)
    expect(loaded).toContain('relay/client.ts')
    const heavy = loaded.filter((f) => /^(db|services)\//.test(f) || /^api\/(dispatch|handlers)\.ts$/.test(f) || /\/handlers\.ts$/.test(f))
    // Where the data folder is, and whose it is (an office's core starts with other V8 flags: relay/heapFlags.ts),
    // both settled before the core starts, are the two service modules main needs: paths and file names only.
    expect(heavy).toEqual(['services/dataDir.ts', 'services/office/folder.ts'])
  })

  it('the core process entry reaches dispatch', () => {
    const loaded = [...reachable(path.join(SRC, 'relay', 'entry.ts'))].map(rel)
    expect(loaded).toContain('api/dispatch.ts')
    expect(loaded).toContain('services/context.ts')
    expect(loaded.filter((f) => f.startsWith('electron/'))).toEqual([])
  })
})
