import path from 'node:path'
import { openApp as openContext } from '../../services/context'
import { checkRestoreFile, restoreBackup } from '../../services/backup/restore'
import { liveSiteCountAllYears } from '../../services/sites/sites'
import { UsageError } from '../args'
import type { Command } from '../command'

export const restoreCommand: Command = {
  name: 'restore',
  summary: '从备份文件恢复数据库（恢复前自动备份当前数据）',
  synopsis: 'restore FILE [--json]',
  options: {},
  acceptsPositionals: true,
  notes: [
    '恢复前会检查备份文件：能否打开、是否完整、是否为本系统的数据、版本是否过新；任何一项不符都不会改动当前数据（退出码 2）。',
    '当前数据会先备份到数据目录的 backups 文件夹（文件名含 before-restore，不会被自动清理）。',
    '请先关闭桌面程序和浏览器模式，再运行恢复。',
  ],
  async run({ positionals, out, openApp, dataDir }) {
    if (positionals.length !== 1) throw new UsageError('请给出一个要恢复的备份文件', 'restore')
    const file = path.resolve(positionals[0])
    // Checked before the current database is even opened: a refused file leaves every byte as it was.
    const candidate = checkRestoreFile(dataDir, file)
    let app
    try {
      app = openApp()
    } catch (error) {
      candidate.partial.discard()
      throw error
    }
    // restoreBackup closes this context; main's own close at exit is then a no-op.
    const result = await restoreBackup(app, candidate)
    // The door opens a new context on the restored file, as the desktop app would after a relaunch.
    const fresh = openContext({ dataDir })
    let sites: number
    try {
      sites = liveSiteCountAllYears(fresh)
    } finally {
      fresh.close()
    }
    out.document({ ...result, sites })
    out.data(result.beforeRestore.path)
    out.info(`已从“${result.restoredFrom}”恢复数据（${sites} 个现场）。`)
    if (result.fromVersion < result.version) out.info(`备份的数据版本 ${result.fromVersion} 已升级到 ${result.version}。`)
    out.info(`恢复前的数据已备份到：${result.beforeRestore.path}`)
    return 0
  },
}
