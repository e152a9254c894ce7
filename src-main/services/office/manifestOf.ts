/** The manifest of a bundle already verified (one manifest.json entry, signed): read it again to ingest it. */
import yauzl from 'yauzl'
import { MANIFEST_PATH } from '../../core/bundle/layout'
import { parseManifest, type Manifest } from '../../core/bundle/manifest'
import { AppError } from '../../core/errors'

export async function readVerifiedManifest(file: string): Promise<Manifest> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true })
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== MANIFEST_PATH) continue
      const chunks: Buffer[] = []
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer)
      const parsed = parseManifest(Buffer.concat(chunks))
      if ('error' in parsed) throw new AppError('internal', parsed.error)
      return parsed.manifest
    }
  } finally {
    zip.close()
  }
  throw new AppError('internal', '报送包中没有 manifest.json')
}
