/**
 * Entry of the core process (built to out/main/core.js): Electron's utility process in the desktop app, or a
 * Node child process with an IPC channel in the relay tests and the bench. Either way the same messages.
 */
import { serveCore } from './coreHost'
import { parentPortPort, processPort, type ParentPortLike } from './ports'

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort

if (parentPort) {
  serveCore(parentPortPort(parentPort))
} else if (process.send) {
  const host = serveCore(processPort(process))
  // The parent is gone (closed its end, or died): nobody is left to answer, so close the database and go.
  process.once('disconnect', () => {
    host.dispose()
    process.exit(0)
  })
} else {
  process.stderr.write('starsite core: 只能由桌面程序启动\n')
  process.exitCode = 1
}
