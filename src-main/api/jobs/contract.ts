import { z } from 'zod'
import { defineOps, jobIdSchema } from '../define'

export const jobsOps = defineOps({
  'jobs.cancel': {
    title: '取消任务',
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
})
