/** Paragraph builders for the parts of a 公文 page. Each says in its name which element of GB/T 9704 it is. */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx'
import type { LetterFonts } from '../../core/letters/settings'
import {
  CHAR,
  FILE_MARK_OFFSET,
  FILE_RULE_SPACE_PT,
  LINE,
  PAGE_NUMBER_INDENT,
  PAGE_NUMBER_LIFT,
  RED,
  RULE_OVERHANG,
  SIZE,
  TEXT_WIDTH,
  textWidthChars,
  titleLines,
} from './measures'
import { fontFor, OFF_GRID } from './styles'

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 })

/**
 * Issuer name as large as fits on one line, at most `max` half-points. A full name as long as the national
 * office's (40 characters) would wrap at 三号 and push the page down, so it may shrink to 五号.
 */
function issuerSize(name: string, max: number): number {
  const fit = Math.floor(((TEXT_WIDTH / 20) * 2) / Math.max(textWidthChars(name), 1))
  return Math.max(SIZE.五号, Math.min(max, fit))
}

export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ keepNext, children: [] })
}

function titleRun(fonts: LetterFonts, text: string, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: fontFor(fonts.title, fonts.title), characterSpacing: 0, ...extra })
}

/** 信函格式: red issuer name and the thick-over-thin red double line, in the first page's header. */
export function letterHeadHeader(fonts: LetterFonts, issuer: string): Header {
  const size = issuerSize(issuer, SIZE.一号)
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { left: -RULE_OVERHANG, right: -RULE_OVERHANG },
        spacing: exact(Math.round(size * 10 * 1.3)),
        border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, color: RED, size: 24, space: 6 } },
        children: [titleRun(fonts, issuer, { size, color: RED })],
      }),
    ],
  })
}

/** 信函格式: the thin-over-thick red double line 20 mm above the bottom edge; no page number on page one. */
export function letterFootFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        indent: { left: -RULE_OVERHANG, right: -RULE_OVERHANG },
        spacing: exact(20),
        border: { top: { style: BorderStyle.THIN_THICK_SMALL_GAP, color: RED, size: 24, space: 0 } },
        children: [new TextRun({ text: '', size: 2 })],
      }),
    ],
  })
}

/** `— 1 —` in 四号半角宋体: odd pages at the right, even pages at the left, one character in. */
export function pageNumberFooter(fonts: LetterFonts, side: 'odd' | 'even'): Footer {
  const run = { font: fontFor(fonts.pageNumber, fonts.pageNumber), size: SIZE.四号, characterSpacing: 0 }
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        spacing: { line: 340, lineRule: LineRuleType.EXACT, before: 0, after: PAGE_NUMBER_LIFT },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  })
}

/** 文件格式: red issuer mark 35 mm into the text area, then the 文号 centred over a red rule. */
export function fileHead(fonts: LetterFonts, issuer: string, docNo: string): Paragraph[] {
  const size = issuerSize(issuer, SIZE.小初)
  return [
    new Paragraph({
      style: OFF_GRID,
      alignment: AlignmentType.CENTER,
      spacing: { ...exact(Math.round(size * 10 * 1.3)), before: FILE_MARK_OFFSET },
      children: [titleRun(fonts, issuer, { size, color: RED })],
    }),
    blankLine(),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, color: RED, size: 12, space: FILE_RULE_SPACE_PT } },
      children: [new TextRun(docNo)],
    }),
    blankLine(),
    blankLine(),
  ]
}

/** 信函格式: 文号 flush right under the double line, then one blank line before the title. */
export function letterDocNo(docNo: string): Paragraph[] {
  return [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(docNo)] }), blankLine()]
}

/** 二号小标宋 title, centred, balanced over two lines with an explicit break when long. */
export function title(fonts: LetterFonts, text: string): Paragraph {
  const perLine = Math.floor(TEXT_WIDTH / (22 * 20))
  const lines = titleLines(text, perLine)
  return new Paragraph({
    style: OFF_GRID,
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: lines.map((line, i) => titleRun(fonts, line, { size: SIZE.二号, break: i > 0 ? 1 : undefined })),
  })
}

/** 主送机关: flush left, one blank line under the title. */
export function addressee(text: string): Paragraph[] {
  return [blankLine(), new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(text)] })]
}

/** Body: first line indented two characters, justified. */
export function bodyParagraph(text: string, options: { keepNext?: boolean; keepLines?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
    keepNext: options.keepNext,
    keepLines: options.keepLines,
    children: [new TextRun(text)],
  })
}

/**
 * The signing-key fingerprint: the label, then the fingerprint on its own line, not justified, so a long
 * unbroken string neither stretches the label apart nor gets split where a reader would misread it. With
 * `sameLine` the value follows the label (a value in spaced groups then wraps only between groups).
 */
export function fingerprintParagraph(label: string, fingerprint: string, sameLine = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
    keepNext: true,
    keepLines: true,
    children: [new TextRun(label), new TextRun({ text: fingerprint, break: sameLine ? undefined : 1 })],
  })
}

/**
 * 附件说明: a blank line, then `附件：1.名称` indented two characters; later items hang so that their numbers
 * stand under the first one.
 */
export function attachmentNote(items: string[]): Paragraph[] {
  if (!items.length) return []
  const numberAt = 5 * CHAR
  return [
    blankLine(true),
    ...items.map(
      (item, i) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          keepNext: true,
          keepLines: true,
          indent: i === 0 ? { left: numberAt, hanging: 3 * CHAR } : { left: numberAt },
          children: [new TextRun(`${i === 0 ? '附件：' : ''}${i + 1}.${item}`)],
        }),
    ),
  ]
}

/**
 * Signature and date laid out for a seal: two blank lines (the seal's top sits within one line of the text
 * above), the issuer centred over the date, the date four characters in from the right. Everything is kept
 * with the next paragraph so the signature never stands alone on a page.
 */
export function signatureBlock(signature: string, date: string): Paragraph[] {
  // A long name comes with its own line breaks (`\n`); the widest line is centred over the date.
  const lines = signature.split('\n')
  const dateRight = 4 * CHAR
  const offset = ((textWidthChars(date) - Math.max(...lines.map(textWidthChars))) / 2) * CHAR
  const signatureRight = Math.max(0, Math.round(dateRight + offset))
  return [
    blankLine(true),
    blankLine(true),
    ...lines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          keepNext: true,
          indent: { right: signatureRight },
          children: [new TextRun(line)],
        }),
    ),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: dateRight }, children: [new TextRun(date)] }),
  ]
}

/** Annex page: `附件1` in 三号黑体 top left on a new page, the annex title centred on line 3. */
export function annexHead(fonts: LetterFonts, label: string, annexTitle: string): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      children: [new TextRun({ text: label, font: fontFor(fonts.heading, fonts.latin) })],
    }),
    blankLine(true),
    new Paragraph({
      style: OFF_GRID,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [titleRun(fonts, annexTitle, { size: SIZE.二号 })],
    }),
    blankLine(true),
  ]
}

export { LINE }
