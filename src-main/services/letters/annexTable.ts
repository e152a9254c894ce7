/** The list of sites on a letter's annex page (cover letter, results notice); the header row repeats on every page. */
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import type { AnnexRow } from '../../core/letters/content'
import type { LetterFonts } from '../../core/letters/settings'
import { SIZE, TEXT_WIDTH } from './measures'
import { fontFor, OFF_GRID } from './styles'

/** A column of an annex table: its heading, width in twips and alignment. */
export interface AnnexColumn {
  title: string
  width: number
  align: 'center' | 'left'
}

const COLUMNS: AnnexColumn[] = [
  { title: '序号', width: 620, align: 'center' },
  { title: '现场编号', width: 1640, align: 'center' },
  { title: '现场名称', width: 2485, align: 'left' },
  { title: '类型', width: 1050, align: 'center' },
  { title: '推荐单位', width: 1950, align: 'left' },
  { title: '申报星级', width: 1100, align: 'center' },
]
// The columns fill the text area exactly; a change to one width must be balanced by another.
if (COLUMNS.reduce((s, c) => s + c.width, 0) !== TEXT_WIDTH) throw new Error('annex columns must fill the text width')

/** The annex tables' text size: 五号. */
export const CELL_SIZE = SIZE.五号
/**
 * 五号 on an exact 15 pt pitch: a site code (GD-2021-Y001), 装维中心 and 申报星级 each fit their column on one
 * line, about 35 rows a page, and Word and LibreOffice agree on where pages break.
 */
const cellSpacing = { line: 300, lineRule: LineRuleType.EXACT, before: 30, after: 30 }
/** Left and right margins of every cell: a column's text has its width less twice this. */
export const CELL_MARGIN = 80
const cellMargins = { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 }

function cell(text: string, col: AnnexColumn, font: ReturnType<typeof fontFor>): TableCell {
  return new TableCell({
    width: { size: col.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: OFF_GRID,
        alignment: col.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: cellSpacing,
        indent: { firstLine: 0, firstLineChars: 0 },
        children: [new TextRun({ text, font, size: CELL_SIZE, characterSpacing: 0 })],
      }),
    ],
  })
}

/** A table the width of the text area: a header row repeated on every page, rows never split across pages. */
export function gridTable(fonts: LetterFonts, columns: AnnexColumn[], rows: string[][]): Table {
  const head = fontFor(fonts.heading, fonts.latin)
  const body = fontFor(fonts.body, fonts.latin)
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    margins: cellMargins,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.title, c, head)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, j) => cell(t, columns[j], body)) })),
    ],
  })
}

export function annexTable(fonts: LetterFonts, rows: AnnexRow[], starTitle?: string): Table {
  const columns = starTitle ? COLUMNS.map((c, j) => (j === COLUMNS.length - 1 ? { ...c, title: starTitle } : c)) : COLUMNS
  return gridTable(
    fonts,
    columns,
    rows.map((r, i) => [String(i + 1), r.code, r.name, r.type, r.recommender, r.star]),
  )
}
