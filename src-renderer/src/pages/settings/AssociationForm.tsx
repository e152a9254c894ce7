import { Button, Group, NumberInput, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import type { Settings } from '@contract'
import { call, fieldErrors } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'

type Association = NonNullable<Settings['association']>
type FieldName = 'name' | 'shortName' | 'province' | 'docPrefix' | 'address' | 'contact' | 'phone'
type Values = Record<FieldName, string>

const TEXT_FIELDS: { name: Exclude<FieldName, 'province'>; label: string; placeholder?: string; required?: boolean }[] = [
  { name: 'name', label: '协会名称', placeholder: '如：广东省通信行业协会', required: true },
  { name: 'shortName', label: '简称', placeholder: '如：广东通信协会', required: true },
  { name: 'docPrefix', label: '文号前缀', placeholder: '如：粤通协（不填则用简称）' },
  { name: 'address', label: '地址' },
  { name: 'contact', label: '联系人' },
  { name: 'phone', label: '电话' },
]

const fromAssociation = (a: Association | null): Values => ({
  name: a?.name ?? '',
  shortName: a?.shortName ?? '',
  province: a?.province ?? '',
  docPrefix: a?.docPrefix ?? '',
  address: a?.address ?? '',
  contact: a?.contact ?? '',
  phone: a?.phone ?? '',
})

/** 协会信息: the profile that heads every letter; the first save also starts this year's campaign. */
export function AssociationForm({ settings, onSaved }: { settings: Settings; onSaved(settings: Settings): void }) {
  const isFirstSave = settings.association === null
  const [values, setValues] = useState<Values>(() => fromAssociation(settings.association))
  const [year, setYear] = useState<number>(() => new Date().getFullYear())
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => (e[name] ? { ...e, [name]: '' } : e))
  }

  const provinceData = settings.provinces.map((p) => ({ value: p.short, label: p.name }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      const saved = await call('settings.saveAssociation', {
        association: values,
        ...(isFirstSave ? { year } : {}),
      })
      setErrors({})
      onSaved(saved)
      notifySuccess(isFirstSave ? `协会信息已保存，已建立 ${year} 年度评定活动` : '协会信息已保存')
    } catch (e) {
      setErrors(fieldErrors(e, 'association'))
      notifyError(e, '协会信息未保存')
    } finally {
      setSaving(false)
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label="协会信息">
      <Title order={3} size="h4" mb="sm">
        协会信息
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
        {TEXT_FIELDS.slice(0, 2).map((f) => (
          <TextInput
            key={f.name}
            label={f.label}
            placeholder={f.placeholder}
            withAsterisk={f.required}
            value={values[f.name]}
            onChange={(e) => set(f.name, e.currentTarget.value)}
            error={errors[f.name] || undefined}
          />
        ))}
        <Select
          label="省份"
          placeholder="选择或输入省份"
          withAsterisk
          searchable
          selectFirstOptionOnChange
          autoSelectOnBlur
          nothingFoundMessage="没有匹配的省份"
          data={provinceData}
          value={values.province || null}
          onChange={(value) => set('province', value ?? '')}
          error={errors.province || undefined}
        />
        {TEXT_FIELDS.slice(2).map((f) => (
          <TextInput
            key={f.name}
            label={f.label}
            placeholder={f.placeholder}
            value={values[f.name]}
            onChange={(e) => set(f.name, e.currentTarget.value)}
            error={errors[f.name] || undefined}
          />
        ))}
        {isFirstSave && (
          <NumberInput
            label="年度"
            description="首次保存时建立该年度的评定活动"
            min={2000}
            max={2100}
            allowDecimal={false}
            value={year}
            onChange={(value) => setYear(typeof value === 'number' ? value : Number(value) || new Date().getFullYear())}
            error={errors.year || undefined}
          />
        )}
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={saving}>
          保存
        </Button>
      </Group>
    </Paper>
  )
}
