/**
 * Launch to quit with a faked 'electron' and a real data folder: the lock, where the data lives, what
 * happens when it cannot be opened, and that quitting closes the database.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { MenuItemConstructorOptions, WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC } from '../../../src-main/api/bridge'
import { dataFlag } from '../../../src-main/electron/args'
import { startDesktop, type Desktop } from '../../../src-main/electron/lifecycle'
import { OFFICE_CORE_EXEC_ARGV } from '../../../src-main/relay/heapFlags'
import { openApp } from '../../../src-main/services/context'
import { initOffice } from '../../../src-main/services/office/profile'
import { tempDir } from '../../helpers/tmp'
import { app, BrowserWindow, dialog, FakeEvent, FakeWebContents, handler, invokeEvent, ipcMain, Menu, quitApp, session, shell, utilityProcess, UtilityProcess } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const mainDir = path.resolve('/opt/starsite/out/main')
let tmp: ReturnType<typeof tempDir>
let running: Desktop | null = null

beforeEach(() => {
  tmp = tempDir('starsite-life-')
  vi.clearAllMocks()
  app.removeAllListeners()
  app.isPackaged = false
  app.requestSingleInstanceLock.mockReturnValue(true)
  ipcMain.handlers.clear()
  BrowserWindow.instances.length = 0
  UtilityProcess.instances.length = 0
})

afterEach(async () => {
  // Quitting closes the database in the core; the temp folder can then go.
  if (running) await quitApp()
  running = null
  tmp.cleanup()
})

const start = (argv: string[], env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux') =>
  startDesktop({ argv: ['electron', '.', ...argv], env, mainDir, platform })

function onlyWindow(): BrowserWindow {
  expect(BrowserWindow.instances).toHaveLength(1)
  return BrowserWindow.instances[0] as BrowserWindow
}

describe('command line', () => {
  it('reads --data DIR and --data=DIR', () => {
    expect(dataFlag(['x', '--data', '/d'])).toBe('/d')
    expect(dataFlag(['x', '--data=/d'])).toBe('/d')
    expect(dataFlag(['x', '--data'])).toBeUndefined()
    expect(dataFlag(['x', '--data', '--other'])).toBeUndefined()
    expect(dataFlag(['x'])).toBeUndefined()
  })
})

describe('start', () => {
  it('a second instance quits without touching the data', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false)
    const dir = path.join(tmp.dir, 'data')
    expect(await start(['--data', dir])).toBeNull()
    expect(app.quit).toHaveBeenCalled()
    expect(fs.existsSync(dir)).toBe(false)
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handlers.size).toBe(0)
  })

  it("starts an office folder's core with the office's V8 flags", async () => {
    const dir = path.join(tmp.dir, 'office')
    initOffice({ dataDir: dir, actor: 'test' }, { name: '服务现场质量推进活动办公室', shortName: '推进办', year: 2021 }).office.close()
    running = await start(['--data', dir])
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1)
    expect(utilityProcess.fork.mock.calls[0]?.[2]).toMatchObject({ execArgv: [...OFFICE_CORE_EXEC_ARGV] })
    expect(running?.core.status).toEqual({ state: 'ready' })
  })

  it('opens the data folder from --data, hardens, registers IPC, builds the menu and loads the renderer', async () => {
    const dir = path.join(tmp.dir, 'data')
    running = await start(['--data', dir])
    expect(running?.dataDir).toBe(dir)
    expect(fs.existsSync(path.join(dir, 'starsite.db'))).toBe(true)
    // The database belongs to the core process, started from the built core.js beside the main script.
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1)
    expect(utilityProcess.fork.mock.calls[0]?.[0]).toBe(path.join(mainDir, 'core.js'))
    // A province's core keeps V8's defaults (relay/heapFlags.ts: only an office's is capped).
    expect(utilityProcess.fork.mock.calls[0]?.[2]).toMatchObject({ execArgv: [] })
    expect(running?.core.status).toEqual({ state: 'ready' })
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull()
    expect(session.defaultSession.headersListener).not.toBeNull()
    expect(ipcMain.handlers.has(IPC.invoke)).toBe(true)
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    const win = onlyWindow()
    expect(win.loadFile).toHaveBeenCalledWith(path.resolve('/opt/starsite/out/renderer/index.html'))
    expect((win.options.webPreferences as { preload: string }).preload).toBe(path.resolve('/opt/starsite/out/preload/preload.cjs'))
    expect(running?.window()).toBe(win)
    expect(fs.readFileSync(path.join(dir, 'logs', 'desktop.log'), 'utf8')).toMatch(/INFO start 0\.1\.0/)
  })

  it('falls back to STARSITE_DATA', async () => {
    const dir = path.join(tmp.dir, 'env-data')
    running = await start([], { STARSITE_DATA: dir })
    expect(running?.dataDir).toBe(dir)
    expect(fs.existsSync(path.join(dir, 'starsite.db'))).toBe(true)
  })

  it('loads the dev server in development only', async () => {
    running = await start(['--data', tmp.dir], { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/')
  })

  it('a second launch brings the first window back', async () => {
    running = await start(['--data', tmp.dir])
    const win = onlyWindow()
    win.minimized = true
    app.emit('second-instance', new FakeEvent(), ['electron', '.'], process.cwd())
    expect(win.restore).toHaveBeenCalled()
    expect(win.focus).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(1)
  })

  it('hardens web contents Electron creates later', async () => {
    running = await start(['--data', tmp.dir])
    const other = new FakeWebContents()
    app.emit('web-contents-created', new FakeEvent(), other as unknown as WebContents)
    expect(other.windowOpenHandler?.({ url: 'https://x.example/', frameName: '', features: '' })).toEqual({ action: 'deny' })
    const nav = new FakeEvent()
    other.emit('will-navigate', nav, 'https://evil.example/')
    expect(nav.defaultPrevented).toBe(true)
  })
})

describe('menu actions', () => {
  const menuItem = (top: string, label: string) => {
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[]
    const submenu = template.find((m) => m.label === top)?.submenu as MenuItemConstructorOptions[]
    return submenu.find((i) => i.label === label)?.click as () => void
  }

  it('关于 shows the version and the data folder', async () => {
    running = await start(['--data', tmp.dir])
    menuItem('帮助', '关于')()
    const [parent, options] = dialog.showMessageBox.mock.calls[0] as [unknown, { detail: string; title: string }]
    expect(parent).toBe(onlyWindow())
    expect(options.title).toBe('关于')
    expect(options.detail).toContain('0.1.0')
    expect(options.detail).toContain(tmp.dir)
  })

  it('打开数据文件夹 opens the data folder', async () => {
    running = await start(['--data', tmp.dir])
    menuItem('文件', '打开数据文件夹')()
    expect(shell.openPath).toHaveBeenCalledWith(tmp.dir)
  })
})

describe('data that cannot be opened', () => {
  it('a database from a newer version: error box, quit, nothing changed', async () => {
    const dir = path.join(tmp.dir, 'data')
    openApp({ dataDir: dir }).close()
    const file = path.join(dir, 'starsite.db')
    const db = new Database(file)
    db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2099-01-01')").run()
    db.close()
    const before = fs.readFileSync(file)

    expect(await start(['--data', dir])).toBeNull()
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1)
    const [title, message] = dialog.showErrorBox.mock.calls[0] as [string, string]
    expect(title).toBe('无法打开数据')
    expect(message).toMatch(/更新版本/)
    expect(app.quit).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(ipcMain.handlers.size).toBe(0)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    // The core that could not open the data does not linger.
    expect(UtilityProcess.running()).toEqual([])
  })

  it('a file that is not ours', async () => {
    const dir = path.join(tmp.dir, 'data')
    fs.mkdirSync(dir)
    const db = new Database(path.join(dir, 'starsite.db'))
    db.exec('CREATE TABLE other (x)')
    db.close()
    expect(await start(['--data', dir])).toBeNull()
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toMatch(/不是本系统的数据文件/)
    expect(app.quit).toHaveBeenCalled()
  })

  it('a data folder that is not a folder', async () => {
    const file = path.join(tmp.dir, 'plain-file')
    fs.writeFileSync(file, 'x')
    expect(await start(['--data', file])).toBeNull()
    const [title, message] = dialog.showErrorBox.mock.calls[0] as [string, string]
    expect(title).toBe('无法打开数据')
    expect(message).toContain(file)
    expect(app.quit).toHaveBeenCalled()
  })
})

describe('windows and quitting', () => {
  it('quitting waits for the core to close the database, then quits; the IPC handlers are gone', async () => {
    await start(['--data', tmp.dir])
    const wal = path.join(tmp.dir, 'starsite.db-wal')
    expect(fs.existsSync(wal)).toBe(true)
    const event = new FakeEvent()
    app.emit('will-quit', event)
    expect(event.defaultPrevented).toBe(true)
    expect(app.quit).not.toHaveBeenCalled()
    expect(ipcMain.handlers.size).toBe(0)
    await UtilityProcess.instances[0]?.exited
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1))
    // Closing the last connection checkpoints the WAL into the database and removes it.
    expect(fs.existsSync(wal)).toBe(false)
    const again = new FakeEvent()
    app.emit('will-quit', again)
    expect(again.defaultPrevented).toBe(false)
  })

  it('closing the last window quits, except on macOS where the Dock brings it back', async () => {
    running = await start(['--data', tmp.dir])
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalledTimes(1)
    await quitApp()
    running = null
    app.removeAllListeners()
    ipcMain.handlers.clear()
    BrowserWindow.instances.length = 0
    UtilityProcess.instances.length = 0
    vi.clearAllMocks()

    running = await start(['--data', tmp.dir], {}, 'darwin')
    const first = onlyWindow()
    first.emit('closed')
    app.emit('window-all-closed')
    expect(app.quit).not.toHaveBeenCalled()
    expect(running?.window()).toBeNull()
    app.emit('activate')
    expect(BrowserWindow.instances).toHaveLength(2)
    expect(running?.window()).toBe(BrowserWindow.instances[1])
  })
})

describe('the core process', () => {
  const ours = () => invokeEvent(onlyWindow().webContents)
  const invoke = (...args: unknown[]) => Promise.resolve(handler(IPC.invoke)(ours(), ...args)) as Promise<{ ok: boolean; error?: { code: string; message: string } }>
  const coreEvents = () => onlyWindow().webContents.send.mock.calls.filter(([c]) => c === IPC.coreEvent).map(([, s]) => s)

  it('relays contract calls to the core process', async () => {
    running = await start(['--data', tmp.dir])
    const result = (await invoke('settings.get', {})) as { ok: true; value: { dataDir: string } }
    expect(result).toMatchObject({ ok: true, value: { dataDir: tmp.dir } })
  })

  it('a crash: waiting calls get core-crashed, the window is told, and 重新启动 brings the core back on the same data', async () => {
    running = await start(['--data', tmp.dir])
    const waiting = invoke('settings.get', {})
    UtilityProcess.instances[0]!.crash(134)
    const answer = await waiting
    expect(answer.ok).toBe(false)
    expect(answer.error?.code).toBe('core-crashed')
    expect(answer.error?.message).toMatch(/后台处理进程意外退出/)
    await vi.waitFor(() => expect(coreEvents()).toHaveLength(1))
    const [crashed] = coreEvents() as { state: string; message: string }[]
    expect(crashed.state).toBe('crashed')
    expect(crashed.message).toMatch(/退出码 134/)
    expect(crashed.message).toMatch(/重新启动/)
    expect(await Promise.resolve(handler(IPC.coreStatus)(ours()))).toEqual(crashed)
    expect(fs.readFileSync(path.join(tmp.dir, 'logs', 'desktop.log'), 'utf8')).toMatch(/ERROR core: 后台处理进程意外退出/)

    expect(await Promise.resolve(handler(IPC.coreRestart)(ours()))).toEqual({ ok: true, value: null })
    expect(utilityProcess.fork).toHaveBeenCalledTimes(2)
    expect(coreEvents().slice(1)).toEqual([{ state: 'starting' }, { state: 'ready' }])
    expect(await invoke('settings.get', {})).toMatchObject({ ok: true, value: { dataDir: tmp.dir } })
  })

  it('a restart that cannot open the data says why and stays crashed', async () => {
    running = await start(['--data', tmp.dir])
    UtilityProcess.instances[0]!.crash(1)
    await vi.waitFor(() => expect(running?.core.status.state).toBe('crashed'))
    // Between the crash and the restart the data folder became a newer version's.
    const db = new Database(path.join(tmp.dir, 'starsite.db'))
    db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2099-01-01')").run()
    db.close()
    const result = (await Promise.resolve(handler(IPC.coreRestart)(ours()))) as { ok: boolean; error: { message: string } }
    expect(result.ok).toBe(false)
    expect(result.error.message).toMatch(/更新版本/)
    expect(running?.core.status).toEqual({ state: 'crashed', message: result.error.message })
    expect(coreEvents().at(-1)).toEqual({ state: 'crashed', message: result.error.message })
  })
})
