/**
 * What every part goes through: the refusal that sends a workbook back to exceljs, the check that a part's text
 * is what exceljs's XML parser would accept (so no reader needs to check again), the decoding of references and
 * of exceljs's own escapes, and the small generic tokenizer for the parts the dedicated loops do not read.
 */

export class Unsupported extends Error {}

export function fail(why: string): never {
  throw new Unsupported(why)
}

// ---- text ------------------------------------------------------------------------------------------------

// What XML 1.0 forbids makes the file unreadable to exceljs (a damaged file); leave that verdict to it. In
// UTF-8 a control character is that very byte and U+FFFE/U+FFFF are EF BF BE/BF, so the bytes are searched
// (one memchr each, cheaper than a pattern over the decoded text).
const ILLEGAL_BYTES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]
const NONCHARACTERS = [Buffer.from([0xef, 0xbf, 0xbe]), Buffer.from([0xef, 0xbf, 0xbf])]

function hasIllegalCharacter(buffer: Buffer): boolean {
  for (const b of ILLEGAL_BYTES) if (buffer.indexOf(b) !== -1) return true
  for (const s of NONCHARACTERS) if (buffer.indexOf(s) !== -1) return true
  return false
}
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|lt|gt|amp|quot|apos);/y
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
}

/**
 * A part's text as an XML parser sees it: line ends normalised, every `&` a reference to a character XML
 * allows. What the parser exceljs uses would reject (a raw control character, an unknown entity, a stray
 * `&`) is refused, so the readers in the other files may decode any text without checking again.
 */
export function partText(buffer: Buffer): string {
  if (hasIllegalCharacter(buffer)) fail('illegal character')
  let xml = buffer.toString('utf8')
  // Every CDATA section ends with "]]>", which outside one the parser rejects: either way, not ours.
  if (xml.indexOf(']]>') !== -1) fail('cdata')
  if (xml.indexOf('\r') !== -1) xml = xml.replace(/\r\n?/g, '\n')
  for (let i = xml.indexOf('&'); i !== -1; i = xml.indexOf('&', REFERENCE.lastIndex)) {
    REFERENCE.lastIndex = i
    const m = REFERENCE.exec(xml)
    if (!m) fail('entity')
    if (m[1] !== undefined || m[2] !== undefined) {
      if (!isXmlChar(m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10))) fail('character reference')
    }
  }
  return xml
}

/** Text of a checked part (partText) (every reference known to be valid) with its references resolved. */
export function decode(text: string): string {
  if (text.indexOf('&') === -1) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, ent: string) =>
    ent[0] === '#' ? String.fromCodePoint(ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10)) : ENTITIES[ent],
  )
}

/** exceljs utils.xmlDecode: the second unescaping of `t="str"` text and of sheet names. */
export function xmlDecode(text: string): string {
  if (text.indexOf('&') === -1) return text
  return text.replace(/&([a-z]*);/g, (whole, ent: string) => (ent in ENTITIES ? ENTITIES[ent] : whole))
}

/** exceljs's TextXform: `_x000D_` and the like, in shared strings and rich-text runs. */
export function unescapeX(text: string): string {
  if (text.indexOf('_x') === -1) return text
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

// ---- the generic tokenizer, for the small parts and the rest of a worksheet ---------------------------

/** An attribute value as the parser gives it: white space as spaces, references resolved. */
export function attributeValue(raw: string): string {
  if (raw.indexOf('<') !== -1) fail('attribute value')
  if (raw.indexOf('\t') !== -1 || raw.indexOf('\n') !== -1) raw = raw.replace(/[\t\n]/g, ' ')
  return decode(raw)
}

/** Attributes of one start tag's text (between the name and the closing '>'). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  const n = tag.length
  let i = 0
  while (i < n) {
    const eq = tag.indexOf('=', i)
    if (eq === -1) break
    const name = tag.slice(i, eq).trim()
    let q = eq + 1
    while (q < n && (tag[q] === ' ' || tag[q] === '\t' || tag[q] === '\n')) q++
    const quote = tag[q]
    if (quote !== '"' && quote !== "'") fail('attribute quote')
    const end = tag.indexOf(quote, q + 1)
    if (end === -1) fail('attribute end')
    out[name] = attributeValue(tag.slice(q + 1, end))
    i = end + 1
  }
  return out
}

/** Skips a comment or processing instruction at `lt`; CDATA (whose text exceljs drops) and DOCTYPE are refused. */
export function skipMarkup(xml: string, lt: number): number {
  const c = xml.charCodeAt(lt + 1)
  if (c === 63 /* ? */) {
    const end = xml.indexOf('?>', lt + 2)
    if (end === -1) fail('pi')
    return end + 2
  }
  if (c === 33 /* ! */ && xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4)
    if (end === -1) fail('comment')
    return end + 3
  }
  return fail(xml.startsWith('<![CDATA[', lt) ? 'cdata' : 'doctype')
}

/**
 * A minimal tokenizer over a whole checked part (partText): calls `open(name, attrText, selfClosing, end)`, `close(name)`
 * and `text(raw)` (still encoded; decode when used). `open` may read the element's whole content itself
 * and return the index just past its end tag. Comments and processing instructions are skipped. A part whose root
 * element is namespace-prefixed (<x:worksheet>) is refused, since the callers match on bare names;
 * prefixed extension elements inside (<mc:AlternateContent>) are passed on and ignored.
 */
export function scan(
  xml: string,
  open: (name: string, attrText: string, selfClosing: boolean, end: number) => number | void,
  close: (name: string) => void = () => {},
  text?: (raw: string) => void,
): void {
  // Elements must nest: a malformed part is exceljs's to refuse, not ours to read leniently.
  const stack: string[] = []
  let i = 0
  const n = xml.length
  while (i < n) {
    const lt = xml.indexOf('<', i)
    if (lt === -1) {
      if (text && i < n) text(xml.slice(i))
      break
    }
    if (text && lt > i) text(xml.slice(i, lt))
    const c = xml.charCodeAt(lt + 1)
    if (c === 63 /* ? */ || c === 33 /* ! */) {
      i = skipMarkup(xml, lt)
      continue
    }
    const gt = xml.indexOf('>', lt)
    if (gt === -1) fail('tag end')
    if (c === 47 /* / */) {
      const name = xml.slice(lt + 2, gt).trim()
      if (stack.pop() !== name) fail('nesting')
      close(name)
      i = gt + 1
      continue
    }
    let j = lt + 1
    while (j < gt) {
      const ch = xml.charCodeAt(j)
      if (ch === 32 || ch === 9 || ch === 10 || ch === 47) break
      j++
    }
    const name = xml.slice(lt + 1, j)
    // A part whose main namespace is prefixed (<x:worksheet>) would match none of the bare names we read.
    if (stack.length === 0 && name.indexOf(':') !== -1) fail('prefixed root')
    const selfClosing = xml.charCodeAt(gt - 1) === 47
    const skipTo = open(name, xml.slice(j, selfClosing ? gt - 1 : gt), selfClosing, gt + 1)
    if (typeof skipTo === 'number') {
      i = skipTo
      continue
    }
    if (selfClosing) close(name)
    else stack.push(name)
    i = gt + 1
  }
  if (stack.length) fail('unclosed')
}
