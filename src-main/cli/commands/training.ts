/** `training import ROSTER.xlsx`: the 培训合格名单, upserted by certificate number. */
import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { UsageError } from '../args'
import { unwrap, type Command } from '../command'
import { requireData } from './requireData'
import { printProblems } from './rosterShared'

export const trainingCommand: Command = {
  name: 'training',
  summary: '培训合格名单：training import 名单.xlsx 导入（按证书编号新增或更新）',
  synopsis: 'training import ROSTER.xlsx [--valid-only] [--json]',
  options: {
    'valid-only': { type: 'boolean', label: '只导入有效行', description: '跳过有错误的行，只导入其余各行' },
  },
  acceptsPositionals: true,
  notes: [
    '名单的列：姓名、工作单位、证书编号、培训班（标准宣讲师、营业厅、装维中心、客服中心）、发证日期。',
    '--json 输出 { "created", "updated", "unchanged", "skipped", "errors": [{ "row", "column", "field", "label", "message" }] }。',
    '有错误的行且未指定 --valid-only 时不导入任何数据（退出码 2，并列出问题）。',
  ],
  async run({ options, positionals, out, openApp, dataDir }) {
    if (positionals[0] !== 'import') throw new UsageError('用法：starsite training import 名单.xlsx', 'training')
    if (positionals.length !== 2) throw new UsageError('请给出一个要导入的培训合格名单文件（.xlsx）', 'training')
    requireData(dataDir)
    const app = openApp()
    const envelope = await dispatch(app, 'training.importRoster', {
      path: path.resolve(positionals[1]),
      validOnly: options['valid-only'] === true,
    })
    const result = unwrap<OpOutput<'training.importRoster'>>(envelope)
    out.document(result)
    printProblems(out, result.errors, [])
    out.info(`已导入培训合格名单：新增 ${result.created} 条，更新 ${result.updated} 条，未变 ${result.unchanged} 条，跳过 ${result.skipped} 行。`)
    return 0
  },
}
