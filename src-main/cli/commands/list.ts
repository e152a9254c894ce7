import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import { SITE_STATUS_LABELS, SITE_TYPE_INFO, STAR_LABELS, type Site } from '../../api/contract'
import { CommandFailure, unwrap, type Command } from '../command'
import { formatTable } from '../output'

const NOT_INITIALISED = '尚未设置协会信息：请先运行 starsite init --association 协会名称 --short 简称 --province 省份'

export const listCommand: Command = {
  name: 'list',
  summary: '列出当前年度的推荐现场',
  synopsis: 'list [--deleted] [--json]',
  options: {
    deleted: { type: 'boolean', label: '回收站', description: '只列出已删除（回收站中）的现场' },
  },
  notes: ['--json 输出 { "sites": [...] }。尚未运行 init 时以退出码 1 结束并提示先运行 init。'],
  async run({ options, out, openApp, dataDir }) {
    // Listing must not create a data folder as a side effect of a typo in --data: no database, nothing set up.
    if (!fs.existsSync(path.join(dataDir, 'starsite.db'))) {
      throw new CommandFailure({ code: 'not-initialised', message: `${NOT_INITIALISED}（数据目录 ${dataDir} 中还没有数据文件）` })
    }
    const app = openApp()
    // Before init the service answers 'not-initialised' (exit 1, with its own "run starsite init" message).
    // --json carries each site's attachments (kind, size, sha256) for scripts; the table does not need them.
    const input = { ...(options.deleted ? { deleted: true } : {}), ...(out.json ? { withAttachments: true } : {}) }
    const envelope = await dispatch(app, 'sites.list', input)
    const { sites } = unwrap<{ sites: Site[] }>(envelope)
    out.document({ sites })
    if (sites.length === 0) {
      out.info(options.deleted ? '回收站中没有现场。' : '还没有推荐现场。')
      return 0
    }
    const rows = sites.map((s) => [
      s.code,
      s.name,
      SITE_TYPE_INFO[s.type].label,
      STAR_LABELS[s.starLevel] ?? String(s.starLevel),
      s.recommender,
      s.city,
      SITE_STATUS_LABELS[s.status],
    ])
    out.data(formatTable(['现场编号', '现场名称', '类型', '申报星级', '推荐单位', '所在地市', '状态'], rows))
    out.info(`共 ${sites.length} 个${options.deleted ? '已删除的' : ''}现场。`)
    return 0
  },
}
