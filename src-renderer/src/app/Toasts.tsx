import { Notifications } from '@mantine/notifications'

/**
 * The toasts' container, in a module of its own so main.tsx can load it after the first screen (a dynamic
 * import of the package itself would make every page that merely raises a toast load the container too).
 */
export function Toasts() {
  return <Notifications position="bottom-left" limit={4} />
}
