import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { OpOutput } from '../../api/contract'
import { dispatch } from '../../api/dispatch'
import { unwrap, type Command } from '../command'
import { requireData } from './requireData'

export const lettersCommand: Command = {
  name: 'letters',
  summary: '为当前年度的推荐现场生成推荐函（Word），有未处理错误的现场跳过并列出',
  synopsis: 'letters --out DIR [--json]',
  options: {
    out: { type: 'string', label: '输出目录', valueName: 'DIR', required: true, description: '推荐函保存到的文件夹（不存在时自动创建）' },
  },
  notes: [
    '每个现场一份 {现场编号}_{现场名称}.docx；重新生成时沿用原文号。',
    '有未处理的错误级审核问题的现场不生成推荐函，并以退出码 1 结束；全部生成时退出码为 0。',
    '--json 输出 { "generated": [...], "skipped": [{ siteCode, siteName, reasons }] }。',
  ],
  async run({ options, out, openApp, dataDir, stopSignal }) {
    requireData(dataDir)
    const app = openApp()
    const outDir = path.resolve(options.out as string)
    const jobId = randomUUID()
    // Ctrl+C cancels between letters: the letters already written stay whole, none is left half-written.
    void stopSignal().then(() => app.jobs.cancel(jobId))
    let lastShown = -1
    const unsubscribe = app.jobs.subscribe((e) => {
      if (e.jobId !== jobId || e.done === lastShown) return
      lastShown = e.done
      if (!out.json && (e.done === e.total || e.done % 50 === 0)) out.info(`${e.phase}：${e.done}/${e.total}`)
    })
    try {
      const result = unwrap<OpOutput<'letters.generate'>>(await dispatch(app, 'letters.generate', { outDir }, { jobId }))
      out.document(result)
      out.info(`已生成推荐函 ${result.generated.length} 份，保存在 ${outDir}`)
      if (result.skipped.length) {
        out.info(`以下 ${result.skipped.length} 个现场有未处理的错误，未生成推荐函：`)
        for (const s of result.skipped) out.info(`  ${s.siteCode} ${s.siteName}：${s.reasons.join('；')}`)
        out.info('请先在“审核”中处理这些问题（命令行：starsite check），再重新生成。')
        return 1
      }
      return 0
    } finally {
      unsubscribe()
    }
  },
}
