/**
 * Real data for letter tests: a set-up association and sites written through the site repository (no checks
 * run, so the findings table holds exactly what a test puts there), attachments as rows in their table.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, expect } from 'vitest'
import yauzl from 'yauzl'
import { readSiteDraft } from '../../../src-main/core/sites/draft'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { requireSetup } from '../../../src-main/services/settings/association'
import { draft, setUpGuangdong } from '../services/helpers'
import { tempDir as makeTemp } from '../../helpers/tmp'

const run = promisify(execFile)
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

export function tempDir(prefix = 'starsite-letters-'): string {
  const t = makeTemp(prefix)
  cleanups.push(t.cleanup)
  return t.dir
}

/** An app on a fresh data folder, clock fixed on 2021-05-06, association 广东省通信行业协会 (粤通协). */
export function lettersApp(): AppContext {
  let tick = 0
  const app = openApp({
    dataDir: tempDir('starsite-letters-'),
    actor: '测试员',
    now: () => new Date(Date.UTC(2021, 4, 6, 8, 0, tick++)).toISOString(),
  })
  cleanups.unshift(() => app.close())
  setUpGuangdong(app)
  return app
}

/** Inserts sites as stored data (name may hold anything a database could hold) and returns their ids. */
export function addSites(app: AppContext, names: string[]): number[] {
  const { campaign } = requireSetup(app)
  const { values } = readSiteDraft(draft())
  return app.db.transaction(() =>
    names.map((name, i) => {
      const code = app.sites.nextCode('GD-2021-Y')
      return app.sites.insert({ ...values!, name, address: `${values!.address}${i}` }, { code, campaignId: campaign.id, status: 'approved', now: app.now() })
    }),
  )()
}

export function addAttachment(app: AppContext, siteId: number, kind: string, originalName: string): void {
  const sha = randomBytes(32).toString('hex')
  app.db.prepare('INSERT INTO stored_files (sha256, size, created_at) VALUES (?, 1, ?)').run(sha, app.now())
  app.db
    .prepare(
      `INSERT INTO attachments (site_id, kind, sha256, original_name, ext, size, mime, added_at)
       VALUES (?, ?, ?, ?, 'pdf', 1, 'application/pdf', ?)`,
    )
    .run(siteId, kind, sha, originalName, app.now())
}

export function addErrorFinding(app: AppContext, siteId: number, message: string): void {
  app.db
    .prepare(
      `INSERT INTO findings (site_id, rule, severity, target, message, fingerprint, found_at)
       VALUES (?, 'superior-letter', 'error', NULL, ?, ?, ?)`,
    )
    .run(siteId, message, `superior-letter:${siteId}`, app.now())
}

/** Every text entry of a .docx (a zip), by name. */
export function readZip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      const out = new Map<string, string>()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'))
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(out))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

/** Converts .docx (or .xlsx) files with LibreOffice in one run, on a profile of its own so parallel runs never collide. */
export async function toPdf(files: string[], outDir: string): Promise<string[]> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-lo-'))
  cleanups.push(() => fs.rmSync(profile, { recursive: true, force: true }))
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { timeout: 120_000 },
  )
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.(docx|xlsx)$/, '.pdf')))
}

export async function pdfInfo(pdf: string): Promise<{ pages: number; size: string }> {
  const { stdout } = await run('pdfinfo', [pdf])
  return { pages: Number(/Pages:\s+(\d+)/.exec(stdout)![1]), size: /Page size:\s+(.+)/.exec(stdout)![1] }
}

/** The text of each page (pdftotext separates pages with a form feed). */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return stdout.split('\f').slice(0, -1)
}

/**
 * The GB/T 9704 信函格式 page as the .docx states it: A4, the margins and line grid, the first page's own
 * header (red issuer over a thick-thin double line) and footer (the thin-thick line, no page number), odd and
 * even page numbers, and the body's fonts in both the defaults and Normal.
 */
export function expectLetterFormat(zip: Map<string, string>, issuer: string): void {
  const doc = zip.get('word/document.xml')!
  expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
  expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
  expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/)
  expect(doc).toMatch(/<w:titlePg\/>/)
  for (const type of ['default', 'even', 'first']) expect(doc).toMatch(new RegExp(`<w:footerReference w:type="${type}"`))
  expect(doc).toMatch(/<w:headerReference w:type="first"/)
  expect(doc).not.toMatch(/lineRule="exactly"/)
  expect(zip.get('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/)

  const styles = zip.get('word/styles.xml')!
  expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<\/w:docDefaults>/)
  expect(styles.indexOf('<w:docDefaults>')).toBeLessThan(styles.indexOf('<w:style '))
  expect(styles).toMatch(/w:styleId="Normal"[\s\S]*?w:eastAsia="仿宋_GB2312"[\s\S]*?<w:sz w:val="32"\/>/)
  expect(styles).toContain('w:ascii="Times New Roman"')
  expect(doc).toContain('w:eastAsia="方正小标宋简体"')
  // The red letterhead with its thick-over-thin double line lives in the first page's header.
  const header = [...zip.entries()].find(([n, x]) => n.startsWith('word/header') && x.includes(issuer))
  expect(header, `a header naming ${issuer}`).toBeDefined()
  expect(header![1]).toMatch(/<w:color w:val="FF0000"\/>/)
  expect(header![1]).toMatch(/w:val="thickThinSmallGap"[^>]*w:color="FF0000"/)
  const footers = [...zip.entries()].filter(([n]) => n.startsWith('word/footer')).map(([, x]) => x)
  expect(footers.filter((f) => /PAGE/.test(f) && f.includes('— '))).toHaveLength(2)
  expect(footers.some((f) => f.includes('thinThickSmallGap'))).toBe(true)
}
