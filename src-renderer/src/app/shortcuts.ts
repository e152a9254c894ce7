/**
 * Keyboard shortcuts for the common actions, in one table that the help dialog lists. Ctrl (⌘ on macOS)
 * shortcuts work in the desktop app; a browser keeps Ctrl+N and Ctrl+1…9 for itself, so Alt variants
 * do the same there.
 */
import { useHotkeys, type HotkeyItem } from '@mantine/hooks'
import { navigate, ROUTES, useRoute, type RouteKey } from './routes'

export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
export const modKey = (): string => (isMac() ? '⌘' : 'Ctrl')

export interface ShortcutHelp {
  keys: string
  action: string
}

/** What the help dialog shows, in the order a person looks for it. */
export function shortcutHelp(): ShortcutHelp[] {
  const mod = modKey()
  return [
    { keys: `${mod}+N（浏览器中 Alt+N）`, action: '新建现场（在“推荐现场”页）' },
    { keys: `${mod}+F`, action: '定位到本页的搜索框' },
    ...ROUTES.slice(0, 9).map((r, i) => ({ keys: `${mod}+${i + 1}（浏览器中 Alt+${i + 1}）`, action: `打开“${r.label}”` })),
    { keys: `${mod}+0（浏览器中 Alt+0）`, action: `打开“${ROUTES[9].label}”` },
    { keys: '? 或 F1', action: '显示本快捷键列表' },
    { keys: 'Esc', action: '关闭对话框或抽屉' },
  ]
}

function clickButton(text: string): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>('main button')].find((b) => b.textContent?.trim() === text && !b.disabled)
  button?.click()
  return Boolean(button)
}

function focusSearch(): void {
  const input = document.querySelector<HTMLInputElement>('main input[aria-label^="搜索"], main input[placeholder^="搜索"], main input[placeholder^="输入关键字"]')
  input?.focus()
  input?.select()
}

function newSite(route: RouteKey): void {
  if (route === 'sites' && clickButton('新建现场')) return
  navigate('sites')
  // The page mounts on the next frames; try a few times, then give up quietly.
  let tries = 0
  const retry = () => {
    if (clickButton('新建现场') || ++tries > 20) return
    window.setTimeout(retry, 50)
  }
  window.setTimeout(retry, 50)
}

/** Mounted once in the shell. `openHelp` shows the list; shortcuts with a modifier also work inside inputs. */
export function useShortcuts(openHelp: () => void): void {
  const route = useRoute()
  const go = (i: number) => () => {
    const target = ROUTES[i]
    if (target) navigate(target.key)
  }
  const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]
  const withModifier: HotkeyItem[] = [
    ['mod+N', () => newSite(route)],
    ['alt+N', () => newSite(route), { usePhysicalKeys: true }],
    ['mod+F', focusSearch],
    ...digits.map((d, i): HotkeyItem => [`mod+${d}`, go(i)]),
    ...digits.map((d, i): HotkeyItem => [`alt+digit${d}`, go(i), { usePhysicalKeys: true }]),
    ['F1', openHelp],
  ]
  useHotkeys(withModifier, [])
  // Plain “?” only outside text fields, where it is a character someone is typing.
  useHotkeys([['shift+?', openHelp]])
}
