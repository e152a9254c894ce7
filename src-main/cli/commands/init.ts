import { dispatch } from '../../api/dispatch'
import type { Settings } from '../../api/contract'
import { unwrap, type Command } from '../command'

export const initCommand: Command = {
  name: 'init',
  summary: '设置协会信息并开始一个年度的评定活动（可重复运行以修改）',
  synopsis: 'init --association 协会名称 --short 简称 --province 省份 [--year 2021] [--prefix 文号前缀] [--address 地址] [--contact 联系人] [--phone 电话]',
  options: {
    association: { type: 'string', label: '协会名称', valueName: '名称', required: true, description: '协会全称，如 广东省通信行业协会' },
    short: { type: 'string', label: '简称', valueName: '简称', required: true, description: '协会简称，如 粤通协' },
    province: { type: 'string', label: '省份', valueName: '省份', required: true, description: '所在省份，如 广东 或 广东省' },
    year: { type: 'integer', label: '活动年度', valueName: '年度', min: 2000, max: 2100, description: '评定活动年度（默认今年），如 2021' },
    prefix: { type: 'string', label: '文号前缀', valueName: '前缀', description: '发文字号前缀（默认同简称），如 粤通协' },
    address: { type: 'string', label: '地址', valueName: '地址', description: '协会地址' },
    contact: { type: 'string', label: '联系人', valueName: '姓名', description: '联系人' },
    phone: { type: 'string', label: '电话', valueName: '电话', description: '联系电话' },
  },
  notes: ['例：starsite init --association 广东省通信行业协会 --short 粤通协 --province 广东 --year 2021'],
  async run({ options, out, openApp }) {
    const app = openApp()
    const association: Record<string, string> = {
      name: options.association as string,
      shortName: options.short as string,
      province: options.province as string,
    }
    if (options.prefix !== undefined) association.docPrefix = options.prefix as string
    if (options.address !== undefined) association.address = options.address as string
    if (options.contact !== undefined) association.contact = options.contact as string
    if (options.phone !== undefined) association.phone = options.phone as string
    const input: Record<string, unknown> = { association }
    if (options.year !== undefined) input.year = options.year
    const settings = unwrap<Settings>(await dispatch(app, 'settings.saveAssociation', input))
    const a = settings.association!
    const c = settings.campaign
    out.document({
      association: a,
      campaign: c ? { id: c.id, year: c.year, name: c.config.name } : null,
      dataDir: settings.dataDir,
    })
    out.info(`已保存协会信息：${a.name}（简称 ${a.shortName}，${a.province}，文号前缀 ${a.docPrefix}）`)
    if (c) out.info(`当前评定活动：${c.year} 年度`)
    out.info(`数据目录：${settings.dataDir}`)
    return 0
  },
}
