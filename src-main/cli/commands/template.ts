import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { unwrap, type Command } from '../command'
import { requireData } from './requireData'

export const templateCommand: Command = {
  name: 'template',
  summary: '生成推荐汇总表导入模板（.xlsx，含下拉列表和填表说明）',
  synopsis: 'template [--out roster.xlsx] [--json]',
  options: {
    out: { type: 'string', label: '输出文件', valueName: 'FILE.xlsx', description: '模板保存位置（默认保存到数据目录的 outputs 文件夹）' },
  },
  notes: ['模板的下拉列表使用本协会所在省份的地市和本年度的申报星级，申报日期提示本年度申报时间。'],
  async run({ options, out, openApp, dataDir }) {
    requireData(dataDir)
    const app = openApp()
    const input = options.out ? { outPath: path.resolve(options.out as string) } : {}
    const result = unwrap<OpOutput<'roster.template'>>(await dispatch(app, 'roster.template', input))
    out.document(result)
    out.data(result.path)
    out.info(`已生成导入模板：${result.path}`)
    return 0
  },
}
