import { Alert, Button, Group, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { CoreStatus } from '@contract'

/**
 * Desktop app only: the core process (database, checks, imports) runs apart from the window and can die.
 * When it does, every page's calls fail; this says so plainly at the top and offers to start it again.
 */
export function CoreCrashBanner() {
  const core = window.starsite?.core
  const [status, setStatus] = useState<CoreStatus>({ state: 'ready' })
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    if (!core) return
    let live = true
    const off = core.onStatus((s) => live && setStatus(s))
    // A reload after the crash must still show it: ask once, then follow the events.
    core
      .status()
      .then((s) => live && setStatus(s))
      .catch(() => undefined)
    return () => {
      live = false
      off()
    }
  }, [core])

  if (!core || status.state === 'ready') return null
  const starting = status.state === 'starting'

  const restart = async () => {
    setFailure(null)
    const result = await core.restart().catch(() => null)
    if (!result) setFailure('无法联系主程序，请关闭后重新打开本程序')
    else if (!result.ok) setFailure(result.error.message)
  }

  return (
    <Alert color={starting ? 'yellow' : 'red'} title={starting ? '正在启动后台处理进程…' : '后台处理进程已停止'} mb="md" role="alert">
      {status.state === 'crashed' && <Text size="sm">{status.message}</Text>}
      {failure && (
        <Text size="sm" c="red" mt="xs">
          重新启动未成功：{failure}
        </Text>
      )}
      <Group mt="sm">
        <Button color="red" loading={starting} onClick={() => void restart()}>
          重新启动
        </Button>
        <Text size="xs" c="dimmed">
          重新启动后，请重试刚才未完成的操作。
        </Text>
      </Group>
    </Alert>
  )
}
