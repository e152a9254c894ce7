/**
 * `starsite office …`: the national office's role (issue #13). It works on its own data folder (office.db),
 * never a province's, and calls the office services directly (no api operations yet).
 */
import { fieldValueText } from '../../core/office/fieldValues'
import path from 'node:path'
import { openOffice, type OfficeContext } from '../../services/office/context'
import { listReceivedBundles } from '../../db/office/bundles'
import { confirmBundle } from '../../services/office/confirm'
import { addKey, listKeys } from '../../services/office/keys'
import { initOffice } from '../../services/office/profile'
import { receive } from '../../services/office/receive'
import { writeReceipt, type WrittenReceipt } from '../../services/office/receipt'
import { listRegister } from '../../services/office/register'
import { exportRegister } from '../../services/office/export'
import { exportProvinceResults, setOfficeResult } from '../../services/office/results'
import { importResultsFile, previewResultsImport } from '../../services/office/resultsImport'
import { importRowView } from '../../api/office/results/handlers'
import { BUNDLE_PROBLEM_LABELS } from '../../api/office/vocabulary'
import { describeProblem } from '../../core/roster/problems'
import { listDuplicates, resolveDuplicate, type DuplicatePairView } from '../../services/office/duplicates'
import { UsageError, type OptionValues } from '../args'
import type { Command, CommandContext } from '../command'
import { formatTable, localTime } from '../output'


const STATUS_LABELS: Record<string, string> = {
  ingested: '已入库',
  'pending-confirmation': '待确认',
  refused: '已拒收',
  'already-received': '已收过',
  superseded: '已被替代',
}

/** Which options each subcommand takes; anything else given is a usage error naming it. */
const ALLOWED: Record<string, string[]> = {
  init: ['name', 'short', 'year', 'prefix'],
  'key add': ['fingerprint', 'province'],
  'key list': ['history'],
  receive: ['receipts'],
  receipt: ['out'],
  bundles: [],
  confirm: ['fingerprint'],
  list: ['province'],
  duplicates: [],
  export: ['out'],
  'results set': ['star', 'batch', 'certificate', 'plaque'],
  'results export': ['province', 'out'],
  'results import': ['dry-run'],
  'duplicates resolve': ['as', 'reason'],
}

function checkOptions(sub: string, options: OptionValues): void {
  const extra = Object.keys(options).filter((o) => options[o] !== undefined && !ALLOWED[sub].includes(o))
  if (extra.length) throw new UsageError(`office ${sub} 不接受选项 ${extra.map((o) => '--' + o).join('、')}`, 'office')
}

function withOffice<T>(ctx: CommandContext, run: (office: OfficeContext) => Promise<T>): Promise<T> {
  const office = openOffice({ dataDir: ctx.dataDir })
  return run(office).finally(() => office.close())
}

function sideRow(label: string, s: DuplicatePairView['a']): string[] {
  return [label, s.province, s.code, s.name, s.city, s.address, s.uscc]
}

function resolutionText(p: DuplicatePairView): string {
  if (!p.resolution) return '未处理'
  const as = p.resolution.as === 'duplicate' ? '确认为重复' : '确认不是重复'
  return p.resolution.reason ? `${as}（${p.resolution.reason}）` : as
}

/** The one bundle number `office confirm|receipt` take; a wrong one is named in the message. */
function bundleIdArg(sub: string, args: string[]): number {
  if (args.length !== 1) throw new UsageError(`office ${sub} 需要一个报送包编号（见 office bundles）`, 'office')
  const id = Number(args[0])
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`报送包编号“${args[0]}”应为正整数（见 office bundles）`, 'office')
  return id
}

export const officeCommand: Command = {
  name: 'office',
  summary: '全国推进办公室：登记各省公钥、接收并校验报送包、查看全国名册',
  synopsis: 'office init|key add|key list|receive|bundles|confirm|receipt|list|export|results|duplicates …',
  acceptsPositionals: true,
  options: {
    name: { type: 'string', label: '推进办公室名称', valueName: '名称', description: 'office init：推进办公室全称' },
    short: { type: 'string', label: '简称', valueName: '简称', description: 'office init：简称，如 推进办' },
    year: { type: 'integer', label: '活动年度', valueName: '年度', description: 'office init：活动年度（默认 2021）', min: 2000, max: 2100 },
    prefix: { type: 'string', label: '发文代字', valueName: '代字', description: 'office init：回执文号的代字（默认为简称，如 推进办 → 推进办函〔2021〕1号）' },
    receipts: { type: 'string', label: '回执文件夹', valueName: '文件夹', description: 'office receive：为每个已入库的报送包出具回执，存入此文件夹' },
    fingerprint: { type: 'string', label: '公钥指纹', valueName: 'HEX', description: 'office key add / office confirm：盖章报送函上的公钥指纹（64 位十六进制）' },
    province: { type: 'string', label: '省份', valueName: '省份', description: 'office key add / office list / office results export：省份，如 广东' },
    history: { type: 'boolean', label: '历史', description: 'office key list：同时列出已被替换的旧公钥' },
    out: { type: 'string', label: '输出文件', valueName: 'FILE', description: 'office export / office results export（.xlsx）、office receipt（.docx）：保存位置；不给出时存入数据目录的 outputs（回执为 receipts）文件夹' },
    star: { type: 'integer', label: '星级', valueName: 'N', description: 'office results set：评定星级（1 到 7）', min: 1, max: 7 },
    batch: { type: 'string', label: '批次', valueName: '批次', description: 'office results set：评定批次，如 2021年第一批' },
    certificate: { type: 'string', label: '证书编号', valueName: '编号', description: 'office results set：星级证书编号' },
    plaque: { type: 'string', label: '标牌编号', valueName: '编号', description: 'office results set：标牌编号' },
    'dry-run': { type: 'boolean', label: '只预览', description: 'office results import：只读取并匹配，列出每行将记录或修改的评定结果和问题，不改动任何数据' },
    as: { type: 'string', label: '处理结果', valueName: 'duplicate|distinct', description: 'office duplicates resolve：duplicate 确认为重复，distinct 确认不是重复' },
    reason: { type: 'string', label: '理由', valueName: '文字', description: 'office duplicates resolve：处理理由（确认为重复时必填）' },
  },
  notes: [
    '子命令：',
    '  office init --name 名称 --short 简称 [--year 2021] [--prefix 代字]',
    '                                                        设置推进办公室（新建其专用数据文件夹）',
    '  office key add 公钥文件.pem --province 广东           按省协会导出的公钥文件登记',
    '  office key add --fingerprint HEX --province 广东      按盖章报送函上的指纹登记',
    '  office key list [--history] [--json]                  列出已登记的公钥',
    '  office receive 报送包或文件夹... [--receipts 文件夹] [--json]',
    '                                                        校验并接收报送包；有任何一个被拒收时退出码为 1',
    '  office bundles [--json]                               列出收到的报送包（含待确认、已被替代的）',
    '  office confirm 报送包编号 --fingerprint HEX           核对报送函上的指纹后，确认待确认的报送包并入名册',
    '  office receipt 报送包编号 [--out 回执.docx] [--json]  出具回执（信函格式，推进办公室自己的文号；再次出具时文号不变）',
    '  office list [--province 广东] [--json]                列出全国名册（各省最新的报送包）',
    '  office export [--out 全国名册.xlsx] [--json]          导出全国名册（省份列在最前，其余列同各省推荐汇总表）',
    '  office results set 省份:现场编号 --star N --batch 批次 [--certificate 编号] [--plaque 编号]',
    '                                                        记录一个现场的评定结果（同一批次再记录则覆盖）',
    '  office results export --province 广东 [--out 广东_评定结果.xlsx]',
    '                                                        按省导出评定结果，格式即省级 results import 读取的格式',
    '  office results import 评定结果.xlsx [--dry-run] [--json]',
    '                                                        从工作簿导入评定结果（列同导出文件，另可有 省份、标牌编号 列）；',
    '                                                        任何一行有错误则整个文件不导入（退出码 2；--dry-run 列出问题，退出码 1）',
    '  --json 输出（results import）：{ "fileName", "fileSha256", "total", "recorded", "changed", "unchanged", "dryRun",',
    '    "warnings": [{ "row", "column", "label", "kind": "warning", "message", "province", "code", "workbookName", "registerName" }],',
    '    "errors"?: [{ "row", "column", "label", "message", … }], "rows"?: [{ "row", "province", "code", "name", "batch", "star", "starLabel",',
    '    "certificateNo", "plaqueNo", "status": "new|changed|unchanged", "previous" }] }（errors、rows 仅 --dry-run 时给出；',
    '    warnings：现场名称与全国名册不同的行，去掉空格、全角半角视为相同，仍按现场编号导入）',
    '  office duplicates [--json]                            并排列出省内、跨省的疑似重复现场及处理结果',
    '  office duplicates resolve A B --as duplicate|distinct [--reason 文字]',
    '                                                        处理一对疑似重复（A、B 写作 省份:现场编号，编号唯一时可只写编号）',
    '推进办公室的数据文件夹与省级协会的不能共用：请用 --data 指定单独的文件夹。',
  ],
  async run(ctx) {
    const { positionals, options, out } = ctx
    const [first, second, ...rest] = positionals
    const sub =
      first === 'key' || first === 'results'
        ? `${first} ${second ?? ''}`.trim()
        : first === 'duplicates' && second === 'resolve'
          ? 'duplicates resolve'
          : (first ?? '')
    if (!(sub in ALLOWED)) throw new UsageError(sub ? `office 没有子命令“${sub}”` : '缺少 office 的子命令', 'office')
    checkOptions(sub, options)
    const args = first === 'key' || first === 'results' || sub === 'duplicates resolve' ? rest : [second, ...rest].filter((a): a is string => a !== undefined)

    if (sub === 'init') {
      if (args.length) throw new UsageError(`office init 不接受参数“${args.join(' ')}”`, 'office')
      if (options.name === undefined || options.short === undefined) throw new UsageError('office init 需要 --name（名称）和 --short（简称）', 'office')
      const { office, profile, created, docPrefix } = initOffice(
        { dataDir: ctx.dataDir },
        { name: options.name as string, shortName: options.short as string, year: options.year as number | undefined, docPrefix: options.prefix as string | undefined },
      )
      office.close()
      out.document({ dataDir: ctx.dataDir, profile, created, docPrefix })
      out.info(`${created ? '已设置' : '已更新'}推进办公室：${profile.name}（${profile.shortName}），${profile.year} 年度。数据目录：${ctx.dataDir}`)
      return 0
    }

    if (sub === 'key add') {
      if (options.province === undefined) throw new UsageError('office key add 需要 --province（省份）', 'office')
      const byFile = args.length === 1 && options.fingerprint === undefined
      if (!byFile && !(args.length === 0 && options.fingerprint !== undefined))
        throw new UsageError('office key add 需要一个公钥文件，或 --fingerprint 指纹（二者选一）', 'office')
      const province = options.province as string
      const input = byFile ? { province, file: path.resolve(args[0]) } : { province, fingerprint: options.fingerprint as string }
      return withOffice(ctx, async (office) => {
        const r = addKey(office, input)
        out.document(r)
        out.data(r.key.fingerprint)
        if (r.unchanged) out.info(`${r.key.province}的这把公钥已登记，未做改动。`)
        else if (r.replaced) out.info(`已更换${r.key.province}的公钥：旧指纹 ${r.replaced.fingerprint} 保留在历史中，新指纹 ${r.key.fingerprint}`)
        else out.info(`已登记${r.key.province}的公钥，指纹 ${r.key.fingerprint}`)
        return 0
      })
    }

    if (sub === 'key list') {
      if (args.length) throw new UsageError(`office key list 不接受参数“${args.join(' ')}”`, 'office')
      return withOffice(ctx, async (office) => {
        const keys = listKeys(office, { includeHistory: options.history === true })
        out.document({ keys })
        if (keys.length === 0) out.info('还没有登记任何省份的公钥。')
        else {
          const rows = keys.map((k) => [k.province, k.fingerprint, k.source === 'file' ? '公钥文件' : '指纹', localTime(k.registeredAt), k.supersededAt ? `已于 ${localTime(k.supersededAt)} 替换` : '当前'])
          out.data(formatTable(['省份', '指纹', '来源', '登记时间', '状态'], rows, 80))
        }
        return 0
      })
    }

    if (sub === 'receive') {
      if (args.length === 0) throw new UsageError('请给出要接收的报送包文件或文件夹', 'office')
      return withOffice(ctx, async (office) => {
        const outcomes = await receive(office, args)
        // Receipts only for what the register took in: a held or refused bundle gets none.
        const receipts: (WrittenReceipt & { bundleId: number })[] = []
        if (options.receipts !== undefined)
          for (const o of outcomes)
            if (o.status === 'ingested') receipts.push({ bundleId: o.bundleId!, ...(await writeReceipt(office, o.bundleId!, { dir: options.receipts as string })) })
        out.document(options.receipts !== undefined ? { outcomes, receipts } : { outcomes })
        for (const o of outcomes) {
          out.info(`${STATUS_LABELS[o.status]}  ${o.file}`)
          out.info(`  ${o.message}`)
          for (const p of o.problems) out.info(`  [${BUNDLE_PROBLEM_LABELS[p.problem] ?? p.problem}] ${p.path}：${p.message}`)
          for (const c of o.diff?.changed ?? []) out.info(`  改动 ${c.code} ${c.field}：${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)
          for (const a of o.diff?.added ?? []) out.info(`  新增 ${a.code} ${a.name}`)
          for (const w of o.diff?.withdrawn ?? []) out.info(`  撤回 ${w.code} ${w.name}`)
          const receipt = receipts.find((r) => r.bundleId === o.bundleId)
          if (receipt) out.info(`  回执 ${receipt.docNumber}：${receipt.path}`)
          else if (o.status === 'ingested') out.info(`  出具回执：starsite office receipt ${o.bundleId}`)
          out.data(`${o.status}\t${o.file}`)
        }
        const refusedCount = outcomes.filter((o) => o.status === 'refused').length
        out.info(`共 ${outcomes.length} 个报送包：${outcomes.length - refusedCount} 个已接收（含待确认、已收过），${refusedCount} 个被拒收。`)
        return refusedCount > 0 ? 1 : 0
      })
    }

    if (sub === 'bundles') {
      if (args.length) throw new UsageError(`office bundles 不接受参数“${args.join(' ')}”`, 'office')
      return withOffice(ctx, async (office) => {
        const bundles = listReceivedBundles(office.db)
        out.document({ bundles })
        if (bundles.length === 0) out.info('还没有收到报送包。')
        else
          out.data(
            formatTable(
              ['编号', '省份', '状态', '现场数', '文件数', '收到时间', '指纹'],
              bundles.map((b) => [String(b.id), b.province, STATUS_LABELS[b.status], String(b.sites), String(b.files), localTime(b.receivedAt), b.fingerprint]),
              80,
            ),
          )
        return 0
      })
    }

    if (sub === 'confirm') {
      const id = bundleIdArg('confirm', args)
      if (options.fingerprint === undefined) throw new UsageError('office confirm 需要 --fingerprint：盖章报送函上印的公钥指纹', 'office')
      return withOffice(ctx, async (office) => {
        const r = confirmBundle(office, id, options.fingerprint as string)
        out.document(r)
        out.data(r.status)
        out.info(r.status === 'ingested' ? `已确认并并入名册：${r.province}报送包 ${id}，公钥 ${r.fingerprint} 已登记。` : `已确认公钥 ${r.fingerprint}；报送包 ${id} 早于${r.province}已入库的报送包，转入历史。`)
        return 0
      })
    }

    if (sub === 'receipt') {
      const id = bundleIdArg('receipt', args)
      return withOffice(ctx, async (office) => {
        const r = await writeReceipt(office, id, { out: options.out as string | undefined })
        out.document(r)
        out.data(r.path)
        out.info(`已出具回执 ${r.docNumber}：${r.path}`)
        return 0
      })
    }

    if (sub === 'export') {
      if (args.length) throw new UsageError(`office export 不接受参数“${args.join(' ')}”`, 'office')
      return withOffice(ctx, async (office) => {
        const r = await exportRegister(office, options.out as string | undefined)
        out.document(r)
        out.data(r.path)
        out.info(`已导出全国名册：${r.sites} 个现场，${r.path}`)
        return 0
      })
    }

    if (sub === 'results set') {
      if (args.length !== 1) throw new UsageError('office results set 需要一个现场：省份:现场编号', 'office')
      if (options.star === undefined || options.batch === undefined) throw new UsageError('office results set 需要 --star（星级）和 --batch（批次）', 'office')
      return withOffice(ctx, async (office) => {
        const result = setOfficeResult(office, {
          site: args[0],
          star: options.star as number,
          batch: options.batch as string,
          certificateNo: options.certificate as string | undefined,
          plaqueNo: options.plaque as string | undefined,
        })
        out.document({ result })
        out.data(`${result.province}:${result.code}`)
        out.info(`已记录 ${result.province}:${result.code} ${result.batch} ${result.star} 星级${result.certificateNo ? `，证书编号 ${result.certificateNo}` : ''}${result.plaqueNo ? `，标牌编号 ${result.plaqueNo}` : ''}`)
        return 0
      })
    }

    if (sub === 'results export') {
      if (args.length) throw new UsageError(`office results export 不接受参数“${args.join(' ')}”`, 'office')
      if (options.province === undefined) throw new UsageError('office results export 需要 --province（省份）', 'office')
      return withOffice(ctx, async (office) => {
        const r = await exportProvinceResults(office, { province: options.province as string, out: options.out as string | undefined })
        out.document(r)
        out.data(r.path)
        out.info(`已导出 ${r.rows} 条评定结果：${r.path}（省协会用 starsite results import 导入）`)
        return 0
      })
    }

    if (sub === 'results import') {
      if (args.length !== 1) throw new UsageError('office results import 需要一个评定结果文件（.xlsx）', 'office')
      const filePath = path.resolve(args[0])
      return withOffice(ctx, async (office) => {
        if (options['dry-run'] === true) {
          const r = await previewResultsImport(office, { path: filePath })
          const rows = (r.rows ?? []).map(importRowView)
          out.document({ ...r, rows })
          for (const p of r.errors) out.info(describeProblem(p))
          for (const w of r.warnings) out.info(`提示：${describeProblem(w)}`)
          if (rows.length)
            out.data(
              formatTable(
                ['行', '省份', '现场编号', '现场名称', '批次', '评定星级', '证书编号', '标牌编号', '变化'],
                rows.map((x) => [
                  String(x.row),
                  x.province,
                  x.code,
                  x.name,
                  x.batch,
                  x.starLabel,
                  x.certificateNo,
                  x.plaqueNo,
                  x.status === 'new' ? '新记录' : x.status === 'unchanged' ? '未变' : `原为 ${x.previous!.starLabel}${x.previous!.certificateNo ? ` ${x.previous!.certificateNo}` : ''}${x.previous!.plaqueNo ? ` ${x.previous!.plaqueNo}` : ''}`,
                ]),
              ),
            )
          out.info(
            `只预览（--dry-run），未改动任何数据：共 ${r.total} 行，新记录 ${r.recorded}，修改 ${r.changed}，未变 ${r.unchanged}${r.warnings.length ? `，现场名称与全国名册不同 ${r.warnings.length} 行（仍会按现场编号导入）` : ''}${r.errors.length ? `，有错误的行 ${new Set(r.errors.map((e) => e.row)).size}（有错误时整个文件不会导入）` : ''}。`,
          )
          return r.errors.length ? 1 : 0
        }
        const { fileName, fileSha256, total, recorded, changed, unchanged, warnings } = await importResultsFile(office, { path: filePath })
        const r = { fileName, fileSha256, total, recorded, changed, unchanged, warnings, dryRun: false }
        out.document(r)
        for (const w of warnings) out.info(`提示：${describeProblem(w)}`)
        out.info(
          `已从“${r.fileName}”导入评定结果：共 ${r.total} 行，新记录 ${r.recorded}，修改 ${r.changed}，未变 ${r.unchanged}${warnings.length ? `；${warnings.length} 行的现场名称与全国名册不同，已按现场编号记录，请核对` : ''}。`,
        )
        return 0
      })
    }

    if (sub === 'duplicates') {
      if (args.length) throw new UsageError(`office duplicates 不接受参数“${args.join(' ')}”`, 'office')
      return withOffice(ctx, async (office) => {
        const pairs = listDuplicates(office)
        out.document({ pairs })
        if (pairs.length === 0) out.info('全国名册中没有疑似重复的现场。')
        else {
          for (const p of pairs) {
            out.data(formatTable(['', '省份', '现场编号', '现场名称', '地市', '地址', '统一社会信用代码'], [sideRow('甲', p.a), sideRow('乙', p.b)]))
            out.data(`  理由：${p.reasonLabels.join('；')}    处理：${resolutionText(p)}`)
          }
          const open = pairs.filter((p) => !p.resolution).length
          out.info(`共 ${pairs.length} 对疑似重复，${open} 对尚未处理。`)
        }
        return 0
      })
    }

    if (sub === 'duplicates resolve') {
      if (args.length !== 2) throw new UsageError('office duplicates resolve 需要两个现场：省份:现场编号 省份:现场编号', 'office')
      const as = options.as
      if (as !== 'duplicate' && as !== 'distinct') throw new UsageError('office duplicates resolve 需要 --as duplicate（确认为重复）或 --as distinct（确认不是重复）', 'office')
      return withOffice(ctx, async (office) => {
        const pair = resolveDuplicate(office, { a: args[0], b: args[1], as, reason: options.reason as string | undefined })
        out.document({ pair })
        out.data(resolutionText(pair))
        out.info(`已记录：${pair.a.province}:${pair.a.code} 与 ${pair.b.province}:${pair.b.code} ${resolutionText(pair)}`)
        return 0
      })
    }

    // list
    if (args.length) throw new UsageError(`office list 不接受参数“${args.join(' ')}”`, 'office')
    return withOffice(ctx, async (office) => {
      const sites = listRegister(office, { province: options.province as string | undefined })
      out.document({ sites })
      if (sites.length === 0) out.info('全国名册中还没有现场。')
      else {
        out.data(formatTable(['省份', '现场编号', '现场名称', '类型', '申报星级', '推荐单位'], sites.map((s) => [s.province, s.code, s.name, fieldValueText('type', s.type), fieldValueText('starLevel', s.starLevel), s.recommender])))
        out.info(`共 ${sites.length} 个现场。`)
      }
      return 0
    })
  },
}
