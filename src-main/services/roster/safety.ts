/**
 * Looking at a file before exceljs is allowed near it: is it a zip at all, an old .xls or an encrypted
 * workbook (both OLE compound files), a damaged zip, or a zip bomb. The central directory is read with yauzl
 * and judged before anything is inflated; then every entry is inflated once, never to more than the directory
 * declared and required to come to exactly that, so a lying directory cannot get a bomb past us either.
 */
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import yauzl from 'yauzl'
import { invalid } from '../../core/errors'
import { MB, ROSTER_LIMITS } from './limits'

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const EMPTY_ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06])

const mb = (bytes: number) => (bytes / MB).toFixed(1)

/**
 * An encrypted .xlsx is an OLE compound file holding the streams EncryptionInfo and EncryptedPackage. OLE
 * directory entries are 128 bytes at 128-byte aligned offsets (sectors are 512 or 4096 bytes), each starting
 * with its UTF-16LE name and with the name's byte length at offset 64 and the object type (2 = stream) at 66.
 */
export function oleHasStream(buffer: Buffer, name: string): boolean {
  const wanted = Buffer.from(name + '\0', 'utf16le')
  for (let off = 512; off + 128 <= buffer.length; off += 128) {
    if (buffer.readUInt16LE(off + 64) !== wanted.length || buffer[off + 66] !== 2) continue
    if (buffer.subarray(off, off + wanted.length).equals(wanted)) return true
  }
  return false
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50

const inflateRaw = promisify(zlib.inflateRaw)

/**
 * One entry's bytes, checked as yauzl's read stream checks them (local header signature, data inside the
 * file, stored or deflated) and inflated in one call rather than through streams, which cost more than the
 * inflating itself. zlib stops at the size the directory declared, and anything short of it is damage too.
 * The call is zlib's asynchronous one: a 50 MB sheet inflates on the thread pool, not in the event loop, so
 * progress and cancel keep flowing.
 */
async function entryData(buffer: Buffer, entry: yauzl.Entry): Promise<Buffer> {
  const at = entry.relativeOffsetOfLocalHeader
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) throw new Error('local file header')
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28)
  const end = start + entry.compressedSize
  if (end > buffer.length) throw new Error('file data overflows the file')
  const raw = buffer.subarray(start, end)
  // Stored: yauzl already refused a stored entry whose two sizes differ.
  if (entry.compressionMethod === 0) return raw
  if (entry.compressionMethod !== 8) throw new Error(`compression method ${entry.compressionMethod}`)
  const size = entry.uncompressedSize
  const out = await inflateRaw(raw, { maxOutputLength: Math.max(1, size) })
  if (out.length !== size) throw new Error('size differs from the directory')
  return out
}

/**
 * Refuses what is not an .xlsx we may safely open; the message says what the file is and what to do. The
 * entries `keep` names are returned inflated (each is inflated here anyway, to check its size), so a reader
 * need not inflate them a second time.
 */
export async function inspectWorkbook(buffer: Buffer, fileName: string, keep?: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const kept = new Map<string, Buffer>()
  const head = buffer.subarray(0, 8)
  if (head.equals(OLE_SIGNATURE)) {
    if (oleHasStream(buffer, 'EncryptionInfo'))
      throw invalid(`“${fileName}”：工作簿已加密，请取消密码后另存为 .xlsx`)
    throw invalid(`“${fileName}”是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再导入`)
  }
  if (head.subarray(0, 4).equals(EMPTY_ZIP_SIGNATURE)) throw invalid(`“${fileName}”不是 Excel 工作簿（.xlsx）：压缩包是空的`)
  if (!head.subarray(0, 4).equals(ZIP_SIGNATURE))
    throw invalid(`“${fileName}”不是 Excel 工作簿（.xlsx），请选择用 Excel 保存的 .xlsx 文件`)

  const damaged = () => invalid(`“${fileName}”已损坏或不完整（压缩结构无法读取），请重新保存或重新索取文件后再导入`)
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false })
  } catch {
    throw damaged()
  }
  try {
    if (zip.entryCount > ROSTER_LIMITS.maxEntries)
      throw invalid(`“${fileName}”包含 ${zip.entryCount} 个内部文件，超过 ${ROSTER_LIMITS.maxEntries} 个的上限，已拒绝读取`)
    const entries: yauzl.Entry[] = []
    let total = 0
    let hasWorkbook = false
    try {
      for await (const entry of zip.eachEntry()) entries.push(entry)
    } catch {
      throw damaged()
    }
    for (const entry of entries) {
      if (entry.isEncrypted()) throw invalid(`“${fileName}”：工作簿已加密，请取消密码后另存为 .xlsx`)
      const size = entry.uncompressedSize
      total += size
      if (total > ROSTER_LIMITS.maxUncompressedMb * MB)
        throw invalid(
          `“${fileName}”解压后超过 ${ROSTER_LIMITS.maxUncompressedMb} MB 的上限，可能是恶意构造的压缩炸弹，已拒绝读取`,
        )
      if (size >= ROSTER_LIMITS.ratioCheckFromMb * MB && size > entry.compressedSize * ROSTER_LIMITS.maxRatio)
        throw invalid(
          `“${fileName}”中的 ${entry.fileName} 解压后 ${mb(size)} MB，压缩比超过 ${ROSTER_LIMITS.maxRatio}:1 的上限，可能是恶意构造的压缩炸弹，已拒绝读取`,
        )
      if (entry.fileName === 'xl/workbook.xml') hasWorkbook = true
    }
    if (!hasWorkbook) throw invalid(`“${fileName}”是压缩包，但不是 Excel 工作簿（.xlsx）：其中没有工作簿内容`)
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      let data: Buffer
      try {
        data = await entryData(buffer, entry)
      } catch {
        throw damaged()
      }
      if (keep?.(entry.fileName)) kept.set(entry.fileName, data)
    }
  } finally {
    zip.close()
  }
  return kept
}
