import { lazy, Suspense } from 'react'
import { AppShell, Badge, Group, NavLink, Text, Title } from '@mantine/core'
import { FirstScreenShown } from '../components/AfterFirstScreen'
import { ErrorAlert } from '../components/ErrorAlert'
import { AssociationBanner } from './AssociationBanner'
import { CoreCrashBanner } from './CoreCrashBanner'
import { HeaderMenu } from './HeaderMenu'
import { Page } from './Pages'
import { ROUTES, routeHref, useRoute } from './routes'
import { SettingsProvider, useSettings } from './SettingsContext'
import { StartupRestoreNotice } from './StartupRestoreNotice'

// Shown once per data folder: not part of the everyday first screen.
const FirstRunWizard = lazy(async () => ({ default: (await import('./FirstRunWizard')).FirstRunWizard }))

export function App() {
  return (
    <SettingsProvider>
      <Shell />
    </SettingsProvider>
  )
}

function Shell() {
  const route = useRoute()
  const { settings, error, reload } = useSettings()
  const association = settings?.association ?? null
  const campaign = settings?.campaign ?? null

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h4">
              星级服务现场推荐报送系统
            </Title>
            {campaign && (
              <Badge variant="light" size="lg" radius="sm">
                {campaign.year} 年度
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text fw={500} c={association ? undefined : 'dimmed'} truncate>
              {association ? association.shortName : settings ? '未设置协会' : ''}
            </Text>
            <HeaderMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="主导航">
        {/* A plain scrolling box: Mantine's ScrollArea brings positioning code the first screen does not need. */}
        <div style={{ overflowY: 'auto', minHeight: 0 }}>
          {ROUTES.map((r) => (
            <NavLink
              key={r.key}
              href={routeHref(r.key)}
              label={r.label}
              active={route === r.key}
              aria-current={route === r.key ? 'page' : undefined}
            />
          ))}
        </div>
      </AppShell.Navbar>

      <AppShell.Main>
        <CoreCrashBanner />
        <StartupRestoreNotice />
        {error !== null && !settings && (
          <ErrorAlert title="无法读取设置" error={error} onRetry={() => void reload()} />
        )}
        {settings && !association && route === 'settings' && <AssociationBanner onSettingsPage />}
        {settings && !association && route !== 'settings' ? (
          <Suspense fallback={null}>
            <FirstRunWizard />
            <FirstScreenShown />
          </Suspense>
        ) : <Page route={route} />}
      </AppShell.Main>
    </AppShell>
  )
}
