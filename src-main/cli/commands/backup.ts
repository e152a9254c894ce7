import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput } from '../../api/contract'
import { AppError } from '../../core/errors'
import { databaseFile } from '../../services/backup/store'
import { unwrap, type Command } from '../command'
import { jobProgress } from './progress'

export const backupCommand: Command = {
  name: 'backup',
  summary: '备份数据库（程序运行时也可备份）',
  synopsis: 'backup [--out FILE] [--json]',
  options: {
    out: { type: 'string', label: '备份文件', valueName: 'FILE', description: '备份保存位置，如 D:\\备份\\starsite-2021.db；不给出时存入数据目录的 backups 文件夹' },
  },
  notes: [
    '备份文件先写入临时文件，完整性检查通过后才改为正式文件名；不会覆盖已有文件。',
    '恢复：starsite restore FILE（恢复前会自动备份当前数据）。',
  ],
  async run({ options, out, openApp, dataDir }) {
    // Opening would create an empty database: there is nothing to back up, say so instead.
    if (!fs.existsSync(databaseFile(dataDir))) {
      throw new AppError('not-initialised', `数据目录“${dataDir}”中还没有数据库，无需备份。`)
    }
    const app = openApp()
    const input = options.out !== undefined ? { outPath: path.resolve(options.out as string) } : { reason: 'manual' }
    const stop = jobProgress(app, out)
    let result: OpOutput<'backup.create'>
    try {
      result = unwrap<OpOutput<'backup.create'>>(await dispatch(app, 'backup.create', input))
    } finally {
      stop()
    }
    out.document(result)
    out.data(result.path)
    out.info(`已备份到：${result.path}（${result.size} 字节，完整性检查通过）`)
    return 0
  },
}
