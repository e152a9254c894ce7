import { Button, Group, Modal, Text } from '@mantine/core'

interface DeleteSiteModalProps {
  opened: boolean
  siteName: string
  deleting: boolean
  onConfirm(): void
  onCancel(): void
}

/** Asks before a site goes to 回收站 (a soft delete: it can be restored). */
export function DeleteSiteModal({ opened, siteName, deleting, onConfirm, onCancel }: DeleteSiteModalProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title="删除现场" centered zIndex={400}>
      <Text size="sm">确定删除现场“{siteName}”吗？</Text>
      <Text size="sm" c="dimmed" mt={4}>
        删除后现场将移入回收站，可随时在回收站中恢复。
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onCancel} disabled={deleting}>
          取消
        </Button>
        <Button color="red" onClick={onConfirm} loading={deleting}>
          确认删除
        </Button>
      </Group>
    </Modal>
  )
}
