/**
 * Real data for bundle tests: a set-up association, sites made through the sites service, attachments through
 * the attachments service (or, for big files, written straight into the store the way it lays them out).
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { insertAttachment, putStoredFile } from '../../../src-main/db/repositories/attachments'
import { recheckSites } from '../../../src-main/services/checks/engine'
import { addAttachments } from '../../../src-main/services/attachments/attachments'
import { storedPath } from '../../../src-main/services/attachments/store'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { createSite } from '../../../src-main/services/sites/sites'
import { draft, setUpGuangdong } from '../services/helpers'
import { afterEach } from 'vitest'
import { tempDir as makeTemp } from '../../helpers/tmp'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

/** A temp folder removed after the current test. */
export function tempDir(prefix: string): string {
  const t = makeTemp(prefix)
  cleanups.push(t.cleanup)
  return t.dir
}

export function bundleApp(): AppContext {
  let tick = 0
  const app = openApp({
    dataDir: tempDir('starsite-bundle-'),
    actor: '测试员',
    now: () => new Date(Date.UTC(2021, 4, 6, 8, 0, tick++)).toISOString(),
  })
  setUpGuangdong(app)
  return app
}

/** A valid USCC (GB 32100-2015 check character). */
const USCC = '91440000719283738L'

export const pdfBytes = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n` + 'x'.repeat(2000) + '\n%%EOF\n')
export const jpgBytes = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, n)])

/** Two sites with Chinese names and a few attachments each, two photos on the first (numbered names). */
export async function seedSites(app: AppContext): Promise<{ siteIds: number[] }> {
  const src = tempDir('starsite-src-')
  const write = (name: string, data: Buffer) => {
    const p = path.join(src, name)
    fs.writeFileSync(p, data)
    return { path: p }
  }
  const a = createSite(app, draft({ name: '广州天河营业厅', uscc: USCC, areaSqm: 300 }))
  const b = createSite(app, draft({ name: '深圳福田“装维”中心', type: '装维中心', address: '深圳市福田区 2 号', uscc: USCC }))
  await addAttachments(app, a.id, 'superior-letter', [write('推荐函.pdf', pdfBytes('a-letter'))])
  await addAttachments(app, a.id, 'photo', [write('门头.jpg', jpgBytes(1)), write('大厅.JPG', jpgBytes(2))])
  await addAttachments(app, b.id, 'superior-letter', [write('上级.pdf', pdfBytes('b-letter'))])
  await addAttachments(app, b.id, 'training-certificate', [write('证书.pdf', pdfBytes('b-cert'))])
  await addAttachments(app, a.id, 'lecturer-letter', [write('宣讲师.pdf', pdfBytes('a-lecturer'))])
  await addAttachments(app, b.id, 'lecturer-letter', [write('宣讲师.pdf', pdfBytes('b-lecturer'))])
  // Findings follow the data: judged again now that every attachment is in.
  recheckSites(app, [a.id, b.id])
  return { siteIds: [a.id, b.id] }
}

/**
 * A big attachment written straight into the content store (no copy through the service): `mb` MiB of a
 * repeated random block, kind 'other' as .doc so the build deflates it (slow enough to be caught mid-way).
 */
export function addBigAttachment(app: AppContext, siteId: number, mb: number, seed: number): void {
  // Random bytes: a 1 MiB block repeats far beyond deflate's 32 KiB window, so the zip grows as it is built.
  const block = randomBytes(1024 * 1024)
  block[1] = seed
  const hash = createHash('sha256')
  const tmp = path.join(app.dataDir, 'tmp', `big-${seed}`)
  const fd = fs.openSync(tmp, 'w')
  for (let i = 0; i < mb; i++) {
    block[0] = i & 0xff
    hash.update(block)
    fs.writeSync(fd, block)
  }
  fs.closeSync(fd)
  const sha = hash.digest('hex')
  fs.mkdirSync(path.dirname(storedPath(app.dataDir, sha)), { recursive: true })
  fs.renameSync(tmp, storedPath(app.dataDir, sha))
  const now = app.now()
  putStoredFile(app.db, sha, mb * 1024 * 1024, now)
  insertAttachment(app.db, { siteId, kind: 'other', sha256: sha, originalName: `大文件${seed}.doc`, ext: 'doc', size: mb * 1024 * 1024, mime: 'application/msword' }, now)
}

export interface ZipItem {
  name: string
  data: Buffer
}

/** Every entry of a (small) zip in memory, names decoded as UTF-8; for tampering in tests only. */
export async function readZip(file: string): Promise<ZipItem[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true })
  const items: ZipItem[] = []
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry)
    const chunks: Buffer[] = []
    for await (const c of stream) chunks.push(c as Buffer)
    items.push({ name: entry.fileName, data: Buffer.concat(chunks) })
  }
  return items
}

export function writeZip(file: string, items: ZipItem[]): Promise<void> {
  const zip = new yazl.ZipFile()
  for (const it of items) zip.addBuffer(it.data, it.name)
  zip.end()
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file)
    zip.outputStream.pipe(out).on('close', () => resolve()).on('error', reject)
  })
}

/** Offset of the first data byte of an entry, from its local header (name and extra field lengths). */
export async function dataOffset(file: string, name: string): Promise<number> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true })
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName !== name) continue
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true })
    zip.close()
    return fileDataStart
  }
  throw new Error(`no entry ${name}`)
}

/** word/document.xml of a .docx held in memory (e.g. one read out of a bundle), unzipped with yauzl. */
export async function docxXml(docx: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(docx, { lazyEntries: true })
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName !== 'word/document.xml') continue
    const chunks: Buffer[] = []
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer)
    zip.close()
    return Buffer.concat(chunks).toString('utf8')
  }
  throw new Error('no word/document.xml in the docx')
}

/** The cell texts of one column of a sheet (header row excluded) of an .xlsx held in memory. */
export async function xlsxColumn(xlsx: Buffer, sheet: number, header: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer)
  const ws = wb.worksheets[sheet]
  const col = (ws.getRow(1).values as unknown[]).findIndex((v) => String(v ?? '').replace(/\*$/, '').trim() === header)
  if (col < 0) throw new Error(`no column ${header}`)
  const out: string[] = []
  ws.eachRow((row, n) => {
    if (n > 1) out.push(String(row.getCell(col).value ?? ''))
  })
  return out
}
