import { AppError } from '../../core/errors'
import type { JobHandle } from '../../services/jobs'
import { exportResults } from '../../services/results/export'
import { recordHandover } from '../../services/results/handover'
import { importResults } from '../../services/results/import'
import { listResultsView } from '../../services/results/list'
import { notifyRecommenders } from '../../services/results/notify'
import { applyMatchedResults, confirmResult, rejectResultMatch } from '../../services/results/review'
import type { HandlersFor } from '../handler'
import type { resultsOps } from './contract'

function needJob(job: JobHandle | undefined): JobHandle {
  if (!job) throw new AppError('internal', '内部错误：任务缺少进度通道')
  return job
}

const brief = (r: { id: number; status: 'matched' | 'review' | 'unmatched' | 'confirmed'; siteId: number | null }) => ({
  id: r.id,
  status: r.status,
  siteId: r.siteId,
})

export const resultsHandlers: HandlersFor<typeof resultsOps> = {
  'results.import': (input, { app, job }) => importResults(app, input, needJob(job)),
  'results.list': (_input, { app }) => listResultsView(app),
  'results.confirm': (input, { app }) => brief(confirmResult(app, input.id, input.siteId)),
  'results.reject': (input, { app }) => brief(rejectResultMatch(app, input.id)),
  'results.apply': (_input, { app }) => applyMatchedResults(app),
  'results.handover': (input, { app }) => recordHandover(app, input),
  'results.export': (input, { app }) => exportResults(app, input.outPath),
  'results.notify': (input, { app, job }) => notifyRecommenders(app, input, needJob(job)),
}
