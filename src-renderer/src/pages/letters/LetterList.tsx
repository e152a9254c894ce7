import { Button, Group, ScrollArea, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { OpOutput } from '@contract'
import { call, isDesktop, openOutput, revealOutput } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { ConfirmModal } from '../../components/ConfirmModal'
import { ErrorAlert } from '../../components/ErrorAlert'
import { baseName, formatTime } from './format'

type Letter = OpOutput<'letters.list'>['letters'][number]

interface LetterListProps {
  letters: Letter[]
  loading: boolean
  error: unknown
  onReload(): void
}

const subject = (l: Letter) => (l.kind === 'cover' ? '报送函' : `${l.siteCode ?? ''} ${l.siteName ?? ''}`.trim() || '（现场已删除）')

/** The letters issued this year: open or download each, show it in its folder, or give it a new number. */
export function LetterList({ letters, loading, error, onReload }: LetterListProps) {
  const desktop = isDesktop()
  const [renumbering, setRenumbering] = useState<Letter | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<void>, failure: string) => {
    try {
      await action()
    } catch (e) {
      notifyError(e, failure)
    }
  }

  const renumber = async () => {
    if (!renumbering) return
    setBusy(true)
    try {
      const out = await call('letters.renumber', { letterId: renumbering.id })
      notifySuccess(`文号 ${out.previousDocNo} 已改为 ${out.docNo}`, '重新编号完成')
      setRenumbering(null)
      onReload()
    } catch (e) {
      notifyError(e, '未能重新编号')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      {error !== null && <ErrorAlert title="无法读取推荐函列表" error={error} onRetry={onReload} />}
      <ScrollArea.Autosize mah={420}>
        <Table striped highlightOnHover stickyHeader aria-label="已生成的推荐函">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>文号</Table.Th>
              <Table.Th>现场</Table.Th>
              <Table.Th>生成时间</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((l) => (
              <Table.Tr key={l.id} data-testid="letter-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.docNo}</Table.Td>
                <Table.Td>{subject(l)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(l.generatedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {baseName(l.path)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => void run(() => openOutput(l.path, baseName(l.path)), '无法打开推荐函')}>
                      {desktop ? '打开' : '下载'}
                    </Button>
                    {desktop && (
                      <Button size="compact-sm" variant="subtle" onClick={() => void run(() => revealOutput(l.path), '无法显示文件')}>
                        在文件夹中显示
                      </Button>
                    )}
                    <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setRenumbering(l)}>
                      重新编号
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {letters.length === 0 && (
          <Text c="dimmed" ta="center" py="lg" size="sm">
            {loading ? '正在读取…' : '还没有生成推荐函。'}
          </Text>
        )}
      </ScrollArea.Autosize>
      <ConfirmModal
        opened={renumbering !== null}
        title="重新编号"
        confirmLabel="确认重新编号"
        color="orange"
        busy={busy}
        onConfirm={() => void renumber()}
        onCancel={() => setRenumbering(null)}
      >
        {renumbering
          ? `将为“${subject(renumbering)}”取一个新文号，原文号 ${renumbering.docNo} 不再使用，并以今天的日期重新生成文件。已打印或已盖章的旧函需作废。确定吗？`
          : ''}
      </ConfirmModal>
    </div>
  )
}
