import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  appName: string
  isMac: boolean
  /** Developer tools only in development builds: a clerk has no use for them. */
  isPackaged: boolean
  openDataDir(): void
  showAbout(): void
}

export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' }
  const about: MenuItemConstructorOptions = { label: '关于', click: () => a.showAbout() }
  const openData: MenuItemConstructorOptions = { label: '打开数据文件夹', click: () => a.openDataDir() }

  const macApp: MenuItemConstructorOptions = {
    label: a.appName,
    submenu: [
      { ...about, label: `关于${a.appName}` },
      sep,
      { role: 'services', label: '服务' },
      sep,
      { role: 'hide', label: `隐藏${a.appName}` },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      sep,
      { role: 'quit', label: '退出' },
    ],
  }
  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: a.isMac ? [openData, sep, { role: 'close', label: '关闭窗口' }] : [openData, sep, { role: 'quit', label: '退出' }],
  }
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      sep,
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { role: 'reload', label: '重新加载' },
      ...(a.isPackaged ? [] : [{ role: 'toggleDevTools', label: '开发者工具' } as const]),
      sep,
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      sep,
      { role: 'togglefullscreen', label: '全屏' },
    ],
  }
  const windowMenu: MenuItemConstructorOptions = {
    label: '窗口',
    submenu: a.isMac
      ? [{ role: 'minimize', label: '最小化' }, { role: 'zoom', label: '缩放' }, sep, { role: 'front', label: '全部置于顶层' }]
      : [{ role: 'minimize', label: '最小化' }, { role: 'close', label: '关闭' }],
  }
  const help: MenuItemConstructorOptions = { label: '帮助', role: 'help', submenu: [about] }

  return [...(a.isMac ? [macApp] : []), file, edit, view, windowMenu, help]
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)))
}
