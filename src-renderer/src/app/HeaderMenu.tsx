import { lazy, Suspense, useState } from 'react'
import { AfterFirstScreen } from '../components/AfterFirstScreen'
import { HelpButton } from './HelpButton'
import { useShortcuts } from './shortcuts'

// Fetched after the first screen, or when first opened.
const HelpMenu = lazy(async () => ({ default: (await import('./HelpMenu')).HelpMenu }))
const HelpDialog = lazy(async () => ({ default: (await import('./HelpDialog')).HelpDialog }))
const AboutDialog = lazy(async () => ({ default: (await import('./AboutDialog')).AboutDialog }))

/** The header's 帮助 menu (键盘快捷键, 关于) and the app-wide keyboard shortcuts. */
export function HeaderMenu() {
  const [dialog, setDialog] = useState<'help' | 'about' | null>(null)
  // A dialog stays mounted once opened, so closing it keeps its transition.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set())
  const show = (which: 'help' | 'about') => {
    setDialog(which)
    setOpened((o) => (o.has(which) ? o : new Set(o).add(which)))
  }
  useShortcuts(() => show('help'))
  return (
    <>
      <AfterFirstScreen fallback={<HelpButton />}>
        <HelpMenu onHelp={() => show('help')} onAbout={() => show('about')} />
      </AfterFirstScreen>
      <Suspense fallback={null}>
        {opened.has('help') && <HelpDialog opened={dialog === 'help'} onClose={() => setDialog(null)} />}
        {opened.has('about') && <AboutDialog opened={dialog === 'about'} onClose={() => setDialog(null)} />}
      </Suspense>
    </>
  )
}
