import type { AppContext } from '../../services/context'
import type { Output } from '../output'

const PHASES: Record<string, string> = { files: '文件', bytes: '字节' }

/** Progress of long jobs on stderr, one line per ~10% step (a terminal log stays readable). */
export function jobProgress(app: AppContext, out: Output): () => void {
  const shown = new Map<string, number>()
  return app.jobs.subscribe((e) => {
    if (e.phase !== 'bytes' || e.total <= 0) return
    const step = Math.floor((e.done / e.total) * 10)
    if ((shown.get(e.phase) ?? -1) >= step) return
    shown.set(e.phase, step)
    out.info(`进度（${PHASES[e.phase] ?? e.phase}）：${step * 10}%`)
  })
}
