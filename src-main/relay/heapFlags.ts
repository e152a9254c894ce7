/**
 * V8 flags for the core process, by the role of the folder it opens.
 *
 * The national office's core caps V8's young generation at 16 MiB a semi-space. On a machine with RAM to spare,
 * Node lets new space grow to 128 MiB during a long, briskly allocating job, and the office's biggest job —
 * receiving 31 provinces' bundles — then peaks at ~245 MB (the budget is 250); capped, ~200 MB
 * (`npm run bench office-receive`, which forks the built core with these flags). A province's core keeps V8's
 * default: the cap made 1,000 letters 15–25 % slower there, with nothing of that size to save.
 *
 * The desktop picks the flags each time it starts the core (electron/coreProcess.ts), so a folder that has just
 * become an office's runs capped from the next start. The CLI and browser mode run the core in their own
 * process with Node's defaults.
 */
import { isOfficeFolder } from '../services/office/folder'

export const OFFICE_CORE_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=16']

export function coreExecArgv(dataDir: string): string[] {
  return isOfficeFolder(dataDir) ? [...OFFICE_CORE_EXEC_ARGV] : []
}
