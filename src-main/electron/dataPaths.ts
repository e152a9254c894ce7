import fs from 'node:fs'
import path from 'node:path'
import type { ErrorShape } from '../api/define'

/**
 * Files the renderer may hand to the OS shell are those of the data folder, nothing else: a compromised page
 * must not be able to open arbitrary programs or reveal other folders.
 */
export function checkDataPath(dataDir: string, candidate: string): { ok: true; path: string } | { ok: false; error: ErrorShape } {
  const forbidden = { ok: false as const, error: { code: 'forbidden', message: '只能打开数据文件夹中的文件' } }
  if (!path.isAbsolute(candidate) || candidate.includes('\0')) return forbidden
  const target = path.resolve(candidate)
  if (!inside(path.resolve(dataDir), target)) return forbidden
  if (!fs.existsSync(target)) return { ok: false, error: { code: 'not-found', message: '文件不存在，可能已被移动或删除' } }
  // A link inside the folder could point anywhere: judge where it really leads.
  if (!inside(fs.realpathSync(dataDir), fs.realpathSync(target))) return forbidden
  return { ok: true, path: target }
}

function inside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/** Opening one of these runs code; an attachment with such a name is shown in its folder instead. */
const RUNNABLE = new Set(
  '.exe .com .bat .cmd .msi .msp .scr .pif .cpl .ps1 .psm1 .vbs .vbe .js .jse .wsf .wsh .hta .lnk .url .reg .jar .app .command .sh .desktop .appimage'.split(
    ' ',
  ),
)

export function isRunnable(file: string): boolean {
  return RUNNABLE.has(path.extname(file).toLowerCase())
}
