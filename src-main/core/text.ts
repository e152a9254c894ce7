/**
 * Text normalisation shared by the form, the importer and the checks, so they never disagree.
 *
 * Two kinds of text (DESIGN §7b). Prose — names, addresses, 推荐单位, 突出表现, 备注 — is stored as typed, less
 * invisible characters and surplus whitespace: cleanProse and cleanProseLines keep full-width （）：，；！？,
 * which Chinese text takes (GB/T 15834-2011). Code-like text — USCC, phone, e-mail, certificate numbers, the
 * words and digits of types, star levels, dates and figures — and every comparison key go half-width:
 * cleanText and nameKey, so `（新址）` and `(新址)` still compare equal.
 */

/** Full-width ASCII (U+FF01..U+FF5E) to half-width, ideographic space to a plain space. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

/**
 * Characters no field should keep: C0/C1 controls that are not whitespace (DEL, ESC, the CSI introducer
 * U+009B that terminals obey), bidirectional overrides and marks (U+202E makes a name display reversed),
 * and zero-width spaces (U+200B lets the same name pass as a different one past the duplicate check).
 * Tab and line breaks are not here: they are collapsed, or kept as line breaks by cleanProseLines.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/g

/** Drop the characters above; exported for the property tests. */
export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '')
}

/** One character of INVISIBLE, by code unit. */
function isInvisible(c: number): boolean {
  return (
    c <= 0x08 ||
    (c >= 0x0e && c <= 0x1f) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x061c &&
      (c === 0x061c || c === 0x200b || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || (c >= 0x2066 && c <= 0x2069)))
  )
}

/**
 * stripInvisible(toHalfWidth(value)) in one pass, and the very string when it has nothing to change: every
 * cell of a roster goes through this, and Chinese text has full-width punctuation in most of its cells (the
 * two passes cost a callback per character changed). Equality with the two passes is a property test.
 */
export function toVisibleHalfWidth(value: string): string {
  const n = value.length
  let out = ''
  let from = 0 // start of the run not yet copied to out
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x7f ? c > 0x1f || (c >= 0x09 && c <= 0x0d) : c > 0x9f && c < 0x061c) continue
    let put: string
    if (c >= 0xff01 && c <= 0xff5e) put = String.fromCharCode(c - 0xfee0)
    else if (c === 0x3000) put = ' '
    else if (isInvisible(c)) put = ''
    else continue
    out += value.slice(from, i) + put
    from = i + 1
  }
  return from === 0 ? value : out + value.slice(from)
}

/**
 * True when cleanText (and cleanProse, cleanProseLines) would return the string unchanged: no character that
 * half-width conversion (unless keepWide: prose keeps full-width forms), invisible stripping or whitespace
 * handling touches, and spaces only singly between other characters. The unsafe set is deliberately wider
 * than needed (U+2000..U+200F, U+2028..U+202F and U+205F..U+206F, all C0/C1 controls, U+FEFF): anything
 * doubtful takes the full path. The rest of the U+2000 block (dashes, curly quotes, ellipsis, ※) is everyday
 * Chinese punctuation and stays on this path.
 * Most roster cells are like this; equality with the full path is a property test.
 */
function isAlreadyClean(s: string, multiline: boolean, keepWide = false): boolean {
  const n = s.length
  let prevSpace = true // a leading space (of the text, or of a line) is not clean
  let breaks = 0 // line breaks in a row (multiline only)
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c === 0x20) {
      if (prevSpace) return false
      prevSpace = true
      breaks = 0
      continue
    }
    if (c === 0x0a && multiline) {
      // Not leading, no space before it (a line's trailing space), at most two in a row.
      if (prevSpace && breaks === 0) return false
      if (++breaks >= 3) return false
      prevSpace = true
      continue
    }
    prevSpace = false
    breaks = 0
    if (c < 0x20) return false
    if (c < 0x7f) continue
    if (
      c <= 0xa0 ||
      c === 0x061c ||
      c === 0x1680 ||
      c === 0x180e ||
      (c >= 0x2000 &&
        c <= 0x206f &&
        (c <= 0x200f || (c >= 0x2028 && c <= 0x202f) || c >= 0x205f)) ||
      c === 0x3000 ||
      c === 0xfeff ||
      (c >= 0xff01 && c <= 0xff5e && !keepWide)
    )
      return false
  }
  return !prevSpace || n === 0
}

/**
 * The full path of cleanText and cleanProse(Lines) on text already made visible (and half-width, for
 * cleanText). Half-width and stripping never create what they remove, so when the result of that step is clean there is nothing left
 * to do: a cell whose only fault is full-width punctuation costs one pass, not five.
 */
function collapse(mapped: string, keepWide = false): string {
  return isAlreadyClean(mapped, false, keepWide) ? mapped : mapped.replace(/[\s\u00A0]+/g, ' ').trim()
}

function collapseLines(mapped: string, keepWide: boolean): string {
  if (isAlreadyClean(mapped, true, keepWide)) return mapped
  return mapped
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t\v\f \u00A0\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Code-like text and the words readers parse: trim, half-width, collapse inner whitespace runs to one space.
 * Empty becomes ''. Never for the stored value of prose (cleanProse).
 */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'string' ? value : String(value)
  if (isAlreadyClean(s, false)) return s
  return collapse(toVisibleHalfWidth(s))
}

/**
 * One line of prose as typed: invisible characters dropped, whitespace runs (the ideographic space among
 * them) made one space, trimmed; full-width punctuation kept. Equal to cleanText up to half-width
 * (a property test), so a key made from either is the same.
 */
export function cleanProse(value: unknown): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'string' ? value : String(value)
  if (isAlreadyClean(s, false, true)) return s
  return collapse(stripInvisible(s), true)
}

/** Like cleanProse but keeps line breaks (at most one blank line in a row), for 突出表现 and 备注. */
export function cleanProseLines(value: unknown): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'string' ? value : String(value)
  if (isAlreadyClean(s, true, true)) return s
  return collapseLines(stripInvisible(s), true)
}

/**
 * cleanText's result without its spaces. That result has no whitespace but single U+0020 (everything else
 * \s matches was collapsed into one), so a search for that one character does what /\s+/g would.
 */
export function withoutSpaces(clean: string): string {
  return clean.indexOf(' ') < 0 ? clean : clean.replace(/ /g, '')
}

/**
 * Key used to compare names: no spaces at all, half-width, lower case.
 *
 * Keys are made for every site of a plan or check run, several per site. A string with no character that
 * cleaning touches (the unsafe set of isAlreadyClean, plus any space) is its own cleaned text, and when it
 * also has no character with a lower case (ASCII other than A-Z, CJK ideographs and punctuation) it is its
 * own key: one scan, no new string. Equality with the full path is a property test.
 */
export function nameKey(value: unknown): string {
  if (typeof value !== 'string') return fullNameKey(value)
  let cased = false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x7f) return fullNameKey(value)
      if (c >= 0x41 && c <= 0x5a) cased = true
      continue
    }
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x303f)) continue
    if (
      c <= 0xa0 ||
      c === 0x061c ||
      c === 0x1680 ||
      c === 0x180e ||
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0x3000 ||
      c === 0xfeff ||
      (c >= 0xff01 && c <= 0xff5e)
    )
      return fullNameKey(value)
    cased = true // a letter of some other script, perhaps: toLowerCase decides
  }
  return cased ? value.toLowerCase() : value
}

function fullNameKey(value: unknown): string {
  return withoutSpaces(cleanText(value)).toLowerCase()
}
