/**
 * A small reader of the parts of an .xlsx the roster readers need — workbook.xml (sheet order, names,
 * visibility, the 1904 flag), its relationships, shared strings, styles (which number formats are dates) and
 * the worksheets' cells and merged ranges — yielding the same cell values exceljs's full model would (the same
 * date-format test, the same date arithmetic, merged cells read from their master, formulas by their cached
 * result, rich and inline text joined). It works on the parts safety.ts already inflated while checking the
 * file, so the zip is inflated once. Anything it does not recognise makes it return null, and the caller
 * falls back to exceljs: it is a fast path, never a second opinion.
 */

/** A cell as read: a string, a number, a boolean, a Date, an error marker, or null (no value). */
export type LiteValue = string | number | boolean | Date | { error: string } | null

export interface LiteCell {
  value: LiteValue
  /** For the non-master cells of a merged range: the master's position (the value is the master's). */
  master?: { row: number; col: number }
  /** exceljs counts a cell as a value when it is not an empty styled cell. */
  hasValue: boolean
}

export interface LiteSheet {
  name: string
  hidden: boolean
  /** Last row number present (rows of the file plus rows of merged ranges), like exceljs rowCount. */
  rowCount: number
  /** No cell with a value, like exceljs actualRowCount === 0. */
  blank: boolean
  rows: Map<number, Map<number, LiteCell>>
}

export interface LiteWorkbook {
  date1904: boolean
  sheets: LiteSheet[]
}

/** Beyond this many cells in merged ranges we let exceljs decide (it materialises them too). */
const MAX_MERGED_CELLS = 1_000_000

class Unsupported extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decode(text: string): string {
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n')
  if (text.indexOf('&') === -1) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10)
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    const v = ENTITIES[ent]
    if (v === undefined) throw new Unsupported(`entity ${ent}`)
    return v
  })
}

/** Attributes of one start tag's text (between the name and the closing '>'). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  const n = tag.length
  let i = 0
  while (i < n) {
    const eq = tag.indexOf('=', i)
    if (eq === -1) break
    const name = tag.slice(i, eq).trim()
    let q = eq + 1
    while (q < n && (tag[q] === ' ' || tag[q] === '\t' || tag[q] === '\n' || tag[q] === '\r')) q++
    const quote = tag[q]
    if (quote !== '"' && quote !== "'") throw new Unsupported('attribute quote')
    const end = tag.indexOf(quote, q + 1)
    if (end === -1) throw new Unsupported('attribute end')
    out[name] = decode(tag.slice(q + 1, end))
    i = end + 1
  }
  return out
}

/**
 * A minimal tokenizer over a whole part: calls `open(name, attrs, selfClosing)`, `close(name)` and
 * `text(raw)` (still encoded; decode when used). Comments, processing instructions and CDATA are handled;
 * a part whose root element is namespace-prefixed (<x:worksheet>) is refused, since the callers match on
 * bare names; prefixed extension elements inside (<mc:AlternateContent>) are passed on and ignored.
 */
function scan(
  xml: string,
  open: (name: string, tag: string, selfClosing: boolean) => void,
  close: (name: string) => void,
  text: (raw: string) => void,
): void {
  // What XML 1.0 forbids makes the file unreadable to exceljs (a damaged file); leave that verdict to it.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) throw new Unsupported('illegal character')
  // Elements must nest: a malformed part is exceljs's to refuse, not ours to read leniently.
  const stack: string[] = []
  let i = 0
  const n = xml.length
  while (i < n) {
    const lt = xml.indexOf('<', i)
    if (lt === -1) {
      if (i < n) text(xml.slice(i))
      break
    }
    if (lt > i) text(xml.slice(i, lt))
    const c = xml.charCodeAt(lt + 1)
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt)
      if (end === -1) throw new Unsupported('pi')
      i = end + 2
      continue
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt)
        if (end === -1) throw new Unsupported('comment')
        i = end + 3
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt)
        if (end === -1) throw new Unsupported('cdata')
        // CDATA is literal text: escape it so the decode in text() gives it back unchanged.
        text(xml.slice(lt + 9, end).replace(/&/g, '&amp;'))
        i = end + 3
      } else throw new Unsupported('doctype')
      continue
    }
    const gt = xml.indexOf('>', lt)
    if (gt === -1) throw new Unsupported('tag end')
    if (c === 47 /* / */) {
      const name = xml.slice(lt + 2, gt).trim()
      if (stack.pop() !== name) throw new Unsupported('nesting')
      close(name)
      i = gt + 1
      continue
    }
    let j = lt + 1
    while (j < gt) {
      const ch = xml.charCodeAt(j)
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break
      j++
    }
    const name = xml.slice(lt + 1, j)
    // A part whose main namespace is prefixed (<x:worksheet>) would match none of the bare names we read.
    if (stack.length === 0 && name.indexOf(':') !== -1) throw new Unsupported('prefixed root')
    const selfClosing = xml.charCodeAt(gt - 1) === 47
    open(name, xml.slice(j, selfClosing ? gt - 1 : gt), selfClosing)
    if (selfClosing) close(name)
    else stack.push(name)
    i = gt + 1
  }
  if (stack.length) throw new Unsupported('unclosed')
}

/** The text of a <si> or <is>: its <t> elements (plain or inside rich-text runs), phonetic runs left out. */
function textCollector() {
  let depthPh = 0
  let inT = false
  let parts: string[] = []
  return {
    open(name: string) {
      if (name === 'rPh') depthPh++
      else if (name === 't' && depthPh === 0) inT = true
    },
    close(name: string) {
      if (name === 'rPh') depthPh--
      else if (name === 't') inT = false
    },
    text(raw: string) {
      if (inT) parts.push(raw)
    },
    take(): string {
      const s = parts.length === 1 ? decode(parts[0]) : decode(parts.join(''))
      parts = []
      return s
    },
  }
}

function sharedStrings(xml: string | undefined): string[] {
  const out: string[] = []
  if (!xml) return out
  const t = textCollector()
  let inSi = false
  scan(
    xml,
    (name) => {
      if (name === 'si') inSi = true
      else if (inSi) t.open(name)
    },
    (name) => {
      if (name === 'si') {
        inSi = false
        out.push(t.take())
      } else if (inSi) t.close(name)
    },
    (raw) => inSi && t.text(raw),
  )
  return out
}

/** The same test as exceljs utils.isDateFmt. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')
  return /[ymdhMsb]+/.test(f)
}

/** Built-in formats exceljs knows a code for that pass its date test (14–22, 45–47). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])

/** For each cellXfs index: is its number format a date format. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return []
  const custom = new Map<number, string>()
  const xfNumFmt: number[] = []
  let inCellXfs = false
  scan(
    xml,
    (name, tag) => {
      if (name === 'numFmt') {
        const a = attributes(tag)
        if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode.replace(/[\\](.)/g, '$1'))
      } else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) xfNumFmt.push(Number(attributes(tag).numFmtId ?? 0) || 0)
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false
    },
    () => {},
  )
  return xfNumFmt.map((id) => (id ? (custom.has(id) ? isDateFmt(custom.get(id)) : BUILTIN_DATE_IDS.has(id)) : false))
}

/** exceljs utils.excelToDate. */
function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000))
}

function colNumber(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i)
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64)
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96)
    else throw new Unsupported('address')
  }
  return n
}

/** "AB12" -> [row 12, col 28]. */
function address(ref: string): [number, number] {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref)
  if (!m) throw new Unsupported(`address ${ref}`)
  return [Number(m[2]), colNumber(m[1])]
}

function readSheet(xml: string, name: string, hidden: boolean, strings: string[], dates: boolean[], date1904: boolean): LiteSheet {
  const rows = new Map<number, Map<number, LiteCell>>()
  const merges: string[] = []
  let row: Map<number, LiteCell> | null = null
  let rowNo = 0
  let colNo = 0
  let maxRow = 0
  let blank = true
  // the cell being read
  let inCell = false
  let t = ''
  let s = 0
  let hasF = false
  let v: string | null = null
  let inV = false
  let inIs = false
  let inSheetData = false
  const is = textCollector()
  let isText: string | null = null

  const finishCell = () => {
    let value: LiteValue = null
    let hasValue: boolean
    const date = dates[s] === true
    if (hasF) {
      hasValue = true
      if (v) {
        if (t === 'str') value = decode(v)
        else if (t === 'b') value = parseInt(v, 10) !== 0
        else if (t === 'e') value = { error: v }
        else {
          const n = parseFloat(v)
          value = date ? excelToDate(n, date1904) : n
        }
      }
    } else if (v !== null || isText !== null) {
      hasValue = true
      if (t === 'inlineStr') value = isText ?? ''
      else {
        const raw = v ?? ''
        if (t === 's') value = strings[parseInt(raw, 10)] ?? null
        else if (t === 'str') value = decode(raw)
        else if (t === 'b') value = parseInt(raw, 10) !== 0
        else if (t === 'e') value = { error: raw }
        else {
          const n = parseFloat(raw)
          value = date ? excelToDate(n, date1904) : n
        }
      }
    } else hasValue = !s
    if (hasValue) blank = false
    row!.set(colNo, { value, hasValue })
  }

  scan(
    xml,
    (tag, attrText) => {
      if (inIs) return is.open(tag)
      switch (tag) {
        case 'sheetData':
          inSheetData = true
          return
        case 'row': {
          if (!inSheetData) return
          const a = attributes(attrText)
          rowNo = a.r !== undefined ? Number(a.r) : rowNo + 1
          if (!Number.isInteger(rowNo) || rowNo < 1) throw new Unsupported('row number')
          colNo = 0
          row = rows.get(rowNo) ?? new Map()
          rows.set(rowNo, row)
          if (rowNo > maxRow) maxRow = rowNo
          return
        }
        case 'c': {
          if (!row) throw new Unsupported('cell outside row')
          const a = attributes(attrText)
          if (a.r !== undefined) {
            const [r, c] = address(a.r)
            if (r !== rowNo) throw new Unsupported('cell row')
            colNo = c
          } else colNo++
          t = a.t ?? ''
          s = a.s !== undefined ? Number(a.s) || 0 : 0
          hasF = false
          v = null
          isText = null
          inCell = true
          return
        }
        case 'f':
          if (inCell) hasF = true
          return
        case 'v':
          if (inCell) (inV = true), (v = '')
          return
        case 'is':
          if (inCell) (inIs = true), (isText = '')
          return
        case 'mergeCell': {
          const ref = attributes(attrText).ref
          if (ref) merges.push(ref)
          return
        }
      }
    },
    (tag) => {
      if (inIs) {
        if (tag === 'is') {
          inIs = false
          isText = is.take()
        } else is.close(tag)
        return
      }
      switch (tag) {
        case 'sheetData':
          inSheetData = false
          row = null
          return
        case 'row':
          row = null
          return
        case 'c':
          if (inCell) finishCell()
          inCell = false
          return
        case 'v':
          if (inV) v = decode(v!)
          inV = false
          return
      }
    },
    (raw) => {
      if (inIs) is.text(raw)
      else if (inV) v += raw
    },
  )

  // Merged ranges: every cell but the master reads the master's value, as exceljs does on load.
  let mergedCells = 0
  for (const ref of merges) {
    const [a, b = a] = ref.split(':')
    const [r1, c1] = address(a)
    const [r2, c2] = address(b)
    const top = Math.min(r1, r2)
    const bottom = Math.max(r1, r2)
    const left = Math.min(c1, c2)
    const right = Math.max(c1, c2)
    mergedCells += (bottom - top + 1) * (right - left + 1)
    if (mergedCells > MAX_MERGED_CELLS) throw new Unsupported('merges')
    const masterValue = rows.get(top)?.get(left)?.value ?? null
    for (let r = top; r <= bottom; r++) {
      let cells = rows.get(r)
      if (!cells) rows.set(r, (cells = new Map()))
      if (r > maxRow) maxRow = r
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) {
          if (!cells.has(c)) cells.set(c, { value: null, hasValue: false })
          continue
        }
        cells.set(c, { value: masterValue, master: { row: top, col: left }, hasValue: true })
        blank = false
      }
    }
  }
  return { name, hidden, rowCount: maxRow, blank, rows }
}

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
    const text = (name: string) => parts.get(name)?.toString('utf8')
    const workbookXml = text('xl/workbook.xml')
    const relsXml = text('xl/_rels/workbook.xml.rels')
    if (!workbookXml || !relsXml) return null
    const rels = new Map<string, string>()
    scan(
      relsXml,
      (name, tag) => {
        if (name !== 'Relationship') return
        const a = attributes(tag)
        if (a.Id && a.Target && a.TargetMode !== 'External') rels.set(a.Id, resolveTarget('xl', a.Target))
      },
      () => {},
      () => {},
    )
    let date1904 = false
    const sheets: { name: string; hidden: boolean; part: string }[] = []
    scan(
      workbookXml,
      (name, tag) => {
        if (name === 'workbookPr') {
          const d = attributes(tag).date1904
          date1904 = d === '1' || d === 'true'
        } else if (name === 'sheet') {
          const a = attributes(tag)
          const id = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1]
          const part = id && rels.get(id)
          if (!part) throw new Unsupported('sheet relationship')
          sheets.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', part })
        }
      },
      () => {},
      () => {},
    )
    const strings = sharedStrings(text('xl/sharedStrings.xml'))
    const dates = dateStyles(text('xl/styles.xml'))
    const out: LiteSheet[] = []
    for (const s of sheets) {
      const xml = text(s.part)
      if (xml === undefined) return null
      out.push(readSheet(xml, s.name, s.hidden, strings, dates, date1904))
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
