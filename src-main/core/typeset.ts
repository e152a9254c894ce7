/**
 * Chinese punctuation for printed text (GB/T 15834-2011): a letter and an exported roster are typeset text,
 * so ASCII ( ) , : ; ! ? that a person typed in Chinese prose print as （ ） ， ： ； ！ ？. The stored value
 * keeps what was typed; this runs only on the way out.
 *
 * Conservative by design: a mark changes only where Chinese is right before or after it (a comma after 突出
 * or before 地点, not the one in 1,000; a colon after 时间, not the one in 10:30 or http:) and never inside a
 * URL; a pair of brackets only when it holds Chinese, or follows Chinese and holds no digit (广州(新址),
 * 中国移动(China Mobile); not 电话(020)), and never one holding a URL, an e-mail address or quotes
 * (=HYPERLINK("…","点我") stays as typed). Text without a single Chinese character is returned as it is.
 * The key of the result is the key of the input (nameKey): a property test.
 */

const WIDE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' }

/** A CJK ideograph (BMP blocks, and a surrogate pair: the extensions beyond the BMP are all ideographs). */
function isIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f)
}

/** Chinese before a mark: an ideograph, CJK punctuation (、。」】…), Chinese quotes, full-width punctuation. */
function isChineseBefore(c: number): boolean {
  return (
    isIdeograph(c) ||
    (c >= 0xdc00 && c <= 0xdfff) || // the low half of an extension ideograph's pair
    (c >= 0x3001 && c <= 0x303f) ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0x2026 ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  )
}

function hasIdeograph(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) if (isIdeograph(s.charCodeAt(i))) return true
  return false
}

/** Index of the ')' closing the '(' at i, counting nested ASCII pairs; -1 when unbalanced or on another line. */
function closingOf(s: string, i: number): number {
  let depth = 0
  for (let j = i; j < s.length; j++) {
    const ch = s[j]
    if (ch === '\n') return -1
    if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return j
  }
  return -1
}

export function typesetChinese(text: string): string {
  if (!text || !hasIdeograph(text) || !/[(),:;!?]/.test(text)) return text
  // A pass can put Chinese before a bracket (广?(…) → 广？(…)) that the next pass then turns: repeat to the
  // fixed point, so printing printed text changes nothing. Each pass only widens, so this ends; almost
  // always after the second pass.
  let t = text
  for (;;) {
    const next = typesetPass(t)
    if (next === t) return t
    t = next
  }
}

function typesetPass(text: string): string {
  const out = text.split('')
  // Brackets first: whether a pair turns depends on what it holds, not on its neighbours' new forms.
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '(') continue
    const end = closingOf(text, i)
    if (end < 0) continue
    const before = i > 0 ? text.charCodeAt(i - 1) : -1
    const inner = text.slice(i + 1, end)
    // Code, not prose, inside: a URL, an address, a quoted argument (=HYPERLINK("…","点我")).
    if (/:\/\/|[@="'`\\]/.test(inner)) continue
    if (hasIdeograph(inner) || (isChineseBefore(before) && inner.trim() !== '' && !/[0-9]/.test(inner))) {
      out[i] = '（'
      out[end] = '）'
    }
  }
  // Then the marks, left to right, so a mark after a bracket just made full-width sees Chinese before it.
  let result = ''
  let last = -1 // the last character of result that is not a space
  let inUrl = false // from a :// to the next whitespace
  for (let i = 0; i < text.length; i++) {
    const ch = out[i]
    if (isUrlColon(text, i)) inUrl = true
    else if (inUrl && /\s/.test(ch)) inUrl = false
    const mark = ch === ',' || ch === ':' || ch === ';' || ch === '!' || ch === '?'
    if (mark && !inUrl && (isChineseBefore(last) || isIdeograph(nextNonSpace(text, i)))) {
      // A space typed around the mark goes: full-width punctuation carries its own.
      result = result.replace(/ +$/, '') + WIDE[ch]
      while (text[i + 1] === ' ') i++
      last = WIDE[ch].charCodeAt(0)
      continue
    }
    result += ch
    if (ch !== ' ') last = ch.charCodeAt(0)
  }
  return result
}

/** The code unit after i that is not a space, or -1. */
function nextNonSpace(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) if (s.charCodeAt(j) !== 0x20) return s.charCodeAt(j)
  return -1
}

/** "网址:http://…" turns, but a colon followed by // is part of an address, whatever comes before it. */
function isUrlColon(s: string, i: number): boolean {
  return s[i] === ':' && s[i + 1] === '/' && s[i + 2] === '/'
}
