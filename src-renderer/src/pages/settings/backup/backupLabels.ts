/** How the backup reasons written by the core read for a clerk. Unknown reasons are shown as written. */
const REASON_LABELS: Record<string, string> = {
  daily: '每日自动',
  'before-import': '导入前',
  'before-restore': '恢复前',
  'before-campaign-change': '修改活动规则前',
  manual: '手动',
}

export function reasonLabel(reason: string | null): string {
  // A backup without a reason came from `starsite backup` by hand.
  if (!reason) return '手动'
  return REASON_LABELS[reason] ?? reason
}

/** What the clerk must do for a scheduled restore to happen: the program must start anew. */
export const RESTART_INSTRUCTION = '请关闭并重新打开本程序（浏览器模式：在命令行按 Ctrl+C 后重新运行 npm run web）以完成恢复'
