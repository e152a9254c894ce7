import { Alert } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { OpOutput } from '@contract'
import { call } from '../api'

type Outcome = OpOutput<'backup.startupRestore'>

/**
 * A restore scheduled in 设置 → 备份 happens at the next start, before this window exists. Whether it was done
 * or refused is said here, at the top of every page until closed: a refused restore must not pass unnoticed.
 */
export function StartupRestoreNotice() {
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  useEffect(() => {
    let live = true
    // Nothing to show when asking fails: the outcome is in 操作日志 as well.
    call('backup.startupRestore', {})
      .then((o) => live && setOutcome(o))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  if (!outcome?.outcome || !outcome.message) return null
  const restored = outcome.outcome === 'restored'
  return (
    <Alert
      color={restored ? 'green' : 'red'}
      title={restored ? '已恢复数据' : '计划的恢复未执行'}
      withCloseButton
      closeButtonLabel="关闭提示"
      onClose={() => setOutcome(null)}
      mb="md"
      role="alert"
    >
      {outcome.message}
    </Alert>
  )
}
