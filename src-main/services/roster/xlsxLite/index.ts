/**
 * A small reader of the parts of an .xlsx the roster readers need — workbook.xml (sheet order, names,
 * visibility, the 1904 flag), its relationships, shared strings, styles (which number formats are dates) and
 * the worksheets' cells and merged ranges — yielding the same cell values exceljs's full model would (the same
 * date-format test, the same date arithmetic, merged cells read from their master, formulas by their cached
 * result, rich and inline text joined). It works on the parts safety.ts already inflated while checking the
 * file, so the zip is inflated once. Anything it does not recognise makes it return null, and the caller
 * falls back to exceljs: it is a fast path, never a second opinion.
 *
 * "The same as exceljs" includes exceljs's own habits: `_xHHHH_` escapes are undone in shared and rich text
 * but not in plain inline text, `t="str"` text is unescaped a second time, a cell that is empty and unstyled
 * does not exist for it, an empty `<v></v>` is no value, a formula's cached result shows only when it is
 * truthy (0 and FALSE read as empty) and becomes a date under a date format whatever its type. What exceljs
 * reads in a way we do not copy (CDATA, whose text its parser drops; a phonetic run inside an inline string)
 * or fails on is refused here, never read differently; test/unit/roster/xlsxLite.test.ts holds the two to it.
 *
 * The cells and shared strings are read by dedicated loops over the text (no object per tag or attribute:
 * they are most of every roster); everything else goes through a small generic tokenizer.
 */
import { dateStyles } from './dates'
import { sharedStrings } from './sharedStrings'
import { readSheet } from './sheet'
import type { LiteSheet, LiteWorkbook } from './types'
import { Unsupported, attributes, fail, partText, scan, xmlDecode } from './xml'

export { LiteRow } from './types'
export type { LiteCell, LiteSheet, LiteValue, LiteWorkbook } from './types'

/** Resolve a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = base.split('/')
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg !== '.' && seg !== '') parts.push(seg)
  }
  return parts.join('/')
}

/**
 * The workbook from its inflated parts, or null when something is outside what this reader knows (the
 * caller then loads the file with exceljs).
 */
export function readLiteWorkbook(parts: ReadonlyMap<string, Buffer>): LiteWorkbook | null {
  try {
    const workbookPart = parts.get('xl/workbook.xml')
    const relsPart = parts.get('xl/_rels/workbook.xml.rels')
    if (!workbookPart || !relsPart) return null
    const rels = new Map<string, string>()
    scan(partText(relsPart), (name, tag) => {
      if (name !== 'Relationship') return
      const a = attributes(tag)
      if (a.Id && a.Target && a.TargetMode !== 'External') rels.set(a.Id, a.Target)
    })
    let date1904 = false
    const sheets: { name: string; hidden: boolean; part: string }[] = []
    const ids = new Set<number>()
    scan(partText(workbookPart), (name, tag) => {
      if (name === 'workbookPr') {
        const d = attributes(tag).date1904
        // exceljs takes only "1"; a "true" it would read as false, so leave it to exceljs.
        if (d !== undefined && d !== '0' && d !== '1' && d !== 'false') fail('date1904')
        date1904 = d === '1'
      } else if (name === 'sheet') {
        const a = attributes(tag)
        const target = a['r:id'] !== undefined ? rels.get(a['r:id']) : undefined
        if (!target) fail('sheet relationship')
        // exceljs finds the part as xl/<target without a leading /xl/> and loads only sheetN.xml parts.
        const part = resolveTarget('xl', target)
        if (part !== `xl/${target.replace(/^(\s|\/xl\/)+/, '')}` || !/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) fail('sheet part')
        if (sheets.some((s) => s.part === part)) fail('sheet part twice')
        // exceljs orders and keys sheets by sheetId.
        const id = Number(a.sheetId)
        if (!Number.isInteger(id) || id < 1 || ids.has(id)) fail('sheetId')
        ids.add(id)
        sheets.push({ name: xmlDecode(a.name ?? ''), hidden: a.state === 'hidden' || a.state === 'veryHidden', part })
      }
    })
    const strings = sharedStrings(parts.get('xl/sharedStrings.xml'))
    const dates = dateStyles(parts.get('xl/styles.xml'))
    const out: LiteSheet[] = []
    for (const s of sheets) {
      const part = parts.get(s.part)
      if (part === undefined) return null
      out.push(readSheet(part, s.name, s.hidden, strings, dates, date1904))
    }
    return { date1904, sheets: out }
  } catch (error) {
    if (error instanceof Unsupported) return null
    throw error
  }
}

/** The parts readLiteWorkbook may need, kept while safety.ts inflates every entry anyway. */
export function isLitePart(name: string): boolean {
  return (
    name === 'xl/workbook.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    name === 'xl/sharedStrings.xml' ||
    name === 'xl/styles.xml' ||
    (name.startsWith('xl/worksheets/') && name.endsWith('.xml') && name.indexOf('/', 14) === -1)
  )
}
