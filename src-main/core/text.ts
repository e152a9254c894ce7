/** Text normalisation shared by the form, the importer and the checks, so they never disagree. */

/** Full-width ASCII (U+FF01..U+FF5E) to half-width, ideographic space to a plain space. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

/** Trim, half-width, collapse inner whitespace runs to one space. Empty becomes ''. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return toHalfWidth(String(value)).replace(/[\s\u00A0]+/g, ' ').trim()
}

/** Like cleanText but keeps line breaks (for multi-line fields such as 突出表现). */
export function cleanMultiline(value: unknown): string {
  if (value === null || value === undefined) return ''
  return toHalfWidth(String(value))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t \u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Key used to compare names: no spaces at all, half-width, lower case. */
export function nameKey(value: unknown): string {
  return cleanText(value).replace(/\s+/g, '').toLowerCase()
}
