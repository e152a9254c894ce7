import { useEffect, useState } from 'react'

/** The national office's navigation rail, in order. */
export const OFFICE_ROUTES = [
  { key: 'overview', label: '总览' },
  { key: 'bundles', label: '报送包' },
  { key: 'register', label: '全国名册' },
  { key: 'duplicates', label: '重复申报' },
  { key: 'keys', label: '公钥' },
  { key: 'results', label: '评定结果' },
  { key: 'audit', label: '操作日志' },
  { key: 'settings', label: '设置' },
] as const

export type OfficeRouteKey = (typeof OFFICE_ROUTES)[number]['key']

const DEFAULT_ROUTE: OfficeRouteKey = 'overview'

const isOfficeRoute = (value: string): value is OfficeRouteKey => OFFICE_ROUTES.some((r) => r.key === value)

function readHash(): OfficeRouteKey {
  const key = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return isOfficeRoute(key) ? key : DEFAULT_ROUTE
}

export const officeHref = (key: OfficeRouteKey): string => `#/${key}`

export function officeNavigate(key: OfficeRouteKey): void {
  window.location.hash = `/${key}`
}

/** The office's current page, kept in the URL hash like the province's. */
export function useOfficeRoute(): OfficeRouteKey {
  const [route, setRoute] = useState<OfficeRouteKey>(readHash)
  useEffect(() => {
    const onChange = () => setRoute(readHash())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
