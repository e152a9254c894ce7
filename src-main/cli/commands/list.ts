import { dispatch } from '../../api/dispatch'
import { SITE_STATUS_LABELS, SITE_STATUSES, SITE_TYPE_INFO, STAR_LABELS, type OpOutput, type Site } from '../../api/contract'
import { parseSiteStatus, type SiteStatus } from '../../core/sites/fields'
import type { OptionSpec } from '../args'
import { CommandFailure, unwrap, type Command, type CommandContext } from '../command'
import { formatTable } from '../output'
import { requireData } from './requireData'


export const STATUS_CHOICES = SITE_STATUSES.map((s) => `${SITE_STATUS_LABELS[s]}（${s}）`).join('、')

export const statusOption: OptionSpec = {
  type: 'string',
  label: '状态',
  valueName: 'STATUS',
  description: `只列出此状态的现场，可写中文或英文代码：${STATUS_CHOICES}`,
}

/** A status as typed (中文 or code); a bad one is bad input (exit 2) naming the choices. */
export function readStatus(text: string, option: string): SiteStatus {
  const status = parseSiteStatus(text)
  if (!status) throw new CommandFailure({ code: 'invalid-input', message: `--${option} 的状态“${text}”无法识别，可选：${STATUS_CHOICES}` })
  return status
}

/** `list` and `sites list`: the year's sites, optionally of one status; deferred ones carry their reason. */
export async function runList({ options, out, openApp, dataDir }: CommandContext): Promise<number> {
  requireData(dataDir)
  const status = typeof options.status === 'string' ? readStatus(options.status, 'status') : null
  const app = openApp()
  // Before init the service answers 'not-initialised' (exit 1, with its own "run starsite init" message).
  // --json carries each site's attachments (kind, size, sha256) for scripts; the table does not need them.
  const input = { ...(options.deleted ? { deleted: true } : {}), ...(out.json ? { withAttachments: true } : {}) }
  const all = unwrap<{ sites: Site[] }>(await dispatch(app, 'sites.list', input)).sites
  const listed = status ? all.filter((s) => s.status === status) : all
  const reasons = new Map<number, string>()
  if (listed.some((s) => s.status === 'deferred')) {
    const { sites } = unwrap<OpOutput<'sites.deferrals'>>(await dispatch(app, 'sites.deferrals', {}))
    for (const d of sites) reasons.set(d.siteId, d.reason)
  }
  const sites = listed.map((s) => (reasons.has(s.id) ? { ...s, deferReason: reasons.get(s.id)! } : s))
  out.document({ sites })
  if (sites.length === 0) {
    const what = status ? `状态为“${SITE_STATUS_LABELS[status]}”的现场` : '现场'
    out.info(options.deleted ? `回收站中没有${what}。` : `还没有${what}。`)
    return 0
  }
  const withReason = reasons.size > 0
  const rows = sites.map((s) => [
    s.code,
    s.name,
    SITE_TYPE_INFO[s.type].label,
    STAR_LABELS[s.starLevel] ?? String(s.starLevel),
    s.recommender,
    s.city,
    SITE_STATUS_LABELS[s.status],
    ...(withReason ? [reasons.get(s.id) ?? ''] : []),
  ])
  out.data(formatTable(['现场编号', '现场名称', '类型', '申报星级', '推荐单位', '所在地市', '状态', ...(withReason ? ['暂缓原因'] : [])], rows))
  const of = status ? `状态为“${SITE_STATUS_LABELS[status]}”的` : ''
  out.info(`共 ${sites.length} 个${options.deleted ? '已删除的' : ''}${of}现场。`)
  return 0
}

export const listCommand: Command = {
  name: 'list',
  summary: '列出当前年度的推荐现场',
  synopsis: 'list [--status STATUS] [--deleted] [--json]',
  options: {
    status: statusOption,
    deleted: { type: 'boolean', label: '回收站', description: '只列出已删除（回收站中）的现场' },
  },
  notes: [
    '--json 输出 { "sites": [...] }；暂缓报送的现场另有 "deferReason"。尚未运行 init 时以退出码 1 结束并提示先运行 init。',
  ],
  run: runList,
}
