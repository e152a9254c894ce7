import { Button } from '@mantine/core'
import { useState } from 'react'
import { call, openOutput } from '../../api'
import { notifyError } from '../../app/notify'

/** 下载模板: the core writes the year's template; the desktop opens it, the browser downloads it. */
export function TemplateButton() {
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      const { path } = await call('roster.template', {})
      await openOutput(path, path.split(/[\\/]/).pop())
    } catch (e) {
      notifyError(e, '未能生成模板')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="default" loading={busy} onClick={() => void download()}>
      下载模板
    </Button>
  )
}
