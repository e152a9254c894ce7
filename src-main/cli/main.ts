/**
 * The `starsite` command: parse, open the data folder, run one command through dispatch, map the outcome to
 * an exit code (0 done, 1 the domain said no, 2 bad usage or input), and always close the database.
 */
import { pendingDailyBackup } from '../services/backup/create'
import pkg from '../../package.json'
import { toErrorShape } from '../api/dispatch'
import type { ErrorShape } from '../api/define'
import { describeStartupRestore } from '../services/backup/scheduled'
import { openApp, type AppContext } from '../services/context'
import { openSession, type Session } from '../services/session'
import { resolveDataDir } from '../services/dataDir'
import { parseArgs, resolveOptions, UsageError } from './args'
import { CommandFailure } from './command'
import { COMMANDS, findCommand } from './commands'
import { Output, type Streams } from './output'
import { commandUsage, generalUsage } from './usage'

export const EXIT_OK = 0
export const EXIT_REFUSED = 1
export const EXIT_USAGE = 2

/** invalid-input is the user's input being wrong (2); everything else the domain or the machine refused (1). */
export function exitCodeFor(error: Pick<ErrorShape, 'code'>): number {
  return error.code === 'invalid-input' || error.code === 'usage' ? EXIT_USAGE : EXIT_REFUSED
}

function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string) => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}

export async function main(argv: string[], streams?: Streams, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Known before parsing can fail, so that even a usage error honours --json.
  const out = new Output(argv.includes('--json'), streams)
  let app: AppContext | undefined
  let session: Session | undefined
  try {
    const parsed = parseArgs(argv)
    const { globals } = parsed
    if (globals.version) {
      out.data(pkg.version)
      out.document({ version: pkg.version })
      return EXIT_OK
    }
    let name = parsed.command
    if (name === 'help') {
      const topic = parsed.positionals[0]
      const cmd = topic ? findCommand(topic) : undefined
      if (topic && !cmd) throw new UsageError(`没有名为“${topic}”的命令`)
      out.info(cmd ? commandUsage(cmd) : generalUsage())
      return EXIT_OK
    }
    if (name === undefined) {
      if (globals.help) {
        out.info(generalUsage())
        return EXIT_OK
      }
      throw new UsageError('缺少命令')
    }
    const command = findCommand(name)
    if (!command) throw new UsageError(`未知的命令“${name}”，可用的命令：${COMMANDS.map((c) => c.name).join('、')}`)
    if (globals.help) {
      out.info(commandUsage(command))
      return EXIT_OK
    }
    name = command.name
    const { options, positionals } = resolveOptions(parsed, name, command.options)
    if (positionals.length && !command.acceptsPositionals) throw new UsageError(`命令 ${name} 不接受参数“${positionals.join(' ')}”`, name)
    const dataDir = resolveDataDir(globals.data, env)
    return await command.run({
      options,
      positionals,
      out,
      dataDir,
      openApp: () => {
        if (app) return app
        if (session) throw new Error('openApp after openSession')
        app = openApp({ dataDir })
        // A restore scheduled in the window may happen at this command's start: say so, not only in the log.
        const { message } = describeStartupRestore(app.startupRestore)
        if (message) out.info(message)
        return app
      },
      openSession: () => {
        if (session) return session
        if (app) throw new Error('openSession after openApp')
        session = openSession({ dataDir })
        if (session.state.role === 'province') {
          const { message } = describeStartupRestore(session.state.app.startupRestore)
          if (message) out.info(message)
        }
        return session
      },
      stopSignal: waitForStop,
    })
  } catch (error) {
    if (error instanceof UsageError) {
      out.error({ code: 'usage', message: error.message })
      const cmd = error.command ? findCommand(error.command) : undefined
      out.info('')
      out.info(cmd ? commandUsage(cmd) : generalUsage())
      return EXIT_USAGE
    }
    const shape = error instanceof CommandFailure ? error.error : toErrorShape(error)
    out.error(shape)
    return exitCodeFor(shape)
  } finally {
    try {
      // Let the once-a-day backup that opening started finish, rather than cut it off at exit.
      const province = app ?? (session?.state.role === 'province' ? session.state.app : undefined)
      if (province) await pendingDailyBackup(province.db)?.catch(() => null)
      app?.close()
      session?.close()
    } catch {
      // Closing is best effort at exit; the result was already reported.
    }
  }
}

// Run only as the entry point, so tests may import main() without side effects.
const entry = process.argv[1] ?? ''
if (/[\\/]cli[\\/]main\.[cm]?[jt]s$/.test(entry)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      process.stderr.write(`内部错误：${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    },
  )
}
