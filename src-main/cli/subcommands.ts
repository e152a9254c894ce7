/**
 * Commands with subcommands (sites status|list|resume, results import|list|…): the first positional names
 * the subcommand, and each subcommand accepts only its own options — a flag meant for another one is a usage
 * error naming it, rather than silently ignored.
 */
import { UsageError, type OptionValues } from './args'

export function pickSubcommand(
  command: string,
  positionals: string[],
  options: OptionValues,
  allowed: Record<string, string[]>,
): { sub: string; args: string[] } {
  const [sub, ...args] = positionals
  const names = Object.keys(allowed)
  if (!sub) throw new UsageError(`请给出子命令：${names.map((n) => `${command} ${n}`).join('、')}`, command)
  const own = allowed[sub]
  if (!own) throw new UsageError(`命令 ${command} 没有子命令“${sub}”，可用：${names.join('、')}`, command)
  for (const [name, value] of Object.entries(options))
    if (value !== undefined && !own.includes(name)) throw new UsageError(`${command} ${sub} 不支持选项 --${name}`, command)
  return { sub, args }
}
