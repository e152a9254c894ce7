/**
 * The bundle's zip writer on its own: what it refuses, and an empty and a deflated entry read back by
 * Python's zipfile (which checks every CRC). The names across readers are in readers.test.ts.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ZipWriter } from '../../../src-main/services/bundle/zipWriter'
import { tempDir } from './helpers'

const mtime = new Date(Date.UTC(2021, 4, 6, 8, 0, 0))
const discard = () => new Writable({ write: (_chunk, _enc, cb) => cb() })

async function writeTo(file: string, fill: (zip: ZipWriter) => Promise<void>): Promise<void> {
  const out = fs.createWriteStream(file)
  const done = new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject))
  await fill(new ZipWriter(out))
  await done
}

describe('bundle zip writer', () => {
  it('an empty, a stored and a deflated entry, then one from memory: Python reads each back with its CRC checked', async () => {
    const file = path.join(tempDir('starsite-zipw-'), 'a.zip')
    const text = Buffer.from('现场说明\n'.repeat(5000))
    await writeTo(file, async (zip) => {
      await (await zip.begin('空.pdf', { compress: false, mtime, size: 0 })).end()
      const stored = await zip.begin('存/照片.jpg', { compress: false, mtime, size: 6 })
      await stored.write(Buffer.from('abc'))
      await stored.write(Buffer.from('def'))
      await stored.end()
      const deflated = await zip.begin('压/说明.doc', { compress: true, mtime, size: text.length })
      for (let i = 0; i < text.length; i += 4096) await deflated.write(text.subarray(i, i + 4096))
      await deflated.end()
      await zip.addBuffer(Buffer.from('{}'), 'manifest.json', { compress: true, mtime })
      await zip.finish()
    })
    const script = `
import zipfile, sys, json
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: [i.file_size, i.compress_type, z.read(i.filename).decode('utf8')[:4]] for i in z.infolist()}))`
    const py = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }))
    expect(py).toEqual({
      '空.pdf': [0, 0, ''],
      '存/照片.jpg': [6, 0, 'abcd'],
      '压/说明.doc': [text.length, 8, '现场说明'],
      'manifest.json': [2, 8, '{}'],
    })
  })

  it('refuses an entry whose data is not the announced size (a file changed while it was packed)', async () => {
    const zip = new ZipWriter(discard())
    const entry = await zip.begin('a.pdf', { compress: false, mtime, size: 10 })
    await entry.write(Buffer.from('12345'))
    await expect(entry.end()).rejects.toThrow('a.pdf has 5 bytes, 10 were announced')
  })

  it('refuses a second entry or the end while an entry is still open', async () => {
    const zip = new ZipWriter(discard())
    await zip.begin('a.pdf', { compress: false, mtime, size: 1 })
    await expect(zip.begin('b.pdf', { compress: false, mtime, size: 1 })).rejects.toThrow('previous entry is not finished')
    await expect(zip.finish()).rejects.toThrow('last entry is not finished')
  })
})
