import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { addAttachments } from '../../../src-main/services/attachments/attachments'
import { storedPath } from '../../../src-main/services/attachments/store'
import { bytes, call, filesUnder, setUp, write, type World } from './setup'

let w: World
afterEach(() => w?.cleanup())

const copies = () => filesUnder(path.join(w.dataDir, 'outputs', '附件'))

describe('attachments.exportCopy', () => {
  it('copies the stored bytes to outputs/附件 under the original name, with its extension', async () => {
    w = await setUp()
    const content = bytes.pdf('e')
    const [a] = await addAttachments(w.app, w.siteId, 'superior-letter', [{ path: write(w.inbox, '推荐函.pdf', content) }])
    const copy = await call<{ path: string; name: string }>(w.app, 'attachments.exportCopy', { id: a.id })

    expect(copy).toEqual({ path: path.join(w.dataDir, 'outputs', '附件', '推荐函.pdf'), name: '推荐函.pdf' })
    expect(fs.readFileSync(copy.path).equals(content)).toBe(true)
    // The store keeps its own file, untouched; no partial file is left behind anywhere.
    expect(fs.readFileSync(storedPath(w.dataDir, a.sha256)).equals(content)).toBe(true)
    expect(copies()).toEqual(['推荐函.pdf'])
    expect(filesUnder(path.join(w.dataDir, 'tmp'))).toEqual([])
  })

  it('reuses an identical old copy and never overwrites a different file of the same name', async () => {
    w = await setUp()
    const first = bytes.pdf('1')
    const second = bytes.pdf('2')
    const [a] = await addAttachments(w.app, w.siteId, 'superior-letter', [{ path: write(w.inbox, 'a/推荐函.pdf', first) }])
    const [b] = await addAttachments(w.app, w.siteId, 'superior-letter', [{ path: write(w.inbox, 'b/推荐函.pdf', second) }])

    const c1 = await call<{ path: string; name: string }>(w.app, 'attachments.exportCopy', { id: a.id })
    const c1again = await call<{ path: string; name: string }>(w.app, 'attachments.exportCopy', { id: a.id })
    expect(c1again).toEqual(c1)

    const c2 = await call<{ path: string; name: string }>(w.app, 'attachments.exportCopy', { id: b.id })
    expect(c2.name).toBe('推荐函 (2).pdf')
    expect(fs.readFileSync(c1.path).equals(first)).toBe(true)
    expect(fs.readFileSync(c2.path).equals(second)).toBe(true)

    // A copy the person changed is left alone; the next export gets a free name again.
    fs.writeFileSync(c1.path, 'edited')
    const c3 = await call<{ path: string; name: string }>(w.app, 'attachments.exportCopy', { id: a.id })
    expect(c3.name).toBe('推荐函 (3).pdf')
    expect(fs.readFileSync(c1.path, 'utf8')).toBe('edited')
    expect(copies()).toEqual(['推荐函 (2).pdf', '推荐函 (3).pdf', '推荐函.pdf'])
  })

  it('makes an unsafe original name safe for the file system', async () => {
    w = await setUp()
    const [a] = await addAttachments(w.app, w.siteId, 'photo', [{ path: write(w.inbox, 'x.png', bytes.png()) }])
    w.app.db.prepare('UPDATE attachments SET original_name = ? WHERE id = ?').run('../门头:照片?.png', a.id)
    const copy = await call<{ path: string; name: string }>(w.app, 'attachments.exportCopy', { id: a.id })
    expect(copy.name).toBe('门头_照片_.png')
    expect(path.dirname(copy.path)).toBe(path.join(w.dataDir, 'outputs', '附件'))
  })

  it('answers in Chinese when the attachment or its stored file is gone', async () => {
    w = await setUp()
    const missing = await dispatch(w.app, 'attachments.exportCopy', { id: 999 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    if (!missing.ok) expect(missing.error.message).toContain('找不到编号为 999 的附件')

    const [a] = await addAttachments(w.app, w.siteId, 'other', [{ path: write(w.inbox, '说明.pdf', bytes.pdf('m')) }])
    fs.rmSync(storedPath(w.dataDir, a.sha256))
    const lost = await dispatch(w.app, 'attachments.exportCopy', { id: a.id })
    expect(lost).toMatchObject({ ok: false, error: { code: 'not-found' } })
    if (!lost.ok) expect(lost.error.message).toContain('说明.pdf')
    expect(copies()).toEqual([])
  })
})
