/**
 * Text that goes into a Word document. XML 1.0 cannot carry C0 control characters (other than tab, LF, CR),
 * U+FFFE/U+FFFF or unpaired surrogates; Word then reports the whole file as unreadable. Every user string is
 * passed through here before it reaches the builder.
 */

// Built from code points so this source file holds no invisible characters.
const FORBIDDEN = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|' +
    // A high surrogate not followed by a low one, or a low one not preceded by a high one.
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
)

export function cleanDocText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return String(value).replace(FORBIDDEN, '')
}

/** One line of a letter: cleaned, with tabs and line breaks made spaces (a break needs its own paragraph). */
export function cleanDocLine(value: unknown): string {
  return cleanDocText(value).replace(/[\t\r\n]+/g, ' ').trim()
}
