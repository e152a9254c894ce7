/**
 * The core door without a core process: dispatch on an app context of this process. For tests of the IPC
 * door; the desktop app itself always goes through the relay.
 */
import type { CoreStatus } from '../api/bridge'
import type { Envelope } from '../api/define'
import { dispatch } from '../api/dispatch'
import type { AppContext } from '../services/context'
import type { Session } from '../services/session'

export function inProcessCore(app: AppContext | Session) {
  const ready: CoreStatus = { state: 'ready' }
  return {
    status: ready,
    call: (name: unknown, input: unknown, jobId?: string) => dispatch(app, name, input, { jobId }),
    onJobEvent: (listener: Parameters<Session['jobs']['subscribe']>[0]) => app.jobs.subscribe(listener),
    // Nothing to restart and nothing ever changes: the context lives as long as the test.
    onStatus: (_listener: (status: CoreStatus) => void) => () => {},
    restart: (): Promise<Envelope<null>> => Promise.resolve({ ok: true, value: null }),
  }
}
