import { Kbd, Modal, Table, Text } from '@mantine/core'
import { shortcutHelp } from './shortcuts'

/** 键盘快捷键: every shortcut of the app, opened with ? or F1 or from the header menu. */
export function HelpDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="键盘快捷键" size="lg">
      <Table verticalSpacing={6} data-testid="shortcut-list">
        <Table.Tbody>
          {shortcutHelp().map((s) => (
            <Table.Tr key={s.keys}>
              <Table.Td w={260}>
                <Kbd size="sm">{s.keys}</Kbd>
              </Table.Td>
              <Table.Td>{s.action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        在输入框中打字时，“?”作为普通字符输入；带 Ctrl、⌘ 或 Alt 的快捷键仍然有效。
      </Text>
    </Modal>
  )
}
