import { useEffect, useState } from 'react'

/** The navigation rail of DESIGN §9, in order. */
export const ROUTES = [
  { key: 'overview', label: '总览' },
  { key: 'sites', label: '推荐现场' },
  { key: 'import', label: '导入' },
  { key: 'training', label: '培训记录' },
  { key: 'review', label: '审核' },
  { key: 'letters', label: '推荐函' },
  { key: 'bundle', label: '报送包' },
  { key: 'results', label: '评定结果' },
  { key: 'settings', label: '设置' },
  { key: 'audit', label: '操作日志' },
] as const

export type RouteKey = (typeof ROUTES)[number]['key']

const DEFAULT_ROUTE: RouteKey = 'sites'

const isRouteKey = (value: string): value is RouteKey => ROUTES.some((r) => r.key === value)

/** The page the URL names now (the default page when it names none). */
export function currentRoute(): RouteKey {
  const key = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return isRouteKey(key) ? key : DEFAULT_ROUTE
}

export const routeHref = (key: RouteKey): string => `#/${key}`

export function navigate(key: RouteKey): void {
  window.location.hash = `/${key}`
}

/** The current page, kept in the URL hash so a reload stays on it. */
export function useRoute(): RouteKey {
  const [route, setRoute] = useState<RouteKey>(currentRoute)
  useEffect(() => {
    const onChange = () => setRoute(currentRoute())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
