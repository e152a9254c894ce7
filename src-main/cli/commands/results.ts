/**
 * `results …`: the second half of the year from the command line — import the national office's results
 * (preview with --dry-run), list them, confirm or reject a match, apply, record certificates and plaques
 * handed over, export the list and write the notification letters. Every subcommand goes through dispatch
 * and prints one JSON document with --json.
 */
import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import { RESULT_STATUS_LABELS, type OpOutput, type Site } from '../../api/contract'
import { UsageError } from '../args'
import { CommandFailure, unwrap, type Command } from '../command'
import type { Output } from '../output'
import { formatTable } from '../output'
import { pickSubcommand } from '../subcommands'
import { requireData } from './requireData'
import { printProblems } from './rosterShared'
import { findSite } from './siteRef'

const SUBCOMMANDS = {
  import: ['dry-run', 'skip-errors', 'batch'],
  list: [],
  confirm: ['site'],
  reject: [],
  apply: [],
  handover: ['certificate', 'plaque', 'handler'],
  export: ['out'],
  notify: ['out'],
}

type ListOutput = OpOutput<'results.list'>
type ResultRow = ListOutput['rows'][number]
const PREVIEW_LABELS = { ...RESULT_STATUS_LABELS, kept: '保留已确认' } as const

/** A result row by the number `results list` shows (its id). */
function readId(text: string | undefined, sub: string): number {
  if (!text || !/^\d{1,9}$/.test(text.trim())) throw new UsageError(`请给出评定结果的序号（results list 第一列）：results ${sub} 序号`, 'results')
  return Number(text.trim())
}

function findRow(rows: ResultRow[], id: number): ResultRow {
  const row = rows.find((r) => r.id === id)
  if (!row) throw new CommandFailure({ code: 'invalid-input', message: `没有序号为 ${id} 的评定结果，可用 starsite results list 查看` })
  return row
}

/** Which site a confirmation is for: --site, else the automatic match, else the only candidate. */
function siteFor(row: ResultRow, given: string | undefined, sites: Site[]): { id: number; code: string; name: string } {
  if (given) return findSite(sites, given)
  if (row.site) return row.site
  if (row.candidates.length === 1) return row.candidates[0]
  const choices = row.candidates.map((c) => `${c.code} ${c.name}`).join('、')
  throw new UsageError(
    `第 ${row.sourceRow} 行“${row.source.name}”没有唯一对应的现场，请用 --site 指定${choices ? `（候选：${choices}）` : '（可用 starsite list 查看现场编号）'}`,
    'results',
  )
}

function printRows(out: Output, rows: ResultRow[]): void {
  if (!rows.length) return
  out.data(
    formatTable(
      ['序号', '来源', '现场名称', '评定结果', '匹配', '对应现场', '说明'],
      rows.map((r) => [
        String(r.id),
        `${r.sourceFile} 第${r.sourceRow}行`,
        r.source.name,
        r.outcomeText,
        RESULT_STATUS_LABELS[r.status],
        r.site ? `${r.site.code} ${r.site.name}` : r.candidates.map((c) => c.code).join('、'),
        r.reason,
      ]),
    ),
  )
}

export const resultsCommand: Command = {
  name: 'results',
  summary: '评定结果：导入、查看、确认匹配、应用、登记证书标牌领取、导出、生成结果通知函',
  // One line per subcommand under the 用法： of `help results`.
  synopsis: [
    'results import FILE.xlsx [--dry-run] [--skip-errors] [--batch 批次] [--json]',
    'results list [--json]',
    'results confirm N [--site SITE] [--json]',
    'results reject N [--json]',
    'results apply [--json]',
    'results handover SITE [--certificate 日期] [--plaque 日期] [--handler 经办人] [--json]',
    'results export --out FILE.xlsx [--json]',
    'results notify --out DIR [--json]',
  ].join('\n      starsite '),
  options: {
    'dry-run': { type: 'boolean', label: '只预览', description: 'results import：只读取并匹配，列出每行对应的现场和问题，不改动任何数据' },
    'skip-errors': { type: 'boolean', label: '跳过有错误的行', description: 'results import：跳过有错误的行，导入其余各行' },
    batch: { type: 'string', label: '批次', valueName: '批次', description: 'results import：表中没有“批次”列时使用的批次，如 2021年第一批' },
    site: { type: 'string', label: '现场', valueName: 'SITE', description: 'results confirm：这条结果对应的现场（编号或完整名称）' },
    certificate: { type: 'string', label: '证书领取日期', valueName: '日期', description: 'results handover：证书领取日期，如 2021-07-15；写空字符串清除' },
    plaque: { type: 'string', label: '标牌领取日期', valueName: '日期', description: 'results handover：标牌领取日期' },
    handler: { type: 'string', label: '经办人', valueName: '姓名', description: 'results handover：经办人' },
    out: { type: 'string', label: '输出位置', valueName: 'PATH', description: 'results export 的 .xlsx 文件，或 results notify 的文件夹' },
  },
  acceptsPositionals: true,
  notes: [
    '先 results import 导入推进办公室公布的结果（自动按现场编号或名称匹配），拿不准的用 results list 查看，',
    '用 results confirm 序号 [--site 现场] 确认或 results reject 序号 标为未匹配，再用 results apply 把已匹配的结果记到现场上。',
    '--json 输出：import { "total", "imported", "matched", "review", "unmatched", "kept", "skipped", "errors", "fileSha256", "dryRun", "preview"? }；',
    'list { "rows": [{ "id", "sourceRow", "source", "outcomeText", "status", "site", "candidates", … }], "sites": [...] }；',
    'confirm / reject { "id", "status", "siteId" }；apply { "applied" }；handover { "siteId", "certificateReceivedOn", "plaqueReceivedOn", "handler", … }；',
    'export { "path", "size", "sites" }；notify { "dir", "files": [{ "recommender", "path", "sites" }] }。',
    '导入的表有错误行且未指定 --skip-errors 时不导入任何结果（退出码 2；--dry-run 时列出问题，退出码 1）。',
  ],
  async run({ options, positionals, out, openApp, dataDir }) {
    const { sub, args } = pickSubcommand('results', positionals, options, SUBCOMMANDS)
    const wantArgs = { import: 1, list: 0, confirm: 1, reject: 1, apply: 0, handover: 1, export: 0, notify: 0 }[sub]!
    if (args.length !== wantArgs)
      throw new UsageError(wantArgs ? `results ${sub} 需要 ${wantArgs} 个参数，收到 ${args.length} 个` : `results ${sub} 不接受参数“${args.join(' ')}”`, 'results')
    if ((sub === 'export' || sub === 'notify') && typeof options.out !== 'string') throw new UsageError(`results ${sub} 需要 --out`, 'results')
    requireData(dataDir)
    const app = openApp()

    if (sub === 'import') {
      const dryRun = options['dry-run'] === true
      const skipErrors = options['skip-errors'] === true
      const r = unwrap<OpOutput<'results.import'>>(
        await dispatch(app, 'results.import', {
          path: path.resolve(args[0]),
          skipErrors,
          ...(typeof options.batch === 'string' ? { batch: options.batch } : {}),
          ...(dryRun ? { dryRun } : {}),
        }),
      )
      out.document(r)
      printProblems(out, r.errors, [])
      if (r.preview?.length)
        out.data(
          formatTable(
            ['行', '现场编号', '现场名称', '评定结果', '匹配', '说明'],
            r.preview.map((p) => [String(p.row), p.code, p.name, p.outcomeText, PREVIEW_LABELS[p.status], p.reason]),
          ),
        )
      const counts = `已匹配 ${r.matched}，待确认 ${r.review}，未匹配 ${r.unmatched}，保留已确认 ${r.kept}，有错误跳过 ${r.skipped}`
      if (dryRun) {
        out.info(`只预览（--dry-run），未改动任何数据：共 ${r.total} 行，${counts}。`)
        return r.skipped && !skipErrors ? 1 : 0
      }
      out.info(`已导入评定结果 ${r.imported} 条（共 ${r.total} 行）：${counts}。`)
      if (r.review || r.unmatched) out.info('用 starsite results list 查看待确认和未匹配的结果，results confirm 序号 --site 现场 确认。')
      return 0
    }
    if (sub === 'list') {
      const r = unwrap<ListOutput>(await dispatch(app, 'results.list', {}))
      out.document(r)
      printRows(out, r.rows)
      const by = (s: ResultRow['status']) => r.rows.filter((x) => x.status === s).length
      out.info(`共 ${r.rows.length} 条结果：已匹配 ${by('matched')}，待确认 ${by('review')}，未匹配 ${by('unmatched')}，已确认 ${by('confirmed')}；已记录结果的现场 ${r.sites.length} 个。`)
      return 0
    }
    if (sub === 'confirm' || sub === 'reject') {
      const id = readId(args[0], sub)
      const { rows } = unwrap<ListOutput>(await dispatch(app, 'results.list', {}))
      const row = findRow(rows, id)
      if (sub === 'reject') {
        const r = unwrap<OpOutput<'results.reject'>>(await dispatch(app, 'results.reject', { id }))
        out.document(r)
        out.info(`第 ${row.sourceRow} 行“${row.source.name}”已标为未匹配。`)
        return 0
      }
      const sites = typeof options.site === 'string' ? unwrap<{ sites: Site[] }>(await dispatch(app, 'sites.list', {})).sites : []
      const site = siteFor(row, options.site as string | undefined, sites)
      const r = unwrap<OpOutput<'results.confirm'>>(await dispatch(app, 'results.confirm', { id, siteId: site.id }))
      out.document(r)
      out.info(`已确认：第 ${row.sourceRow} 行“${row.source.name}”（${row.outcomeText}）→ 现场 ${site.code} ${site.name}，结果已记到该现场。`)
      return 0
    }
    if (sub === 'apply') {
      const r = unwrap<OpOutput<'results.apply'>>(await dispatch(app, 'results.apply', {}))
      out.document(r)
      out.info(`已应用 ${r.applied} 条自动匹配的结果。`)
      return 0
    }
    if (sub === 'handover') {
      const { sites } = unwrap<{ sites: Site[] }>(await dispatch(app, 'sites.list', {}))
      const site = findSite(sites, args[0])
      if (options.certificate === undefined && options.plaque === undefined && options.handler === undefined)
        throw new UsageError('请至少给出 --certificate、--plaque 或 --handler 之一', 'results')
      const pick = (v: unknown) => (typeof v === 'string' ? (v.trim() ? v : null) : undefined)
      const r = unwrap<OpOutput<'results.handover'>>(
        await dispatch(app, 'results.handover', {
          siteId: site.id,
          ...(options.certificate !== undefined ? { certificateReceivedOn: pick(options.certificate) } : {}),
          ...(options.plaque !== undefined ? { plaqueReceivedOn: pick(options.plaque) } : {}),
          ...(options.handler !== undefined ? { handler: pick(options.handler) } : {}),
        }),
      )
      out.document(r)
      out.info(`${site.code} ${site.name}：证书领取 ${r.certificateReceivedOn ?? '未登记'}，标牌领取 ${r.plaqueReceivedOn ?? '未登记'}，经办人 ${r.handler || '未登记'}。`)
      return 0
    }
    if (sub === 'export') {
      const r = unwrap<OpOutput<'results.export'>>(await dispatch(app, 'results.export', { outPath: path.resolve(options.out as string) }))
      out.document(r)
      out.data(r.path)
      out.info(`已导出评定结果名单（${r.sites} 个现场）：${r.path}`)
      return 0
    }
    // notify
    const r = unwrap<OpOutput<'results.notify'>>(await dispatch(app, 'results.notify', { outDir: path.resolve(options.out as string) }))
    out.document(r)
    for (const f of r.files) out.data(f.path)
    out.info(`已生成结果通知函 ${r.files.length} 份（${r.files.map((f) => `${f.recommender} ${f.sites} 个现场`).join('；')}），保存在 ${r.dir}`)
    return 0
  },
}
