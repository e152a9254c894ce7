/** What every command is and gets. One file per command under commands/, listed in commands/index.ts. */
import type { ErrorShape } from '../api/define'
import type { Envelope } from '../api/define'
import type { AppContext } from '../services/context'
import type { Session } from '../services/session'
import type { OptionSpecs, OptionValues } from './args'
import type { Output } from './output'

export interface CommandContext {
  options: OptionValues
  positionals: string[]
  out: Output
  dataDir: string
  /** Opens the data folder once; main closes it whatever happens. */
  openApp(): AppContext
  /** Opens the data folder once in the role its database names (office or province), for serve; main closes it. */
  openSession(): Session
  /** Resolves when the user presses Ctrl+C or the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal(): Promise<string>
}

export interface Command {
  name: string
  /** One Chinese line for the general help. */
  summary: string
  /** The synopsis after `starsite`, e.g. "list [--deleted] [--json]". */
  synopsis: string
  options: OptionSpecs
  /** Takes positional arguments (e.g. FILE); the command checks their number itself. Default: none allowed. */
  acceptsPositionals?: boolean
  /** Extra Chinese lines for `starsite help <command>`. */
  notes?: string[]
  /** Returns the exit code; domain failures are thrown as CommandFailure (or AppError). */
  run(ctx: CommandContext): Promise<number>
}

/** A refusal from the domain (an error envelope), carried to main which maps it to an exit code. */
export class CommandFailure extends Error {
  constructor(readonly error: ErrorShape) {
    super(error.message)
    this.name = 'CommandFailure'
  }
}

/** The value of a successful envelope, or throw its error for main to report. */
export function unwrap<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new CommandFailure(envelope.error)
  return envelope.value as T
}
