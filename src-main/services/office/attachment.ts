/**
 * A register site's file, read on demand out of the stored bundle (bundles are never unpacked): streamed to
 * the path asked for through a partial file, and renamed into place only when its SHA-256 is the one the
 * signed manifest recorded — a stored bundle damaged on disk since is reported, not handed out.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { AppError } from '../../core/errors'
import { registerFile } from '../../db/office/register'
import { createPartial } from '../files/atomicWrite'
import type { OfficeContext } from './context'
import { storedBundlePath } from './store'

export async function extractRegisterFile(office: OfficeContext, siteId: number, entryPath: string, outPath: string): Promise<{ path: string; size: number; sha256: string }> {
  const file = registerFile(office.db, siteId, entryPath)
  if (!file) throw new AppError('not-found', `名册中该现场没有文件“${entryPath}”`)
  const target = path.resolve(outPath)
  if (!fs.existsSync(path.dirname(target))) throw new AppError('invalid-input', `目标文件夹不存在：${path.dirname(target)}`)
  const bundle = storedBundlePath(office.dataDir, file.bundleSha256)
  if (!fs.existsSync(bundle)) throw new AppError('internal', `保存的报送包文件不见了：${bundle}。请从备份恢复推进办公室的数据文件夹。`)
  const zip = await yauzl.openPromise(bundle, { lazyEntries: true })
  const partial = createPartial(office.dataDir, target)
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== file.path) continue
      const hash = createHash('sha256')
      let size = 0
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk)
          size += chunk.length
          done(null, chunk)
        },
      })
      await pipeline(await zip.openReadStreamPromise(entry), tap, fs.createWriteStream(partial.path, { flags: 'wx' }))
      const sha256 = hash.digest('hex')
      if (sha256 !== file.sha256 || size !== file.size)
        throw new AppError('internal', `保存的报送包中“${file.path}”与签名清单记录的不一致（磁盘上的文件已损坏），未取出。请从备份恢复该报送包。`)
      partial.commit(target)
      return { path: target, size, sha256 }
    }
    throw new AppError('internal', `保存的报送包中找不到“${file.path}”`)
  } catch (error) {
    partial.discard()
    throw error
  } finally {
    zip.close()
  }
}
