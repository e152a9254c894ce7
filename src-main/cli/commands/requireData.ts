/**
 * The guard of every command that reads a province's data: it must not create a data folder as a side effect
 * of a typo in --data, and an office's folder is named as such rather than called empty.
 */
import fs from 'node:fs'
import path from 'node:path'
import { assertNotOfficeFolder } from '../../services/office/folder'
import { CommandFailure } from '../command'

export const NOT_INITIALISED = '尚未设置协会信息：请先运行 starsite init --association 协会名称 --short 简称 --province 省份'

export function requireData(dataDir: string): void {
  assertNotOfficeFolder(dataDir)
  if (!fs.existsSync(path.join(dataDir, 'starsite.db')))
    throw new CommandFailure({ code: 'not-initialised', message: `${NOT_INITIALISED}（数据目录 ${dataDir} 中还没有数据文件）` })
}
