import { Button, Menu } from '@mantine/core'
import { useState } from 'react'
import { AboutDialog } from './AboutDialog'
import { HelpDialog } from './HelpDialog'
import { useShortcuts } from './shortcuts'

/** The header's 帮助 menu (键盘快捷键, 关于) and the app-wide keyboard shortcuts. */
export function HeaderMenu() {
  const [dialog, setDialog] = useState<'help' | 'about' | null>(null)
  useShortcuts(() => setDialog('help'))
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" size="compact-sm">
            帮助
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('help')}>键盘快捷键</Menu.Item>
          <Menu.Item onClick={() => setDialog('about')}>关于</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <HelpDialog opened={dialog === 'help'} onClose={() => setDialog(null)} />
      <AboutDialog opened={dialog === 'about'} onClose={() => setDialog(null)} />
    </>
  )
}
