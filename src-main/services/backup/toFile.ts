/** `starsite backup --out FILE`: an online backup to a place the user names, e.g. a USB stick. */
import fs from 'node:fs'
import path from 'node:path'
import { invalid } from '../../core/errors'
import type { AppContext } from '../context'
import { copyDatabase, type CopyOptions } from './copy'

export async function backupToFile(app: AppContext, out: string, options: CopyOptions = {}): Promise<{ path: string; size: number }> {
  const target = path.resolve(out)
  // Never overwrite: the file there may be the only copy of older data (or the live database itself).
  if (fs.existsSync(target)) throw invalid(`文件“${target}”已存在，请另选文件名；为保护已有文件，未做覆盖。`)
  const dir = path.dirname(target)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw invalid(`保存位置的文件夹不存在：${dir}`)
  const size = await copyDatabase(app.db, app.dataDir, target, options)
  return { path: target, size }
}
