/**
 * electron-builder.yml is read the way electron-builder reads it (its own loader, js-yaml), validated against
 * its own JSON schema (app-builder-lib/scheme.json) with the ajv it depends on, and checked for the facts the
 * installers depend on. electron-builder itself cannot run here (no Electron download, no signing tools).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const require = createRequire(import.meta.url)
// ajv and the loader are app-builder-lib's own dependencies, not ours: resolve them from there.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'))
const { loadConfig } = builderRequire('./out/util/config/load.js') as {
  loadConfig(request: { packageKey: string; configFilename: string; projectDir: string }): Promise<{ result: Config; configFile: string | null } | null>
}
const Ajv = (builderRequire('ajv') as { default: new (options: object) => AjvInstance }).default

interface AjvInstance {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null }
}

interface TargetSpec {
  target: string
  arch: string[]
}

interface Config {
  appId: string
  productName: string
  executableName: string
  directories: { output: string; buildResources?: string }
  files: string[]
  asar?: boolean
  asarUnpack: string[]
  npmRebuild: boolean
  nodeGypRebuild?: boolean
  buildDependenciesFromSource?: boolean
  fileAssociations?: unknown
  win: { target: TargetSpec[]; icon: string; files?: string[] }
  nsis: Record<string, unknown>
  mac: { target: TargetSpec[]; category: string; icon: string; files?: string[] }
}

async function readConfig(): Promise<{ config: Config; file: string | null }> {
  const loaded = await loadConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: ROOT })
  if (!loaded) throw new Error('no electron-builder configuration found')
  return { config: loaded.result, file: loaded.configFile }
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file)
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** A minimal glob test for the patterns used here: ** = any path, * = any name part, {a,b} = a or b. */
function globMatches(pattern: string, file: string): boolean {
  const brace = /\{([^{}]*)\}/.exec(pattern)
  if (brace) return brace[1].split(',').some((alt) => globMatches(pattern.replace(brace[0], alt), file))
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*\*/g, '.*')
    .replace(/\*/g, '[^/]*')
    // eslint-disable-next-line no-control-regex -- NUL is the placeholder this code put there
    .replace(/\u0000/g, '(?:.*/)?')
  return new RegExp(`^${re}$`).test(file)
}

describe('electron-builder.yml', () => {
  it('is the configuration electron-builder finds (electron-builder.yml, not a "build" key in package.json)', async () => {
    const { file } = await readConfig()
    expect(file).toBe(path.join(ROOT, 'electron-builder.yml'))
  })

  it("validates against electron-builder's own scheme.json", async () => {
    const { config } = await readConfig()
    const schema = JSON.parse(fs.readFileSync(builderRequire.resolve('./scheme.json'), 'utf8')) as object
    // No type coercion (electron-builder coerces): a value must already have the type the schema names.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    const ok = validate(config)
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([])
    expect(ok).toBe(true)
  })

  it('names the product and builds an NSIS x64 installer and dmg for arm64 and x64', async () => {
    const { config } = await readConfig()
    expect(config.appId).toBe('cn.org.starsite.app')
    expect(config.productName).toBe('星级服务现场推荐报送系统')
    expect(config.executableName).toBe('starsite')
    expect(config.directories.output).toBe('dist')
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }])
    expect(config.mac.category).toBe('public.app-category.productivity')
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    })
    expect(config.fileAssociations).toBeUndefined()
  })

  it('packs the built app, unpacks every native module, and never rebuilds them', async () => {
    const { config } = await readConfig()
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']))
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string }
    expect(config.files.some((p) => !p.startsWith('!') && globMatches(p, pkg.main))).toBe(true)
    expect(config.asar).not.toBe(false)
    for (const binary of ['node_modules/better-sqlite3/prebuilds/win32-x64.node', 'node_modules/better-sqlite3/prebuilds/darwin-arm64.node'])
      expect(config.asarUnpack.some((p) => globMatches(p, binary)), binary).toBe(true)
    // Each installer keeps its own platform's binaries.
    const excludedBy = (files: string[] | undefined, f: string) => (files ?? []).some((p) => p.startsWith('!') && globMatches(p.slice(1), f))
    expect(excludedBy(config.win.files, 'node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(false)
    expect(excludedBy(config.win.files, 'node_modules/better-sqlite3/prebuilds/darwin-x64.node')).toBe(true)
    expect(excludedBy(config.mac.files, 'node_modules/better-sqlite3/prebuilds/darwin-arm64.node')).toBe(false)
    expect(excludedBy(config.mac.files, 'node_modules/better-sqlite3/prebuilds/darwin-x64.node')).toBe(false)
    expect(excludedBy(config.mac.files, 'node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.nodeGypRebuild).not.toBe(true)
    expect(config.buildDependenciesFromSource).not.toBe(true)
    // The binaries those patterns are about really are in the installed package.
    for (const p of ['win32-x64', 'darwin-arm64', 'darwin-x64'])
      expect(fs.existsSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'prebuilds', `${p}.node`)), p).toBe(true)
  })

  it('uses an icon that exists: a 1024×1024 PNG, with its SVG source beside it', async () => {
    const { config } = await readConfig()
    for (const icon of [config.win.icon, config.mac.icon]) {
      const file = path.join(ROOT, icon)
      expect(fs.existsSync(file), icon).toBe(true)
      expect(pngSize(file)).toEqual({ width: 1024, height: 1024 })
    }
    expect(fs.existsSync(path.join(ROOT, 'resources', 'icon.svg'))).toBe(true)
  })
})
