import { Center, Loader, Stack, Text } from '@mantine/core'
import { useCallback, useState } from 'react'
import type { Site } from '@contract'
import { call, chooseFiles, isDesktop, openOutput } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { useSettings } from '../../../app/SettingsContext'
import { ConfirmModal } from '../../../components/ConfirmModal'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { AddFilesModal, type PendingFile } from './AddFilesModal'
import { AttachmentList } from './AttachmentList'
import { guessKind, type Attachment } from './attachmentKind'
import { FileDropZone } from '../../../components/FileDropZone'

let pendingSeq = 0
const pendingKey = () => `p${++pendingSeq}`

/** 附件: the site's files — drop or choose to add, open a copy, remove. */
export function AttachmentsTab({ site }: { site: Site }) {
  const { settings } = useSettings()
  const config = settings?.campaign?.config
  const types = config?.attachmentTypes ?? []
  const hint = `可上传：${types.join('、') || '—'}；每个文件不超过 ${config?.maxAttachmentMb ?? 50} MB`

  const load = useCallback(() => call('attachments.list', { siteId: site.id }), [site.id])
  const list = useLoader(load)
  const [extra, setExtra] = useState<Attachment[]>([])
  const [gone, setGone] = useState<ReadonlySet<number>>(() => new Set())
  const [pending, setPending] = useState<PendingFile[]>([])
  const [removing, setRemoving] = useState<Attachment | null>(null)
  const [busyRemove, setBusyRemove] = useState(false)
  const [opening, setOpening] = useState<number | null>(null)

  // What the core listed, plus what was added since, minus what was removed since.
  const loaded = list.data?.attachments ?? []
  const known = new Set(loaded.map((a) => a.id))
  const attachments = [...loaded, ...extra.filter((a) => !known.has(a.id))].filter((a) => !gone.has(a.id))

  const offerFiles = (files: File[]) =>
    setPending((p) => [
      ...p,
      ...files.map((file) => ({ key: pendingKey(), name: file.name, size: file.size, kind: guessKind(file.name), source: { file } })),
    ])

  const choose = async () => {
    try {
      const chosen = await chooseFiles({
        title: '选择附件',
        multiple: true,
        filters: [{ name: '允许的附件类型', extensions: types.length ? types : ['*'] }],
      })
      setPending((p) => [
        ...p,
        ...chosen.map((server) => ({ key: pendingKey(), name: server.name, size: null, kind: guessKind(server.name), source: { server } })),
      ])
    } catch (e) {
      notifyError(e, '未能选择文件')
    }
  }

  const open = async (a: Attachment) => {
    setOpening(a.id)
    try {
      const copy = await call('attachments.exportCopy', { id: a.id })
      await openOutput(copy.path, copy.name)
    } catch (e) {
      notifyError(e, isDesktop() ? '无法打开附件' : '无法下载附件')
    } finally {
      setOpening(null)
    }
  }

  const remove = async () => {
    if (!removing) return
    setBusyRemove(true)
    try {
      await call('attachments.remove', { id: removing.id })
      setGone((g) => new Set([...g, removing.id]))
      notifySuccess(`已移除附件“${removing.originalName}”`)
      setRemoving(null)
    } catch (e) {
      notifyError(e, '附件未移除')
    } finally {
      setBusyRemove(false)
    }
  }

  return (
    <Stack gap="md">
      {site.deletedAt ? (
        <Text size="sm" c="dimmed">
          现场在回收站中，恢复后才能添加附件。
        </Text>
      ) : (
        <FileDropZone
          label="添加附件"
          testId="attachment-dropzone"
          hint={hint}
          onFiles={offerFiles}
          onChoose={() => void choose()}
        />
      )}
      {list.error !== null && <ErrorAlert title="无法读取附件" error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data ? (
        <Center py="md">
          <Loader size="sm" aria-label="正在读取" />
        </Center>
      ) : (
        <AttachmentList attachments={attachments} opening={opening} onOpen={(a) => void open(a)} onRemove={setRemoving} />
      )}
      <AddFilesModal
        siteId={site.id}
        files={pending}
        onKind={(key, kind) => setPending((p) => p.map((f) => (f.key === key ? { ...f, kind } : f)))}
        onAdded={(keys, added) => {
          setPending((p) => p.filter((f) => !keys.includes(f.key)))
          setExtra((x) => [...x, ...added])
        }}
        onCancel={() => setPending([])}
      />
      <ConfirmModal
        opened={removing !== null}
        title="移除附件"
        confirmLabel="确认移除"
        busy={busyRemove}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        {`确定移除附件“${removing?.originalName ?? ''}”（${removing?.kindLabel ?? ''}）吗？移除后不能恢复，如需要请重新添加。`}
      </ConfirmModal>
    </Stack>
  )
}
