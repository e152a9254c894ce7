import { Box, Button, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { SITE_STATUS_LABELS, type Site } from '@contract'
import { call, fieldErrors } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { DeleteSiteModal } from '../DeleteSiteModal'
import { emptySiteForm, formToDraft, siteToForm, type SiteFormField, type SiteFormValues } from '../siteFormModel'
import { SiteForm } from '../SiteForm'

interface SiteEditorProps {
  site: Site | null
  starLevels: number[]
  onSaved(site: Site, created: boolean): void
  onRemoved(id: number): void
}

/** 基本信息: the site's form, saved as a whole; 删除 moves it to 回收站. */
export function SiteEditor({ site, starLevels, onSaved, onRemoved }: SiteEditorProps) {
  const [values, setValues] = useState<SiteFormValues>(() => (site ? siteToForm(site) : emptySiteForm()))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [deleting, setDeleting] = useState(false)

  const change = (field: SiteFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => (e[field] ? { ...e, [field]: '' } : e))
  }

  const save = async () => {
    setSaving(true)
    try {
      const draft = formToDraft(values)
      const saved = site ? await call('sites.update', { id: site.id, site: draft }) : await call('sites.create', { site: draft })
      setErrors({})
      setValues(siteToForm(saved))
      notifySuccess(site ? `已保存现场“${saved.name}”` : `已新建现场“${saved.name}”，编号 ${saved.code}`)
      onSaved(saved, !site)
    } catch (e) {
      setErrors(fieldErrors(e, 'site'))
      notifyError(e, '现场未保存')
    } finally {
      setSaving(false)
    }
  }

  const remove = async () => {
    if (!site) return
    setDeleting(true)
    try {
      await call('sites.remove', { ids: [site.id] })
      notifySuccess(`现场“${site.name}”已移入回收站`, '已删除')
      setConfirming(false)
      onRemoved(site.id)
    } catch (e) {
      notifyError(e, '现场未删除')
    } finally {
      setDeleting(false)
    }
  }

  return (
    <>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {site && (
          <Text size="xs" c="dimmed" mb="sm">
            状态：{SITE_STATUS_LABELS[site.status]} · 最后修改：{new Date(site.updatedAt).toLocaleString('zh-CN')}
          </Text>
        )}
        <SiteForm values={values} errors={errors} starLevels={starLevels} onChange={change} />
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          mt="md"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 1 }}
        >
          <Group justify="space-between">
            {site ? (
              <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                删除
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={saving}>
              保存
            </Button>
          </Group>
        </Box>
      </form>
      <DeleteSiteModal
        opened={confirming}
        siteName={site?.name ?? ''}
        deleting={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </>
  )
}
