import type { SessionHandlersFor } from '../handler'
import type { jobsOps } from './contract'

/** Either role runs jobs: cancelling goes to the session's registry. */
export const jobsHandlers: SessionHandlersFor<typeof jobsOps> = {
  'jobs.cancel': (input, { session }) => ({ cancelled: session.jobs.cancel(input.jobId) }),
}
