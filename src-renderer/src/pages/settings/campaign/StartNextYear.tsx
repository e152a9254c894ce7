import { Button, Text } from '@mantine/core'
import { useState } from 'react'
import { call } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { ConfirmModal } from '../../../components/ConfirmModal'

/** 开始下一年度: copy this year's rules, dates moved one year on, and make it the active campaign. */
export function StartNextYear({ year, onStarted }: { year: number; onStarted(): Promise<void> }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)

  const start = async () => {
    setBusy(true)
    try {
      const next = await call('campaign.startNext', {})
      await onStarted()
      setAsking(false)
      notifySuccess(`已开始 ${next.year} 年度评定活动`)
    } catch (e) {
      notifyError(e, '未能开始下一年度')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button variant="default" color="orange" onClick={() => setAsking(true)}>
        开始下一年度
      </Button>
      <ConfirmModal
        opened={asking}
        title={`开始 ${year + 1} 年度`}
        confirmLabel={`开始 ${year + 1} 年度`}
        color="orange"
        busy={busy}
        onConfirm={() => void start()}
        onCancel={() => setAsking(false)}
      >
        <Text size="sm">
          将沿用 {year} 年度的评定活动设置（日期顺延一年）建立 {year + 1} 年度的活动，并切换到新年度。{year} 年度的现场和记录保留不变。
        </Text>
      </ConfirmModal>
    </>
  )
}
