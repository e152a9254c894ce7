import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { pageStyle } from '../sites/listParts'
import { TrainingForm } from './TrainingForm'
import { TrainingImportButton } from './TrainingImportButton'
import { TrainingTable } from './TrainingTable'
import type { TrainingRecord } from './types'
import { useTrainingList } from './useTrainingList'

type FormState = { open: false } | { open: true; record: TrainingRecord | null }

/** 培训记录: the training roster (培训合格名单) that site certificate numbers are checked against. */
export function TrainingPage() {
  const [text, setText] = useState('')
  const [debounced] = useDebouncedValue(text, 250)
  const list = useTrainingList(debounced)
  const [form, setForm] = useState<FormState>({ open: false })
  const searching = debounced.trim() !== ''

  const done = () => {
    setForm({ open: false })
    void list.reload()
  }

  return (
    <Stack gap="sm" style={pageStyle}>
      <Group justify="space-between">
        <Title order={2}>培训记录</Title>
        <Group gap="sm"><TrainingImportButton onImported={() => void list.reload()} /><Button onClick={() => setForm({ open: true, record: null })}>新增</Button></Group>
      </Group>
      <Group justify="space-between">
        <TextInput
          aria-label="搜索培训记录"
          placeholder="搜索姓名、工作单位、证书编号…"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={340}
        />
        {list.loading ? (
          <Loader size="xs" aria-label="正在读取" />
        ) : (
          <Text size="sm" c="dimmed">
            {searching ? `找到 ${list.records.length} 条记录` : `共 ${list.records.length} 条记录`}
          </Text>
        )}
      </Group>
      {list.error !== null && <ErrorAlert title="无法读取培训记录" error={list.error} onRetry={() => void list.reload()} />}
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <TrainingTable
          records={list.records}
          onOpen={(record) => setForm({ open: true, record })}
          emptyText={
            list.loading
              ? '正在读取…'
              : searching
                ? '没有符合搜索条件的记录'
                : '还没有培训记录。点击“新增”逐条登记，或从“导入”页导入培训合格名单。'
          }
        />
      </div>
      {form.open && <TrainingForm key={form.record?.id ?? 'new'} record={form.record} onSaved={done} onRemoved={done} onClose={() => setForm({ open: false })} />}
    </Stack>
  )
}
