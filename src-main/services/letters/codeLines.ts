/**
 * Line breaks chosen by the builder for a paragraph that holds a code such as GD-2021-Y001, so that no code is
 * ever split after one of its hyphens (`GD-` at a line end, `2021-Y001` on the next: wrong on paper).
 *
 * Why the builder breaks the lines itself instead of marking the hyphens: Word's non-breaking hyphen
 * (`<w:noBreakHyphen/>`, which docx 9 emits) and U+2011 both reach LibreOffice as U+2011, which 7.x, in a
 * Chinese paragraph, still breaks before or after (measured: `编号 GD-2021-` / `Y001`, and a list of codes joined
 * by 、 cut mid-number), and which its text export gives back as U+2011, not the code as typed. A word joiner
 * (U+2060) after each hyphen holds in LibreOffice but puts an invisible character inside every code a reader
 * copies out of Word. Explicit line breaks keep every character as it is: each line is measured with widths at
 * least as wide as Word's and LibreOffice's (so neither wraps a line again on its own) and ends only between
 * Chinese characters, at a space or after a closing mark — never inside a run of Latin letters, digits and
 * hyphens. Such a paragraph is set flush left: justified, both programs would stretch each line that ends in a
 * manual break, and a line of three codes would stand with gaps a character wide between its letters.
 *
 * No docx here (the builder's blocks make the runs): this module is plain text measurement.
 */
import { BODY_CHAR_SPACING } from './measures'

/** A hyphen between two Latin letters or digits: a site code, a standard's number (248-2019), a phone number. */
const CODE_HYPHEN = /[A-Za-z0-9]-[A-Za-z0-9]/

/** Whether the builder breaks a text's lines itself (codeSafeLines) and sets its paragraph flush left. */
export const holdsCode = (text: string): boolean => CODE_HYPHEN.test(text)

/** The body size (三号, 16 pt) in twips: the em the widths below are in thousandths of. */
const EM = 320
/** A Chinese character as printed: a full em less the squeeze (28 to a line of TEXT_WIDTH). */
const CJK = EM + BODY_CHAR_SPACING

/**
 * Latin advance widths in thousandths of an em, the wider of Times New Roman and Arial for each class (the
 * Latin font is a setting), so a line measured here is never shorter than it prints.
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

/** Latin script for layout: ASCII and the Latin supplements (é); everything else takes a full Chinese cell. */
const isLatin = (ch: string): boolean => ch.codePointAt(0)! < 0x250

/**
 * Word and LibreOffice both add about a quarter em where Chinese text meets Latin text or digits (autoSpaceDE
 * / 中西文间距); counted a little wider here.
 */
const SCRIPT_GAP = 100

/** Printed width of one line in twips, trailing spaces excluded (they hang past the margin). */
export function lineTwips(line: string): number {
  let width = 0
  let previous: boolean | null = null
  for (const ch of line.trimEnd()) {
    const latin = isLatin(ch)
    width += latin ? Math.ceil((latinWidth(ch) * EM) / 1000) : CJK
    if (previous !== null && previous !== latin && ch !== ' ') width += SCRIPT_GAP
    previous = ch === ' ' ? previous : latin
  }
  return width
}

/** Marks that may not begin a line (they stay with what comes before) and those that may not end one. */
const CLOSING = /^[、，。：；！？）〕］｝〉》」』】”’…—·%,.;:!?)\]}]/
const OPENING = /[（〔［｛〈《「『【“‘([{]$/

/** Pieces a line may end after: a run of Latin text (a code stays whole), or one Chinese character. */
function pieces(text: string): string[] {
  const raw = text.match(/[\x21-\x7e\u00a0-\u024f]+ *|[^ ] *| +/gu) ?? []
  const out: string[] = []
  for (const piece of raw) {
    const last = out.length - 1
    if (last >= 0 && (CLOSING.test(piece) || OPENING.test(out[last].trimEnd()) || /^ +$/.test(piece))) out[last] += piece
    else out.push(piece)
  }
  return out
}

/**
 * The lines of a paragraph `width` twips wide whose first line is indented by `firstIndent`: as many pieces to a
 * line as fit. A piece wider than a whole line (a very long file name) is cut by characters, as either program
 * would cut it.
 */
export function codeSafeLines(text: string, width: number, firstIndent: number): string[] {
  const lines: string[] = []
  let line = ''
  const room = () => (lines.length ? width : width - firstIndent)
  const push = (piece: string) => {
    if (lineTwips(line + piece) <= room()) {
      line += piece
      return
    }
    if (line) {
      lines.push(line)
      line = ''
    }
    if (lineTwips(piece) <= room()) {
      line = piece
      return
    }
    for (const ch of piece) {
      if (line && lineTwips(line + ch) > room()) {
        lines.push(line)
        line = ''
      }
      line += ch
    }
  }
  for (const piece of pieces(text)) push(piece)
  if (line || !lines.length) lines.push(line)
  return lines
}

/** A first-line indent of two characters, the wider of its two settings (firstLine in twips, firstLineChars 200). */
export const TWO_CHARS = 2 * EM
