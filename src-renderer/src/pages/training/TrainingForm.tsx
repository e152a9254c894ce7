import { Button, Group, Modal, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useState } from 'react'
import { call, fieldErrors } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { ConfirmModal } from '../../components/ConfirmModal'
import { CLASS_OPTIONS, type TrainingRecord } from './types'

interface Values {
  trainee: string
  workUnit: string
  certificateNo: string
  class: string
  issuedOn: string
}

const toValues = (r: TrainingRecord | null): Values => ({
  trainee: r?.trainee ?? '',
  workUnit: r?.workUnit ?? '',
  certificateNo: r?.certificateNo ?? '',
  class: r?.class ?? '',
  issuedOn: r?.issuedOn ?? '',
})

interface TrainingFormProps {
  /** null: a new record. */
  record: TrainingRecord | null
  onSaved(record: TrainingRecord): void
  onRemoved(id: number): void
  onClose(): void
}

/** One certificate holder: 姓名, 工作单位, 证书编号, 培训班, 发证日期. */
export function TrainingForm({ record, onSaved, onRemoved, onClose }: TrainingFormProps) {
  const [values, setValues] = useState<Values>(() => toValues(record))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [deleting, setDeleting] = useState(false)

  const change = (field: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => (e[field] ? { ...e, [field]: '' } : e))
  }

  const save = async () => {
    setSaving(true)
    try {
      const saved = await call('training.save', {
        record: {
          ...(record ? { id: record.id } : {}),
          trainee: values.trainee,
          workUnit: values.workUnit,
          certificateNo: values.certificateNo,
          class: values.class,
          issuedOn: values.issuedOn.trim() ? values.issuedOn : null,
        },
      })
      notifySuccess(record ? `已保存 ${saved.trainee} 的培训记录` : `已新增 ${saved.trainee} 的培训记录`)
      onSaved(saved)
    } catch (e) {
      setErrors(fieldErrors(e, 'record'))
      notifyError(e, '培训记录未保存')
    } finally {
      setSaving(false)
    }
  }

  const remove = async () => {
    if (!record) return
    setDeleting(true)
    try {
      await call('training.remove', { ids: [record.id] })
      notifySuccess(`已删除 ${record.trainee} 的培训记录`, '已删除')
      setConfirming(false)
      onRemoved(record.id)
    } catch (e) {
      notifyError(e, '培训记录未删除')
    } finally {
      setDeleting(false)
    }
  }

  const text = (field: keyof Values, label: string, extra: { required?: boolean; placeholder?: string } = {}) => (
    <TextInput
      label={label}
      withAsterisk={extra.required}
      placeholder={extra.placeholder}
      value={values[field]}
      onChange={(e) => change(field, e.currentTarget.value)}
      error={errors[field] || undefined}
    />
  )

  return (
    <Modal opened onClose={onClose} title={record ? '编辑培训记录' : '新增培训记录'} size="lg" centered data-testid="training-form">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          {text('trainee', '姓名', { required: true })}
          {text('workUnit', '工作单位')}
          {text('certificateNo', '证书编号', { required: true })}
          <Select
            label="培训班"
            withAsterisk
            placeholder="请选择"
            data={CLASS_OPTIONS}
            allowDeselect={false}
            value={values.class || null}
            onChange={(v) => change('class', v ?? '')}
            error={errors.class || undefined}
          />
          {text('issuedOn', '发证日期', { placeholder: '如：2021-03-15' })}
        </SimpleGrid>
        <Group justify="space-between" mt="lg">
          {record ? (
            <Button color="red" variant="light" onClick={() => setConfirming(true)}>
              删除
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={saving}>
              保存
            </Button>
          </Group>
        </Group>
      </form>
      <ConfirmModal
        opened={confirming}
        title="删除培训记录"
        confirmLabel="确认删除"
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        {`确定删除 ${record?.trainee ?? ''}（证书编号 ${record?.certificateNo ?? ''}）的培训记录吗？引用该证书编号的现场将无法再核实此证书。`}
      </ConfirmModal>
    </Modal>
  )
}
