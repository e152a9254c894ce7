import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { unwrap, type Command } from '../command'
import { jobProgress } from './progress'

export const bundleCommand: Command = {
  name: 'bundle',
  summary: '生成报送包（zip，含签名清单）',
  synopsis: 'bundle --out FILE.zip [--json]',
  options: {
    out: { type: 'string', label: '输出文件', valueName: 'FILE.zip', required: true, description: '报送包保存位置，如 粤通协_2021_星级服务现场推荐材料.zip' },
  },
  notes: [
    '包含本年度除草稿、未通过以外的全部现场；存在未解决的错误级审核问题时拒绝生成（退出码 1）。',
    '生成成功后，相关现场状态改为“已报送”。请把输出的密钥指纹写入盖章的报送函，供接收方核对。',
  ],
  async run({ options, out, openApp }) {
    const app = openApp()
    const stop = jobProgress(app, out)
    try {
      const result = unwrap<OpOutput<'bundle.build'>>(
        await dispatch(app, 'bundle.build', { outPath: path.resolve(options.out as string) }),
      )
      out.document(result)
      out.data(result.path)
      out.info(`已生成报送包：${result.path}`)
      out.info(`${result.sites} 个现场，${result.files} 个文件，${result.size} 字节；SHA-256 ${result.sha256}`)
      out.info(`签名密钥指纹：${result.fingerprint}`)
      for (const o of result.omitted) out.info(`未包含：${o.path}（${o.reason}）`)
      return 0
    } finally {
      stop()
    }
  },
}
