/**
 * One worksheet part: its sheetData (cells.ts), then what exceljs applies on load — a hyperlink on a cell
 * without a value, refused, and merged ranges, whose other cells read their master's value.
 */
import { MAX_COL, address, readSheetData, type SheetBuild } from './cells'
import { LiteRow, type LiteSheet } from './types'
import { attributes, fail, partText, scan } from './xml'

/** Beyond this many cells in merged ranges we let exceljs decide (it materialises them too). */
const MAX_MERGED_CELLS = 1_000_000

export function readSheet(buffer: Buffer, name: string, hidden: boolean, strings: string[], dates: boolean[], date1904: boolean): LiteSheet {
  const sheet: SheetBuild = { rows: new Map(), maxRow: 0, blank: true, strings, dates, date1904, sharedMasters: new Map() }
  const { rows } = sheet
  const merges: string[] = []
  const links: string[] = []
  let inMergeCells = false
  let sawSheetData = false
  const xml = partText(buffer)
  scan(
    xml,
    (tag, attrText, selfClosing, end) => {
      switch (tag) {
        case 'sheetData':
          // A second one would replace the first in exceljs's model.
          if (sawSheetData) fail('two sheetData')
          sawSheetData = true
          if (selfClosing) return end
          return readSheetData(xml, end, sheet)
        case 'row':
        case 'c':
        case 'v':
        case 'f':
        case 'is':
          fail(`<${tag}> outside sheetData`)
          return
        case 'mergeCells':
          inMergeCells = true
          return
        case 'mergeCell': {
          if (!inMergeCells) return
          const ref = attributes(attrText).ref
          if (!ref) fail('merge without ref')
          merges.push(ref)
          return
        }
        case 'hyperlink': {
          // exceljs shows a linked cell's address when the cell has no value of its own.
          const a = attributes(attrText)
          if (a['r:id'] !== undefined && a.ref) links.push(a.ref)
          return
        }
      }
    },
    (tag) => {
      if (tag === 'mergeCells') inMergeCells = false
    },
  )

  for (const ref of links) {
    if (!/^\$?[A-Z]{1,3}\$?[0-9]{1,7}$/.test(ref)) continue
    const [r, c] = address(ref)
    const cell = rows.get(r)?.get(c)
    if (cell && cell.value === null) fail('link on an empty cell')
  }

  // Merged ranges: every cell but the master reads the master's value, as exceljs does on load.
  let mergedCells = 0
  let claimed: Set<number> | null = null
  for (const ref of merges) {
    const [a, b = a, extra] = ref.split(':')
    if (extra !== undefined) fail('merge ref')
    const [r1, c1] = address(a)
    const [r2, c2] = address(b)
    const top = Math.min(r1, r2)
    const bottom = Math.max(r1, r2)
    const left = Math.min(c1, c2)
    const right = Math.max(c1, c2)
    mergedCells += (bottom - top + 1) * (right - left + 1)
    if (mergedCells > MAX_MERGED_CELLS) fail('merges')
    // exceljs refuses a range overlapping another.
    claimed ??= new Set()
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const key = r * (MAX_COL + 1) + c
        if (claimed.has(key)) fail('overlapping merges')
        claimed.add(key)
      }
    const masterValue = rows.get(top)?.get(left)?.value ?? null
    for (let r = top; r <= bottom; r++) {
      let cells = rows.get(r)
      if (!cells) rows.set(r, (cells = new LiteRow()))
      if (r > sheet.maxRow) sheet.maxRow = r
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) {
          if (!cells.has(c)) cells.set(c, { value: null, hasValue: false })
          continue
        }
        cells.set(c, { value: masterValue, master: { row: top, col: left }, hasValue: true })
        sheet.blank = false
      }
    }
  }
  return { name, hidden, rowCount: sheet.maxRow, blank: sheet.blank, rows }
}
