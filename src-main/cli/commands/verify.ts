import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { verifyBundle } from '../../services/bundle/verify'
import { UsageError } from '../args'
import { unwrap, type Command } from '../command'
import { jobProgress } from './progress'

const PROBLEM_LABELS: Record<string, string> = {
  missing: '缺失',
  extra: '多余',
  'hash-mismatch': '内容不符',
  'size-mismatch': '大小不符',
  'bad-signature': '签名无效',
  'bad-manifest': '包或清单有误',
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: '校验报送包：逐个文件核对 SHA-256 与签名，并显示密钥指纹',
  synopsis: 'verify FILE.zip [--json]',
  options: {},
  acceptsPositionals: true,
  notes: ['全部核对无误时退出码为 0，否则为 1。请把显示的密钥指纹与盖章报送函上的指纹核对。'],
  async run({ positionals, out, openApp, dataDir }) {
    if (positionals.length !== 1) throw new UsageError('请给出一个要校验的报送包文件', 'verify')
    const file = path.resolve(positionals[0])
    let result: OpOutput<'bundle.verify'>
    if (fs.existsSync(path.join(dataDir, 'starsite.db'))) {
      const app = openApp()
      const stop = jobProgress(app, out)
      try {
        result = unwrap(await dispatch(app, 'bundle.verify', { path: file }))
      } finally {
        stop()
      }
    } else {
      // A receiver without a data folder can verify too, and nothing gets created for it.
      result = await verifyBundle(file)
    }
    out.document(result)
    out.info(`密钥指纹：${result.fingerprint ?? '（无法读取）'}`)
    if (result.ownKey === true) out.info('该指纹与本机协会的签名密钥一致。')
    if (result.ownKey === false) out.info('注意：该指纹不是本机协会的签名密钥。')
    for (const p of result.problems) out.info(`  [${PROBLEM_LABELS[p.problem] ?? p.problem}] ${p.path}：${p.message}`)
    if (result.ok) {
      out.info(`校验通过：${result.files} 个文件全部与清单一致，签名有效。`)
      out.data('OK')
      return 0
    }
    out.info(`校验未通过：发现 ${result.problems.length} 个问题。`)
    out.data('FAILED')
    return 1
  },
}
