/**
 * The <sheetData> loop: every row and cell of a worksheet, with the values exceljs gives them. It is the hot
 * path of every roster, so it reads through a cursor of its own and slices text only where it is a value; the rest of
 * the worksheet is sheet.ts's.
 */
import { Cursor, endTag, endsName, startsElement } from './cursor'
import { excelToDate } from './dates'
import { readRun } from './sharedStrings'
import { LiteRow, type LiteValue } from './types'
import { decode, fail, skipMarkup, xmlDecode } from './xml'

/** exceljs refuses columns beyond XFD. */
export const MAX_COL = 16384

/** "AB12" or "$AB$12" -> [row 12, col 28]; anything else is refused. */
export function address(ref: string): [number, number] {
  const m = ref.match(/^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/)
  if (!m) fail(`address ${ref}`)
  let col = 0
  for (let i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64)
  const row = Number(m[2])
  if (col > MAX_COL || row < 1) fail(`address ${ref}`)
  return [row, col]
}

/** Cell types as exceljs branches on them; anything else reads as a number. */
const T_NUMBER = 0
const T_SHARED = 1
const T_STR = 2
const T_INLINE = 3
const T_BOOL = 4
const T_ERROR = 5

function cellType(t: string): number {
  switch (t) {
    case 's':
      return T_SHARED
    case 'str':
      return T_STR
    case 'inlineStr':
      return T_INLINE
    case 'b':
      return T_BOOL
    case 'e':
      return T_ERROR
    default:
      return T_NUMBER
  }
}

export interface SheetBuild {
  rows: Map<number, LiteRow>
  maxRow: number
  blank: boolean
  strings: string[]
  dates: boolean[]
  date1904: boolean
  /** Shared formula groups (si) whose master had an address, as exceljs's options.formulae. */
  sharedMasters: Map<string | undefined, boolean>
}

/** Integer of an all-digit range (short enough to be exact), or -1. */
function digits(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1
  let n = 0
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/**
 * The <sheetData> whose start tag ends just before `from`: its rows and cells into `sheet.rows`, with the
 * values exceljs gives them. Returns the index past </sheetData>.
 */
export function readSheetData(xml: string, from: number, sheet: SheetBuild): number {
  const { rows, strings, dates, date1904 } = sheet
  const cur = new Cursor()
  let i = from
  for (;;) {
    const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf('<', i)
    if (lt === -1) fail('unclosed sheetData')
    const c1 = xml.charCodeAt(lt + 1)
    if (c1 === 47) return endTag(xml, lt, 'sheetData')
    if (c1 === 33 || c1 === 63) {
      i = skipMarkup(xml, lt)
      continue
    }
    if (!startsElement(xml, lt, 'row')) fail('sheetData content')

    // <row r="n">: exceljs needs r (a row without it breaks its model) and replaces a repeated row whole.
    let rowNo = -1
    for (let a = lt + 4; (a = cur.attributeOrEnd(xml, a)) !== -1; ) {
      if (cur.attrIs(xml, 114 /* r */)) {
        rowNo = digits(xml, cur.attrValue, cur.attrValueEnd)
        if (rowNo === -1) rowNo = Number(cur.attrText(xml))
      }
    }
    const rowGt = cur.tagClose
    const rowSelfClosing = cur.tagSelfClosing
    if (!Number.isInteger(rowNo) || rowNo < 1) fail('row number')
    if (rows.has(rowNo)) fail('repeated row')
    const row = new LiteRow()
    rows.set(rowNo, row)
    if (rowNo > sheet.maxRow) sheet.maxRow = rowNo
    i = rowGt + 1
    if (rowSelfClosing) continue

    // The column of the last cell exceljs kept: a cell without r comes after it.
    let prevCol = 0
    for (;;) {
      const cl = xml.charCodeAt(i) === 60 ? i : xml.indexOf('<', i)
      if (cl === -1) fail('unclosed row')
      const k = xml.charCodeAt(cl + 1)
      if (k === 47) {
        i = endTag(xml, cl, 'row')
        break
      }
      if (k === 33 || k === 63) {
        i = skipMarkup(xml, cl)
        continue
      }
      if (k !== 99 /* c */ || !endsName(xml.charCodeAt(cl + 2))) fail('row content')

      // <c r="B7" s="3" t="s">
      let col = 0
      let hasRef = false
      let type = T_NUMBER
      let style = 0
      for (let a = cl + 2; (a = cur.attributeOrEnd(xml, a)) !== -1; ) {
        if (cur.attrNameEnd - cur.attrName !== 1) continue
        const n = xml.charCodeAt(cur.attrName)
        if (n === 114 /* r */) {
          col = cellColumn(cur, xml, rowNo)
          hasRef = true
        } else if (n === 115 /* s */) {
          // exceljs: parseInt when present and non-empty; 0 or NaN is no style.
          if (cur.attrValueEnd > cur.attrValue) {
            const d = digits(xml, cur.attrValue, cur.attrValueEnd)
            style = d !== -1 ? d : parseInt(cur.attrText(xml), 10) || 0
          }
        } else if (n === 116 /* t */) {
          const len = cur.attrValueEnd - cur.attrValue
          const t0 = xml.charCodeAt(cur.attrValue)
          // the usual t="s" without a slice
          type = len === 1 && t0 === 115 ? T_SHARED : len === 0 ? T_NUMBER : cellType(cur.attrText(xml))
        }
      }
      const cGt = cur.tagClose
      const cSelfClosing = cur.tagSelfClosing

      // The content: <v> and plain <t> text run together (as exceljs's model.value), <f> makes a formula,
      // <r> runs make rich text, <is> only wraps.
      let text = ''
      let vFrom = -1
      let vTo = -1
      let formula = false
      let runs: string | null = null
      let vSeen = false
      // <f t ref si>: exceljs makes a formula of a cell with formula text or a t attribute.
      let shareType = ''
      let shareRef = false
      let shareSi: string | undefined
      if (cSelfClosing) i = cGt + 1
      else {
        let p = cGt + 1
        // The usual shape, <v>digits</v></c>, read without slicing.
        if (xml.charCodeAt(p) === 60 && xml.charCodeAt(p + 1) === 118 && xml.charCodeAt(p + 2) === 62) {
          let vl = p + 3
          while (vl < xml.length && xml.charCodeAt(vl) !== 60) vl++
          if (vl < xml.length && xml.charCodeAt(vl + 1) === 47 && xml.charCodeAt(vl + 2) === 118 && xml.charCodeAt(vl + 3) === 62 && xml.charCodeAt(vl + 4) === 60 && xml.charCodeAt(vl + 5) === 47 && xml.charCodeAt(vl + 6) === 99 && xml.charCodeAt(vl + 7) === 62) {
            vFrom = p + 3
            vTo = vl
            p = vl + 8
            i = p
            if (cur.ampBetween(xml, vFrom, vTo)) {
              text = decode(xml.slice(vFrom, vTo))
              vFrom = vTo = -1
              vSeen = true
            }
          }
        }
        if (vFrom === -1 && !vSeen) {
          let inIs = false
          for (;;) {
            const at = xml.indexOf('<', p)
            if (at === -1) fail('unclosed cell')
            const m = xml.charCodeAt(at + 1)
            if (m === 47) {
              if (inIs) {
                p = endTag(xml, at, 'is')
                inIs = false
                continue
              }
              i = endTag(xml, at, 'c')
              break
            }
            if (m === 33 || m === 63) {
              p = skipMarkup(xml, at)
              continue
            }
            const oneLetter = endsName(xml.charCodeAt(at + 2))
            if (m === 102 /* f */ && oneLetter && !inIs) {
              if (formula || shareType !== '') fail('two formulas')
              for (let a = at + 2; (a = cur.attributeOrEnd(xml, a)) !== -1; ) {
                const len = cur.attrNameEnd - cur.attrName
                if (len === 1 && xml.charCodeAt(cur.attrName) === 116 /* t */) shareType = cur.attrText(xml)
                else if (len === 3 && xml.startsWith('ref', cur.attrName)) shareRef = cur.attrValueEnd > cur.attrValue
                else if (len === 2 && xml.startsWith('si', cur.attrName)) shareSi = cur.attrText(xml)
              }
              if (!cur.tagSelfClosing) {
                formula = cur.elementText(xml, cur.tagClose + 1, 'f') !== ''
                p = cur.textEnd
              } else p = cur.tagClose + 1
              continue
            }
            const isIs = m === 105 /* i */ && xml.charCodeAt(at + 2) === 115 && endsName(xml.charCodeAt(at + 3))
            if (!isIs && !oneLetter) fail('cell content')
            const gt = cur.startTagEnd(xml, at, isIs ? 2 : 1)
            if (m === 118 /* v */ && !isIs && !inIs) {
              if (!cur.tagSelfClosing) {
                text += cur.elementText(xml, gt + 1, 'v')
                p = cur.textEnd
              } else p = gt + 1
            } else if (m === 116 /* t */ && !isIs) {
              if (!cur.tagSelfClosing) {
                text += cur.elementText(xml, gt + 1, 't')
                p = cur.textEnd
              } else p = gt + 1
            } else if (isIs && !inIs) {
              if (!cur.tagSelfClosing) inIs = true
              p = gt + 1
            } else if (m === 114 /* r */ && !isIs) {
              const run = readRun(cur, xml, at, gt)
              runs = runs === null ? run : runs + run
              p = cur.runEnd
            } else fail('cell content')
          }
        }
      }

      // What exceljs makes of it (cell-xform parseClose and reconcile).
      const hasText = vFrom !== -1 ? vTo > vFrom : text !== ''
      const isFormula = formula || shareType !== ''
      // Text before runs breaks exceljs's rich text; text after them it drops. Neither is ours to copy.
      if (runs !== null && (hasText || isFormula || type !== T_INLINE)) fail('rich text shape')
      const isDate = style !== 0 && dates[style] === true
      let value: LiteValue = null
      let kept = true
      let hasValue = true
      if (isFormula) {
        // exceljs's formula value keeps only its truthy parts, and shows the result only beside a formula:
        // its own text, or, for a shared formula's other cells, the address of a master seen before.
        let shown = formula
        if (shareType === 'shared') {
          if (shareRef) sheet.sharedMasters.set(shareSi, hasRef)
          else shown ||= sheet.sharedMasters.get(shareSi) === true
        }
        if (hasText && shown) {
          const raw = vFrom !== -1 ? xml.slice(vFrom, vTo) : text
          let result: string | number | boolean | { error: string } | Date
          if (type === T_STR) result = xmlDecode(raw)
          else if (type === T_BOOL) result = parseInt(raw, 10) !== 0
          else if (type === T_ERROR) result = { error: raw }
          else result = parseFloat(raw)
          // exceljs turns any cached result of a date-formatted formula into a date, text included.
          if (isDate) result = excelToDate(Number(result), date1904)
          if (result) value = result
        }
      } else if (hasText) {
        if (type === T_SHARED) {
          const index = vFrom !== -1 ? digits(xml, vFrom, vTo) : parseInt(text, 10)
          const s = strings[index === -1 ? parseInt(xml.slice(vFrom, vTo), 10) : index]
          // An index exceljs cannot resolve makes it fail.
          if (s === undefined) fail('shared string index')
          value = s
        } else if (type === T_NUMBER) {
          let n = vFrom !== -1 ? digits(xml, vFrom, vTo) : -1
          if (n === -1) n = parseFloat(vFrom !== -1 ? xml.slice(vFrom, vTo) : text)
          value = isDate ? excelToDate(n, date1904) : n
        } else {
          const raw = vFrom !== -1 ? xml.slice(vFrom, vTo) : text
          if (type === T_STR) value = xmlDecode(raw)
          else if (type === T_INLINE) value = raw
          else if (type === T_BOOL) value = parseInt(raw, 10) !== 0
          else value = { error: raw }
        }
      } else if (runs !== null) value = runs
      else {
        hasValue = false
        // Empty and unstyled: exceljs does not keep the cell at all.
        kept = style !== 0
      }

      if (!hasRef) {
        if (!kept) continue
        // exceljs places a cell without r after the last cell it kept, and cannot place a first one.
        if (prevCol === 0) fail('cell without r')
        col = prevCol + 1
        if (col > MAX_COL) fail('column')
      }
      if (kept) {
        prevCol = col
        row.set(col, { value, hasValue })
        if (hasValue) sheet.blank = false
      } else if (!row.has(col)) row.set(col, { value: null, hasValue: false })
    }
  }
}

/** The column of the cell reference under the attribute cursor, which must name row `rowNo`. */
function cellColumn(cur: Cursor, xml: string, rowNo: number): number {
  let i = cur.attrValue
  const end = cur.attrValueEnd
  let col = 0
  let c = xml.charCodeAt(i)
  if (c === 36 /* $ */) c = xml.charCodeAt(++i)
  const letters = i
  while (i < end && c >= 65 && c <= 90) {
    col = col * 26 + (c - 64)
    c = xml.charCodeAt(++i)
  }
  if (i === letters || i - letters > 3) return colFallback(cur, xml, rowNo)
  if (c === 36) c = xml.charCodeAt(++i)
  let row = 0
  const rowStart = i
  while (i < end && c >= 48 && c <= 57) {
    row = row * 10 + (c - 48)
    c = xml.charCodeAt(++i)
  }
  if (i !== end || i === rowStart || i - rowStart > 7) return colFallback(cur, xml, rowNo)
  if (row !== rowNo) fail('cell row')
  if (col > MAX_COL) fail('column')
  return col
}

/** A reference with a character reference in it, or not one at all. */
function colFallback(cur: Cursor, xml: string, rowNo: number): number {
  const [row, col] = address(cur.attrText(xml))
  if (row !== rowNo) fail('cell row')
  return col
}
