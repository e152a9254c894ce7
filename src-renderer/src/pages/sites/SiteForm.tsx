import { Autocomplete, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import { ENTERPRISES, SITE_TYPE_INFO, SITE_TYPES, starLabel } from '@contract'
import type { SiteFormField, SiteFormValues } from './siteFormModel'

const TYPE_OPTIONS = SITE_TYPES.map((t) => ({ value: t, label: SITE_TYPE_INFO[t].label }))
const ENTERPRISE_OPTIONS = ENTERPRISES.filter((e) => e !== '其他')

interface SiteFormProps {
  values: SiteFormValues
  errors: Record<string, string>
  starLevels: number[]
  onChange(field: SiteFormField, value: string): void
}

/** Every field of a site (DESIGN §4); labels are the roster's column names. */
export function SiteForm({ values, errors, starLevels, onChange }: SiteFormProps) {
  const levels = values.starLevel && !starLevels.includes(Number(values.starLevel))
    ? [...starLevels, Number(values.starLevel)]
    : starLevels
  const starOptions = levels.map((n) => ({ value: String(n), label: starLabel(n) }))

  const text = (field: SiteFormField, label: string, extra: { required?: boolean; placeholder?: string; inputMode?: 'numeric' | 'decimal' | 'tel' | 'email' } = {}) => (
    <TextInput
      label={label}
      withAsterisk={extra.required}
      placeholder={extra.placeholder}
      inputMode={extra.inputMode}
      value={values[field]}
      onChange={(e) => onChange(field, e.currentTarget.value)}
      error={errors[field] || undefined}
    />
  )
  const long = (field: SiteFormField, label: string, placeholder?: string) => (
    <Textarea
      label={label}
      placeholder={placeholder}
      autosize
      minRows={2}
      maxRows={8}
      value={values[field]}
      onChange={(e) => onChange(field, e.currentTarget.value)}
      error={errors[field] || undefined}
    />
  )

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {text('name', '现场名称', { required: true })}
      <Select
        label="现场类型"
        withAsterisk
        placeholder="请选择"
        data={TYPE_OPTIONS}
        allowDeselect={false}
        value={values.type || null}
        onChange={(v) => onChange('type', v ?? '')}
        error={errors.type || undefined}
      />
      <Autocomplete
        label="所属企业"
        withAsterisk
        placeholder="选择或直接输入"
        data={ENTERPRISE_OPTIONS}
        value={values.enterprise}
        onChange={(v) => onChange('enterprise', v)}
        error={errors.enterprise || undefined}
      />
      {text('recommender', '推荐单位', { required: true, placeholder: '如：中国电信广东分公司' })}
      {text('uscc', '统一社会信用代码', { required: true, placeholder: '18 位代码' })}
      {text('city', '所在地市', { required: true })}
      {text('district', '区县')}
      <Select
        label="申报星级"
        withAsterisk
        placeholder="请选择"
        data={starOptions}
        allowDeselect={false}
        value={values.starLevel || null}
        onChange={(v) => onChange('starLevel', v ?? '')}
        error={errors.starLevel || undefined}
      />
      <div style={{ gridColumn: '1 / -1' }}>{text('address', '详细地址', { required: true })}</div>
      {text('manager', '现场负责人', { required: true })}
      {text('phone', '联系电话', { required: true, inputMode: 'tel' })}
      {text('email', '电子邮箱', { inputMode: 'email' })}
      {text('applyDate', '申报日期', { required: true, placeholder: '如：2021-05-06' })}
      {text('staffCount', '员工人数', { inputMode: 'numeric' })}
      {text('areaSqm', '营业面积（平方米）', { inputMode: 'decimal' })}
      {text('seats', '坐席数', { inputMode: 'numeric' })}
      <div style={{ gridColumn: '1 / -1' }}>
        {long('certificates', '培训合格证书编号', '每行一个，或用顿号“、”分隔')}
      </div>
      <div style={{ gridColumn: '1 / -1' }}>{long('highlights', '突出表现')}</div>
      <div style={{ gridColumn: '1 / -1' }}>{long('remarks', '备注')}</div>
    </SimpleGrid>
  )
}
