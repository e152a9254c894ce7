/**
 * A plain e-mail check: local@domain.tld with the characters people actually use. Deliberately not RFC 5322:
 * a clerk's typo (missing @, 中文句号, "qq,com") should be caught, exotic-but-legal forms are not in rosters.
 *
 * As patterns: local part /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/, each
 * domain label /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, the last one /^[A-Za-z]{2,}$/. Checked by
 * one scan over a character table instead (every site's e-mail on every check run and import); equality
 * with the patterns is a property test.
 */
const LETTER = 1
const DIGIT = 2
const LOCAL_ONLY = 4 // the punctuation a local part may hold
const CLASS = new Uint8Array(128)
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = CLASS[c + 0x20] = LETTER
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = DIGIT
for (const ch of "!#$%&'*+/=?^_`{|}~-") CLASS[ch.charCodeAt(0)] = LOCAL_ONLY

const classOf = (c: number) => (c < 128 ? CLASS[c] : 0)

/** value[from..to) is dot-separated runs of the local characters. */
function isLocalPart(value: string, from: number, to: number): boolean {
  if (to <= from) return false
  let afterDot = true // at the start, as after a dot, a dot is not allowed
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i)
    if (c === 0x2e) {
      if (afterDot) return false
      afterDot = true
    } else if (classOf(c) === 0) return false
    else afterDot = false
  }
  return !afterDot
}

/** value[from..to) is a domain label: 1 to 63 letters, digits and dashes, a letter or digit at each end. */
function isLabel(value: string, from: number, to: number): boolean {
  const n = to - from
  if (n < 1 || n > 63) return false
  for (let i = from; i < to; i++) {
    const k = classOf(value.charCodeAt(i))
    if (k === LETTER || k === DIGIT) continue
    if (value.charCodeAt(i) !== 0x2d || i === from || i === to - 1) return false
  }
  return true
}

export function isValidEmail(value: string): boolean {
  if (value.length > 254) return false
  const at = value.lastIndexOf('@')
  if (at <= 0 || at !== value.indexOf('@')) return false
  if (at > 64 || !isLocalPart(value, 0, at)) return false
  const n = value.length
  let start = at + 1
  let labels = 0
  for (let i = start; i <= n; i++) {
    if (i < n && value.charCodeAt(i) !== 0x2e) continue
    if (!isLabel(value, start, i)) return false
    labels++
    if (i < n) start = i + 1
  }
  if (labels < 2 || n - start < 2) return false
  for (let i = start; i < n; i++) if (classOf(value.charCodeAt(i)) !== LETTER) return false
  return true
}
