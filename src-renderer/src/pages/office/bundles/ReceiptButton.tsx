import { Button } from '@mantine/core'
import { useState } from 'react'
import { call, openOutput } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'

/** 回执: written (or written again, keeping its 文号) and opened, or offered as a download in the browser. */
export function ReceiptButton({ bundleId }: { bundleId: number }) {
  const [busy, setBusy] = useState(false)
  const write = async () => {
    setBusy(true)
    try {
      const receipt = await call('office.bundles.receipt', { bundleId })
      await openOutput(receipt.path, receipt.fileName)
      notifySuccess(`回执 ${receipt.docNumber} 已生成`, '回执')
    } catch (e) {
      notifyError(e, '回执未生成')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="xs" variant="default" loading={busy} onClick={() => void write()}>
      回执
    </Button>
  )
}
