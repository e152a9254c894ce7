/** A data folder set up the way a user does it (through the contract), and real files to attach. */
import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../../src-main/api/dispatch'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { tempDir } from '../../helpers/tmp'
import { SAMPLE_SITE } from '../../fixtures/site'

export const SITE = SAMPLE_SITE

export interface World {
  app: AppContext
  dataDir: string
  /** Where the test's source files live (outside the data folder). */
  inbox: string
  siteId: number
  siteCode: string
  cleanup(): void
}

export async function call<T>(app: AppContext, name: string, input: unknown): Promise<T> {
  const r = await dispatch(app, name, input)
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

export async function setUp(): Promise<World> {
  const data = tempDir('starsite-att-')
  const inbox = tempDir('starsite-inbox-')
  const app = openApp({ dataDir: data.dir, actor: '测试员' })
  await call(app, 'settings.saveAssociation', {
    association: { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' },
    year: 2021,
  })
  const site = await call<{ id: number; code: string }>(app, 'sites.create', { site: SITE })
  return {
    app,
    dataDir: data.dir,
    inbox: inbox.dir,
    siteId: site.id,
    siteCode: site.code,
    cleanup() {
      app.close()
      data.cleanup()
      inbox.cleanup()
    },
  }
}

/** Minimal files whose first bytes are what real ones start with; `fill` varies the content. */
export const bytes = {
  pdf: (fill = 'x') => Buffer.from(`%PDF-1.7\n${fill.repeat(2000)}\n%%EOF\n`),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]),
  jpg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 9)]),
  docx: () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500, 1)]),
  exe: () => Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(500, 0x90)]),
}

export function write(dir: string, name: string, content: Buffer): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

/** Every file under a folder, relative, sorted: to prove nothing was written. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
}

export function counts(app: AppContext) {
  const n = (table: string) => (app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
  return { storedFiles: n('stored_files'), attachments: n('attachments'), audit: n('audit_log') }
}
