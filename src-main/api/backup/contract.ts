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

export const pendingRestoreSchema = z.object({
  /** The name the user knows the file by. */
  source: z.string(),
  sourcePath: z.string(),
  /** ISO 8601 */
  scheduledAt: z.string(),
  actor: z.string(),
})

/*
 * No immediate 'backup.restore' here on purpose: a restore replaces the database the running AppContext holds.
 * The window schedules one instead, and the next start carries it out (services/backup/scheduled.ts).
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
        /** A file of the user's choosing (the CLI's --out, e.g. on a USB stick) instead of backups/; never overwritten. */
        outPath: z.string().min(1).max(4096, '路径过长').optional(),
      })
      .strict(),
    output: z.object({ path: z.string(), size: z.number() }),
  },
  'backup.list': {
    title: '查看备份',
    input: z.object({}).strict(),
    output: z.object({ dir: z.string(), backups: z.array(backupInfoSchema), pendingRestore: pendingRestoreSchema.nullable() }),
  },
  'backup.scheduleRestore': {
    title: '计划恢复数据',
    input: z
      .object({
        /** A backup's path from backup.list, or a chosen / uploaded file's path on the core's machine. */
        path: z.string().min(1, '请选择要恢复的备份文件'),
        /** The name the user knows the file by (an upload is stored under a folder of ours). */
        name: z.string().max(260).optional(),
      })
      .strict(),
    output: z.object({ scheduled: z.literal(true), message: z.string(), pendingRestore: pendingRestoreSchema }),
  },
  'backup.startupRestore': {
    title: '查看启动时的恢复结果',
    input: z.object({}).strict(),
    /** null/null when no restore was scheduled for this start. */
    output: z.object({ outcome: z.enum(['restored', 'refused']).nullable(), message: z.string().nullable() }),
  },
  'backup.cancelRestore': {
    title: '取消计划的恢复',
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
})
