import { Center, Loader } from '@mantine/core'
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react'
import { FirstScreenShown } from '../../components/AfterFirstScreen'
import type { OfficeRouteKey } from './officeRoutes'

/** One chunk per office page, fetched when first shown (as the province's pages). */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: (await load())[name] }))

const PAGES: Record<OfficeRouteKey, LazyExoticComponent<ComponentType>> = {
  overview: page(() => import('../../pages/office/overview/OfficeOverviewPage'), 'OfficeOverviewPage'),
  bundles: page(() => import('../../pages/office/bundles/OfficeBundlesPage'), 'OfficeBundlesPage'),
  register: page(() => import('../../pages/office/register/RegisterPage'), 'RegisterPage'),
  duplicates: page(() => import('../../pages/office/duplicates/DuplicatesPage'), 'DuplicatesPage'),
  keys: page(() => import('../../pages/office/keys/KeysPage'), 'KeysPage'),
  results: page(() => import('../../pages/office/results/OfficeResultsPage'), 'OfficeResultsPage'),
  audit: page(() => import('../../pages/office/audit/OfficeAuditPage'), 'OfficeAuditPage'),
  settings: page(() => import('../../pages/office/settings/OfficeSettingsPage'), 'OfficeSettingsPage'),
}

const fallback = (
  <Center py="xl">
    <Loader size="sm" aria-label="正在打开页面" />
  </Center>
)

export function OfficePage({ route }: { route: OfficeRouteKey }) {
  const Component = PAGES[route]
  return (
    <Suspense fallback={fallback}>
      <Component />
      {/* The office's first page is its first screen: toasts and menus wait for it, not for a 3 s fallback. */}
      <FirstScreenShown />
    </Suspense>
  )
}
