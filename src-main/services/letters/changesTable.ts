/**
 * The 回执's annex table of the sites a re-sent bundle changed. Its 现场编号 column is as wide as the longest
 * code in it prints (measured, with cell margins), so a code such as GD-2021-Y003 never wraps at a hyphen
 * inside its cell; the name and the changed fields share what is left.
 */
import type { Table } from 'docx'
import type { ChangeRow } from '../../core/letters/content'
import type { LetterFonts } from '../../core/letters/settings'
import { CELL_MARGIN, CELL_SIZE, gridTable, type AnnexColumn } from './annexTable'
import { printedWidth, TEXT_WIDTH } from './measures'

const NUMBER = 620
const CHANGE = 700
/**
 * The code column grows at most to this (about 28 digits at 五号), leaving the name a usable column; a code
 * longer than that (codes come from the province's data) wraps in its cell rather than squeezing the name out.
 */
const MAX_CODE = 3600
/** Rounding and the odd glyph wider than measured: the column is never exactly as wide as its text. */
const SLACK = 60

/** The 现场编号 column's width: its heading or its longest code on one line, with the cell margins. */
export function codeColumnWidth(codes: string[]): number {
  const text = Math.max(printedWidth('现场编号', CELL_SIZE), ...codes.map((c) => printedWidth(c, CELL_SIZE)))
  return Math.min(MAX_CODE, text + 2 * CELL_MARGIN + SLACK)
}

export function changesTable(fonts: LetterFonts, rows: ChangeRow[]): Table {
  const code = codeColumnWidth(rows.map((r) => r.code))
  const rest = TEXT_WIDTH - NUMBER - CHANGE - code
  const name = Math.round(rest * 0.55)
  const columns: AnnexColumn[] = [
    { title: '序号', width: NUMBER, align: 'center' },
    { title: '变动', width: CHANGE, align: 'center' },
    { title: '现场编号', width: code, align: 'center' },
    { title: '现场名称', width: name, align: 'left' },
    { title: '改动项目', width: rest - name, align: 'left' },
  ]
  return gridTable(
    fonts,
    columns,
    rows.map((r, i) => [String(i + 1), r.change, r.code, r.name, r.fields]),
  )
}
