/**
 * `import ROSTER.xlsx`: preview, then (unless --dry-run) commit exactly the previewed bytes. Without
 * --valid-only a roster with error rows changes nothing and exits 1 with the list of problems.
 */
import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { UsageError } from '../args'
import { CommandFailure, unwrap, type Command } from '../command'
import type { Output } from '../output'
import { requireData } from './requireData'
import { printProblems } from './rosterShared'

type FolderResult = OpOutput<'attachments.importFolder'>

/** A typo in --attachments is caught before the roster changes anything. */
function requireFolder(dir: string): void {
  let isDir = false
  try {
    isDir = fs.statSync(dir).isDirectory()
  } catch {
    // reported below
  }
  if (!isDir)
    throw new CommandFailure({ code: 'invalid-input', message: `找不到附件文件夹“${dir}”：--attachments 应为每个现场一个子文件夹的文件夹` })
}

function printFolderResult(out: Output, r: FolderResult): void {
  for (const m of r.matched) out.info(`附件：文件夹“${m.folder}” → 现场 ${m.siteCode} ${m.siteName}，添加 ${m.added} 个`)
  for (const u of r.unmatchedFolders) out.info(`附件：文件夹“${u.path}”未导入：${u.reason}`)
  for (const s of r.skipped) out.info(`附件：${s.refused ? '未通过检查' : '跳过'}“${s.path}”：${s.reason}`)
  out.info(`附件文件夹：匹配 ${r.sites} 个现场，添加 ${r.added} 个附件，跳过 ${r.skipped.length} 个文件，${r.unmatchedFolders.length} 个文件夹未匹配到现场。`)
}

export const importCommand: Command = {
  name: 'import',
  summary: '导入推荐汇总表（.xlsx）：先检查，全部无误（或指定 --valid-only）才写入',
  synopsis: 'import ROSTER.xlsx [--dry-run] [--valid-only] [--attachments DIR] [--json]',
  options: {
    attachments: {
      type: 'string',
      label: '附件文件夹',
      valueName: 'DIR',
      description: '汇总表导入后，再从此文件夹导入附件：每个现场一个子文件夹，以现场编号或现场名称命名',
    },
    'dry-run': { type: 'boolean', label: '只预览', description: '只检查并列出问题，不改动任何数据' },
    'valid-only': { type: 'boolean', label: '只导入有效行', description: '跳过有错误的行，只导入其余各行' },
  },
  acceptsPositionals: true,
  notes: [
    '--json 输出 { "created", "updated", "unchanged", "skipped", "errors": [{ "row", "column", "field", "label", "message" }], "warnings": [...] }。',
    '有错误的行且未指定 --valid-only 时不导入任何数据，退出码为 1；文件无法读取（不是 .xlsx、已加密、已损坏等）时退出码为 2。',
    '--attachments DIR：汇总表导入成功后导入附件。附件类别按文件名判断（含“推荐函”为上级部门推荐函，“宣讲师”为标准宣讲师推荐信，“证书”为培训合格证书，“自评”为自评报告，jpg/png 图片为现场照片，其余为其他）；与现场已有附件内容相同的文件会跳过；未匹配到现场的文件夹会逐一列出。',
    '--json 时附件结果在 "attachments" 字段：{ "sites", "added", "skipped": [{ "path", "reason", "refused" }], "unmatchedFolders": [{ "path", "reason" }] }。',
  ],
  async run({ options, positionals, out, openApp, dataDir }) {
    if (positionals.length !== 1) throw new UsageError('请给出一个要导入的推荐汇总表文件（.xlsx）', 'import')
    requireData(dataDir)
    const file = path.resolve(positionals[0])
    const validOnly = options['valid-only'] === true
    const folder = typeof options.attachments === 'string' ? path.resolve(options.attachments) : null
    if (folder) requireFolder(folder)
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
      out.info(folder ? '只预览（--dry-run），未改动任何数据，也未导入附件。' : '只预览（--dry-run），未改动任何数据。')
      return counts.error && !validOnly ? 1 : 0
    }

    const result = unwrap<OpOutput<'roster.commit'>>(
      await dispatch(app, 'roster.commit', { path: file, fileSha256: preview.fileSha256, validOnly }),
    )
    printProblems(out, result.errors, result.warnings)
    out.info(
      `已导入“${preview.fileName}”（${where}）：新建 ${result.created} 个，更新 ${result.updated} 个，未变 ${result.unchanged} 个，跳过 ${result.skipped} 行。`,
    )
    let attachments: FolderResult | undefined
    if (folder) {
      attachments = unwrap<FolderResult>(await dispatch(app, 'attachments.importFolder', { path: folder }))
      printFolderResult(out, attachments)
    }
    out.document({ ...result, ignoredColumns: preview.ignoredColumns, ...(attachments ? { attachments } : {}) })
    if (result.warnings.length) out.info('有提醒的现场已导入，运行 starsite check 查看审核结果。')
    return 0
  },
}
