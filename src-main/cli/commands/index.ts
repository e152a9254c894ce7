import type { Command } from '../command'
import { initCommand } from './init'
import { listCommand } from './list'
import { serveCommand } from './serve'

/** Every command, in the order the help lists them. */
export const COMMANDS: Command[] = [initCommand, listCommand, serveCommand]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name)
}
