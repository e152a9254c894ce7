/** Chinese usage texts, built from the command table so the help never drifts from the parser. */
import { GLOBAL_OPTIONS, type OptionSpecs } from './args'
import type { Command } from './command'
import { COMMANDS } from './commands'
import { displayWidth } from './output'

function optionLines(specs: OptionSpecs): string[] {
  const entries = Object.entries(specs).map(([name, spec]) => {
    const head = `--${name}${spec.type === 'boolean' ? '' : ' ' + (spec.valueName ?? '值')}`
    return [head, spec.description + (spec.required ? '（必填）' : '')] as const
  })
  const width = Math.max(...entries.map(([h]) => displayWidth(h)))
  return entries.map(([h, d]) => `  ${h}${' '.repeat(width - displayWidth(h) + 2)}${d}`)
}

export function generalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    '用法：starsite [--data DIR] [--json] <命令> [选项]',
    '      （开发时：npm run cli -- <命令> [选项]）',
    '',
    '命令：',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width + 2)}${c.summary}`),
    `  ${'help'.padEnd(width + 2)}显示帮助；help <命令> 显示该命令的用法`,
    '',
    '通用选项：',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    '退出码：0 完成；1 业务上未能完成（如尚未设置、数据文件版本过新）；2 用法或输入有误。',
  ].join('\n')
}

export function commandUsage(command: Command): string {
  return [
    `用法：starsite ${command.synopsis}`,
    '',
    command.summary,
    '',
    '选项：',
    ...optionLines({ ...command.options, data: GLOBAL_OPTIONS.data, json: GLOBAL_OPTIONS.json }),
    ...(command.notes?.length ? ['', ...command.notes] : []),
  ].join('\n')
}
