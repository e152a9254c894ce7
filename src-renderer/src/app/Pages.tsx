import { Center, Loader } from '@mantine/core'
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react'
import { FirstScreenShown } from '../components/AfterFirstScreen'
import { ComingSoon } from '../components/ComingSoon'
import { ROUTES, type RouteKey } from './routes'

/**
 * One chunk per page, fetched when the page is first shown: the first screen parses its own page only,
 * not the whole application.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: (await load())[name] }))

const PAGES: Partial<Record<RouteKey, LazyExoticComponent<ComponentType>>> = {
  sites: page(() => import('../pages/sites/SitesPage'), 'SitesPage'),
  settings: page(() => import('../pages/settings/SettingsPage'), 'SettingsPage'),
  import: page(() => import('../pages/import/ImportPage'), 'ImportPage'),
  training: page(() => import('../pages/training/TrainingPage'), 'TrainingPage'),
  overview: page(() => import('../pages/dashboard/DashboardPage'), 'DashboardPage'),
  review: page(() => import('../pages/review/ReviewPage'), 'ReviewPage'),
  audit: page(() => import('../pages/audit/AuditPage'), 'AuditPage'),
  results: page(() => import('../pages/results/ResultsPage'), 'ResultsPage'),
  letters: page(() => import('../pages/letters/LettersPage'), 'LettersPage'),
  bundle: page(() => import('../pages/bundle/BundlePage'), 'BundlePage'),
}

/** Pages that say themselves when their first screen is shown (once their data is on screen). */
const MARKS_FIRST_SCREEN: ReadonlySet<RouteKey> = new Set(['sites'])

const fallback = (
  <Center py="xl">
    <Loader size="sm" aria-label="正在打开页面" />
  </Center>
)

export function Page({ route }: { route: RouteKey }) {
  const Component = PAGES[route]
  if (!Component) return <ComingSoon title={ROUTES.find((r) => r.key === route)?.label ?? ''} />
  return (
    <Suspense fallback={fallback}>
      <Component />
      {!MARKS_FIRST_SCREEN.has(route) && <FirstScreenShown />}
    </Suspense>
  )
}
