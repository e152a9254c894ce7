/** A problem with one cell of a roster, as every door reports it (DESIGN §4, §8). */
export type ProblemKind = 'error' | 'warning'

export interface RowProblem {
  /** Excel row number. */
  row: number
  /** Column letter; '' when the column is not in the file. */
  column: string
  /** Field key (e.g. 'uscc'). */
  field: string
  /** The column's Chinese name (e.g. 统一社会信用代码). */
  label: string
  /** error: the row is not imported; warning: imported, and the check run will report it. */
  kind: ProblemKind
  message: string
  /** For warnings: the check rule that will report it. */
  rule?: string
}

/** “第 12 行 G 列（统一社会信用代码）：…” */
export function describeProblem(p: Pick<RowProblem, 'row' | 'column' | 'label' | 'message'>): string {
  const where = p.column ? `第 ${p.row} 行 ${p.column} 列（${p.label}）` : `第 ${p.row} 行（${p.label}）`
  return `${where}：${p.message}`
}
