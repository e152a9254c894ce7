/**
 * GB/T 9704-2012 in Word units (LETTER_FORMAT.md). Twips: 1 pt = 20, 1 mm ≈ 56.69. Run sizes: half-points.
 */

export const PAGE = { width: 11906, height: 16838 } as const
export const MARGIN = { top: 2098, left: 1587, bottom: 1984, right: 1474 } as const
/** 156 mm of text width. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

/** 三号 16 pt on a fixed 28.95 pt pitch: 22 lines of 28 characters (derived). */
export const LINE = 579
export const BODY_SIZE = 32
/** −0.25 pt per character squeezes 28 三号 characters into 156 mm in Word and LibreOffice alike. */
export const BODY_CHAR_SPACING = -5
/** Width of one body character with that squeeze, in twips. */
export const CHAR = 16 * 20 + BODY_CHAR_SPACING * 4 // 315

export const SIZE = { 小初: 72, 一号: 52, 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const

export const RED = 'FF0000'

/** 170 mm red double lines: the text width plus 7 mm (397 twips) each side. */
export const RULE_OVERHANG = 397

/** 信函格式: issuer name 30 mm from the top edge; second double line 20 mm above the bottom edge. */
export const LETTER_HEADER_DISTANCE = 1701
export const FOOTER_DISTANCE = 1134
/** Lifts the page number so its dash sits about 7 mm below the text area (derived from the 20 mm footer). */
export const PAGE_NUMBER_LIFT = 113
/** 四号 characters: page numbers stand one character in from the edge. */
export const PAGE_NUMBER_INDENT = 280

/** 文件格式: issuer mark 35 mm below the top of the text area; red rule 4 mm under the 文号. */
export const FILE_MARK_OFFSET = 1984
export const FILE_RULE_SPACE_PT = 11

/** Display width of a string in body characters: CJK one, Latin letters and digits about half. */
export function textWidthChars(text: string): number {
  let w = 0
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1
  return w
}

/**
 * A long title broken into two balanced lines (正梯形: the upper no longer than the lower), one line when it
 * fits. A break before 参加/的函 or after closing punctuation is preferred, even if the upper line is then up
 * to two characters longer, because cutting a site name in two reads worse than a slightly uneven shape.
 */
export function titleLines(title: string, perLine: number): string[] {
  const chars = Array.from(title)
  const width = textWidthChars(title)
  if (width <= perLine || width > perLine * 2) return [title]
  const upper = (i: number) => textWidthChars(chars.slice(0, i).join(''))
  const fits = (i: number, slack: number) => upper(i) <= perLine && width - upper(i) <= perLine && upper(i) <= width - upper(i) + slack
  const balanced = (a: number, b: number) => Math.abs(upper(a) - width / 2) - Math.abs(upper(b) - width / 2)
  const positions = chars.map((_, i) => i).slice(1)
  const preferred = positions.filter((i) => {
    const rest = chars.slice(i).join('')
    return rest.startsWith('参加') || rest.startsWith('的函') || /[》）」、，]/.test(chars[i - 1])
  })
  const at = preferred.filter((i) => fits(i, 2)).sort(balanced)[0] ?? positions.filter((i) => fits(i, 0)).sort(balanced)[0]
  return at ? [chars.slice(0, at).join(''), chars.slice(at).join('')] : [title]
}

/**
 * Latin advance widths in thousandths of an em, the wider of Times New Roman and Arial for each class (the
 * Latin font is a setting), so a width measured here is never less than either program prints.
 */
function latinWidth(ch: string): number {
  if (ch === ' ') return 280
  if (/[0-9]/.test(ch)) return 560
  if (/[MW]/.test(ch)) return 950
  if (/[IJ]/.test(ch)) return 500
  if (/[A-Z]/.test(ch)) return 780
  if (/[mw]/.test(ch)) return 840
  if (/[fijlrt]/.test(ch)) return 340
  if (/[a-z]/.test(ch)) return 560
  if (/[-,.:;'|!()[\]/\\`]/.test(ch)) return 340
  if (/[%@]/.test(ch)) return 1020
  return 600
}

/**
 * Printed width in twips of one line of text in a run of `halfPoints` with no character spacing: at least as
 * wide as Word and LibreOffice print it, so a table column this wide (plus its cell margins) holds the text on
 * one line. Chinese takes a full em; both programs add about a quarter em where Chinese meets Latin text
 * (autoSpaceDE / 中西文间距), counted a little wider here.
 */
export function printedWidth(text: string, halfPoints: number): number {
  const em = halfPoints * 10
  let width = 0
  let previous: boolean | null = null
  for (const ch of text) {
    const latin = ch.codePointAt(0)! < 0x250
    width += latin ? (latinWidth(ch) * em) / 1000 : em
    if (previous !== null && previous !== latin && ch !== ' ') width += (em * 3) / 10
    previous = ch === ' ' ? previous : latin
  }
  return Math.ceil(width)
}
