/**
 * The shared strings part, and the rich-text run reader that inline strings in cells.ts reuse: exceljs reads
 * a run alike in both places, so one reader keeps the two the same.
 */
import { Cursor, endTag, endsName, outsideRoot, skipElement, startsElement } from './cursor'
import { decode, fail, partText, skipMarkup, unescapeX } from './xml'

/** One rich-text run `<r>` at `lt` (start tag ending at `gt`): its text, as exceljs's run reader keeps it. */
export function readRun(cur: Cursor, xml: string, lt: number, gt: number): string {
  if (cur.tagSelfClosing) {
    cur.runEnd = gt + 1
    return ''
  }
  let text: string | null = null
  let i = gt + 1
  for (;;) {
    const at = xml.indexOf('<', i)
    if (at === -1) fail('unclosed')
    const c = xml.charCodeAt(at + 1)
    if (c === 47) {
      cur.runEnd = endTag(xml, at, 'r')
      return text === null ? '' : unescapeX(text)
    }
    if (c === 33 || c === 63) {
      i = skipMarkup(xml, at)
    } else if (startsElement(xml, at, 'rPr')) {
      i = skipElement(xml, at)
    } else if (startsElement(xml, at, 't')) {
      // exceljs keeps the last <t> of a run; a run has one.
      if (text !== null) fail('two texts in a run')
      const end = cur.startTagEnd(xml, at, 1)
      if (cur.tagSelfClosing) {
        text = ''
        i = end + 1
      } else {
        text = cur.elementText(xml, end + 1, 't')
        i = cur.textEnd
      }
    } else fail('run content')
  }
}

/**
 * One `<si>` whose start tag ends at `gt`: one plain <t>, or rich-text runs, with phonetic runs left out —
 * as exceljs's shared string reader gives it. Sets cur.siEnd.
 */
function readSi(cur: Cursor, xml: string, gt: number): string {
  let i = gt + 1
  // The usual item, <si><t>text</t></si>, without the general loop.
  if (xml.charCodeAt(i) === 60 && xml.charCodeAt(i + 1) === 116 && xml.charCodeAt(i + 2) === 62) {
    const end = xml.indexOf('<', i + 3)
    if (end !== -1 && xml.startsWith('</t></si>', end)) {
      cur.siEnd = end + 9
      return unescapeX(decode(xml.slice(i + 3, end)))
    }
  }
  let plain: string | null = null
  let runs: string | null = null
  for (;;) {
    const lt = xml.indexOf('<', i)
    if (lt === -1) fail('unclosed')
    const c = xml.charCodeAt(lt + 1)
    if (c === 116 /* t */ && endsName(xml.charCodeAt(lt + 2))) {
      // exceljs keeps only the last <t>, and a <t> beside runs replaces them or is lost: leave such to it.
      if (plain !== null || runs !== null) fail('shared string shape')
      const end = cur.startTagEnd(xml, lt, 1)
      if (cur.tagSelfClosing) {
        plain = ''
        i = end + 1
      } else {
        plain = cur.elementText(xml, end + 1, 't')
        i = cur.textEnd
      }
    } else if (c === 47) {
      cur.siEnd = endTag(xml, lt, 'si')
      if (plain !== null) return unescapeX(plain)
      // An <si> with neither is an empty object to exceljs, not text.
      if (runs === null) fail('empty shared string')
      return runs
    } else if (c === 114 /* r */ && endsName(xml.charCodeAt(lt + 2))) {
      if (plain !== null) fail('shared string shape')
      const run = readRun(cur, xml, lt, cur.startTagEnd(xml, lt, 1))
      runs = runs === null ? run : runs + run
      i = cur.runEnd
    } else if (c === 33 || c === 63) {
      i = skipMarkup(xml, lt)
    } else if (startsElement(xml, lt, 'rPh') || startsElement(xml, lt, 'phoneticPr')) {
      i = skipElement(xml, lt)
    } else fail('shared string content')
  }
}

/** The items of <sst>, read by the loop above; its other children (extLst) are skipped whole. */
export function sharedStrings(buffer: Buffer | undefined): string[] {
  const out: string[] = []
  if (!buffer) return out
  const xml = partText(buffer)
  const cur = new Cursor()
  const root = outsideRoot(xml, 0)
  // A prefixed root (<x:sst>) or another one is not what we read.
  if (root === -1 || !startsElement(xml, root, 'sst')) fail('shared strings root')
  for (let a = root + 4; (a = cur.attributeOrEnd(xml, a)) !== -1; );
  let i = cur.tagClose + 1
  if (!cur.tagSelfClosing) {
    for (;;) {
      const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf('<', i)
      if (lt === -1) fail('unclosed sst')
      const c = xml.charCodeAt(lt + 1)
      if (c === 115 /* s */ && xml.charCodeAt(lt + 2) === 105 /* i */ && endsName(xml.charCodeAt(lt + 3))) {
        for (let a = lt + 3; (a = cur.attributeOrEnd(xml, a)) !== -1; );
        if (cur.tagSelfClosing) fail('empty shared string')
        out.push(readSi(cur, xml, cur.tagClose))
        i = cur.siEnd
      } else if (c === 47) {
        i = endTag(xml, lt, 'sst')
        break
      } else if (c === 33 || c === 63) i = skipMarkup(xml, lt)
      else i = skipElement(xml, lt)
    }
  }
  if (outsideRoot(xml, i) !== -1) fail('after the root')
  return out
}
