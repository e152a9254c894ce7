import { createBackup } from '../../services/backup/create'
import { cancelRestore, describeStartupRestore, readPendingRestore, scheduleRestore } from '../../services/backup/scheduled'
import { backupsDir, listBackups } from '../../services/backup/store'
import type { HandlersFor } from '../handler'
import type { backupOps } from './contract'

export const backupHandlers: HandlersFor<typeof backupOps> = {
  'backup.create': async (input, { app, job }) => {
    const info = await createBackup(app, input.reason ?? 'manual', {
      onProgress: job
        ? ({ done, total }) => {
            // Throwing here stops the copy; copyDatabase then removes the partial file.
            job.throwIfCancelled()
            job.progress('copy', done, total)
          }
        : undefined,
    })
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
