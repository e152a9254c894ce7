import { z } from 'zod'
import { defineOps } from '../define'

export const maintenanceOps = defineOps({
  'maintenance.checkData': {
    title: '检查数据文件',
    job: true,
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      databaseProblems: z.array(z.string()),
      tables: z.array(z.object({ name: z.string(), rows: z.number() })),
    }),
  },
})
