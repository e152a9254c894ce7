/**
 * The IPC door against a REAL app context on a temp data folder: only 'electron' is faked.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserWindow as RealBrowserWindow } from 'electron'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC } from '../../../src-main/api/bridge'
import { OP_NAMES } from '../../../src-main/api/contract'
import type { Envelope } from '../../../src-main/api/define'
import { registerIpc, SEND_ONLY } from '../../../src-main/electron/ipc'
import type { RendererSource } from '../../../src-main/electron/paths'
import { inProcessCore } from '../../../src-main/relay/inProcess'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { tempDir } from '../../helpers/tmp'
import { BrowserWindow, dialog, FakeFrame, handler, invokeEvent, ipcMain, shell } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const CHINESE = /[\u4e00-\u9fff]/
const source: RendererSource = { kind: 'file', file: path.resolve('/opt/starsite/out/renderer/index.html') }
const page = pathToFileURL(source.file).href

let tmp: ReturnType<typeof tempDir>
let outside: ReturnType<typeof tempDir>
let ctx: AppContext
let win: BrowserWindow
let dispose: () => void

beforeAll(() => {
  tmp = tempDir('starsite-ipc-')
  outside = tempDir('starsite-outside-')
  ctx = openApp({ dataDir: tmp.dir })
  win = new BrowserWindow({})
  win.webContents.navigated(page)
  dispose = registerIpc({ core: inProcessCore(ctx), dataDir: tmp.dir, window: () => win as unknown as RealBrowserWindow, source })
})

afterAll(() => {
  dispose()
  ctx.close()
  tmp.cleanup()
  outside.cleanup()
})

beforeEach(() => {
  vi.clearAllMocks()
  win.webContents.navigated(page)
})

type Sender = ReturnType<typeof invokeEvent>
const ours = (): Sender => invokeEvent(win.webContents)

function invoke(args: unknown[], event: Sender = ours()): Promise<Envelope<unknown>> {
  return Promise.resolve(handler(IPC.invoke)(event, ...args)) as Promise<Envelope<unknown>>
}

function call(channel: string, arg: unknown, event: Sender = ours()): Promise<unknown> {
  return Promise.resolve(handler(channel)(event, arg))
}

function errorOf(envelope: Envelope<unknown> | unknown): { code: string; message: string } {
  const e = envelope as Envelope<unknown>
  if (e.ok) throw new Error(`expected an error, got ${JSON.stringify(e.value)}`)
  return e.error
}

describe('registration', () => {
  it('handles every IPC channel except the one main only sends on', () => {
    expect([...SEND_ONLY].sort()).toEqual([IPC.coreEvent, IPC.jobEvent].sort())
    const expected = Object.values(IPC).filter((c) => !SEND_ONLY.has(c))
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...expected].sort())
  })
})

describe('the contract over IPC', () => {
  it('has operations to enumerate', () => {
    expect(OP_NAMES.length).toBeGreaterThan(5)
  })

  // One case per operation: each is reachable through IPC.invoke and validates its input with a Chinese message.
  it.each(OP_NAMES.map((name) => [name]))('%s rejects an invalid input with invalid-input', async (name) => {
    for (const bad of [42, 'text', [1, 2]]) {
      const error = errorOf(await invoke([name, bad]))
      expect(error.code, `${name} with ${JSON.stringify(bad)}`).toBe('invalid-input')
      expect(error.message.length).toBeGreaterThan(0)
      expect(error.message).toMatch(CHINESE)
    }
  })

  it('runs settings.get against the real database', async () => {
    const result = await invoke(['settings.get', {}])
    expect(result.ok).toBe(true)
    const value = (result as { ok: true; value: { dataDir: string; version: string } }).value
    expect(value.dataDir).toBe(tmp.dir)
    expect(value.version).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('treats a missing input as {}', async () => {
    expect((await invoke(['settings.get'])).ok).toBe(true)
  })

  it('answers an unknown operation with unknown-operation', async () => {
    for (const name of ['sites.nope', '__proto__', 'constructor', 42, null]) {
      const error = errorOf(await invoke([name, {}]))
      expect(error.code, String(name)).toBe('unknown-operation')
      expect(error.message).toMatch(CHINESE)
    }
  })

  it('validates the job id', async () => {
    for (const jobId of ['short', '../../etc/passwd-xx', 'x'.repeat(65), 12345678, { id: 'abcdefgh' }]) {
      const error = errorOf(await invoke(['maintenance.checkData', {}, jobId]))
      expect(error.code, JSON.stringify(jobId)).toBe('invalid-input')
      expect(error.message).toMatch(CHINESE)
    }
    expect((await invoke(['maintenance.checkData', {}, null])).ok).toBe(true)
  })
})

describe('who may call', () => {
  it('refuses a sub-frame of our own page', async () => {
    const iframe = new FakeFrame(page, win.webContents.mainFrame, 1, 9999)
    const error = errorOf(await invoke(['settings.get', {}], invokeEvent(win.webContents, iframe)))
    expect(error).toEqual({ code: 'forbidden', message: '拒绝来自未知页面的请求' })
  })

  it('refuses our window once it shows a foreign page', async () => {
    for (const url of ['https://evil.example/', pathToFileURL('/tmp/evil.html').href, 'http://localhost:5173/']) {
      win.webContents.navigated(url)
      expect(errorOf(await invoke(['settings.get', {}])).code, url).toBe('forbidden')
    }
  })

  it('refuses another web contents, even one showing our page', async () => {
    const other = new BrowserWindow({})
    other.webContents.navigated(page)
    expect(errorOf(await invoke(['settings.get', {}], invokeEvent(other.webContents))).code).toBe('forbidden')
  })

  it('refuses a frame that is already gone', async () => {
    expect(errorOf(await invoke(['settings.get', {}], invokeEvent(win.webContents, null))).code).toBe('forbidden')
  })

  it('refuses foreign callers on the dialog and shell channels too', async () => {
    win.webContents.navigated('https://evil.example/')
    await expect(call(IPC.dialogOpenFiles, {})).rejects.toThrow('拒绝来自未知页面的请求')
    await expect(call(IPC.dialogOpenFolder, {})).rejects.toThrow('拒绝来自未知页面的请求')
    await expect(call(IPC.dialogSaveFile, {})).rejects.toThrow('拒绝来自未知页面的请求')
    const file = path.join(tmp.dir, 'outputs', 'x.txt')
    fs.writeFileSync(file, 'x')
    expect(errorOf(await call(IPC.shellOpenPath, file)).code).toBe('forbidden')
    expect(errorOf(await call(IPC.shellShowItem, file)).code).toBe('forbidden')
    expect(errorOf(await call(IPC.coreRestart, undefined)).code).toBe('forbidden')
    await expect(call(IPC.coreStatus, undefined)).rejects.toThrow('拒绝来自未知页面的请求')
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(shell.openPath).not.toHaveBeenCalled()
    expect(shell.showItemInFolder).not.toHaveBeenCalled()
  })
})

describe('shell channels', () => {
  it('refuses paths outside the data folder', async () => {
    const secret = path.join(outside.dir, 'secret.txt')
    fs.writeFileSync(secret, 'x')
    // A sibling whose name merely starts with the data folder's name is still outside.
    const sibling = `${tmp.dir}-evil`
    fs.mkdirSync(sibling, { recursive: true })
    fs.writeFileSync(path.join(sibling, 'a.txt'), 'x')
    const link = path.join(tmp.dir, 'outputs', 'link.txt')
    fs.symlinkSync(secret, link)
    try {
      for (const p of [
        secret,
        path.join(tmp.dir, '..', path.basename(outside.dir), 'secret.txt'),
        path.join(tmp.dir, 'outputs', '..', '..', path.basename(outside.dir), 'secret.txt'),
        path.join(sibling, 'a.txt'),
        link,
        'outputs/x.txt',
        '/etc/passwd',
      ]) {
        const error = errorOf(await call(IPC.shellOpenPath, p))
        expect(error.code, p).toBe('forbidden')
        expect(error.message).toMatch(CHINESE)
        expect(errorOf(await call(IPC.shellShowItem, p)).code, p).toBe('forbidden')
      }
      expect(shell.openPath).not.toHaveBeenCalled()
      expect(shell.showItemInFolder).not.toHaveBeenCalled()
    } finally {
      fs.rmSync(sibling, { recursive: true, force: true })
      fs.rmSync(link)
    }
  })

  it('opens and shows files of the data folder', async () => {
    const file = path.join(tmp.dir, 'outputs', '推荐函.docx')
    fs.writeFileSync(file, 'x')
    expect(await call(IPC.shellOpenPath, file)).toEqual({ ok: true, value: null })
    expect(shell.openPath).toHaveBeenCalledWith(file)
    expect(await call(IPC.shellShowItem, file)).toEqual({ ok: true, value: null })
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file)
  })

  it('shows a runnable file in its folder instead of running it', async () => {
    const file = path.join(tmp.dir, 'outputs', 'setup.EXE')
    fs.writeFileSync(file, 'MZ')
    const error = errorOf(await call(IPC.shellOpenPath, file))
    expect(error.code).toBe('forbidden')
    expect(shell.openPath).not.toHaveBeenCalled()
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file)
  })

  it('reports a missing file, a bad argument and an OS failure', async () => {
    expect(errorOf(await call(IPC.shellOpenPath, path.join(tmp.dir, 'outputs', 'gone.docx'))).code).toBe('not-found')
    expect(errorOf(await call(IPC.shellOpenPath, 42)).code).toBe('invalid-input')
    expect(errorOf(await call(IPC.shellShowItem, undefined)).code).toBe('invalid-input')
    const file = path.join(tmp.dir, 'outputs', 'b.pdf')
    fs.writeFileSync(file, 'x')
    shell.openPath.mockResolvedValueOnce('没有关联的程序')
    const error = errorOf(await call(IPC.shellOpenPath, file))
    expect(error.code).toBe('internal')
    expect(error.message).toContain('没有关联的程序')
  })
})

describe('dialog channels', () => {
  it('opens files with the window as parent and validated filters', async () => {
    const result = await call(IPC.dialogOpenFiles, { title: '选择报名表', filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }], multiple: true })
    expect(result).toEqual(['/picked/a.xlsx'])
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, { title: string; properties: string[]; filters: unknown }]
    expect(parent).toBe(win)
    expect(options.title).toBe('选择报名表')
    expect(options.properties).toContain('multiSelections')
    expect(options.filters).toEqual([{ name: 'Excel', extensions: ['xlsx', 'xls'] }])
  })

  it('returns nothing when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await call(IPC.dialogOpenFiles, {})).toEqual([])
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await call(IPC.dialogOpenFolder, {})).toBeNull()
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await call(IPC.dialogSaveFile, {})).toBeNull()
  })

  it('picks a folder', async () => {
    expect(await call(IPC.dialogOpenFolder, { title: '选择文件夹' })).toBe('/picked/a.xlsx')
    const options = dialog.showOpenDialog.mock.calls[0]?.[1] as { properties: string[] }
    expect(options.properties).toContain('openDirectory')
  })

  it('saves into outputs/ by default', async () => {
    expect(await call(IPC.dialogSaveFile, { defaultName: '报送包.zip', filters: [{ name: '压缩包', extensions: ['zip'] }] })).toBe('/picked/out.zip')
    const options = dialog.showSaveDialog.mock.calls[0]?.[1] as { defaultPath: string }
    expect(options.defaultPath).toBe(path.join(tmp.dir, 'outputs', '报送包.zip'))
  })

  it('rejects bad options with a Chinese message and never shows a dialog', async () => {
    const bad: [string, unknown][] = [
      [IPC.dialogOpenFiles, { title: 'x'.repeat(201) }],
      [IPC.dialogOpenFiles, { title: 42 }],
      [IPC.dialogOpenFiles, { filters: 'xlsx' }],
      [IPC.dialogOpenFiles, { filters: [{ name: 'x', extensions: ['.exe'] }] }],
      [IPC.dialogOpenFiles, { filters: [{ name: 'x', extensions: [] }] }],
      [IPC.dialogOpenFiles, { filters: [{ name: 'x' }] }],
      [IPC.dialogOpenFiles, { defaultPath: '/etc' }],
      [IPC.dialogOpenFiles, 42],
      [IPC.dialogOpenFolder, { title: 'x'.repeat(201) }],
      [IPC.dialogSaveFile, { defaultName: '../../evil.zip' }],
      [IPC.dialogSaveFile, { defaultName: '/etc/evil.zip' }],
    ]
    for (const [channel, options] of bad) {
      await expect(call(channel, options), `${channel} ${JSON.stringify(options)}`).rejects.toThrow(CHINESE)
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })
})

describe('job progress', () => {
  it('forwards job events of app.jobs to the window on IPC.jobEvent', async () => {
    const jobId = 'job-check-0001'
    const result = await invoke(['maintenance.checkData', {}, jobId])
    expect(result.ok).toBe(true)
    const sent = win.webContents.send.mock.calls.filter(([channel]) => channel === IPC.jobEvent).map(([, event]) => event)
    expect(sent.length).toBeGreaterThan(0)
    for (const event of sent) expect(event).toMatchObject({ jobId, phase: expect.any(String), done: expect.any(Number), total: expect.any(Number) })
    const last = sent[sent.length - 1] as { done: number; total: number }
    expect(last.done).toBe(last.total)
  })

  it('sends nothing to a destroyed window', async () => {
    win.destroyed = true
    try {
      await ctx.jobs.run('job-check-0002', async (job) => job.progress('x', 1, 1))
    } finally {
      win.destroyed = false
    }
    expect(win.webContents.send).not.toHaveBeenCalled()
  })
})

describe('dispose', () => {
  it('removes every handler and stops forwarding job events', async () => {
    dispose()
    expect(ipcMain.handlers.size).toBe(0)
    await ctx.jobs.run('job-after-dispose', async (job) => job.progress('x', 1, 1))
    expect(win.webContents.send).not.toHaveBeenCalled()
  })
})
