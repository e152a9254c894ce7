/** A data folder with real data in it, and small readers that look at database files from outside the app. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { saveAssociation } from '../../../src-main/services/settings/association'
import { createSite } from '../../../src-main/services/sites/sites'
import type { SiteDraft } from '../../../src-main/core/sites/draft'
import { afterEach } from 'vitest'
import { tempDir as makeTempDir } from '../../helpers/tmp'
import { SAMPLE_SITE } from '../../fixtures/site'
export { rejection } from '../../helpers/errors'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'starsite-bk-'): string {
  const t = makeTempDir(prefix)
  cleanups.push(t.cleanup)
  return t.dir
}

function draft(overrides: SiteDraft = {}): SiteDraft {
  return { ...SAMPLE_SITE, ...overrides }
}

/** Fixed clock (2021-05-06 local time), ticking one second a call, so backup names are predictable. */
export function clock(start = new Date(2021, 4, 6, 9, 0, 0)): () => string {
  let tick = 0
  return () => new Date(start.getTime() + 1000 * tick++).toISOString()
}

export function populatedApp(dataDir = tempDir('starsite-bk-')): AppContext {
  const app = openApp({ dataDir, actor: '测试员', now: clock() })
  saveAssociation(app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东省' }, 2021)
  createSite(app, draft({ name: '广州天河营业厅' }))
  return app
}

export const addSite = (app: AppContext, name: string) =>
  createSite(app, draft({ name, uscc: '91440300708461136T', address: `${name}地址` }))

/** Site names in a database file, read with a separate read-only connection. */
export function siteNamesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT name FROM sites WHERE deleted_at IS NULL ORDER BY name').all() as { name: string }[]).map((r) => r.name)
  } finally {
    db.close()
  }
}

export const siteNames = (app: AppContext) =>
  (app.db.prepare('SELECT name FROM sites WHERE deleted_at IS NULL ORDER BY name').all() as { name: string }[]).map((r) => r.name)

/** Every file of the data folder's root, backups and tmp, with its bytes: "unchanged" means all of this. */
export function snapshot(dataDir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (const sub of ['', 'backups', 'tmp']) {
    const dir = path.join(dataDir, sub)
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name)
      // -shm is SQLite's shared-memory index, rewritten by mere readers; it holds no data.
      if (name.endsWith('-shm')) continue
      if (fs.statSync(file).isFile()) out.set(path.join(sub, name), fs.readFileSync(file))
    }
  }
  return out
}

