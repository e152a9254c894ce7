import type { HandlersFor } from '../handler'
import type { jobsOps } from './contract'

export const jobsHandlers: HandlersFor<typeof jobsOps> = {
  'jobs.cancel': (input, { app }) => ({ cancelled: app.jobs.cancel(input.jobId) }),
}
