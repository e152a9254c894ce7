import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { installMenu, menuTemplate, type MenuActions } from '../../../src-main/electron/menu'
import { Menu } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const actions = (over: Partial<MenuActions> = {}): MenuActions => ({
  appName: '星级服务现场推荐报送系统',
  isMac: false,
  isPackaged: true,
  openDataDir: vi.fn(),
  showAbout: vi.fn(),
  ...over,
})

const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[]
const find = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => m.label === label)
const roles = (menu: MenuItemConstructorOptions | undefined) => items(menu).map((i) => i.role).filter(Boolean)
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.()

describe('application menu', () => {
  it('has the Chinese top-level menus in order', () => {
    expect(menuTemplate(actions()).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助'])
  })

  it('文件 opens the data folder and quits', () => {
    const a = actions()
    const file = items(find(menuTemplate(a), '文件'))
    click(find(file, '打开数据文件夹'))
    expect(a.openDataDir).toHaveBeenCalledTimes(1)
    expect(find(file, '退出')?.role).toBe('quit')
  })

  it('编辑 uses the standard roles with Chinese labels', () => {
    const edit = find(menuTemplate(actions()), '编辑')
    expect(roles(edit)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    expect(items(edit).filter((i) => i.role).map((i) => i.label)).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选'])
  })

  it('视图 offers developer tools only in development', () => {
    const packaged = find(menuTemplate(actions({ isPackaged: true })), '视图')
    expect(roles(packaged)).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(items(packaged).filter((i) => i.role).map((i) => i.label)).toEqual(['重新加载', '实际大小', '放大', '缩小', '全屏'])
    expect(roles(find(menuTemplate(actions({ isPackaged: false })), '视图'))).toContain('toggleDevTools')
  })

  it('帮助 > 关于 shows the about box', () => {
    const a = actions()
    click(find(items(find(menuTemplate(a), '帮助')), '关于'))
    expect(a.showAbout).toHaveBeenCalledTimes(1)
  })

  it('on macOS the first menu is the app menu, which quits', () => {
    const t = menuTemplate(actions({ isMac: true }))
    expect(t.map((m) => m.label)).toEqual(['星级服务现场推荐报送系统', '文件', '编辑', '视图', '窗口', '帮助'])
    expect(roles(t[0])).toContain('quit')
    expect(roles(find(t, '文件'))).not.toContain('quit')
  })

  it('every labelled item is Chinese', () => {
    const walk = (t: MenuItemConstructorOptions[]): string[] => t.flatMap((m) => [m.label ?? '', ...walk(items(m))])
    for (const label of walk(menuTemplate(actions({ isMac: true, isPackaged: false }))).filter(Boolean)) {
      expect(label).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('installs the template as the application menu', () => {
    installMenu(actions())
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(1)
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]?.value)
  })
})
