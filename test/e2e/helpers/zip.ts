/** Reading and tampering with zip files in tests (yauzl, as the app itself reads them). */
import fs from 'node:fs'
import yauzl from 'yauzl'

export interface ZipEntryInfo {
  name: string
  compressionMethod: number
  size: number
  localHeaderOffset: number
}

function open(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (err, zip) => (err ? reject(err) : resolve(zip!))))
}

/** Every entry, and the bytes of the one named `read` if given. */
export async function readZip(file: string, read?: string): Promise<{ entries: ZipEntryInfo[]; content?: Buffer }> {
  const zip = await open(file)
  const entries: ZipEntryInfo[] = []
  let content: Buffer | undefined
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push({ name: entry.fileName, compressionMethod: entry.compressionMethod, size: entry.uncompressedSize, localHeaderOffset: entry.relativeOffsetOfLocalHeader })
      if (entry.fileName !== read) return zip.readEntry()
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'))
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('error', reject)
        stream.on('end', () => {
          content = Buffer.concat(chunks)
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  zip.close()
  return { entries, content }
}

/** Copy `file` to `out` with one byte of a stored (uncompressed) entry's data flipped; returns that entry. */
export async function tamperStoredEntry(file: string, out: string, pick: (e: ZipEntryInfo) => boolean): Promise<ZipEntryInfo> {
  const { entries } = await readZip(file)
  const entry = entries.find((e) => e.compressionMethod === 0 && e.size > 0 && pick(e))
  if (!entry) throw new Error('no stored entry to tamper with')
  const bytes = fs.readFileSync(file)
  const at = entry.localHeaderOffset
  if (bytes.readUInt32LE(at) !== 0x04034b50) throw new Error('not a local file header')
  const dataStart = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
  const target = dataStart + Math.min(10, entry.size - 1)
  bytes[target] ^= 0xff
  fs.writeFileSync(out, bytes)
  return entry
}
