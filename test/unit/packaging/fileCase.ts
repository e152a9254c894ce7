/**
 * Names that only a case-sensitive file system tells apart. Linux (and CI) keeps `siteForm.ts` and
 * `SiteForm.tsx` apart; macOS and Windows see one name, so an extensionless import may open the wrong file
 * and `npm run dist` breaks there. Pure functions over a file list, so a test can plant a collision.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** What an import specifier may resolve to, in the order the bundler and tsc try them. */
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json']
const SOURCE = /\.(tsx?|mts|cts|jsx?|mjs|cjs)$/
const SOURCE_DIRS = ['src-main/', 'src-renderer/', 'test/', 'bench/', 'scripts/']

/** The path without the extension of its last segment (`a/b.test.ts` -> `a/b.test`, `a/.env` stays). */
function stem(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? file.slice(0, file.length - (base.length - dot)) : file
}

/** Names grouped by `key` ignoring case, where the group's keys are spelled in more than one case. */
function groupsDifferingInCase(names: Iterable<string>, key: (name: string) => string): string[][] {
  const groups = new Map<string, string[]>()
  for (const name of names) groups.set(key(name).toLowerCase(), [...(groups.get(key(name).toLowerCase()) ?? []), name])
  return [...groups.values()].filter((g) => new Set(g.map(key)).size > 1).map((g) => [...new Set(g)].sort())
}

/**
 * Groups of files or folders whose paths differ only by letter case, compared whole and also without each
 * file's extension (`siteForm.ts` and `SiteForm.tsx` collide through the specifier `./siteForm`).
 */
export function caseCollisions(files: string[]): string[][] {
  const paths = new Set<string>()
  for (const file of files) {
    paths.add(file)
    for (let i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) paths.add(file.slice(0, i))
  }
  const seen = new Set<string>()
  return [...groupsDifferingInCase(paths, (p) => p), ...groupsDifferingInCase(files, stem)]
    .filter((g) => !seen.has(g.join('\n')) && seen.add(g.join('\n')))
    .sort((a, b) => a[0].localeCompare(b[0]))
}

export interface ImportProblem {
  file: string
  specifier: string
  problem: string
}

/** Every relative specifier in `text` (static, dynamic, `export … from`, `import('…')` types, require). */
export function relativeSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../'))
}

/**
 * Each relative import must find exactly one file when names are compared without case, and that file's
 * name must be spelled as in the specifier: what then resolves on Linux resolves the same on macOS/Windows.
 */
export function importCaseProblems(sources: Array<{ file: string; text: string }>, files: string[]): ImportProblem[] {
  const byLower = new Map<string, string[]>()
  for (const f of files) byLower.set(f.toLowerCase(), [...(byLower.get(f.toLowerCase()) ?? []), f])
  const problems: ImportProblem[] = []
  for (const { file, text } of sources) {
    for (const specifier of relativeSpecifiers(text)) {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)]
      if (/\.[cm]?js$/.test(base)) candidates.push(...['.ts', '.tsx', '.mts', '.cts'].map((e) => stem(base) + e))
      const matches = [...new Set(candidates.flatMap((c) => byLower.get(c.toLowerCase()) ?? []))]
      if (matches.length === 0) problems.push({ file, specifier, problem: 'resolves to no file' })
      else if (matches.length > 1)
        problems.push({ file, specifier, problem: `matches ${matches.join(', ')} when case is ignored` })
      else if (!candidates.includes(matches[0]))
        problems.push({ file, specifier, problem: `resolves to ${matches[0]}, spelled in another case` })
    }
  }
  return problems
}

/** The files git knows in `root` (tracked, and new ones not ignored), as posix paths that exist on disk. */
export function listFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return out.split('\0').filter((f) => f && fs.existsSync(path.join(root, f)))
}

/** Both checks over a working tree: the whole file list, and the imports of the source folders. */
export function checkTree(root: string): { collisions: string[][]; imports: ImportProblem[] } {
  const files = listFiles(root)
  const sources = files
    .filter((f) => SOURCE.test(f) && SOURCE_DIRS.some((d) => f.startsWith(d)))
    .map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }))
  return { collisions: caseCollisions(files), imports: importCaseProblems(sources, files) }
}
