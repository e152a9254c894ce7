/**
 * Named points where an in-process test can step into a run (make a file vanish between the listing and the
 * copy, have a write fail as on a full disk). Nothing is registered outside tests, so a point costs one Map
 * lookup and does nothing. The crash tests' counterpart for a real CLI process is killPoint.ts.
 */
type Hook = (detail: string) => void

const hooks = new Map<string, Hook>()

/** Register `hook` at `name`, or remove it (undefined). Tests only. */
export function setTestHook(name: string, hook: Hook | undefined): void {
  if (hook) hooks.set(name, hook)
  else hooks.delete(name)
}

export function testHook(name: string, detail: string): void {
  hooks.get(name)?.(detail)
}
