import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { call, errorMessage, fieldErrors } from '../../../api'
import { notifySuccess } from '../../../app/notify'
import type { DuplicatePair } from './PairCard'

/** 确认重复 needs a reason (kept with the pair); 不是重复 may have one. */
export function ResolveModal({ target, onClose, onDone }: { target: { pair: DuplicatePair; as: 'duplicate' | 'distinct' } | null; onClose(): void; onDone(): void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const duplicate = target?.as === 'duplicate'

  const close = () => {
    setReason('')
    setError(null)
    onClose()
  }

  const save = async () => {
    if (!target) return
    if (duplicate && !reason.trim()) {
      setError('确认为重复时请写明理由')
      return
    }
    setSaving(true)
    setError(null)
    try {
      const { a, b } = target.pair
      await call('office.duplicates.resolve', {
        a: { province: a.province, code: a.code },
        b: { province: b.province, code: b.code },
        as: target.as,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      })
      notifySuccess(duplicate ? '已确认为重复申报' : '已确认不是重复', '已处理')
      setReason('')
      onDone()
    } catch (e) {
      setError(fieldErrors(e).reason ?? errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened={target !== null} onClose={close} title={duplicate ? '确认重复申报' : '确认不是重复'}>
      {target && (
        <Stack gap="sm">
          <Text size="sm">
            {target.pair.a.province}“{target.pair.a.name}”（{target.pair.a.code}）与 {target.pair.b.province}“{target.pair.b.name}”（{target.pair.b.code}）
          </Text>
          <Textarea
            label={duplicate ? '理由' : '理由（可不填）'}
            withAsterisk={duplicate}
            placeholder={duplicate ? '如：同一营业厅由两省重复推荐，以广东省为准' : '如：同一商场内的两个不同营业厅'}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button color={duplicate ? 'red' : undefined} onClick={() => void save()} loading={saving}>
              {duplicate ? '确认重复' : '确认不是重复'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
