import { Menu } from '@mantine/core'
import { HelpButton } from './HelpButton'

/** The 帮助 dropdown: its own chunk, since the menu's positioning code is not needed for the first screen. */
export function HelpMenu({ onHelp, onAbout }: { onHelp(): void; onAbout(): void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <HelpButton />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onHelp}>键盘快捷键</Menu.Item>
        <Menu.Item onClick={onAbout}>关于</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
