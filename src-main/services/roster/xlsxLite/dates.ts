/**
 * Which cell styles are dates, and the Date of a serial: both halves of exceljs's date reading, copied together
 * so that a cell is a Date exactly when exceljs makes it one, and the same instant.
 */
import { attributes, fail, partText, scan } from './xml'

/** The same test as exceljs utils.isDateFmt. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')
  return /[ymdhMsb]+/.test(f)
}

/** Built-in formats exceljs knows a code for that pass its date test (14–22, 45–47). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])

/** For each cellXfs index: is its number format a date format, as exceljs resolves it. */
export function dateStyles(buffer: Buffer | undefined): boolean[] {
  if (!buffer) return []
  const custom = new Map<number, string>()
  const xfNumFmt: number[] = []
  let inNumFmts = false
  let inCellXfs = false
  scan(
    partText(buffer),
    (name, tag) => {
      if (name === 'numFmts') inNumFmts = true
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'numFmt' && inNumFmts) {
        const a = attributes(tag)
        if (a.formatCode === undefined) fail('numFmt without code')
        custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'))
      } else if (name === 'xf' && inCellXfs) xfNumFmt.push(parseInt(attributes(tag).numFmtId, 10))
    },
    (name) => {
      if (name === 'numFmts') inNumFmts = false
      else if (name === 'cellXfs') inCellXfs = false
    },
  )
  // exceljs: a custom code if there is a non-empty one, else the built-in code of that id.
  return xfNumFmt.map((id) => (id ? (custom.get(id) ? isDateFmt(custom.get(id)) : BUILTIN_DATE_IDS.has(id)) : false))
}

/** exceljs utils.excelToDate. */
export function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000))
}
