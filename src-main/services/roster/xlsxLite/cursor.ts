/**
 * The cursor of the dedicated loops (sharedStrings.ts, cells.ts) and the strict element helpers built on it.
 * Each read of a part makes its own Cursor, so two reads never share state (one may even run inside another);
 * the loops read its fields right after the call that set them.
 */
import { attributeValue, decode, fail, skipMarkup } from './xml'

// ---- the loops for cells and shared strings ----------------------------------------------------------
//
// They walk a checked part (partText) by indexOf and charCodeAt. Attributes are read through the cursor's fields
// instead of an object per tag; text is sliced only where it is a value. Their grammar is strict:
// anything else inside a cell or a shared string is refused.

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9
}

/** After a tag name: white space, '>' or '/'. */
export function endsName(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 10 || c === 9
}

/** The end tag `</name>` at `lt`; returns the index past it. */
export function endTag(xml: string, lt: number, name: string): number {
  if (xml.charCodeAt(lt + 1) !== 47 || !xml.startsWith(name, lt + 2)) fail('nesting')
  let i = lt + 2 + name.length
  while (isSpace(xml.charCodeAt(i))) i++
  if (xml.charCodeAt(i) !== 62) fail('nesting')
  return i + 1
}

/** The element named `name` starts at `lt` (its name is exactly that). */
export function startsElement(xml: string, lt: number, name: string): boolean {
  return xml.startsWith(name, lt + 1) && endsName(xml.charCodeAt(lt + 1 + name.length))
}

/** Skips a whole element at `lt` whose content we do not read (run properties, phonetic runs). */
export function skipElement(xml: string, lt: number): number {
  const stack: string[] = []
  let i = lt
  for (;;) {
    const at = xml.indexOf('<', i)
    if (at === -1) fail('unclosed')
    const c = xml.charCodeAt(at + 1)
    if (c === 33 || c === 63) {
      i = skipMarkup(xml, at)
      continue
    }
    const gt = xml.indexOf('>', at)
    if (gt === -1) fail('tag end')
    if (c === 47) {
      if (stack.pop() !== xml.slice(at + 2, gt).trim()) fail('nesting')
    } else if (xml.charCodeAt(gt - 1) !== 47) {
      let j = at + 1
      while (j < gt && !endsName(xml.charCodeAt(j))) j++
      stack.push(xml.slice(at + 1, j))
    }
    i = gt + 1
    if (stack.length === 0) return i
  }
}

/** Skips what may stand before or after the root element: white space, comments, processing instructions. */
export function outsideRoot(xml: string, i: number): number {
  for (;;) {
    const lt = xml.indexOf('<', i)
    if (lt === -1 || (xml.charCodeAt(lt + 1) !== 63 && xml.charCodeAt(lt + 1) !== 33)) return lt
    i = skipMarkup(xml, lt)
  }
}

/**
 * Where the last call left off in one part: the attribute it read, the end of the tag, of a text, of a run,
 * of a shared string, and the next '&'.
 */
export class Cursor {
  attrName = 0
  attrNameEnd = 0
  attrValue = 0
  attrValueEnd = 0
  /** Index of the '>' of the tag attributeOrEnd finished, and whether it was "/>". */
  tagClose = 0
  tagSelfClosing = false
  /** Where elementText stopped: just past the element's end tag. */
  textEnd = 0
  /** Past the run readRun read (sharedStrings.ts). */
  runEnd = 0
  /** Past the <si> readSi read (sharedStrings.ts). */
  siEnd = 0
  /** The next '&' at or after the last point asked about; the loops only move forward through a part. */
  ampAt = -1

  /**
   * Reads the attribute of a start tag at `i` into the cursor and returns the index past it; or, at the tag's
   * end, sets tagClose (the index of its '>') and tagSelfClosing and returns -1. A '>' inside a quoted value is
   * a value character, as for the XML parser.
   */
  attributeOrEnd(xml: string, i: number): number {
    let c = xml.charCodeAt(i)
    while (isSpace(c)) c = xml.charCodeAt(++i)
    if (c === 62 /* > */) {
      this.tagClose = i
      this.tagSelfClosing = false
      return -1
    }
    if (c === 47 /* / */) {
      if (xml.charCodeAt(i + 1) !== 62) fail('tag')
      this.tagClose = i + 1
      this.tagSelfClosing = true
      return -1
    }
    this.attrName = i
    while (c !== 61 /* = */ && !isSpace(c)) {
      if (c === 62 || c === 47 || c === 60 || i >= xml.length) fail('attribute')
      c = xml.charCodeAt(++i)
    }
    this.attrNameEnd = i
    while (isSpace(c)) c = xml.charCodeAt(++i)
    if (c !== 61) fail('attribute')
    c = xml.charCodeAt(++i)
    while (isSpace(c)) c = xml.charCodeAt(++i)
    if (c !== 34 && c !== 39) fail('attribute quote')
    this.attrValue = i + 1
    this.attrValueEnd = xml.indexOf(c === 34 ? '"' : "'", this.attrValue)
    if (this.attrValueEnd === -1) fail('attribute end')
    return this.attrValueEnd + 1
  }

  /** The attribute under the cursor is the one-letter name `code`. */
  attrIs(xml: string, code: number): boolean {
    return this.attrNameEnd - this.attrName === 1 && xml.charCodeAt(this.attrName) === code
  }

  /** The value under the cursor, decoded. */
  attrText(xml: string): string {
    return attributeValue(xml.slice(this.attrValue, this.attrValueEnd))
  }

  /**
   * The text of an element from `from` (just past its start tag) up to `</name>`, decoded; comments may
   * interrupt it, nothing else may. Sets textEnd.
   */
  elementText(xml: string, from: number, name: string): string {
    let out = ''
    let i = from
    for (;;) {
      const lt = xml.indexOf('<', i)
      if (lt === -1) fail('unclosed')
      if (lt > i) out = out ? out + xml.slice(i, lt) : xml.slice(i, lt)
      const c = xml.charCodeAt(lt + 1)
      if (c === 47) {
        this.textEnd = endTag(xml, lt, name)
        return decode(out)
      }
      if (c === 33 || c === 63) i = skipMarkup(xml, lt)
      else fail(`element inside <${name}>`)
    }
  }

  /** Past the attributes of the start tag at `lt` whose name has `nameLength` characters: its '>' (tagClose). */
  startTagEnd(xml: string, lt: number, nameLength: number): number {
    for (let a = lt + 1 + nameLength; (a = this.attributeOrEnd(xml, a)) !== -1; );
    return this.tagClose
  }

  /** Whether an '&' lies in [from, to): one indexOf per '&' of the part, not one per value. */
  ampBetween(xml: string, from: number, to: number): boolean {
    if (this.ampAt < from) {
      this.ampAt = xml.indexOf('&', from)
      if (this.ampAt === -1) this.ampAt = Infinity
    }
    return this.ampAt < to
  }
}
