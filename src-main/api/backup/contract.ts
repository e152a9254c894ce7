import { z } from 'zod'
import { BACKUP_REASON } from '../../core/backup/names'
import { defineOps } from '../define'

export const backupInfoSchema = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number(),
  /** ISO 8601, the time the backup's name states. */
  createdAt: z.string(),
  /** e.g. 'daily', 'manual', 'before-import', 'before-restore'; null for none. */
  reason: z.string().nullable(),
})

/*
 * No 'backup.restore' here on purpose: a restore replaces the database the running AppContext holds, so the
 * door itself must close its context and open a new one (services/backup/restore.ts).
 */
export const backupOps = defineOps({
  'backup.create': {
    title: '备份数据',
    job: true,
    input: z
      .object({
        reason: z
          .string()
          .regex(BACKUP_REASON, '备份原因只能由小写英文字母、数字和连字符组成（最多 40 个字符）')
          .optional(),
      })
      .strict(),
    output: z.object({ path: z.string(), size: z.number() }),
  },
  'backup.list': {
    title: '查看备份',
    input: z.object({}).strict(),
    output: z.object({ dir: z.string(), backups: z.array(backupInfoSchema) }),
  },
})
