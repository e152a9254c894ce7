import { SITE_FIELD_LABELS, type OpOutput } from '@contract'

export type RosterPreview = OpOutput<'roster.preview'>
export type PreviewRow = RosterPreview['rows'][number]
export type RowProblem = PreviewRow['problems'][number]

/** “第 12 行 G 列（统一社会信用代码）：…” — the same words as the command line. */
export function describeProblem(p: Pick<RowProblem, 'row' | 'column' | 'label' | 'message'>): string {
  const where = p.column ? `第 ${p.row} 行 ${p.column} 列（${p.label}）` : `第 ${p.row} 行（${p.label}）`
  return `${where}：${p.message}`
}

/** The Chinese header of a roster field. */
export function fieldLabel(field: string): string {
  if (field === 'seq') return '序号'
  return field in SITE_FIELD_LABELS ? SITE_FIELD_LABELS[field as keyof typeof SITE_FIELD_LABELS] : field
}

/** Column letters in sheet order: A < B < … < Z < AA. */
export const byColumn = (a: string, b: string) => a.length - b.length || a.localeCompare(b)

export interface TableColumn {
  field: string
  letter: string
  label: string
}

/** The recognised columns in the order the file has them. */
export function tableColumns(preview: RosterPreview): TableColumn[] {
  return Object.entries(preview.columns)
    .map(([field, letter]) => ({ field, letter, label: fieldLabel(field) }))
    .sort((a, b) => byColumn(a.letter, b.letter))
}

/** A row's problems by column letter, errors before warnings. */
export function problemsByColumn(row: PreviewRow): Map<string, RowProblem[]> {
  const map = new Map<string, RowProblem[]>()
  for (const p of row.problems) {
    const list = map.get(p.column) ?? []
    list.push(p)
    map.set(p.column, list)
  }
  for (const list of map.values()) list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'error' ? -1 : 1))
  return map
}
