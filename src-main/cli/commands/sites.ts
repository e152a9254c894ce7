/**
 * `sites status CODE... --to STATUS [--reason 文字]`, `sites resume CODE...` (恢复报送) and `sites list
 * [--status STATUS]` (the same as `list`). A status change is one transaction over all the named sites.
 */
import { dispatch } from '../../api/dispatch'
import { SITE_STATUS_LABELS, type Site } from '../../api/contract'
import { UsageError } from '../args'
import { unwrap, type Command } from '../command'
import { pickSubcommand } from '../subcommands'
import { readStatus, runList, statusOption, STATUS_CHOICES } from './list'
import { requireData } from './requireData'
import { findSite } from './siteRef'

const SUBCOMMANDS = { list: ['status', 'deleted'], status: ['to', 'reason'], resume: [] }

export const sitesCommand: Command = {
  name: 'sites',
  summary: '现场状态：sites status 批量改状态（含暂缓报送），sites resume 恢复报送，sites list 按状态列出',
  synopsis: [
    'sites status SITE... --to STATUS [--reason 文字] [--json]',
    'sites resume SITE... [--json]',
    'sites list [--status STATUS] [--deleted] [--json]',
  ].join('\n      starsite '),
  options: {
    to: { type: 'string', label: '新状态', valueName: 'STATUS', description: `sites status 的新状态：${STATUS_CHOICES}` },
    reason: { type: 'string', label: '原因', valueName: '文字', description: '改状态的原因，记入操作日志；改为“暂缓报送”时必填' },
    status: statusOption,
    deleted: { type: 'boolean', label: '回收站', description: 'sites list：只列出已删除（回收站中）的现场' },
  },
  acceptsPositionals: true,
  notes: [
    'SITE 为现场编号（如 GD-2021-Y001）或完整的现场名称，可以有多个；任一个找不到时不修改任何现场（退出码 2）。',
    '暂缓报送：现场留在名单中，审核问题保留，不进入报送包、报送函和汇总表，它的错误也不再阻止生成报送包；',
    'sites resume 把暂缓报送的现场恢复为暂缓前的状态。',
    '--json：sites status 与 sites resume 输出 { "count", "sites": [{ "code", "name", "from", "to" }] }；sites list 与 list 相同。',
    '例：starsite sites status GD-2021-Y003 GD-2021-K001 --to 暂缓报送 --reason 上级推荐函未盖章',
  ],
  async run(ctx) {
    const { options, positionals, out, openApp, dataDir } = ctx
    const { sub, args } = pickSubcommand('sites', positionals, options, SUBCOMMANDS)
    if (sub === 'list') {
      if (args.length) throw new UsageError(`sites list 不接受参数“${args.join(' ')}”`, 'sites')
      return runList(ctx)
    }
    if (!args.length) throw new UsageError(`请给出至少一个现场编号：sites ${sub} SITE...`, 'sites')
    if (sub === 'status' && typeof options.to !== 'string') throw new UsageError('缺少 --to（新状态）', 'sites')
    requireData(dataDir)
    const app = openApp()
    const all = unwrap<{ sites: Site[] }>(await dispatch(app, 'sites.list', {})).sites
    const picked = [...new Map(args.map((a) => findSite(all, a)).map((s) => [s.id, s])).values()]
    const ids = picked.map((s) => s.id)
    const { count } =
      sub === 'status'
        ? unwrap<{ count: number }>(
            await dispatch(app, 'sites.setStatus', {
              ids,
              status: readStatus(options.to as string, 'to'),
              ...(typeof options.reason === 'string' ? { reason: options.reason } : {}),
            }),
          )
        : unwrap<{ count: number }>(await dispatch(app, 'sites.resume', { ids }))
    const after = new Map(unwrap<{ sites: Site[] }>(await dispatch(app, 'sites.list', {})).sites.map((s) => [s.id, s]))
    const sites = picked.map((s) => ({ code: s.code, name: s.name, from: s.status, to: after.get(s.id)?.status ?? s.status }))
    out.document({ count, sites })
    for (const s of sites)
      out.info(
        s.from === s.to
          ? `${s.code} ${s.name}：状态仍为“${SITE_STATUS_LABELS[s.to]}”${sub === 'resume' ? '（不是暂缓报送的现场）' : ''}`
          : `${s.code} ${s.name}：${SITE_STATUS_LABELS[s.from]} → ${SITE_STATUS_LABELS[s.to]}`,
      )
    out.info(sub === 'status' ? `已修改 ${count} 个现场的状态。` : `已恢复报送 ${count} 个现场。`)
    return 0
  },
}
