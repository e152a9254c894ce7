import { Alert, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { ApiError, errorMessage, toServerFiles, type ServerFile } from '../../../api'
import { notifySuccess } from '../../../app/notify'
import { JobProgressBar } from '../../../components/JobProgressBar'
import { useJob } from '../../../components/useJob'
import { isAttachmentKind, KIND_OPTIONS, type Attachment, type AttachmentKind } from './attachmentKind'
import { formatSize } from './format'

/** A file waiting for its kind: dropped (a File, uploaded on confirm) or chosen (already a path). */
export interface PendingFile {
  key: string
  name: string
  size: number | null
  kind: AttachmentKind
  source: { file: File } | { server: ServerFile }
}

interface AddFilesModalProps {
  siteId: number
  files: PendingFile[]
  onKind(key: string, kind: AttachmentKind): void
  /** Files that were added, to drop from the pending list and show in the table. */
  onAdded(keys: string[], attachments: Attachment[]): void
  onCancel(): void
}

async function serverFiles(items: PendingFile[]): Promise<ServerFile[]> {
  const out: ServerFile[] = []
  for (const item of items) {
    if ('server' in item.source) out.push(item.source.server)
    else out.push(...(await toServerFiles([item.source.file])))
  }
  return out
}

/**
 * Before adding: the kind of each file, guessed from its name and open to correction. Files of one kind go
 * in one call, so a refusal (wrong type, too big, content not matching the name) refuses that group whole;
 * the core's message names the file and the rule.
 */
export function AddFilesModal({ siteId, files, onKind, onAdded, onCancel }: AddFilesModalProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const job = useJob('attachments.add')

  const add = async () => {
    setBusy(true)
    setError(null)
    const groups = new Map<AttachmentKind, PendingFile[]>()
    for (const f of files) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f])
    const problems: string[] = []
    let added = 0
    for (const [kind, items] of groups) {
      try {
        const { attachments } = await job.start({ siteId, kind, files: await serverFiles(items) })
        added += attachments.length
        onAdded(
          items.map((i) => i.key),
          attachments,
        )
      } catch (e) {
        // A cancel stops the kinds still to come too; what was added before it stays added.
        if (e instanceof ApiError && e.code === 'cancelled') {
          problems.push('已取消：其余文件未添加')
          break
        }
        problems.push(errorMessage(e))
      }
    }
    setBusy(false)
    if (added) notifySuccess(`已添加 ${added} 个附件`)
    if (problems.length) setError(problems.join('\n'))
  }

  return (
    <Modal opened={files.length > 0} onClose={busy ? () => undefined : onCancel} title="添加附件" size="lg" centered zIndex={400}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          请确认每个文件的附件类别（已按文件名预选），然后点击“添加”。
        </Text>
        <Table withTableBorder aria-label="待添加的文件">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>文件名</Table.Th>
              <Table.Th w={90}>大小</Table.Th>
              <Table.Th w={190}>附件类别</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{f.name}</Table.Td>
                <Table.Td>{f.size === null ? '—' : formatSize(f.size)}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${f.name} 的附件类别`}
                    data={KIND_OPTIONS}
                    value={f.kind}
                    allowDeselect={false}
                    onChange={(v) => isAttachmentKind(v) && onKind(f.key, v)}
                    comboboxProps={{ keepMounted: false, zIndex: 500 }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error && (
          <Alert color="red" title="以下文件未添加" role="alert">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {error}
            </Text>
          </Alert>
        )}
        {job.running && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            取消
          </Button>
          <Button onClick={() => void add()} loading={busy}>
            添加 {files.length} 个文件
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
