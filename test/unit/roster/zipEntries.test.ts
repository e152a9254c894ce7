/**
 * Zips whose central directory lies about an entry, or whose entry data is damaged: the inspection inflates
 * every entry itself, and must refuse each of these as a damaged file — never unpack more than the directory
 * declared, never hand a short or garbled part to a reader.
 */
import yazl from 'yazl'
import { describe, expect, it } from 'vitest'
import { inspectWorkbook } from '../../../src-main/services/roster/safety'
import { isLitePart } from '../../../src-main/services/roster/xlsxLite'

const SHEET = 'xl/worksheets/sheet1.xml'
const sheetXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row r="1"><c r="A1" t="inlineStr"><is><t>数据</t></is></c></row>'.repeat(50)}</sheetData></worksheet>`

async function workbookZip(store = false): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  const add = (text: string, name: string) => zip.addBuffer(Buffer.from(text), name, { compress: !store })
  add('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', '[Content_Types].xml')
  add('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>', 'xl/workbook.xml')
  add('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>', 'xl/_rels/workbook.xml.rels')
  add(sheetXml, SHEET)
  zip.end()
  const chunks: Buffer[] = []
  for await (const c of zip.outputStream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** The central directory record of `name`, and its local header offset. */
function directoryEntry(zip: Buffer, name: string): { at: number; local: number } {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let at = zip.readUInt32LE(eocd + 16)
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const n = zip.readUInt16LE(at + 28)
    if (zip.toString('utf8', at + 46, at + 46 + n) === name) return { at, local: zip.readUInt32LE(at + 42) }
    at += 46 + n + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  throw new Error(`no ${name}`)
}

const inspect = (zip: Buffer) => inspectWorkbook(zip, '名单.xlsx', isLitePart)
const DAMAGED = /“名单\.xlsx”已损坏或不完整（压缩结构无法读取）/

describe('entries that are not what the central directory says', () => {
  it('reads the untouched zip, stored or deflated', async () => {
    for (const store of [false, true]) {
      const parts = await inspect(await workbookZip(store))
      expect(parts.get(SHEET)?.toString('utf8')).toBe(sheetXml)
      expect([...parts.keys()].sort()).toEqual(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', SHEET])
    }
  })

  it.each<[string, (zip: Buffer, e: { at: number; local: number }) => void]>([
    ['unpacks to more than declared', (zip, e) => zip.writeUInt32LE(zip.readUInt32LE(e.at + 24) - 1, e.at + 24)],
    ['unpacks to far more than declared', (zip, e) => zip.writeUInt32LE(10, e.at + 24)],
    ['unpacks to less than declared', (zip, e) => zip.writeUInt32LE(zip.readUInt32LE(e.at + 24) + 1, e.at + 24)],
    ['declares nothing yet unpacks to something', (zip, e) => zip.writeUInt32LE(0, e.at + 24)],
    ['has garbled deflate data', (zip, e) => zip.fill(0xff, e.local + 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28), e.local + 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28) + 8)],
    ['uses an unknown compression method', (zip, e) => zip.writeUInt16LE(99, e.at + 10)],
    ['points at no local header', (zip, e) => zip.writeUInt32LE(e.local + 1, e.at + 42)],
    ['has a broken local header signature', (zip, e) => zip.writeUInt32LE(0x04034b51, e.local)],
    ['claims more compressed data than the file holds', (zip, e) => zip.writeUInt32LE(zip.length, e.at + 20)],
  ])('refuses a sheet entry that %s', async (_, damage) => {
    const zip = await workbookZip()
    damage(zip, directoryEntry(zip, SHEET))
    await expect(inspect(zip)).rejects.toThrow(DAMAGED)
  })

  it('refuses a stored entry whose sizes differ', async () => {
    const zip = await workbookZip(true)
    const e = directoryEntry(zip, SHEET)
    zip.writeUInt32LE(zip.readUInt32LE(e.at + 24) - 1, e.at + 24)
    await expect(inspect(zip)).rejects.toThrow(DAMAGED)
  })
})
