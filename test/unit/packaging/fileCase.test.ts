/**
 * No two files may differ only by letter case (with or without extension), and every relative import must
 * resolve to one file spelled exactly as imported: macOS and Windows, where `npm run dist` runs, do not tell
 * letter case apart. The checks run on this tree and on planted collisions that they must report.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { caseCollisions, checkTree, importCaseProblems, relativeSpecifiers } from './fileCase'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')

describe('this tree', () => {
  it('has no case collisions and no import that depends on letter case', () => {
    const { collisions, imports } = checkTree(ROOT)
    expect(collisions).toEqual([])
    expect(imports).toEqual([])
  })
})

describe('caseCollisions on planted lists', () => {
  it('reports names that differ only by case once the extension is dropped', () => {
    expect(caseCollisions(['src/sites/siteForm.ts', 'src/sites/SiteForm.tsx', 'src/sites/siteView.ts'])).toEqual([
      ['src/sites/SiteForm.tsx', 'src/sites/siteForm.ts'],
    ])
  })

  it('reports whole names and folders that differ only by case', () => {
    expect(caseCollisions(['docs/README.md', 'docs/readme.md'])).toEqual([['docs/README.md', 'docs/readme.md']])
    expect(caseCollisions(['src/Pages/a.ts', 'src/pages/b.ts'])).toEqual([['src/Pages', 'src/pages']])
  })

  it('lets one name carry several extensions, and different names through', () => {
    expect(caseCollisions(['resources/icon.png', 'resources/icon.svg', 'a/b.ts', 'a/b.test.ts', 'a/.env'])).toEqual([])
  })
})

describe('importCaseProblems on planted sources', () => {
  const files = ['p/siteForm.ts', 'p/SiteForm.tsx', 'p/siteView.ts', 'p/drawer/Editor.tsx', 'p/list/index.ts', 'p/Table.module.css']

  it('reports a specifier that matches two files when case is ignored', () => {
    const problems = importCaseProblems([{ file: 'p/drawer/Editor.tsx', text: "import { a } from '../siteForm'\n" }], files)
    expect(problems).toEqual([
      { file: 'p/drawer/Editor.tsx', specifier: '../siteForm', problem: 'matches p/siteForm.ts, p/SiteForm.tsx when case is ignored' },
    ])
  })

  it('reports a specifier spelled in another case than the file', () => {
    const problems = importCaseProblems([{ file: 'p/drawer/Editor.tsx', text: "import { v } from '../SiteView'\n" }], files)
    expect(problems.map((p) => p.problem)).toEqual(['resolves to p/siteView.ts, spelled in another case'])
  })

  it('reports a specifier that finds no file, and passes exact ones', () => {
    const text = "import { v } from '../siteView'\nimport { l } from '../list'\nimport c from '../Table.module.css'\nexport { x } from '../missing'\n"
    const problems = importCaseProblems([{ file: 'p/drawer/Editor.tsx', text }], files)
    expect(problems).toEqual([{ file: 'p/drawer/Editor.tsx', specifier: '../missing', problem: 'resolves to no file' }])
  })

  it('finds dynamic imports, import types, re-exports and require', () => {
    const text = "const a = await import('./a')\ntype B = import('./b').B\nexport * from './c'\nconst d = require('./d')\nimport e from 'zod'\n"
    expect(relativeSpecifiers(text)).toEqual(['./a', './b', './c', './d'])
  })
})

describe('checkTree on a planted working tree', () => {
  let dir = ''
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('reports the collision and the ambiguous import', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-case-'))
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), text)
    }
    write('src-renderer/src/pages/sites/siteForm.ts', 'export const a = 1\n')
    write('src-renderer/src/pages/sites/SiteForm.tsx', 'export const B = 2\n')
    write('src-renderer/src/pages/sites/drawer/SiteEditor.tsx', "import { a } from '../siteForm'\nimport { B } from '../SiteForm'\n")
    execFileSync('git', ['init', '-q'], { cwd: dir })

    const { collisions, imports } = checkTree(dir)
    expect(collisions).toEqual([
      ['src-renderer/src/pages/sites/SiteForm.tsx', 'src-renderer/src/pages/sites/siteForm.ts'],
    ])
    expect(imports.map((p) => p.specifier)).toEqual(['../siteForm', '../SiteForm'])
  })
})
