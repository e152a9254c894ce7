/**
 * Runs sandboxed before the page: exposes `window.starsite` and nothing else. The page never touches
 * ipcRenderer; every function of the bridge sends to one fixed channel.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createBridge } from './bridgeClient'

contextBridge.exposeInMainWorld('starsite', createBridge(ipcRenderer, process.platform, webUtils))
