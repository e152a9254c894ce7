/** Text normalisation shared by the form, the importer and the checks, so they never disagree. */

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
 * Tab and line breaks are not here: they are collapsed, or kept as line breaks by cleanMultiline.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/g

/** Drop the characters above; exported for the property tests. */
export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '')
}

/**
 * True when cleanText (and cleanMultiline) would return the string unchanged: no character that half-width
 * conversion, invisible stripping or whitespace handling touches, and spaces only singly between other
 * characters. The unsafe set is deliberately wider than needed (whole U+2000..U+206F block, all C0/C1
 * controls, U+FEFF): anything doubtful takes the full path. Most roster cells are like this.
 */
function isAlreadyClean(s: string, multiline: boolean): boolean {
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
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0x3000 ||
      c === 0xfeff ||
      (c >= 0xff01 && c <= 0xff5e)
    )
      return false
  }
  return !prevSpace || n === 0
}

/** Trim, half-width, collapse inner whitespace runs to one space. Empty becomes ''. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' && isAlreadyClean(value, false)) return value
  return stripInvisible(toHalfWidth(String(value))).replace(/[\s\u00A0]+/g, ' ').trim()
}

/** Like cleanText but keeps line breaks (for multi-line fields such as 突出表现). */
export function cleanMultiline(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' && isAlreadyClean(value, true)) return value
  return stripInvisible(toHalfWidth(String(value)))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t\v\f \u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Key used to compare names: no spaces at all, half-width, lower case. */
export function nameKey(value: unknown): string {
  return cleanText(value).replace(/\s+/g, '').toLowerCase()
}
