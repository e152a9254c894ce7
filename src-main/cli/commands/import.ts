/**
 * `import ROSTER.xlsx`: preview, then (unless --dry-run) commit exactly the previewed bytes. Without
 * --valid-only a roster with error rows changes nothing and exits 1 with the list of problems.
 */
import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { UsageError } from '../args'
import { unwrap, type Command } from '../command'
import { printProblems, requireDatabase } from './rosterShared'

export const importCommand: Command = {
  name: 'import',
  summary: '导入推荐汇总表（.xlsx）：先检查，全部无误（或指定 --valid-only）才写入',
  synopsis: 'import ROSTER.xlsx [--dry-run] [--valid-only] [--json]',
  options: {
    'dry-run': { type: 'boolean', label: '只预览', description: '只检查并列出问题，不改动任何数据' },
    'valid-only': { type: 'boolean', label: '只导入有效行', description: '跳过有错误的行，只导入其余各行' },
  },
  acceptsPositionals: true,
  notes: [
    '--json 输出 { "created", "updated", "unchanged", "skipped", "errors": [{ "row", "column", "field", "label", "message" }], "warnings": [...] }。',
    '有错误的行且未指定 --valid-only 时不导入任何数据，退出码为 1；文件无法读取（不是 .xlsx、已加密、已损坏等）时退出码为 2。',
    '附件文件夹导入（--attachments）尚未提供。',
  ],
  async run({ options, positionals, out, openApp, dataDir }) {
    if (positionals.length !== 1) throw new UsageError('请给出一个要导入的推荐汇总表文件（.xlsx）', 'import')
    requireDatabase(dataDir)
    const file = path.resolve(positionals[0])
    const validOnly = options['valid-only'] === true
    const app = openApp()
    const preview = unwrap<OpOutput<'roster.preview'>>(await dispatch(app, 'roster.preview', { path: file }))
    const problems = preview.rows.flatMap((r) => r.problems)
    const errors = problems.filter((p) => p.kind === 'error')
    const warnings = preview.rows.filter((r) => r.status !== 'error').flatMap((r) => r.problems.filter((p) => p.kind === 'warning'))
    const { counts } = preview
    const where = `工作表“${preview.sheet}”，表头在第 ${preview.headerRow} 行`
    if (preview.ignoredColumns.length)
      out.info(`未识别、不导入的列：${preview.ignoredColumns.map((c) => `${c.column} 列“${c.header}”`).join('、')}`)

    if (options['dry-run'] || (counts.error && !validOnly)) {
      const refused = !options['dry-run']
      out.document({
        dryRun: !refused,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: refused ? counts.total : counts.error,
        errors,
        warnings,
        counts,
        fileSha256: preview.fileSha256,
        ignoredColumns: preview.ignoredColumns,
      })
      printProblems(out, errors, warnings)
      out.info(`${where}：共 ${counts.total} 行，可新建 ${counts.new} 行，可更新 ${counts.update} 行，有错误 ${counts.error} 行，有提醒 ${counts.warning} 行。`)
      if (refused) {
        out.info(`有 ${counts.error} 行存在错误，未导入任何数据。请修正后重新导入，或加 --valid-only 只导入其余 ${counts.new + counts.update} 行。`)
        return 1
      }
      out.info('只预览（--dry-run），未改动任何数据。')
      return counts.error && !validOnly ? 1 : 0
    }

    const result = unwrap<OpOutput<'roster.commit'>>(
      await dispatch(app, 'roster.commit', { path: file, fileSha256: preview.fileSha256, validOnly }),
    )
    out.document({ ...result, ignoredColumns: preview.ignoredColumns })
    printProblems(out, result.errors, result.warnings)
    out.info(
      `已导入“${preview.fileName}”（${where}）：新建 ${result.created} 个，更新 ${result.updated} 个，未变 ${result.unchanged} 个，跳过 ${result.skipped} 行。`,
    )
    if (result.warnings.length) out.info('有提醒的现场已导入，运行 starsite check 查看审核结果。')
    return 0
  },
}
