import { Button, Group, Modal, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { RULE_LABELS, type Finding } from '@contract'
import { call, errorMessage, fieldErrors } from '../../api'
import { notifySuccess } from '../../app/notify'

interface WaiveModalProps {
  finding: Finding | null
  onClose(): void
  onWaived(finding: Finding): void
}

/** 豁免 a warning: the reason is required and goes into the 操作日志. */
export function WaiveModal({ finding, onClose, onWaived }: WaiveModalProps) {
  return (
    <Modal opened={finding !== null} onClose={onClose} title="豁免警告" centered>
      {finding && <WaiveForm key={finding.id} finding={finding} onClose={onClose} onWaived={onWaived} />}
    </Modal>
  )
}

function WaiveForm({ finding, onClose, onWaived }: { finding: Finding } & Omit<WaiveModalProps, 'finding'>) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    if (!reason.trim()) {
      setError('请填写豁免原因')
      return
    }
    setSaving(true)
    try {
      const waived = await call('checks.waive', { findingId: finding.id, reason })
      notifySuccess(`已豁免现场 ${finding.siteCode} 的“${RULE_LABELS[finding.rule]}”警告`)
      onWaived(waived)
    } catch (e) {
      setError(fieldErrors(e).reason ?? errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Text size="sm" mb="xs">
        {finding.siteCode} {finding.siteName}：{finding.message}
      </Text>
      <Textarea
        label="豁免原因"
        withAsterisk
        placeholder="说明为什么此警告可以不处理，如：该现场无企业邮箱，已电话核实"
        autosize
        minRows={3}
        maxLength={500}
        data-autofocus
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value)
          setError('')
        }}
        error={error || undefined}
      />
      <Text size="xs" c="dimmed" mt={4}>
        豁免记录会写入操作日志。
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose} disabled={saving}>
          取消
        </Button>
        <Button type="submit" loading={saving}>
          确认豁免
        </Button>
      </Group>
    </form>
  )
}
