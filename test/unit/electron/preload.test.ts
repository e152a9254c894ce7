import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC, type StarsiteBridge } from '../../../src-main/api/bridge'
import { OP_NAMES } from '../../../src-main/api/contract'
import { contextBridge, ipcRenderer } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

let bridge: StarsiteBridge
let exposures: unknown[][]

beforeAll(async () => {
  // Loading the preload is what exposes the bridge, exactly as in the sandboxed renderer.
  await import('../../../src-main/electron/preload')
  bridge = contextBridge.exposed.get('starsite') as StarsiteBridge
  // Captured now: call history may be cleared between tests.
  exposures = contextBridge.exposeInMainWorld.mock.calls.map((c) => [...c])
})

beforeEach(() => {
  ipcRenderer.invoke.mockClear()
})

/** Every value reachable from the exposed object, to look for anything it should not carry. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>()
  const walk = (v: unknown) => {
    if (seen.has(v)) return
    seen.add(v)
    if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
      for (const key of Object.getOwnPropertyNames(v)) {
        const d = Object.getOwnPropertyDescriptor(v, key)
        if (d && 'value' in d) walk(d.value)
      }
    }
  }
  walk(root)
  return [...seen]
}

describe('preload', () => {
  it('exposes exactly one global, starsite', () => {
    expect(exposures).toHaveLength(1)
    expect(exposures[0]?.[0]).toBe('starsite')
    expect([...contextBridge.exposed.keys()]).toEqual(['starsite'])
  })

  it('has exactly the keys of StarsiteBridge', () => {
    expect(Object.keys(bridge).sort()).toEqual(['core', 'dialogs', 'invoke', 'onJobEvent', 'pathForFile', 'platform', 'shell'])
    expect(Object.keys(bridge.core).sort()).toEqual(['onStatus', 'restart', 'status'])
    expect(Object.keys(bridge.dialogs).sort()).toEqual(['openFiles', 'openFolder', 'saveFile'])
    expect(Object.keys(bridge.shell).sort()).toEqual(['openPath', 'showItemInFolder'])
    expect(bridge.platform).toBe(process.platform)
  })

  it('never exposes ipcRenderer or any of its methods', () => {
    const values = reachable(bridge)
    const forbidden: unknown[] = [ipcRenderer, ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.emit, ipcRenderer.removeListener]
    for (const f of forbidden) expect(values).not.toContain(f)
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc/i)
  })

  it('sends contract operations to the invoke channel', async () => {
    for (const name of OP_NAMES) {
      await bridge.invoke(name, { a: 1 }, 'job-abcdefgh')
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.invoke, name, { a: 1 }, 'job-abcdefgh')
    }
  })

  it('refuses names that are not in the contract without crossing to main', async () => {
    for (const name of ['sites.nope', '__proto__', 'toString', 'constructor', '']) {
      const result = await bridge.invoke(name, {})
      expect(result.ok).toBe(false)
      expect(!result.ok && result.error.code).toBe('unknown-operation')
      expect(!result.ok && result.error.message).toMatch(/未知的操作/)
    }
    await bridge.invoke(42 as unknown as string, {})
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('relays job events without the IPC event, and unsubscribes', () => {
    const received: unknown[][] = []
    const off = bridge.onJobEvent((...args: unknown[]) => received.push(args))
    const payload = { jobId: 'job-abcdefgh', phase: 'tables', done: 1, total: 3 }
    ipcRenderer.emit(IPC.jobEvent, { sender: ipcRenderer }, payload)
    expect(received).toEqual([[payload]])
    off()
    expect(ipcRenderer.listenerCount(IPC.jobEvent)).toBe(0)
    ipcRenderer.emit(IPC.jobEvent, { sender: ipcRenderer }, payload)
    expect(received).toHaveLength(1)
  })

  it('relays the core status without the IPC event, and sends 重新启动 to its channel', async () => {
    const received: unknown[][] = []
    const off = bridge.core.onStatus((...args: unknown[]) => received.push(args))
    const crashed = { state: 'crashed', message: '后台处理进程意外退出' }
    ipcRenderer.emit(IPC.coreEvent, { sender: ipcRenderer }, crashed)
    expect(received).toEqual([[crashed]])
    off()
    expect(ipcRenderer.listenerCount(IPC.coreEvent)).toBe(0)
    await bridge.core.restart()
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.coreRestart)
    await bridge.core.status()
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.coreStatus)
  })

  it('routes dialogs and shell calls to their own channels', async () => {
    await bridge.dialogs.openFiles({ title: 't', multiple: true })
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.dialogOpenFiles, { title: 't', multiple: true })
    await bridge.dialogs.openFolder({})
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.dialogOpenFolder, {})
    await bridge.dialogs.saveFile({ defaultName: 'a.zip' })
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.dialogSaveFile, { defaultName: 'a.zip' })
    await bridge.shell.openPath('/d/outputs/a.docx')
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.shellOpenPath, '/d/outputs/a.docx')
    await bridge.shell.showItemInFolder('/d/outputs/a.docx')
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.shellShowItem, '/d/outputs/a.docx')
  })

  it('gives the disk path of a dropped file through webUtils, and an empty string when there is none', () => {
    expect(bridge.pathForFile({ name: '推荐函.pdf' } as File)).toBe('/dropped/推荐函.pdf')
    expect(bridge.pathForFile({ name: 'no-path' } as File)).toBe('')
  })
})
