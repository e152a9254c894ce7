import { AppShell, Badge, Group, NavLink, Text, Title } from '@mantine/core'
import { ErrorAlert } from '../../components/ErrorAlert'
import { CoreCrashBanner } from '../CoreCrashBanner'
import { OfficePage } from './OfficePages'
import { OfficeProfileProvider, useOfficeProfile } from './OfficeProfileContext'
import { OFFICE_ROUTES, officeHref, useOfficeRoute } from './officeRoutes'

/** The national office's app (全国推进办公室): its own rail and pages over the office's data folder. */
export function OfficeApp() {
  return (
    <OfficeProfileProvider>
      <OfficeShell />
    </OfficeProfileProvider>
  )
}

function OfficeShell() {
  const route = useOfficeRoute()
  const { profile, error, reload } = useOfficeProfile()
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={1} size="h4">
              星级服务现场推荐报送系统
            </Title>
            <Badge variant="light" color="grape" size="lg" radius="sm" data-testid="office-role-badge">
              全国推进办公室
            </Badge>
            {profile && (
              <Badge variant="light" size="lg" radius="sm">
                {profile.year} 年度
              </Badge>
            )}
          </Group>
          <Text fw={500} truncate>
            {profile?.shortName ?? ''}
          </Text>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="主导航">
        <div style={{ overflowY: 'auto', minHeight: 0 }}>
          {OFFICE_ROUTES.map((r) => (
            <NavLink
              key={r.key}
              href={officeHref(r.key)}
              label={r.label}
              active={route === r.key}
              aria-current={route === r.key ? 'page' : undefined}
            />
          ))}
        </div>
      </AppShell.Navbar>

      <AppShell.Main>
        <CoreCrashBanner />
        {error !== null && !profile && <ErrorAlert title="无法读取推进办公室信息" error={error} onRetry={() => void reload()} />}
        <OfficePage route={route} />
      </AppShell.Main>
    </AppShell>
  )
}
