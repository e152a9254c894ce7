/**
 * The bundle's zip format, written by hand (it replaced yazl here) for two things yazl cannot do:
 *
 * - Entry names every reader gets right. The name field is UTF-8 with the language-encoding flag (bit 11),
 *   which Python's zipfile, libarchive (bsdtar), Java and current archivers read. Archivers that ignore
 *   bit 11 would take those bytes as CP437 or the system's code page (GBK on Chinese Windows) and show
 *   鍖椾含 for 北京; many of them (7-Zip, WinRAR, Info-ZIP unzip) read the Info-ZIP Unicode Path extra field
 *   (0x7075) instead, which every entry carries in both its local and its central header. A GBK name field
 *   without bit 11 would suit only an old Explorer on Chinese Windows and garble the name for every reader
 *   that follows the spec (CP437, Python's zipfile among them), so the name field stays UTF-8.
 * - The CRC-32 from node:zlib (native, ~10× buffer-crc32's JavaScript loop), called directly instead of
 *   patching the copy of buffer-crc32 that yazl loads (what services/bundle/fastCrc.ts used to do).
 *
 * Layout as yazl wrote it, so readers see the same zips: streamed entries carry a data descriptor (bit 3),
 * the central directory an extended timestamp (0x5455), and ZIP64 records appear only when a size or an
 * offset needs them. One entry at a time; its chunks go to `out` as they come, never gathered.
 */
import zlib from 'node:zlib'
import type { Writable } from 'node:stream'

export interface ZipEntryOptions {
  /** Deflate (level 6) instead of storing. */
  compress: boolean
  mtime: Date
  /** The data's exact length, known before the data (a file's stat size); the entry fails if it differs. */
  size: number
}

export interface ZipEntryWriter {
  /** Add data. A stored entry hands `chunk` itself to `out` (no copy): do not reuse it until `out` has written it. */
  write(chunk: Buffer): Promise<void>
  /** The data is complete: flush, write the data descriptor. */
  end(): Promise<{ size: number; crc32: number }>
}

const crc32 = (data: Uint8Array, previous = 0): number => zlib.crc32(data, previous)

/** The CRC-32 the Unicode Path field carries is of the header's name field, byte for byte. */
export function unicodePathField(nameField: Buffer, utf8Name: Buffer): Buffer {
  const field = Buffer.alloc(4 + 1 + 4 + utf8Name.length)
  field.writeUInt16LE(0x7075, 0)
  field.writeUInt16LE(1 + 4 + utf8Name.length, 2)
  field.writeUInt8(1, 4) // version of the field
  field.writeUInt32LE(crc32(nameField), 5)
  utf8Name.copy(field, 9)
  return field
}

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_DESCRIPTOR = 0x08074b50
const SIG_EOCD = 0x06054b50
const SIG_ZIP64_EOCD = 0x06064b50
const SIG_ZIP64_LOCATOR = 0x07064b50
const FLAG_DESCRIPTOR = 1 << 3
const FLAG_UTF8 = 1 << 11
const VERSION_NEEDED = 20
const VERSION_NEEDED_ZIP64 = 45
/** Made by: Unix (3), spec 6.3; external attributes carry the Unix mode -rw-rw-r--. */
const VERSION_MADE_BY = (3 << 8) | 63
const FILE_MODE = 0o100664
const MAX32 = 0xffffffff
/**
 * A streamed entry's local header needs its ZIP64 field before its sizes are known. A stored entry's size is
 * exact; a deflated one may come out a little larger than its input, hence the margin (zlib's deflateBound:
 * under 0.1% more, a few MiB at 4 GiB; 256 MiB covers it).
 */
const ZIP64_STORED_FROM = MAX32
const ZIP64_DEFLATED_FROM = MAX32 - 256 * 1024 * 1024

interface CentralInfo {
  name: Buffer
  unicodePath: Buffer
  flags: number
  method: number
  time: number
  date: number
  unixTime: number
  crc32: number
  compressedSize: number
  size: number
  offset: number
}

function dosDateTime(at: Date): { date: number; time: number } {
  // Local time, as DOS times are; clamped to what the format holds.
  const min = new Date(1980, 0, 1)
  const max = new Date(2107, 11, 31, 23, 59, 58)
  const d = at < min ? min : at > max ? max : at
  return {
    date: d.getDate() | ((d.getMonth() + 1) << 5) | ((d.getFullYear() - 1980) << 9),
    time: Math.floor(d.getSeconds() / 2) | (d.getMinutes() << 5) | (d.getHours() << 11),
  }
}

function writeUInt64LE(b: Buffer, n: number, at: number): void {
  b.writeUInt32LE(n % 0x100000000, at)
  b.writeUInt32LE(Math.floor(n / 0x100000000), at + 4)
}

/** Settles when `out` can take more, rejecting if it fails or closes first (so nothing waits forever). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain)
      out.off('error', onError)
      out.off('close', onClose)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = () => settle()
    const onError = (e: Error) => settle(e)
    const onClose = () => settle(new Error('zip output closed before the bundle was complete'))
    out.on('drain', onDrain)
    out.on('error', onError)
    out.on('close', onClose)
  })
}

export class ZipWriter {
  private offset = 0
  private readonly central: CentralInfo[] = []
  private open = false

  constructor(private readonly out: Writable) {}

  /** Bytes written so far. */
  get size(): number {
    return this.offset
  }

  private async emit(b: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Error('zip output closed before the bundle was complete')
    this.offset += b.length
    if (!this.out.write(b)) await drained(this.out)
  }

  private names(name: string): { name: Buffer; unicodePath: Buffer } {
    if (this.open) throw new Error('zip: the previous entry is not finished')
    const utf8 = Buffer.from(name, 'utf8')
    // The name appears twice in each header (name field and 0x7075), and an extra field holds 64 KiB at most.
    if (utf8.length > 0x7000) throw new Error(`zip: entry name too long: ${name}`)
    return { name: utf8, unicodePath: unicodePathField(utf8, utf8) }
  }

  private localHeader(c: CentralInfo, zip64: boolean): Buffer {
    const zip64Field = zip64 ? Buffer.alloc(4 + 16) : Buffer.alloc(0)
    if (zip64) {
      // In a local header the ZIP64 field holds both sizes; zeros here, the data descriptor has them.
      zip64Field.writeUInt16LE(0x0001, 0)
      zip64Field.writeUInt16LE(16, 2)
    }
    const extra = Buffer.concat([zip64Field, c.unicodePath])
    const h = Buffer.alloc(30)
    h.writeUInt32LE(SIG_LOCAL, 0)
    h.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 4)
    h.writeUInt16LE(c.flags, 6)
    h.writeUInt16LE(c.method, 8)
    h.writeUInt16LE(c.time, 10)
    h.writeUInt16LE(c.date, 12)
    const known = (c.flags & FLAG_DESCRIPTOR) === 0
    h.writeUInt32LE(known ? c.crc32 : 0, 14)
    h.writeUInt32LE(zip64 ? MAX32 : known ? c.compressedSize : 0, 18)
    h.writeUInt32LE(zip64 ? MAX32 : known ? c.size : 0, 22)
    h.writeUInt16LE(c.name.length, 26)
    h.writeUInt16LE(extra.length, 28)
    return Buffer.concat([h, c.name, extra])
  }

  private info(name: string, options: { compress: boolean; mtime: Date }, descriptor: boolean): CentralInfo {
    const { date, time } = dosDateTime(options.mtime)
    return {
      ...this.names(name),
      flags: FLAG_UTF8 | (descriptor ? FLAG_DESCRIPTOR : 0),
      method: options.compress ? 8 : 0,
      time,
      date,
      unixTime: Math.max(-0x80000000, Math.min(0x7fffffff, Math.floor(options.mtime.getTime() / 1000))),
      crc32: 0,
      compressedSize: 0,
      size: 0,
      offset: this.offset,
    }
  }

  /** An entry whose data is small and at hand (the manifest, its signature): sizes and CRC in the local header. */
  async addBuffer(data: Buffer, name: string, options: { compress: boolean; mtime: Date }): Promise<void> {
    const c = this.info(name, options, false)
    const body = options.compress ? await new Promise<Buffer>((resolve, reject) => zlib.deflateRaw(data, { level: 6 }, (e, r) => (e ? reject(e) : resolve(r)))) : data
    if (data.length >= MAX32 || body.length >= MAX32) throw new Error(`zip: ${name} is too large to add from memory`)
    c.crc32 = crc32(data)
    c.size = data.length
    c.compressedSize = body.length
    this.central.push(c)
    await this.emit(this.localHeader(c, false))
    await this.emit(body)
  }

  /** Start a streamed entry: its local header goes out now, its data through the returned writer. */
  async begin(name: string, options: ZipEntryOptions): Promise<ZipEntryWriter> {
    const c = this.info(name, options, true)
    const zip64 = options.size >= (options.compress ? ZIP64_DEFLATED_FROM : ZIP64_STORED_FROM)
    this.open = true
    await this.emit(this.localHeader(c, zip64))
    let crc = 0
    let size = 0
    let compressed = 0
    const deflater = options.compress ? zlib.createDeflateRaw({ level: 6 }) : undefined
    // The deflater's output goes out as it comes, at the pace `out` takes it.
    const deflated = deflater
      ? (async () => {
          for await (const chunk of deflater as AsyncIterable<Buffer>) {
            compressed += chunk.length
            await this.emit(chunk)
          }
        })()
      : undefined
    deflated?.catch(() => {}) // awaited in write() and end(); this only keeps an early failure from going unhandled

    return {
      write: async (chunk: Buffer) => {
        crc = crc32(chunk, crc)
        size += chunk.length
        if (!deflater) {
          compressed += chunk.length
          return this.emit(chunk)
        }
        if (!deflater.write(chunk)) await Promise.race([new Promise<void>((resolve) => deflater.once('drain', resolve)), deflated])
      },
      end: async () => {
        if (deflater) {
          deflater.end()
          await deflated
        }
        if (size !== options.size) throw new Error(`zip: ${name} has ${size} bytes, ${options.size} were announced`)
        if (!zip64 && compressed >= MAX32) throw new Error(`zip: ${name} outgrew its header (${compressed} bytes)`)
        c.crc32 = crc >>> 0
        c.size = size
        c.compressedSize = compressed
        const d = Buffer.alloc(zip64 ? 24 : 16)
        d.writeUInt32LE(SIG_DESCRIPTOR, 0)
        d.writeUInt32LE(c.crc32, 4)
        if (zip64) {
          writeUInt64LE(d, compressed, 8)
          writeUInt64LE(d, size, 16)
        } else {
          d.writeUInt32LE(compressed, 8)
          d.writeUInt32LE(size, 12)
        }
        this.central.push(c)
        this.open = false
        await this.emit(d)
        return { size, crc32: c.crc32 }
      },
    }
  }

  private centralRecord(c: CentralInfo): Buffer {
    const zip64 = c.size >= MAX32 || c.compressedSize >= MAX32 || c.offset >= MAX32
    const zip64Field = Buffer.alloc(zip64 ? 4 + 24 : 0)
    if (zip64) {
      // All three values, each also set to 0xFFFFFFFF in the fixed part (the spec's order).
      zip64Field.writeUInt16LE(0x0001, 0)
      zip64Field.writeUInt16LE(24, 2)
      writeUInt64LE(zip64Field, c.size, 4)
      writeUInt64LE(zip64Field, c.compressedSize, 12)
      writeUInt64LE(zip64Field, c.offset, 20)
    }
    // Extended timestamp, central form: flags say mtime and atime (as Info-ZIP writes them), only mtime follows.
    const ut = Buffer.alloc(9)
    ut.writeUInt16LE(0x5455, 0)
    ut.writeUInt16LE(5, 2)
    ut.writeUInt8(0b11, 4)
    ut.writeInt32LE(c.unixTime, 5)
    const extra = Buffer.concat([zip64Field, ut, c.unicodePath])
    const h = Buffer.alloc(46)
    h.writeUInt32LE(SIG_CENTRAL, 0)
    h.writeUInt16LE(VERSION_MADE_BY, 4)
    h.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6)
    h.writeUInt16LE(c.flags, 8)
    h.writeUInt16LE(c.method, 10)
    h.writeUInt16LE(c.time, 12)
    h.writeUInt16LE(c.date, 14)
    h.writeUInt32LE(c.crc32, 16)
    h.writeUInt32LE(zip64 ? MAX32 : c.compressedSize, 20)
    h.writeUInt32LE(zip64 ? MAX32 : c.size, 24)
    h.writeUInt16LE(c.name.length, 28)
    h.writeUInt16LE(extra.length, 30)
    h.writeUInt16LE(0, 32) // comment length
    h.writeUInt16LE(0, 34) // disk number
    h.writeUInt16LE(0, 36) // internal attributes
    h.writeUInt32LE((FILE_MODE << 16) >>> 0, 38)
    h.writeUInt32LE(zip64 ? MAX32 : c.offset, 42)
    return Buffer.concat([h, c.name, extra])
  }

  /** Central directory and end records; then `out` is ended. */
  async finish(): Promise<void> {
    if (this.open) throw new Error('zip: the last entry is not finished')
    const start = this.offset
    for (const c of this.central) await this.emit(this.centralRecord(c))
    const cdSize = this.offset - start
    const count = this.central.length
    const zip64 = count >= 0xffff || cdSize >= MAX32 || start >= MAX32
    if (zip64) {
      const record = Buffer.alloc(56)
      record.writeUInt32LE(SIG_ZIP64_EOCD, 0)
      writeUInt64LE(record, 56 - 12, 4)
      record.writeUInt16LE(VERSION_MADE_BY, 12)
      record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14)
      writeUInt64LE(record, count, 24)
      writeUInt64LE(record, count, 32)
      writeUInt64LE(record, cdSize, 40)
      writeUInt64LE(record, start, 48)
      const locator = Buffer.alloc(20)
      locator.writeUInt32LE(SIG_ZIP64_LOCATOR, 0)
      writeUInt64LE(locator, this.offset, 8)
      locator.writeUInt32LE(1, 16)
      await this.emit(Buffer.concat([record, locator]))
    }
    const eocd = Buffer.alloc(22)
    eocd.writeUInt32LE(SIG_EOCD, 0)
    eocd.writeUInt16LE(Math.min(count, 0xffff), 8)
    eocd.writeUInt16LE(Math.min(count, 0xffff), 10)
    eocd.writeUInt32LE(zip64 ? MAX32 : cdSize, 12)
    eocd.writeUInt32LE(zip64 ? MAX32 : start, 16)
    await this.emit(eocd)
    this.out.end()
  }
}
