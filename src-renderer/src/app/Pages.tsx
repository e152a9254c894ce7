import { ComingSoon } from '../components/ComingSoon'
import { AuditPage } from '../pages/audit/AuditPage'
import { BundlePage } from '../pages/bundle/BundlePage'
import { LettersPage } from '../pages/letters/LettersPage'
import { ImportPage } from '../pages/import/ImportPage'
import { DashboardPage } from '../pages/dashboard/DashboardPage'
import { ReviewPage } from '../pages/review/ReviewPage'
import { ResultsPage } from '../pages/results/ResultsPage'
import { SettingsPage } from '../pages/settings/SettingsPage'
import { SitesPage } from '../pages/sites/SitesPage'
import { TrainingPage } from '../pages/training/TrainingPage'
import { ROUTES, type RouteKey } from './routes'

export function Page({ route }: { route: RouteKey }) {
  switch (route) {
    case 'sites':
      return <SitesPage />
    case 'settings':
      return <SettingsPage />
    case 'import':
      return <ImportPage />
    case 'training':
      return <TrainingPage />
    case 'overview':
      return <DashboardPage />
    case 'review':
      return <ReviewPage />
    case 'audit':
      return <AuditPage />
    case 'results':
      return <ResultsPage />
    case 'letters':
      return <LettersPage />
    case 'bundle':
      return <BundlePage />
    default:
      return <ComingSoon title={ROUTES.find((r) => r.key === route)?.label ?? ''} />
  }
}
