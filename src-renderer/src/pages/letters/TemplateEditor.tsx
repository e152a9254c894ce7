import { Button, Grid, Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useCallback, useRef, useState } from 'react'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useLoader } from '../../components/useLoader'
import { FieldList } from './FieldList'
import { LetterPreview } from './LetterPreview'
import {
  FONT_FIELDS,
  FORMAT_OPTIONS,
  TEMPLATE_FIELDS,
  insertAt,
  problemsByPath,
  toInput,
  type LetterSettingsInput,
  type TemplateKey,
} from './templateForm'

/** 措辞与格式: the letters' layout, fonts and wording, with a live preview of the 推荐函 for a chosen site. */
export function TemplateEditor({ ready }: { ready: boolean }) {
  const load = useCallback(async () => {
    if (!ready) return null
    const [settings, { sites }] = await Promise.all([call('letters.templates.get', {}), call('sites.list', {})])
    return { settings, sites }
  }, [ready])
  const loaded = useLoader(load)
  const [form, setForm] = useState<LetterSettingsInput | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [target, setTarget] = useState<TemplateKey>('siteBody')
  const areas = useRef<Partial<Record<TemplateKey, HTMLTextAreaElement | null>>>({})

  const data = loaded.data
  const current = form ?? (data ? toInput(data.settings) : null)
  if (loaded.error !== null) return <ErrorAlert title="无法读取推荐函模板" error={loaded.error} onRetry={() => void loaded.reload()} />
  if (!ready) return <Text c="dimmed">请先在“设置”中填写协会信息。</Text>
  if (!current || !data) return <Text c="dimmed">正在读取…</Text>

  const update = (next: LetterSettingsInput) => setForm(next)
  const setTemplate = (key: TemplateKey, text: string) => update({ ...current, templates: { ...current.templates, [key]: text } })

  const insert = (field: string) => {
    const el = areas.current[target]
    const text = current.templates[target]
    const start = el?.selectionStart ?? text.length
    const end = el?.selectionEnd ?? text.length
    const next = insertAt(text, start, end, field)
    setTemplate(target, next.text)
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(next.caret, next.caret)
    })
  }

  const save = async () => {
    setSaving(true)
    try {
      const saved = await call('letters.templates.save', current)
      setForm(toInput(saved))
      setErrors({})
      notifySuccess('推荐函模板已保存；之后生成的推荐函将使用新的措辞与格式')
    } catch (e) {
      const found = problemsByPath(e)
      setErrors(found)
      if (Object.keys(found).length === 0) notifyError(e, '模板未保存')
    } finally {
      setSaving(false)
    }
  }

  const label = TEMPLATE_FIELDS.find((t) => t.key === target)?.label ?? ''
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <Radio.Group
            label="公文格式"
            value={current.format}
            onChange={(v) => update({ ...current, format: v === 'file' ? 'file' : 'letter' })}
            error={errors.format}
          >
            <Group mt={6}>
              {FORMAT_OPTIONS.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
          <div>
            <Title order={5} mb={6}>
              字体
            </Title>
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
              {FONT_FIELDS.map((f) => (
                <TextInput
                  key={f.key}
                  label={f.label}
                  value={current.fonts[f.key]}
                  error={errors[`fonts.${f.key}`]}
                  onChange={(e) => update({ ...current, fonts: { ...current.fonts, [f.key]: e.currentTarget.value } })}
                />
              ))}
            </SimpleGrid>
          </div>
          <FieldList fields={data.settings.fields} target={label} onInsert={insert} />
          {TEMPLATE_FIELDS.map((t) => (
            <Textarea
              key={t.key}
              label={t.label}
              ref={(el) => {
                areas.current[t.key] = el
              }}
              value={current.templates[t.key]}
              autosize
              minRows={t.rows}
              maxRows={14}
              error={errors[`templates.${t.key}`]}
              onFocus={() => setTarget(t.key)}
              onChange={(e) => setTemplate(t.key, e.currentTarget.value)}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" disabled={saving || form === null} onClick={() => (setForm(null), setErrors({}))}>
              放弃修改
            </Button>
            <Button onClick={() => void save()} loading={saving}>
              保存模板
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Title order={5} mb={6}>
          推荐函预览
        </Title>
        <LetterPreview sites={data.sites} siteTitle={current.templates.siteTitle} siteBody={current.templates.siteBody} />
      </Grid.Col>
    </Grid>
  )
}
