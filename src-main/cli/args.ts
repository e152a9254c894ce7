/**
 * A small, strict argument parser. Strict on purpose: a clerk's typo (--provice) must stop the command with a
 * clear message instead of silently running without the value.
 */

export type OptionType = 'string' | 'integer' | 'boolean'

export interface OptionSpec {
  type: OptionType
  /** Chinese name of what the value means, used in messages ("缺少 --province（省份）"). */
  label: string
  required?: boolean
  /** Placeholder shown in the usage text, e.g. 简称. */
  valueName?: string
  description: string
  /** Bounds for integer options, checked here so the message names the option the user typed. */
  min?: number
  max?: number
}

export type OptionSpecs = Record<string, OptionSpec>

export type OptionValues = Record<string, string | number | boolean | undefined>

/** Bad usage: exit code 2 with the usage text. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Which command's usage to show; undefined shows the general usage. */
    readonly command?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export const GLOBAL_OPTIONS: OptionSpecs = {
  data: { type: 'string', label: '数据目录', valueName: 'DIR', description: '数据目录（默认读取 STARSITE_DATA，否则为系统应用数据目录）' },
  json: { type: 'boolean', label: 'JSON 输出', description: '在标准输出打印一个 JSON 文档' },
  help: { type: 'boolean', label: '帮助', description: '显示帮助' },
  version: { type: 'boolean', label: '版本', description: '显示版本号' },
}

export interface ParsedArgs {
  command: string | undefined
  positionals: string[]
  globals: { data?: string; json: boolean; help: boolean; version: boolean }
  /** Raw option tokens that are not global, resolved against a command's specs by `resolveOptions`. */
  rawOptions: Array<{ name: string; value: string | undefined; token: string }>
}

/**
 * First pass: split global options, the command word, positionals and the command's option tokens. Global
 * options may stand before or after the command. `--` ends option parsing.
 */
export function parseArgs(argv: string[]): ParsedArgs {
  const result: ParsedArgs = {
    command: undefined,
    positionals: [],
    globals: { json: false, help: false, version: false },
    rawOptions: [],
  }
  const seenGlobals = new Set<string>()
  let onlyPositionals = false
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]
    if (onlyPositionals || token === '-' || !token.startsWith('-')) {
      if (result.command === undefined) result.command = token
      else result.positionals.push(token)
      continue
    }
    if (token === '--') {
      onlyPositionals = true
      continue
    }
    if (token === '-h') {
      result.globals.help = true
      continue
    }
    if (!token.startsWith('--')) throw new UsageError(`无法识别的选项“${token}”（选项应写成 --名称）`, result.command)
    const eq = token.indexOf('=')
    const name = token.slice(2, eq === -1 ? undefined : eq)
    let value = eq === -1 ? undefined : token.slice(eq + 1)
    if (!name) throw new UsageError(`无法识别的选项“${token}”`, result.command)
    const global = GLOBAL_OPTIONS[name]
    if (global) {
      if (seenGlobals.has(name)) throw new UsageError(`选项 --${name} 重复出现`, result.command)
      seenGlobals.add(name)
      if (global.type === 'boolean') {
        if (value !== undefined) throw new UsageError(`选项 --${name} 不需要值`, result.command)
        ;(result.globals as Record<string, unknown>)[name] = true
      } else {
        if (value === undefined) {
          const next = argv[i + 1]
          if (next === undefined || next.startsWith('--'))
            throw new UsageError(`选项 --${name} 缺少值（${global.label}）`, result.command)
          value = next
          i++
        }
        if (value === '') throw new UsageError(`选项 --${name} 的值不能为空（${global.label}）`, result.command)
        result.globals.data = value
      }
      continue
    }
    // A command option: whether it takes a value is known only once the command is known, so keep the
    // following token as a candidate value and let resolveOptions decide.
    result.rawOptions.push({ name, value, token })
    if (value === undefined) {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('--')) {
        result.rawOptions[result.rawOptions.length - 1].value = next
        ;(result.rawOptions[result.rawOptions.length - 1] as { candidate?: boolean }).candidate = true
        i++
      }
    }
  }
  return result
}

/**
 * Second pass: check the command's option tokens against its specs. Unknown, repeated, valueless or
 * unreadable options and missing required ones are usage errors naming the option and its meaning.
 */
export function resolveOptions(parsed: ParsedArgs, command: string, specs: OptionSpecs): { options: OptionValues; positionals: string[] } {
  const options: OptionValues = {}
  const positionals = [...parsed.positionals]
  for (const raw of parsed.rawOptions as Array<{ name: string; value: string | undefined; token: string; candidate?: boolean }>) {
    const spec = specs[raw.name]
    if (!spec) throw new UsageError(`命令 ${command} 不支持选项 --${raw.name}`, command)
    if (options[raw.name] !== undefined) throw new UsageError(`选项 --${raw.name} 重复出现`, command)
    if (spec.type === 'boolean') {
      if (raw.value !== undefined && !raw.candidate) throw new UsageError(`选项 --${raw.name} 不需要值`, command)
      // The token after a flag was only a candidate value: it is a positional after all.
      if (raw.candidate && raw.value !== undefined) positionals.push(raw.value)
      options[raw.name] = true
      continue
    }
    if (raw.value === undefined) throw new UsageError(`选项 --${raw.name} 缺少值（${spec.label}）`, command)
    if (spec.type === 'integer') {
      const text = raw.value.trim()
      if (!/^\d{1,9}$/.test(text)) throw new UsageError(`选项 --${raw.name} 应为整数（${spec.label}），收到“${raw.value}”`, command)
      const n = Number(text)
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max))
        throw new UsageError(`选项 --${raw.name} 应在 ${spec.min ?? 0} 到 ${spec.max ?? '∞'} 之间（${spec.label}），收到 ${n}`, command)
      options[raw.name] = n
    } else {
      options[raw.name] = raw.value
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && options[name] === undefined)
      throw new UsageError(`缺少必填选项 --${name}（${spec.label}）`, command)
  }
  return { options, positionals }
}
