/**
 * A register site's file handed to a person: extracted (hash-checked) from the stored bundle into
 * dataDir/outputs/现场文件 under its own name, where the desktop opens it and browser mode offers it as a
 * download (only outputs/ and files/ are downloadable). An identical copy already there is reused; another
 * file of the same name is never overwritten ("名称 (2).pdf").
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import { safeFileName, splitExtension } from '../../core/files/safeName'
import { registerFile } from '../../db/office/register'
import { extractRegisterFile } from './attachment'
import type { OfficeContext } from './context'

export const registerFilesDir = (dataDir: string): string => path.join(dataDir, 'outputs', '现场文件')

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

export async function exportRegisterFile(office: OfficeContext, siteId: number, entryPath: string): Promise<{ path: string; name: string; size: number }> {
  const file = registerFile(office.db, siteId, entryPath)
  if (!file) throw new AppError('not-found', `名册中该现场没有文件“${entryPath}”`)
  const dir = registerFilesDir(office.dataDir)
  fs.mkdirSync(dir, { recursive: true })
  const name = safeFileName(path.posix.basename(file.path), { fallback: `文件${siteId}` })
  const { stem, ext } = splitExtension(name)
  for (let n = 1; n <= 1000; n++) {
    const candidate = n === 1 ? name : safeFileName(`${stem} (${n})${ext}`)
    const target = path.join(dir, candidate)
    if (fs.existsSync(target)) {
      if (fs.statSync(target).size === file.size && sha256Of(target) === file.sha256) return { path: target, name: candidate, size: file.size }
      continue
    }
    const out = await extractRegisterFile(office, siteId, entryPath, target)
    return { path: out.path, name: candidate, size: out.size }
  }
  throw new AppError('conflict', `文件夹“${dir}”中同名的文件过多，请清理后重试`)
}
