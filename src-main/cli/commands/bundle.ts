import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { DEFAULT_DEFER_REASON } from '../../services/bundle/defer'
import { UsageError } from '../args'
import { unwrap, type Command } from '../command'
import { jobProgress } from './progress'

export const bundleCommand: Command = {
  name: 'bundle',
  summary: '生成报送包（zip，含签名清单）；--defer-unready 暂缓有错误的现场，按时报送其余现场',
  synopsis: 'bundle --out FILE.zip [--defer-unready [--reason 文字]] [--json]',
  options: {
    out: { type: 'string', label: '输出文件', valueName: 'FILE.zip', required: true, description: '报送包保存位置，如 粤通协_2021_星级服务现场推荐材料.zip' },
    'defer-unready': {
      type: 'boolean',
      label: '暂缓未就绪的现场',
      description: '把有未解决错误的现场改为“暂缓报送”（记录原因），用其余现场生成报送包',
    },
    reason: { type: 'string', label: '暂缓原因', valueName: '文字', description: `暂缓报送的原因（默认“${DEFAULT_DEFER_REASON}”）` },
  },
  notes: [
    '包含本年度除草稿、未通过、暂缓报送以外的全部现场；存在未解决的错误级审核问题时拒绝生成（退出码 1），',
    '除非指定 --defer-unready：这些现场先改为“暂缓报送”（一次完成，逐个记入操作日志），报送函、汇总表只列出打包的现场，',
    '审核报告注明暂缓报送的现场数；暂缓的现场及其错误列在标准错误输出。用 starsite sites resume SITE... 恢复报送。',
    '生成成功后，相关现场状态改为“已报送”。请把输出的密钥指纹写入盖章的报送函，供接收方核对。',
    '--json 输出 { "path", "size", "sha256", "sites", "files", "fingerprint", "omitted", "deferred": [{ "code", "name", "reason", "errors": [{ "rule", "message" }], "justDeferred" }] }。',
  ],
  async run({ options, out, openApp }) {
    const defer = options['defer-unready'] === true
    if (options.reason !== undefined && !defer) throw new UsageError('--reason 只与 --defer-unready 一起使用', 'bundle')
    const app = openApp()
    const stop = jobProgress(app, out)
    try {
      const reason = typeof options.reason === 'string' ? options.reason : DEFAULT_DEFER_REASON
      const result = unwrap<OpOutput<'bundle.build'>>(
        await dispatch(app, 'bundle.build', {
          outPath: path.resolve(options.out as string),
          ...(defer ? { deferUnready: { reason } } : {}),
        }),
      )
      out.document(result)
      out.data(result.path)
      out.info(`已生成报送包：${result.path}`)
      out.info(`${result.sites} 个现场，${result.files} 个文件，${result.size} 字节；SHA-256 ${result.sha256}`)
      out.info(`签名密钥指纹：${result.fingerprint}`)
      for (const o of result.omitted) out.info(`未包含：${o.path}（${o.reason}）`)
      if (result.deferred.length) {
        const now = result.deferred.filter((d) => d.justDeferred).length
        out.info(`暂缓报送 ${result.deferred.length} 个现场${now ? `（本次暂缓 ${now} 个）` : ''}，未放入报送包：`)
        for (const d of result.deferred) {
          out.info(`  ${d.code} ${d.name}（原因：${d.reason}）`)
          for (const e of d.errors) out.info(`    - ${e.message}`)
        }
        out.info('问题解决后，用 starsite sites resume 现场编号 恢复报送。')
      }
      return 0
    } finally {
      stop()
    }
  },
}
