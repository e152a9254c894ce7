/**
 * The layer rules of eslint.config.js, run through ESLint's own API on planted files (the files need not
 * exist: lintText places the text at the given path). Each planted violation must be reported by
 * starsite/layer-imports, and a file that keeps to its layer must get no message from any rule.
 */
import path from 'node:path'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) })
  return result.messages
}

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  return (await lint(filePath, code)).filter((m) => m.ruleId === 'starsite/layer-imports').map((m) => m.message)
}

const violations: Array<[string, string, string]> = [
  // core: pure, nothing above it
  ['src-main/core/x.ts', "import fs from 'node:fs'\nexport const x = fs", 'node:fs'],
  ['src-main/core/x.ts', "import fs from 'fs'\nexport const x = fs", 'node:fs'],
  ['src-main/core/sites/x.ts', "import { spawn } from 'node:child_process'\nexport const x = spawn", 'node:child_process'],
  ['src-main/core/x.ts', "import Database from 'better-sqlite3'\nexport const x = Database", 'better-sqlite3'],
  ['src-main/core/x.ts', "import http from 'node:http'\nexport const x = http", 'node:http'],
  ['src-main/core/x.ts', "import { app } from 'electron'\nexport const x = app", 'electron'],
  ['src-main/core/sites/x.ts', "import { openDb } from '../../db/connection'\nexport const x = openDb", 'src-main/db/connection'],
  ['src-main/core/x.ts', "export { openApp } from '../services/context'", 'src-main/services/context'],
  ['src-main/core/x.ts', "export type Ctx = import('../services/context').AppContext", 'src-main/services/context'],
  ['src-main/core/x.ts', "export const load = () => import('node:fs')", 'node:fs'],
  ['src-main/core/x.ts', "import { contract } from '../api/contract'\nexport const x = contract", 'src-main/api/contract'],
  // db: core and SQLite only
  ['src-main/db/repositories/x.ts', "import { openApp } from '../../services/context'\nexport const x = openApp", 'src-main/services/context'],
  ['src-main/db/x.ts', "import ExcelJS from 'exceljs'\nexport const x = ExcelJS", 'exceljs'],
  // services: never api or a door
  ['src-main/services/x.ts', "import { contract } from '../api/contract'\nexport const x = contract", 'src-main/api/contract'],
  ['src-main/services/sites/x.ts', "import { sitesHandlers } from '../../api/sites/handlers'\nexport const x = sitesHandlers", 'src-main/api/sites/handlers'],
  ['src-main/services/x.ts', "import { startServer } from '../server/server'\nexport const x = startServer", 'src-main/server/server'],
  ['src-main/services/x.ts', "import { main } from '../cli/main'\nexport const x = main", 'src-main/cli/main'],
  ['src-main/services/x.ts', "const { app } = require('electron')\nexport const x = app", 'electron'],
  // api: not the doors
  ['src-main/api/x.ts', "import { startServer } from '../server/server'\nexport const x = startServer", 'src-main/server/server'],
  // the contract: zod and core vocabulary only
  ['src-main/api/sites/contract.ts', "import fs from 'node:fs'\nexport const x = fs", 'node:fs'],
  ['src-main/api/sites/contract.ts', "import { listSites } from '../../services/sites/sites'\nexport const x = listSites", 'src-main/services/sites/sites'],
  ['src-main/api/office/keys/contract.ts', "import fs from 'node:fs'\nexport const x = fs", 'node:fs'],
  // only src-main/electron imports electron
  ['src-main/server/x.ts', "import { shell } from 'electron'\nexport const x = shell", 'electron'],
  ['src-main/cli/x.ts', "import type { App } from 'electron'\nexport type X = App", 'electron'],
  ['src-main/cli/x.ts', "import { createWindow } from '../electron/window'\nexport const x = createWindow", 'src-main/electron/window'],
  // renderer: src-main only through @contract, no Node code
  ['src-renderer/src/pages/x.ts', "import { openDb } from '../../../src-main/db/connection'\nexport const x = openDb", 'src-main/db/connection'],
  ['src-renderer/src/pages/x.ts', "import type { Site } from '../../../src-main/api/contract'\nexport type X = Site", 'src-main/api/contract'],
  ['src-renderer/src/x.ts', "import fs from 'node:fs'\nexport const x = fs", 'node:fs'],
  ['src-renderer/src/x.ts', "import Database from 'better-sqlite3'\nexport const x = Database", 'better-sqlite3'],
  ['src-renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer", 'electron'],
]

describe('layer rules report planted violations', () => {
  it.each(violations)('%s: %j', async (file, code, reaches) => {
    const messages = await layerMessages(file, code)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(reaches)
  })
})

describe('files that keep to their layer lint clean', () => {
  const clean: Array<[string, string]> = [
    ['src-main/core/sites/x.ts', "import { z } from 'zod'\nimport { normalizeText } from '../text'\nexport const x = [z, normalizeText]"],
    ['src-main/db/repositories/x.ts', "import type Database from 'better-sqlite3'\nimport path from 'node:path'\nimport { AppError } from '../../core/errors'\nexport type X = Database.Database\nexport const x = [path, AppError]"],
    ['src-main/services/x.ts', "import fs from 'node:fs'\nimport { openDb } from '../db/connection'\nexport const x = [fs, openDb]"],
    ['src-main/api/x.ts', "import { openApp } from '../services/context'\nexport const x = openApp"],
    ['src-main/electron/x.ts', "import { app } from 'electron'\nimport { dispatch } from '../api/dispatch'\nexport const x = [app, dispatch]"],
    ['src-main/cli/x.ts', "export const serve = () => import('../server/server')"],
    ['src-renderer/src/pages/x.tsx', "import type { Site } from '@contract'\nimport { SITE_TYPES } from '@contract'\nimport { Text } from '@mantine/core'\nexport const X = (p: { site: Site }) => <Text>{p.site.name}{SITE_TYPES.length}</Text>"],
  ]
  it.each(clean)('%s', async (file, code) => {
    expect(await lint(file, code)).toEqual([])
  })
})

describe('the rest of the configuration', () => {
  it('reports a hook called conditionally in the renderer', async () => {
    const code = "import { useState } from 'react'\nexport function X(p: { on: boolean }) {\n  if (p.on) useState(0)\n  return null\n}"
    const rules = (await lint('src-renderer/src/x.tsx', code)).map((m) => m.ruleId)
    expect(rules).toContain('react-hooks/rules-of-hooks')
  })

  it('reports a missing effect dependency in the renderer', async () => {
    const code = "import { useEffect } from 'react'\nexport function X(p: { n: number }) {\n  useEffect(() => console.log(p.n), [])\n  return null\n}"
    const rules = (await lint('src-renderer/src/x.tsx', code)).map((m) => m.ruleId)
    expect(rules).toContain('react-hooks/exhaustive-deps')
  })

  it('reports an eslint-disable comment that disables nothing', async () => {
    const messages = await lint('src-main/core/x.ts', '// eslint-disable-next-line no-control-regex\nexport const x = /a/\n')
    expect(messages).toHaveLength(1)
    expect(messages[0].message).toMatch(/Unused eslint-disable directive/)
    expect(messages[0].severity).toBe(2)
  })
})
