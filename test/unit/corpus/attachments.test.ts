/**
 * Hostile attachments through the contract (attachments.add), table-driven. Refused ones: a Chinese message
 * naming the file and the whole data folder unchanged (snapshot.ts). Accepted ones with hostile names: the
 * bytes land only at files/ab/<sha256>, and the name kept for display is safe (no path part, not a reserved
 * Windows name, bounded). test/unit/attachments/attachments.test.ts covers the store itself.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { pendingDailyBackup } from '../../../src-main/services/backup/create'
import { snapshotFolder } from '../../fixtures/corpus/snapshot'
import { bytes, setUp, write, type World } from '../attachments/setup'

let w: World
beforeAll(async () => {
  w = await setUp()
  await pendingDailyBackup(w.app.db)
})
afterAll(() => w.cleanup())

const refused: [string, string, Buffer, RegExp][] = [
  ['zero bytes', '推荐函.pdf', Buffer.alloc(0), /文件“推荐函\.pdf”是空文件（0 字节）/],
  ['a program (.exe)', '推荐函.exe', bytes.exe(), /文件“推荐函\.exe”的类型不允许（\.exe）/],
  ['a double extension ending in .exe', '推荐函.pdf.exe', bytes.exe(), /类型不允许（\.exe）/],
  ['a script (.bat)', 'run.bat', Buffer.from('@echo off\r\ncalc\r\n'), /类型不允许（\.bat）/],
  ['an HTML page', '说明.html', Buffer.from('<script>alert(1)</script>'), /类型不允许（\.html）/],
  ['an SVG (may carry script)', '门头.svg', Buffer.from('<svg onload="alert(1)"/>'), /类型不允许（\.svg）/],
  ['a shortcut', '推荐函.pdf.lnk', Buffer.alloc(100, 0x4c), /类型不允许（\.lnk）/],
  ['no extension at all', 'README', bytes.pdf(), /没有扩展名/],
  ['a program renamed .pdf', '证书.pdf', bytes.exe(), /实际上是一个程序/],
  ['a program renamed .png', '门头.png', bytes.exe(), /实际上是一个程序/],
]

describe('attachment corpus: refused, nothing written', () => {
  for (const [what, name, content, message] of refused) {
    it(what, async () => {
      const file = write(w.inbox, `${what.replace(/\W/g, '_')}-${name}`, content)
      const before = snapshotFolder(w.dataDir, w.app.db)
      const r = await dispatch(w.app, 'attachments.add', { siteId: w.siteId, kind: 'other', files: [{ path: file, name }] })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('invalid-input')
        expect(r.error.message).toMatch(message)
      }
      expect(snapshotFolder(w.dataDir, w.app.db)).toEqual(before)
    })
  }
})

const renamed: [string, string, (kept: string) => void][] = [
  ['a name climbing out with ../', '../../../../etc/cron.d/推荐函.pdf', (k) => expect(k).toBe('推荐函.pdf')],
  ['a Windows path with ..\\', '..\\..\\Windows\\System32\\推荐函.pdf', (k) => expect(k).toBe('推荐函.pdf')],
  ['reserved CON.pdf', 'CON.pdf', (k) => expect(k).toBe('_CON.pdf')],
  ['reserved aux.png (lower case)', 'aux.png', (k) => expect(k).toBe('_aux.png')],
  ['reserved com1.tar.pdf', 'com1.tar.pdf', (k) => expect(k).toBe('_com1.tar.pdf')],
  ['300 characters', `${'推'.repeat(150)}${'a'.repeat(146)}.pdf`, (k) => {
    expect([...k].length).toBeLessThanOrEqual(120)
    expect(Buffer.byteLength(k)).toBeLessThanOrEqual(240)
    expect(k.endsWith('.pdf')).toBe(true)
  }],
  ['trailing dots and spaces (Windows drops them)', '推荐函.pdf. . ', (k) => expect(k).toBe('推荐函.pdf')],
  ['a bidi override disguising the extension', '推荐函\u202efdp.exe.pdf', (k) => expect(k).toBe('推荐函fdp.exe.pdf')],
]

describe('attachment corpus: hostile names, stored safely', () => {
  for (const [what, name, check] of renamed) {
    it(what, async () => {
      const content = name.endsWith('.png') ? bytes.png() : bytes.pdf(what)
      const file = write(w.inbox, `src-${Math.random().toString(16).slice(2)}.bin`, content)
      const before = snapshotFolder(w.dataDir, w.app.db)
      const r = await dispatch(w.app, 'attachments.add', { siteId: w.siteId, kind: 'other', files: [{ path: file, name }] })
      expect(r.ok, JSON.stringify(r)).toBe(true)
      if (!r.ok) return
      const [att] = (r.value as { attachments: { originalName: string; sha256: string }[] }).attachments
      check(att.originalName)
      // eslint-disable-next-line no-control-regex -- control characters are what must not survive
      expect(att.originalName).not.toMatch(/[\\/<>:"|?*\u0000-\u001f\u202a-\u202e]/)
      // The only new files: the content-addressed copy (and the WAL growing); nothing named after the upload.
      const after = snapshotFolder(w.dataDir, w.app.db)
      const added = Object.keys(after.files).filter((f) => !(f in before.files))
      const stored = `files/${att.sha256.slice(0, 2)}/${att.sha256}`
      expect(added.filter((f) => !f.endsWith('/')).filter((f) => f !== stored)).toEqual([])
      expect(Object.keys(after.files).some((f) => f.includes(path.basename(name)))).toBe(false)
    })
  }
})
