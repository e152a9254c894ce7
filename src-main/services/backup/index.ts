/** The backup feature's public surface. Other features call `backupBeforeRisk` before a risky change. */
export { backupBeforeRisk, createBackup, pendingDailyBackup, startDailyBackup, type BackupSource } from './create'
export { checkRestoreFile, restoreBackup, type RestoreResult } from './restore'
export { cancelRestore, readPendingRestore, scheduleRestore, type PendingRestore, type StartupRestore } from './scheduled'
export { backupToFile } from './toFile'
export { backupsDir, databaseFile, listBackups, rotateBackups, type BackupInfo } from './store'
export type { RefusalReason } from './candidate'
