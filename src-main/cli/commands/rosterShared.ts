/** Pieces the roster commands share: the "set up first" guard and the per-problem list. */
import { describeProblem, type RowProblem } from '../../core/roster/problems'
import type { Output } from '../output'

/** “第 12 行 G 列（统一社会信用代码）：…”, errors first, then warnings; on stdout in human mode. */
export function printProblems(out: Output, errors: RowProblem[], warnings: RowProblem[], limit = 200): void {
  const lines: string[] = []
  if (errors.length) {
    lines.push(`错误（这些行不能导入，共 ${errors.length} 条）：`)
    lines.push(...errors.slice(0, limit).map((p) => `  ${describeProblem(p)}`))
    if (errors.length > limit) lines.push(`  ……另有 ${errors.length - limit} 条，请用 --json 查看全部`)
  }
  if (warnings.length) {
    lines.push(`提醒（会导入，审核时将提示，共 ${warnings.length} 条）：`)
    lines.push(...warnings.slice(0, limit).map((p) => `  ${describeProblem(p)}`))
    if (warnings.length > limit) lines.push(`  ……另有 ${warnings.length - limit} 条，请用 --json 查看全部`)
  }
  if (lines.length) out.data(lines.join('\n'))
}
