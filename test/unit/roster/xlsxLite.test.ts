/**
 * The lite sheet reader against exceljs, on the same bytes: every workbook here is read both ways (the lite
 * reader from the parts safety.ts inflates, exceljs from the whole file) and compared sheet by sheet, row by
 * row, cell by cell. The lite reader is a fast path, never a second opinion: where it reads at all it must
 * read what exceljs reads, and what it does not know it must refuse (null), so the caller falls back.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import yazl from 'yazl'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { inspectWorkbook } from '../../../src-main/services/roster/safety'
import { fromExcelJs, type TableBook, type TableCell } from '../../../src-main/services/roster/sheetTable'
import { isLitePart, readLiteWorkbook, type LiteValue, type LiteWorkbook } from '../../../src-main/services/roster/xlsxLite'
import { writeRawXlsx } from '../../fixtures/corpus/workbooks'
import { fillTemplate, HEADERS, rowCells, validSite, writeCells, type RosterRowValues } from '../../fixtures/roster/sites'
import { MESSY_TRAINING_ROWS } from '../../fixtures/roster/training'
import { tempDir } from '../../fixtures/roster/tempDir'
import { freshApp, setUpGuangdong } from '../services/helpers'

// ---- reading both ways ---------------------------------------------------------------------------------

async function liteOf(buffer: Buffer): Promise<LiteWorkbook | null> {
  return readLiteWorkbook(await inspectWorkbook(buffer, 'test.xlsx', isLitePart))
}

async function excelOf(buffer: Buffer): Promise<TableBook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  return fromExcelJs(wb)
}

/**
 * exceljs keeps a cell's shape (formula with result, rich text runs, hyperlink with text); the lite reader
 * keeps only what the shape shows. Bring exceljs's value to that form; nothing else is forgiven.
 */
function shown(value: unknown): LiteValue {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || value instanceof Date) return value as LiteValue
  const v = value as Record<string, unknown>
  if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('')
  if ('hyperlink' in v) return shown(v.text ?? v.hyperlink)
  if ('formula' in v || 'sharedFormula' in v) return shown(v.result)
  if ('error' in v) return { error: String(v.error) }
  if ('text' in v) return shown(v.text)
  // e.g. a formula value without formula or result: nothing to show (plainCellValue gives null too)
  return null
}

function same(a: LiteValue, b: LiteValue): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime())
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return a.error === b.error
  return Object.is(a, b)
}

const show = (v: LiteValue) => (v instanceof Date ? `Date(${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()})` : JSON.stringify(v))
const masterOf = (c: TableCell | undefined) => (c?.master ? `${c.master.row}:${c.master.col}` : '-')

/** The differences between the two readings, as readable lines (empty when they agree). */
function differences(lite: LiteWorkbook, excel: TableBook): { diffs: string[]; cells: number } {
  const diffs: string[] = []
  let cells = 0
  if (lite.date1904 !== excel.date1904) diffs.push(`date1904 ${lite.date1904} vs ${excel.date1904}`)
  if (lite.sheets.length !== excel.sheets.length) diffs.push(`sheet count ${lite.sheets.length} vs ${excel.sheets.length}`)
  lite.sheets.forEach((ls, i) => {
    const es = excel.sheets[i]
    if (!es) return
    const at = `sheet ${i + 1} “${ls.name}”`
    if (ls.name !== es.name) diffs.push(`${at}: name vs “${es.name}”`)
    if (ls.hidden !== es.hidden) diffs.push(`${at}: hidden ${ls.hidden} vs ${es.hidden}`)
    if (ls.rowCount !== es.rowCount) diffs.push(`${at}: rowCount ${ls.rowCount} vs ${es.rowCount}`)
    if (ls.blank !== es.blank) diffs.push(`${at}: blank ${ls.blank} vs ${es.blank}`)
    for (let r = 1; r <= Math.max(ls.rowCount, es.rowCount) + 1; r++) {
      const lr = ls.rows.get(r)
      const er = es.row(r)
      // exceljs lists every column up to the row's last (empty ones as null); a cell absent on one side
      // and empty on the other is the same reading.
      const cols = new Set([...(lr?.keys() ?? []), ...(er?.keys() ?? [])])
      for (const c of cols) {
        const lc = lr?.get(c)
        const ec = er?.get(c)
        const lv = lc?.value ?? null
        const ev = shown(ec?.value)
        if (lv !== null) cells++
        if (!same(lv, ev)) diffs.push(`${at} R${r}C${c}: ${show(lv)} vs ${show(ev)}`)
        if (masterOf(lc) !== masterOf(ec)) diffs.push(`${at} R${r}C${c}: master ${masterOf(lc)} vs ${masterOf(ec)}`)
      }
    }
  })
  return { diffs, cells }
}

/** Both readers on the same bytes: the lite reader reads the file, and reads it as exceljs does. */
async function expectSameReading(buffer: Buffer): Promise<LiteWorkbook> {
  const lite = await liteOf(buffer)
  expect(lite, 'the lite reader reads this workbook').not.toBeNull()
  const { diffs, cells } = differences(lite!, await excelOf(buffer))
  expect(diffs.slice(0, 40)).toEqual([])
  expect(cells, 'cells with a value were compared').toBeGreaterThan(0)
  return lite!
}

// ---- hand-built workbooks ------------------------------------------------------------------------------

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

interface HandSheet {
  name: string
  state?: 'hidden' | 'veryHidden'
  /** The whole worksheet part, or the inside of <worksheet> (wrapped with the main namespace). */
  xml: string
}

/** Cell formats: index 0 general, then these numFmtIds (custom codes declared in `numFmts`). */
interface HandBook {
  sheets: HandSheet[]
  strings?: string[]
  numFmts?: Record<number, string>
  xfs?: number[]
  /** numFmtId of cell format 0 (exceljs never treats format 0 as a date, whatever its number format). */
  xf0?: number
  date1904?: boolean
  /** Parts to replace verbatim, by name. */
  raw?: Record<string, string>
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

function handParts(book: HandBook): Record<string, string> {
  const sheets = book.sheets
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${HEAD}<workbook ${NS}>${book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets
      .map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${Object.keys(book.numFmts ?? {}).length}">${Object.entries(book.numFmts ?? {})
      .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`)
      .join('')}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${(book.xfs?.length ?? 0) + 1}"><xf numFmtId="${book.xf0 ?? 0}" fontId="0" fillId="0" borderId="0" xfId="0"/>${(book.xfs ?? [])
      .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
      .join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    'xl/sharedStrings.xml': `${HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${book.strings?.length ?? 0}" uniqueCount="${book.strings?.length ?? 0}">${(book.strings ?? []).join('')}</sst>`,
  }
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml.startsWith('<?xml') ? s.xml : `${HEAD}<worksheet ${NS}>${s.xml}</worksheet>`
  })
  return { ...parts, ...book.raw }
}

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text, 'utf8'), name)
  zip.end()
  const chunks: Buffer[] = []
  for await (const c of zip.outputStream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

const handBook = (book: HandBook) => zipOf(handParts(book))

/** The parts map as safety.ts hands it over, built directly (for the cases exceljs need not see). */
function partsOf(book: HandBook): Map<string, Buffer> {
  return new Map(
    Object.entries(handParts(book))
      .filter(([name]) => isLitePart(name))
      .map(([name, text]) => [name, Buffer.from(text, 'utf8')]),
  )
}

const STRINGS = [
  '<si><t>plain</t></si>',
  '<si><t>&amp;&lt;&gt;&quot;&apos;&#x4E2D;&#22269;&#x1F600;</t></si>',
  '<si><r><t>ri</t></r><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t xml:space="preserve">ch </t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
  // Excel writes a carriage return as _x000D_; exceljs undoes such escapes (upper-case hex only) in shared text.
  '<si><t>line_x000D_\nnext _x005F_x0041_ _x0041_ _x00e9_</t></si>',
  '<si><t xml:space="preserve">  two\r\nlines\rand\nmore  </t></si>',
  '<si><t/></si>',
  '<si><t>中文 全角１２３ ＡＢＣ</t><rPh sb="0" eb="2"><t>チュウ</t></rPh></si>',
  '<si><r><t>only</t></r><r><t>runs</t></r></si>',
  '<si><r><rPr/><t>a_x0009_b</t></r><r></r><r><rPr><b/></rPr></r></si>',
  '<si><t>91440000719283738X</t></si>',
]

// Cell formats: 1 built-in date (14), 2 custom date-time, 3 custom number, 4 text in quotes and a colour
// (no date), 5 built-in 22, 6 built-in 49 (text), 7 custom with an escaped letter (still a date), 8 elapsed.
const XFS = [14, 164, 165, 166, 22, 49, 167, 46]
const NUM_FMTS = { 164: 'yyyy-mm-dd hh:mm', 165: '0.00', 166: '[Red]0"d"', 167: '#,##0\\d' }

const VALUES_SHEET = `<dimension ref="A1:AA13"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="3" width="12" customWidth="1"/></cols><sheetData>
<row r="1" spans="1:6"><c r="A1" t="inlineStr"><is><t>inline</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space="preserve"> inline</t></r></is></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c><c r="F1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="str"><f>A1&amp;"x"</f><v>inline&amp;amp;x</v></c><c r="E2"><f>1+1</f><v>2</v></c><c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G2" t="b"><f>TRUE()</f><v>1</v></c><c r="H2"><f>NOW()</f></c><c r="I2" t="str"><v>plain &amp;amp; str</v></c><c r="J2" t="s"><v>4</v></c><c r="K2" t="s"><v>5</v></c><c r="L2" t="s"><v>6</v></c><c r="M2" t="s"><v>7</v></c><c r="N2" t="s"><v>8</v></c><c r="O2" t="s"><v>9</v></c><c r="P2"><f t="shared" ref="P2:P3" si="0">E2*2</f><v>4</v></c></row>
<row r="3" ht="20" customHeight="1"><c r="A3" s="1"><v>44295</v></c><c r="B3" s="2"><v>44295.5</v></c><c r="C3" s="3"><v>12</v></c><c r="D3" s="4"><v>44295</v></c><c r="E3" s="1"><f>DATE(2021,4,9)</f><v>44295</v></c><c r="F3" s="5"><v>44295.75</v></c><c r="G3" s="6"><v>7</v></c><c r="H3" s="7"><v>44295</v></c><c r="I3" s="8"><v>0.5</v></c><c r="J3" s="1" t="s"><v>0</v></c><c r="K3" s="99"><v>44295</v></c><c r="L3" s="x"><v>44295</v></c><c r="P3"><f t="shared" si="0"/><v>6</v></c></row>
<row r="4"><c r="A4" s="1"/><c r="B4" s="3"></c><c r="C4"/><c r="D4" s="2"><v></v></c><c r="E4" t="s"><v></v></c><c r="F4" s="3" t="inlineStr"><is><t/></is></c><c r="G4" t="inlineStr"><is><t></t></is></c><c r="H4"><f t="shared" si="1"/></c><c r="I4" s="1"><f>A1</f><v></v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>&#x4E2D;&#22269;&lt;&gt;&quot;&apos;&amp;</t></is></c><c r="B5"><v>1.5E3</v></c><c r="C5"><v>-0.25</v></c><c r="D5"><v>1234567890123</v></c><c r="E5" t="n"><v> 7 </v></c><c r="F5" t="d"><v>2021-05-06</v></c><c r="G5" t="inlineStr"><is><t>x</t><!-- a comment --><t>y</t></is></c><c r="H5" t="inlineStr"><is><r><t>r_x0041_</t></r><r><rPr><i/></rPr><t>s</t></r></is></c><c r="I5" t="inlineStr"><is><t>p_x0041_</t></is></c><c r="J5" t="inlineStr"><v>12</v></c><c r="K5" t="str"><v>&amp;#x41;&amp;AMP;&amp;lt;&amp;nbsp;</v></c><c r="L5"><f></f><v>5</v></c><c r="M5" t="b"><v>2</v></c><c r="N5" t="b"><v>x</v></c><c r="O5" t="e"><v>#REF!</v></c><c r="P5"><v>abc</v></c><c r="Q5" t="s"><v> 9</v></c><c r="R5"><v>1&#48;</v></c>
<c r="S5"
   s="3"  t = 'n' ><v>4</v></c><c r="T5" t="&#115;"><v>0</v></c><c r="U5" s="&#49;"><v>44295</v></c><c r="V5" t="s" ><v>0</v ></c ></row>
<row r="7"><c r="AA7" t="inlineStr"><is><t>far</t></is></c><c r="$B$7"><v>1</v></c></row>
<row r="8"><c r="A8" t="inlineStr"><is><t>line1&#10;line2</t></is></c><c r="B8" t="str"><v>a&#13;&#10;b</v></c><c r="C8" s="1" t="str"><f>TEXT(A3,"yyyy")</f><v>44295</v></c><c r="D8" s="1" t="str"><f>TEXT(A3,"yyyy")</f><v>2021年</v></c><c r="E8" s="1" t="b"><f>TRUE()</f><v>1</v></c><c r="F8" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G8" s="1" t="s"><v>0</v></c><c r="H8" s="1" t="b"><v>1</v></c></row>
<row r="9" spans="1:3" ht="20" customHeight="1"><c r="A9" t="inlineStr"><is><t>merged master</t></is></c><c r="B9" s="3"/></row>
<row r="12"><c r="E12"><v>42</v></c></row>
<row r="14"><c r="A14"><f>0*1</f><v>0</v></c><c r="B14" t="b"><f>FALSE()</f><v>0</v></c><c r="C14" s="1"><f>0*1</f><v>0</v></c><c r="D14"><f t="shared" si="5"/><v>7</v></c><c r="E14"><f t="shared" ref="E14:F14" si="5"/><v>8</v></c><c r="F14"><f t="shared" si="5"/><v>9</v></c><c r="G14"><f t="array" ref="G14">1</f><v>3</v></c><c r="H14"><f t="array" ref="H14"/><v>3</v></c><c><f t="shared" ref="I14:J14" si="6">1</f><v>1</v></c><c r="J14"><f t="shared" si="6"/><v>2</v></c><c r="K14" t="str"><f>"a"</f><v>&amp;lt;b&amp;gt;</v></c><c r="L14"><f>1/3</f><v>0.33333333333333331</v></c></row>
</sheetData><mergeCells count="3"><mergeCell ref="A9:C10"/><mergeCell ref="E12:E13"/><mergeCell ref="H12:G11"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`

describe('the lite reader reads as exceljs does', () => {
  it('hand-built cells: inline and shared strings, entities, CDATA, phonetic runs, booleans, errors, formulas, dates, merges', async () => {
    const lite = await expectSameReading(
      await handBook({
        sheets: [
          { name: '值', xml: VALUES_SHEET },
          { name: 'hidden & "quoted"', state: 'hidden', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>list</t></is></c></row></sheetData>' },
          { name: 'very', state: 'veryHidden', xml: '<sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>' },
          { name: 'styled only', xml: '<sheetData><row r="1"><c r="A1" s="1"/><c r="B1" s="3"/></row><row r="3"/></sheetData>' },
          { name: 'empty', xml: '<sheetData/>' },
          { name: 'merge only', xml: '<sheetData/><mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>' },
          { name: 'unstyled empties', xml: '<sheetData><row r="1"><c r="A1"/><c r="B1" s="0"></c><c r="C1" t="s"><v></v></c></row><row r="2"></row></sheetData>' },
          { name: 'linked', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c><c r="D1"><f>0*1</f><v>0</v></c><c r="E1" t="b"><v>0</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" location="\'值\'!A1" display="x"/><hyperlink ref="C1" location="A2"/><hyperlink ref="E1" r:id="rId1"/></hyperlinks>' },
        ],
        raw: {
          'xl/worksheets/_rels/sheet8.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/a?b=1&amp;c=2" TargetMode="External"/></Relationships>`,
        },
        strings: STRINGS,
        numFmts: NUM_FMTS,
        xfs: XFS,
      }),
    )
    // The cases really are what they say (guards the fixture, not the reader).
    const cell = (r: number, c: number) => lite.sheets[0].rows.get(r)?.get(c)?.value
    expect(cell(1, 5)).toBe('rich ')
    expect(cell(1, 4)).toBe('&<>"\'中国😀')
    expect(cell(1, 6)).toBe('line\r\nnext _x0041_ A _x00e9_')
    expect(cell(5, 11)).toBe('&#x41;&AMP;<&nbsp;')
    expect(cell(4, 4)).toBeNull()
    expect(cell(3, 1)).toEqual(new Date(Date.UTC(2021, 3, 9)))
    expect(cell(10, 3)).toBe('merged master')
    expect(lite.sheets.map((s) => [s.hidden, s.blank])).toEqual([
      [false, false],
      [true, false],
      [true, false],
      [false, true],
      [false, true],
      [false, false],
      [false, true],
      [false, false],
    ])
  })

  it('cells without r, after cells with r (exceljs counts on from the last cell it kept)', async () => {
    await expectSameReading(
      await handBook({
        sheets: [
          {
            name: 'Sheet1',
            xml: '<sheetData><row r="1"><c r="B1"><v>1</v></c><c><v>2</v></c><c t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2" s="1"/><c><v>3</v></c><c r="E2"><v>4</v></c><c s="3"/><c><v>5</v></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3"/><c/><c><v>2</v></c><c r="E3"><v>3</v></c><c r="D3"/><c><v>4</v></c></row></sheetData>',
          },
        ],
        xfs: XFS,
        numFmts: NUM_FMTS,
      }),
    )
  })

  it('cell format 0 is never a date to exceljs, even with a date number format', async () => {
    await expectSameReading(
      await handBook({ xf0: 14, xfs: [14], sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>44295</v></c><c r="B1" s="0"><v>44295</v></c><c r="C1" s="1"><v>44295</v></c></row></sheetData>' }] }),
    )
  })

  it('a 1904 workbook: date cells and date formulas', async () => {
    await expectSameReading(
      await handBook({
        date1904: true,
        sheets: [{ name: 'mac', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>42860</v></c><c r="B1" s="2"><f>A1</f><v>42860.25</v></c><c r="C1"><v>42860</v></c></row></sheetData>' }],
        xfs: XFS,
        numFmts: NUM_FMTS,
      }),
    )
  })

  it('the generated template filled with 200 rows, some of them broken', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const dir = tempDir('starsite-lite-')
    const template = path.join(dir, 'template.xlsx')
    expect((await dispatch(app, 'roster.template', { outPath: template })).ok).toBe(true)
    app.close()
    const breakages: Array<(v: RosterRowValues) => void> = [
      (v) => (v.name = null),
      (v) => (v.type = '超市'),
      (v) => (v.applyDate = '下个月'),
      (v) => (v.staffCount = -5),
      (v) => (v.seats = '三十个'),
      (v) => (v.code = 'GD-2021-Y999'),
      (v) => (v.remarks = '=SUM(1)&<b>"引号"</b>'),
    ]
    const rows = Array.from({ length: 200 }, (_, i) => {
      const v: RosterRowValues = { ...validSite(i), remarks: i % 2 ? '已更正' : '' }
      if (i % 8 === 3) breakages[(i >> 3) % breakages.length](v)
      return v
    })
    const file = path.join(dir, 'filled.xlsx')
    await fillTemplate(template, rows, file)
    const lite = await expectSameReading(fs.readFileSync(template))
    expect(lite.sheets.map((s) => s.hidden)).toEqual([false, true, false])
    await expectSameReading(fs.readFileSync(file))
  })

  it('the messy roster: title row, merges, formulas, rich text, links, full-width digits', async () => {
    const file = path.join(tempDir('starsite-lite-'), 'messy.xlsx')
    const header = ['服务现场名称', '类型', '所属运营商', '申报单位', '社会信用代码', '地市', '详细地址', null, '星级', '负责人', '手机', '申报日期', '证书编号', '营业面积(平方米)', '内部备注', '电子邮箱', '审核意见']
    const row = (name: unknown, type: unknown, star: unknown, phone: unknown, date: unknown, certs: unknown, extra: unknown = null) => [
      name, type, '移动', '中国移动通信集团广东有限公司', '９１４４０３００１９２２０３８２１６', '广州', '广州市天河路 1 号', null, star, '张三', phone, date, certs, 150, extra, null, null,
    ]
    await writeCells(
      file,
      [
        ['2021年星级服务现场推荐汇总表（中国移动广东公司）'],
        [],
        header,
        row({ richText: [{ text: '天河' }, { text: '旗舰营业厅', font: { bold: true } }] }, { formula: '"营业"&"厅"', result: '营业厅' }, '★★★', '１３８００１３８０００', '2021年5月6日', 'A001、A002；A003\nA004', '内部'),
        [],
        row('越秀营业厅', '电信业务实体营业厅', '三星级', '020-83331234', new Date(Date.UTC(2021, 4, 7)), 'B001,B002'),
        row('番禺营业厅', '营业厅', 3, '13800138001', '2021/5/8', null),
        row('白云营业厅', '营业厅', '四星', '13800138002', '2021.5.9', null),
        row(true, false, { formula: '1/0', result: { error: '#DIV/0!' } }, { error: '#N/A' }, { formula: 'TODAY()', result: new Date(Date.UTC(2021, 4, 10)) }, { sharedFormula: 'B4' }),
      ],
      (ws) => {
        ws.mergeCells('A1:F1')
        ws.mergeCells('G3:H3')
        ws.mergeCells('D7:D8')
        ws.getCell('P4').value = { text: 'shop@example.com', hyperlink: 'mailto:shop@example.com' }
        ws.getCell('P5').value = { text: { richText: [{ text: 'rich ' }, { text: 'link' }] }, hyperlink: 'https://example.com/?a=1&b=2' } as unknown as ExcelJS.CellValue
        ws.getCell('L6').numFmt = 'yyyy-mm-dd'
        ws.getCell('L7').numFmt = 'yyyy"年"m"月"d"日"'
        ws.getCell('L7').value = 44324
        ws.getCell('N7').numFmt = '0.00'
        ws.getCell('Q8').style = { font: { bold: true } }
      },
    )
    await expectSameReading(fs.readFileSync(file))
  })

  it('a roster in the 1904 date system, as date cells and as bare serial numbers', async () => {
    const file = path.join(tempDir('starsite-lite-'), 'mac.xlsx')
    const header = ['现场名称', '现场类型', '所属企业', '推荐单位', '统一社会信用代码', '所在地市', '详细地址', '申报星级', '现场负责人', '联系电话', '申报日期', '营业面积']
    const base = ['营业厅', '中国电信', '中国电信广东分公司', '914403001922038216', '深圳市', '深圳市福田路 2 号', 3, '李四', '13900139000']
    await writeCells(file, [header, ['福田营业厅', ...base, new Date(Date.UTC(2021, 4, 6)), 100], ['南山营业厅', ...base, 42860, 100]], (ws, wb) => {
      wb.properties.date1904 = true
      ws.getCell('K2').numFmt = 'yyyy-mm-dd'
    })
    const lite = await expectSameReading(fs.readFileSync(file))
    expect(lite.date1904).toBe(true)
  })

  it('the training roster', async () => {
    const file = path.join(tempDir('starsite-lite-'), 'training.xlsx')
    await writeCells(file, MESSY_TRAINING_ROWS)
    await expectSameReading(fs.readFileSync(file))
  })

  it('a larger plain roster with long, multi-line, escaped and astral text', async () => {
    const file = path.join(tempDir('starsite-lite-'), 'plain.xlsx')
    const rows = Array.from({ length: 1500 }, (_, i) =>
      rowCells({
        ...validSite(i),
        highlights: i % 3 ? `坚持“客户至上”的服务理念，\r\n推行首问负责制 <${i}> & "引号" '单引号' 😀${' '.repeat(i % 4)}` : '',
        areaSqm: i % 5 ? 120.5 + i / 100 : null,
        remarks: i % 7 === 0 ? '  前后空格  ' : null,
      }),
    )
    await writeCells(file, [HEADERS, ...rows], (ws) => ws.mergeCells('V2:W4'))
    await expectSameReading(fs.readFileSync(file))
  })

  it('inline-string sheets as other tools write them, with controls XML allows', async () => {
    const file = path.join(tempDir('starsite-lite-'), 'raw.xlsx')
    const row = rowCells({ ...validSite(21), name: '广州\u007f天河\u009b营业厅\u202e\u200b', address: '广州市\t天河区\r\n体育西路 1 号' }).map((v) =>
      v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v),
    )
    await writeRawXlsx(file, 40, (r) => (r === 0 ? HEADERS : row))
    await expectSameReading(fs.readFileSync(file))
  })

  it('the comparison itself notices a different reading', async () => {
    const buffer = await handBook({ sheets: [{ name: 'S', xml: VALUES_SHEET }], strings: STRINGS, numFmts: NUM_FMTS, xfs: XFS })
    const excel = await excelOf(buffer)
    const tamper = async (change: (lite: LiteWorkbook) => void) => {
      const lite = (await liteOf(buffer))!
      change(lite)
      return differences(lite, excel).diffs
    }
    expect(await tamper(() => {})).toEqual([])
    const rows = (l: LiteWorkbook) => l.sheets[0].rows
    expect(await tamper((l) => (rows(l).get(1)!.get(3)!.value = 'plain '))).toHaveLength(1)
    expect(await tamper((l) => (rows(l).get(3)!.get(1)!.value = new Date(Date.UTC(2021, 3, 10))))).toHaveLength(1)
    expect(await tamper((l) => (rows(l).get(2)!.get(3)!.value = { error: '#REF!' }))).toHaveLength(1)
    expect(await tamper((l) => (rows(l).get(2)!.get(1)!.value = 1))).toHaveLength(1)
    expect(await tamper((l) => rows(l).get(5)!.set(2, { value: null, hasValue: false }))).toHaveLength(1)
    expect(await tamper((l) => rows(l).get(5)!.set(30, { value: 0, hasValue: true }))).toHaveLength(1)
    expect(await tamper((l) => (rows(l).get(10)!.get(2)!.master = { row: 9, col: 2 }))).toHaveLength(1)
    expect(await tamper((l) => (l.sheets[0].rowCount = 12))).toHaveLength(1)
    expect(await tamper((l) => (l.sheets[0].blank = true))).toHaveLength(1)
  })
})

const LINK_RELS = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>`

describe('random sheets: where the lite reader reads, it reads as exceljs does', () => {
  const letters = (c: number) => (c > 26 ? String.fromCharCode(64 + Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26))
  const text = fc.constantFrom('', '0', '1', '42', '-3.5', '1e3', ' 7 ', '44295', '44295.25', 'abc', '中文', '&amp;&lt;x&gt;', '&amp;amp;', 'a&#10;b', '_x000D_', '#N/A', 'TRUE')
  // [t, content]: the usual pairs mostly, odd ones sometimes.
  const typed = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(null, 'n'), text.map((v) => `<v>${v}</v>`)) },
    { weight: 3, arbitrary: fc.tuple(fc.constant('s'), fc.nat(STRINGS.length - 1).map((i) => `<v>${i}</v>`)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('inlineStr', 'str', 'b', 'e', 'd'), text.map((v) => `<v>${v}</v>`)) },
    { weight: 2, arbitrary: fc.tuple(fc.constant('inlineStr'), text.map((v) => `<is><t>${v}</t></is>`)) },
    { weight: 1, arbitrary: fc.tuple(fc.constant('inlineStr'), fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => `<is>${runs.map((r) => `<r><rPr><b/></rPr><t>${r}</t></r>`).join('')}</is>`)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(null, 'str', 'b', 'e', 's'), fc.tuple(fc.constantFrom('', 'A1', '1+1'), text).map(([f, v]) => `<f>${f}</f><v>${v}</v>`)) },
    {
      weight: 2,
      arbitrary: fc.tuple(
        fc.constantFrom(null, 'str'),
        fc.tuple(fc.constantFrom('<f t="shared" ref="A1:A9" si="0">B1</f>', '<f t="shared" si="0"/>', '<f t="shared" ref="C1:C2" si="1"/>', '<f t="shared" si="1"/>', '<f t="array" ref="A1">1</f>'), fc.option(text)).map(([f, v]) => f + (v === null ? '' : `<v>${v}</v>`)),
      ),
    },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(null, 's', 'inlineStr', 'str'), fc.constantFrom(null, '<v></v>', '<is><t/></is>', '<v>1</v><v>2</v>', '<v>3</v><is><t>4</t></is>')) },
  )
  const cell = fc.record({
    ref: fc.constantFrom('plain', 'plain', 'plain', 'plain', 'dollar', 'none'),
    gap: fc.nat(2),
    s: fc.constantFrom(null, null, '0', '1', '2', '3', '7', '99'),
    typed,
  })
  const sheet = fc.record({
    rows: fc.array(fc.record({ gap: fc.nat(2), cells: fc.array(cell, { maxLength: 6 }) }), { minLength: 1, maxLength: 6 }),
    merge: fc.option(fc.constantFrom('A1:B1', 'C2:C4', 'B3:D3', 'E1:E1')),
    links: fc.array(fc.constantFrom('A1', 'B2', 'C3', 'A2', 'B1:B3'), { maxLength: 2 }),
    // Pretty-printed, as some tools write: white space between all tags (inside empty values too).
    pretty: fc.boolean(),
  })

  function sheetXml(s: {
    rows: { gap: number; cells: { ref: string; gap: number; s: string | null; typed: [string | null, string | null] }[] }[]
    merge: string | null
    links: string[]
    pretty: boolean
  }): string {
    let r = 0
    const rows = s.rows.map((row) => {
      r += row.gap + 1
      let c = 0
      const cells = row.cells.map((x) => {
        c += x.gap + 1
        const ref = x.ref === 'plain' ? ` r="${letters(c)}${r}"` : x.ref === 'dollar' ? ` r="$${letters(c)}$${r}"` : ''
        const [t, body] = x.typed
        return `<c${ref}${x.s === null ? '' : ` s="${x.s}"`}${t === null ? '' : ` t="${t}"`}${body === null ? '/>' : `>${body}</c>`}`
      })
      return `<row r="${r}">${cells.join('')}</row>`
    })
    const links = s.links.length ? `<hyperlinks>${s.links.map((ref) => `<hyperlink ref="${ref}" r:id="rId1"/>`).join('')}</hyperlinks>` : ''
    const xml = `<sheetData>${rows.join('')}</sheetData>${s.merge ? `<mergeCells count="1"><mergeCell ref="${s.merge}"/></mergeCells>` : ''}${links}`
    return s.pretty ? xml.replace(/></g, '>\n  <') : xml
  }

  it('agrees on every random sheet it reads', async () => {
    let read = 0
    let runs = 0
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async (s, date1904) => {
        runs++
        const book: HandBook = { sheets: [{ name: 'S', xml: sheetXml(s) }], strings: STRINGS, numFmts: NUM_FMTS, xfs: XFS, date1904, raw: { 'xl/worksheets/_rels/sheet1.xml.rels': LINK_RELS } }
        const buffer = await handBook(book)
        const lite = await liteOf(buffer)
        if (lite === null) return
        read++
        // A file exceljs cannot load is not one the lite reader may read.
        const excel = await excelOf(buffer)
        expect(differences(lite, excel).diffs).toEqual([])
      }),
      { numRuns: 200, seed: 20210506 },
    )
    // Most random sheets are ordinary enough to be read, so the property is not vacuous.
    expect(read).toBeGreaterThan(runs / 2)
  }, 120_000)
})

describe('what the lite reader does not know, it refuses (the caller falls back to exceljs)', () => {
  const cell = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'
  const base: HandBook = { sheets: [{ name: 'S', xml: cell }], strings: ['<si><t>x</t></si>'] }

  it('reads the base case', () => {
    expect(readLiteWorkbook(partsOf(base))?.sheets[0].rows.get(1)?.get(1)?.value).toBe('x')
  })

  it.each<[string, HandBook]>([
    ['a namespace-prefixed worksheet root', { ...base, sheets: [{ name: 'S', xml: `${HEAD}<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>` }] }],
    ['a namespace-prefixed shared strings root', { ...base, raw: { 'xl/sharedStrings.xml': `${HEAD}<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>x</x:t></x:si></x:sst>` } }],
    ['an unknown entity in a shared string', { ...base, strings: ['<si><t>a&nbsp;b</t></si>'] }],
    ['an unknown entity in a cell', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&copy;</t></is></c></row></sheetData>' }] }],
    ['an unknown entity in a number', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>&x;1</v></c></row></sheetData>' }] }],
    ['an unknown entity in an attribute', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="&bogus;"><v>1</v></c></row></sheetData>' }] }],
    ['malformed nesting in a sheet', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</c></v></row></sheetData>' }] }],
    ['an unclosed cell', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>' }] }],
    ['malformed nesting in shared strings', { ...base, strings: ['<si><t>x</si></t>'] }],
    ['an illegal control character in a sheet', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a\u0001b</t></is></c></row></sheetData>' }] }],
    ['an illegal control character in shared strings', { ...base, strings: ['<si><t>a\u001bb</t></si>'] }],
    ['a DOCTYPE', { ...base, raw: { 'xl/sharedStrings.xml': `${HEAD}<!DOCTYPE sst [<!ENTITY e "x">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si></sst>` } }],
    ['a cell address of another row', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A2"><v>1</v></c></row></sheetData>' }] }],
    ['a cell address that is not one', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>' }] }],
    ['a row number that is not one', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="x"><c r="A1"><v>1</v></c></row></sheetData>' }] }],
    ['an unquoted attribute', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r=1><c r="A1"><v>1</v></c></row></sheetData>' }] }],
    ['a cell outside a row', { ...base, sheets: [{ name: 'S', xml: '<sheetData><c r="A1"><v>1</v></c></sheetData>' }] }],
    ['a missing sheet part', { ...base, raw: { 'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/nowhere.xml"/></Relationships>` } }],
    ['a sheet without a relationship', { ...base, raw: { 'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>` } }],
    ['a huge merged range', { ...base, sheets: [{ name: 'S', xml: `${cell}<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>` }] }],
    ['an unterminated CDATA section', { ...base, strings: ['<si><t><![CDATA[x</t></si>'] }],
    ['an unterminated tag', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData' }] }],
    // What exceljs reads in its own way (or fails on), which the lite reader leaves to it rather than copy:
    ['CDATA in a shared string (exceljs drops its text)', { ...base, strings: ['<si><t><![CDATA[a<b]]></t></si>'] }],
    ['CDATA in an inline string', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row></sheetData>' }] }],
    ['"]]>" in text (the parser rejects it)', { ...base, strings: ['<si><t>a]]>b</t></si>'] }],
    ['a bare ampersand', { ...base, strings: ['<si><t>a & b</t></si>'] }],
    ['a reference to a character XML forbids', { ...base, strings: ['<si><t>a&#1;b</t></si>'] }],
    ['an empty shared string item (an object to exceljs)', { ...base, strings: ['<si></si>'] }],
    ['a self-closing shared string item', { ...base, strings: ['<si/>'] }],
    ['two texts in one shared string (exceljs keeps the last)', { ...base, strings: ['<si><t>a</t><t>b</t></si>'] }],
    ['a text beside runs in a shared string', { ...base, strings: ['<si><t>a</t><r><t>b</t></r></si>'] }],
    ['an unknown element in a shared string', { ...base, strings: ['<si><x><t>a</t></x></si>'] }],
    ['a phonetic run inside an inline string (exceljs loses the rest of the sheet)', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></is></c></row></sheetData>' }] }],
    ['text before runs in a cell', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t><r><t>b</t></r></is></c></row></sheetData>' }] }],
    ['runs in a shared-string cell', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><is><r><t>b</t></r></is></c></row></sheetData>' }] }],
    ['an unknown element in a cell', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v><extLst/></c></row></sheetData>' }] }],
    ['a lower-case cell address', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="a1"><v>1</v></c></row></sheetData>' }] }],
    ['a column beyond XFD', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>' }] }],
    ['a row without r (exceljs fails)', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>' }] }],
    ['a repeated row (exceljs keeps only the last)', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row></sheetData>' }] }],
    ['a first cell without r (exceljs fails)', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"/><c><v>1</v></c></row></sheetData>' }] }],
    ['overlapping merged ranges (exceljs fails)', { ...base, sheets: [{ name: 'S', xml: `${cell}<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>` }] }],
    ['a merged range that is not one', { ...base, sheets: [{ name: 'S', xml: `${cell}<mergeCells count="1"><mergeCell ref="A1:B2:C3"/></mergeCells>` }] }],
    ['a link on an empty cell (exceljs shows the address)', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"/></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>' }] }],
    ['a link on a formula without a result', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><f>B1</f></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>' }] }],
    ['a shared string index out of range (exceljs fails)', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData>' }] }],
    ['a shared string index that is not a number', { ...base, sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>x</v></c></row></sheetData>' }] }],
    ['a second sheetData', { ...base, sheets: [{ name: 'S', xml: `${cell}<sheetData/>` }] }],
    ['date1904="true" (exceljs takes only "1")', { ...base, raw: { 'xl/workbook.xml': `${HEAD}<workbook ${NS}><workbookPr date1904="true"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` } }],
    ['a sheet id that is not a number', { ...base, raw: { 'xl/workbook.xml': `${HEAD}<workbook ${NS}><sheets><sheet name="S" sheetId="x" r:id="rId1"/></sheets></workbook>` } }],
    ['a sheet relationship under another prefix', { ...base, raw: { 'xl/workbook.xml': `${HEAD}<workbook ${NS} xmlns:q="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" q:id="rId1"/></sheets></workbook>` } }],
    ['a sheet part exceljs does not load (not sheetN.xml)', { ...base, raw: { 'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/data.xml"/></Relationships>`, 'xl/worksheets/data.xml': `${HEAD}<worksheet ${NS}>${cell}</worksheet>` } }],
    ['a number format without a code (exceljs fails)', { ...base, raw: { 'xl/styles.xml': `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164"/></numFmts></styleSheet>` } }],
  ])('%s', (_, book) => {
    expect(readLiteWorkbook(partsOf(book))).toBeNull()
  })

  it('refuses raw control characters written by another tool (exceljs refuses the file too)', async () => {
    const file = path.join(tempDir('starsite-lite-'), 'c0.xlsx')
    await writeRawXlsx(file, 2, (r) => (r === 0 ? HEADERS : ['广州\u0001天河\u001b[31m营业厅']))
    const buffer = fs.readFileSync(file)
    expect(await liteOf(buffer)).toBeNull()
    await expect(excelOf(buffer)).rejects.toThrow()
  })
})
