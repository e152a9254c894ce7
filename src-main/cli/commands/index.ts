import type { Command } from '../command'
import { initCommand } from './init'
import { listCommand } from './list'
import { serveCommand } from './serve'
import { bundleCommand } from './bundle'
import { verifyCommand } from './verify'
import { checkCommand } from './check'
import { attachCommand } from './attach'
import { templateCommand } from './template'
import { importCommand } from './import'
import { trainingCommand } from './training'
import { backupCommand } from './backup'
import { restoreCommand } from './restore'
import { lettersCommand } from './letters'
import { sitesCommand } from './sites'
import { resultsCommand } from './results'
import { officeCommand } from './office'

/** Every command, in the order the help lists them: the order of a clerk's year. */
export const COMMANDS: Command[] = [
  initCommand,
  templateCommand,
  importCommand,
  trainingCommand,
  attachCommand,
  listCommand,
  sitesCommand,
  checkCommand,
  lettersCommand,
  bundleCommand,
  verifyCommand,
  resultsCommand,
  backupCommand,
  restoreCommand,
  serveCommand,
  officeCommand,
]

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name)
}
