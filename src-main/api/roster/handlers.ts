import { AppError } from '../../core/errors'
import { commitRoster } from '../../services/roster/commit'
import { exportRoster } from '../../services/roster/export'
import { previewRoster } from '../../services/roster/preview'
import { writeTemplate } from '../../services/roster/template'
import { importTrainingRoster } from '../../services/roster/trainingImport'
import type { JobHandle } from '../../services/jobs'
import type { HandlersFor } from '../handler'
import type { rosterOps } from './contract'

function needJob(job: JobHandle | undefined): JobHandle {
  if (!job) throw new AppError('internal', '内部错误：任务缺少进度通道')
  return job
}

export const rosterHandlers: HandlersFor<typeof rosterOps> = {
  'roster.template': (input, { app }) => writeTemplate(app, input.outPath),
  'roster.preview': (input, { app, job }) => previewRoster(app, input.path, needJob(job)),
  'roster.commit': (input, { app, job }) => commitRoster(app, input, needJob(job)),
  'roster.export': (input, { app, job }) => exportRoster(app, input.outPath, needJob(job)),
  'training.importRoster': (input, { app, job }) => importTrainingRoster(app, input, needJob(job)),
}
