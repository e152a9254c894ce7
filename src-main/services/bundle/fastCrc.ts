/**
 * yazl computes every entry's CRC-32 with buffer-crc32, a byte-at-a-time JavaScript loop: measured at ~260 MB/s
 * here against ~2.7 GB/s for node:zlib's crc32 (the same CRC-32, IEEE polynomial, native). For a bundle of
 * stored pdf/jpg files that loop was the largest single cost of the build (bench/cases/bundle.ts).
 *
 * yazl has no option to take a CRC from outside, so we point the `unsigned` function of the buffer-crc32
 * instance yazl itself loads at zlib.crc32. Same results bit for bit (the tests read the bundles with python's
 * zipfile and Info-ZIP, which check the CRCs). Best effort: on a Node without zlib.crc32 (< 20.15 / 22.2), or
 * if a bundler inlined yazl so its copy cannot be reached, nothing changes and yazl stays merely slower.
 */
import { createRequire } from 'node:module'
import zlib from 'node:zlib'

let done = false

export function useNativeCrc32ForYazl(): void {
  if (done) return
  done = true
  const native = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32
  if (typeof native !== 'function') return
  try {
    const req = createRequire(import.meta.url)
    const crc = createRequire(req.resolve('yazl'))('buffer-crc32') as { unsigned?: (...args: unknown[]) => number }
    if (typeof crc?.unsigned !== 'function') return
    const js = crc.unsigned
    // Self-check on a known vector before switching: "123456789" -> 0xCBF43926.
    if (native(Buffer.from('123456789')) !== 0xcbf43926 || js(Buffer.from('123456789')) !== 0xcbf43926) return
    crc.unsigned = (buf: unknown, previous?: unknown) =>
      // yazl only ever passes (Buffer) or (Buffer, number); anything else keeps the original path.
      Buffer.isBuffer(buf) && (previous === undefined || typeof previous === 'number') ? native(buf, previous ?? 0) : js(buf, previous)
  } catch {
    // yazl or its buffer-crc32 not resolvable from here (bundled): leave it as it is.
  }
}
