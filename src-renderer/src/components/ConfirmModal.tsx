import { Button, Group, Modal, Text } from '@mantine/core'
import type { ReactNode } from 'react'

interface ConfirmModalProps {
  opened: boolean
  title: string
  children: ReactNode
  /** Text of the confirming button, e.g. 确认删除. */
  confirmLabel: string
  color?: string
  busy: boolean
  onConfirm(): void
  onCancel(): void
}

/** Asks once more before something that changes or removes data. */
export function ConfirmModal({ opened, title, children, confirmLabel, color = 'red', busy, onConfirm, onCancel }: ConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={busy ? () => undefined : onCancel} title={title} centered zIndex={400}>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel} disabled={busy}>
          取消
        </Button>
        <Button color={color} onClick={onConfirm} loading={busy}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  )
}
