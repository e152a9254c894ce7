import { createBackup } from '../../services/backup/create'
import { cancelRestore, describeStartupRestore, readPendingRestore, scheduleRestore } from '../../services/backup/scheduled'
import { backupsDir, listBackups } from '../../services/backup/store'
import { backupToFile } from '../../services/backup/toFile'
import type { HandlersFor } from '../handler'
import type { backupOps } from './contract'

export const backupHandlers: HandlersFor<typeof backupOps> = {
  'backup.create': async (input, { app, job }) => {
    const options = {
      onProgress: job
        ? ({ done, total }: { done: number; total: number }) => {
            // Throwing here stops the copy; copyDatabase then removes the partial file.
            job.throwIfCancelled()
            job.progress('copy', done, total)
          }
        : undefined,
    }
    if (input.outPath !== undefined) return backupToFile(app, input.outPath, options)
    const info = await createBackup(app, input.reason ?? 'manual', options)
    return { path: info.path, size: info.size }
  },
  'backup.list': (_input, { app }) => ({
    dir: backupsDir(app.dataDir),
    backups: listBackups(app.dataDir),
    pendingRestore: readPendingRestore(app.dataDir),
  }),
  'backup.scheduleRestore': (input, { app }) => {
    const { scheduled, message, pending } = scheduleRestore(app, input.path, input.name)
    return { scheduled, message, pendingRestore: pending }
  },
  'backup.cancelRestore': (_input, { app }) => ({ cancelled: cancelRestore(app) }),
  'backup.startupRestore': (_input, { app }) => describeStartupRestore(app.startupRestore),
}
