/**
 * Entries of a bundle already verified (each name once, every hash checked): read again to ingest them.
 * Only called on the office's private copy, after verifyBundle said ok.
 */
import yauzl from 'yauzl'
import { MANIFEST_PATH } from '../../core/bundle/layout'
import { parseManifest, type Manifest } from '../../core/bundle/manifest'
import { AppError } from '../../core/errors'

export async function readVerifiedEntry(file: string, name: string): Promise<Buffer | null> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true })
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue
      const chunks: Buffer[] = []
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer)
      return Buffer.concat(chunks)
    }
    return null
  } finally {
    zip.close()
  }
}

export async function readVerifiedManifest(file: string): Promise<Manifest> {
  const bytes = await readVerifiedEntry(file, MANIFEST_PATH)
  if (!bytes) throw new AppError('internal', '报送包中没有 manifest.json')
  const parsed = parseManifest(bytes)
  if ('error' in parsed) throw new AppError('internal', parsed.error)
  return parsed.manifest
}
