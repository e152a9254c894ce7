/** The list of recommended sites on the cover letter's annex page; the header row repeats on every page. */
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

const COLUMNS: { title: string; width: number; align: 'center' | 'left' }[] = [
  { title: '序号', width: 620, align: 'center' },
  { title: '现场编号', width: 1640, align: 'center' },
  { title: '现场名称', width: 2485, align: 'left' },
  { title: '类型', width: 1050, align: 'center' },
  { title: '推荐单位', width: 1950, align: 'left' },
  { title: '申报星级', width: 1100, align: 'center' },
]
// The columns fill the text area exactly; a change to one width must be balanced by another.
if (COLUMNS.reduce((s, c) => s + c.width, 0) !== TEXT_WIDTH) throw new Error('annex columns must fill the text width')

/**
 * 五号 on an exact 15 pt pitch: a site code (GD-2021-Y001), 装维中心 and 申报星级 each fit their column on one
 * line, about 35 rows a page, and Word and LibreOffice agree on where pages break.
 */
const cellSpacing = { line: 300, lineRule: LineRuleType.EXACT, before: 30, after: 30 }
const cellMargins = { left: 80, right: 80, top: 0, bottom: 0 }

function cell(text: string, col: (typeof COLUMNS)[number], font: ReturnType<typeof fontFor>): TableCell {
  return new TableCell({
    width: { size: col.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: OFF_GRID,
        alignment: col.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: cellSpacing,
        indent: { firstLine: 0, firstLineChars: 0 },
        children: [new TextRun({ text, font, size: SIZE.五号, characterSpacing: 0 })],
      }),
    ],
  })
}

export function annexTable(fonts: LetterFonts, rows: AnnexRow[], starTitle?: string): Table {
  const head = fontFor(fonts.heading, fonts.latin)
  const body = fontFor(fonts.body, fonts.latin)
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    margins: cellMargins,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: COLUMNS.map((c, j) => cell(j === COLUMNS.length - 1 && starTitle ? starTitle : c.title, c, head)) }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: [String(i + 1), r.code, r.name, r.type, r.recommender, r.star].map((t, j) => cell(t, COLUMNS[j], body)),
          }),
      ),
    ],
  })
}
