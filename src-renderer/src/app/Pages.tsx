import { ComingSoon } from '../components/ComingSoon'
import { AuditPage } from '../pages/audit/AuditPage'
import { SettingsPage } from '../pages/settings/SettingsPage'
import { SitesPage } from '../pages/sites/SitesPage'
import { ROUTES, type RouteKey } from './routes'

export function Page({ route }: { route: RouteKey }) {
  switch (route) {
    case 'sites':
      return <SitesPage />
    case 'settings':
      return <SettingsPage />
    case 'audit':
      return <AuditPage />
    default:
      return <ComingSoon title={ROUTES.find((r) => r.key === route)?.label ?? ''} />
  }
}
