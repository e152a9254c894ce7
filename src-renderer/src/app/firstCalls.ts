import { prefetch } from '../api/prefetch'
import { currentRoute } from './routes'

/**
 * The first screen's calls, started by the entry module before React renders (see api/prefetch.ts): the shell's
 * settings, and the registry when the app opens on it (the default page). Other pages ask when they mount.
 */
export function startFirstScreenCalls(): void {
  prefetch('settings.get', {})
  if (currentRoute() === 'sites') prefetch('sites.rows', { deleted: false })
}
