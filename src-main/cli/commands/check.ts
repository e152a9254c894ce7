import { dispatch } from '../../api/dispatch'
import { RULE_LABELS, SEVERITY_LABELS, type OpOutput } from '../../api/contract'
import { unwrap, type Command } from '../command'
import { formatTable } from '../output'
import { requireData } from './requireData'

export const checkCommand: Command = {
  name: 'check',
  summary: '审核当前年度的全部现场，列出问题（有未解决的错误时退出码为 1）',
  synopsis: 'check [--deep] [--json]',
  options: {
    deep: { type: 'boolean', label: '深度校验', description: '重新计算每个附件文件的 SHA-256（附件多时较慢）；默认只核对文件是否存在及大小' },
  },
  notes: [
    '--json 输出 { "sites", "errors", "warnings", "waived", "findings": [{ "siteCode", "siteName", "rule", "severity", "message", "waived" }] }；',
    'errors、warnings 为未解决的数量（已豁免的警告不计）。退出码：0 没有未解决的错误，1 有未解决的错误。',
  ],
  async run({ options, out, openApp, dataDir }) {
    requireData(dataDir)
    const app = openApp()
    const run = unwrap<OpOutput<'checks.run'>>(await dispatch(app, 'checks.run', options.deep ? { deep: true } : {}))
    const { findings } = unwrap<OpOutput<'checks.findings'>>(await dispatch(app, 'checks.findings', { includeWaived: true }))
    const open = findings.filter((f) => !f.waived)
    const errors = open.filter((f) => f.severity === 'error').length
    const warnings = open.length - errors
    out.document({
      sites: run.sites,
      errors,
      warnings,
      waived: findings.length - open.length,
      findings: findings.map((f) => ({
        siteCode: f.siteCode,
        siteName: f.siteName,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        target: f.target,
        waived: f.waived,
        waiverReason: f.waiverReason,
      })),
    })
    if (open.length)
      out.data(
        formatTable(
          ['现场编号', '现场名称', '级别', '规则', '问题说明'],
          open.map((f) => [f.siteCode, f.siteName, SEVERITY_LABELS[f.severity], RULE_LABELS[f.rule], f.message]),
          200,
        ),
      )
    const waivedText = findings.length > open.length ? `，已豁免 ${findings.length - open.length} 条警告` : ''
    out.info(`已审核 ${run.sites} 个现场：错误 ${errors} 条，警告 ${warnings} 条${waivedText}。`)
    if (errors) out.info('存在未解决的错误，修正后请重新审核；错误未解决前不能生成推荐函和报送包。')
    return errors ? 1 : 0
  },
}
