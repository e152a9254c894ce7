import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { STAR_LABELS } from '@contract'
import { call, errorMessage, fieldErrors } from '../../../api'
import { useOfficeProfile } from '../../../app/office/OfficeProfileContext'
import { notifySuccess } from '../../../app/notify'
import { PROVINCE_OPTIONS } from '../common/format'
import type { OfficeResult } from './OfficeResultsPage'

const STAR_OPTIONS = STAR_LABELS.map((label, star) => ({ value: String(star), label })).filter((o) => o.value !== '0')

/** 记录评定结果: a site of the register (chosen by province, then by name or code), its batch, star, certificate and plaque. */
export function RecordResultForm({ editing, onSaved, onCancelEdit }: { editing: OfficeResult | null; onSaved(): void; onCancelEdit(): void }) {
  const { profile } = useOfficeProfile()
  const [province, setProvince] = useState<string | null>(null)
  const [code, setCode] = useState<string | null>(null)
  const [sites, setSites] = useState<{ value: string; label: string }[]>([])
  const [batch, setBatch] = useState('')
  const [star, setStar] = useState<string | null>(null)
  const [certificateNo, setCertificateNo] = useState('')
  const [plaqueNo, setPlaqueNo] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!editing) return
    setProvince(editing.province)
    setCode(editing.code)
    setBatch(editing.batch)
    setStar(String(editing.star))
    setCertificateNo(editing.certificateNo)
    setPlaqueNo(editing.plaqueNo)
  }, [editing])

  const loadSites = useCallback(async (p: string) => {
    try {
      const { sites: rows } = await call('office.register.list', { province: p })
      setSites(rows.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` })))
    } catch (e) {
      setFailure(errorMessage(e))
    }
  }, [])

  useEffect(() => {
    if (province) void loadSites(province)
    else setSites([])
  }, [province, loadSites])

  const defaultBatch = profile ? `${profile.year}年第一批` : ''
  const ready = province !== null && code !== null && star !== null

  const reset = () => {
    setCode(null)
    setStar(null)
    setCertificateNo('')
    setPlaqueNo('')
    setErrors({})
    setFailure(null)
  }

  const save = async () => {
    if (!province || !code || !star) return
    setSaving(true)
    setErrors({})
    setFailure(null)
    try {
      const saved = await call('office.results.set', {
        province,
        code,
        star: Number(star),
        batch: batch.trim() || defaultBatch,
        ...(certificateNo.trim() ? { certificateNo: certificateNo.trim() } : {}),
        ...(plaqueNo.trim() ? { plaqueNo: plaqueNo.trim() } : {}),
      })
      notifySuccess(`已记录：${saved.province}“${saved.name}”${saved.starLabel}`, '评定结果')
      reset()
      onSaved()
    } catch (e) {
      const found = fieldErrors(e)
      setErrors(found)
      if (Object.keys(found).length === 0) setFailure(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Paper withBorder p="md" data-testid="record-result-form">
      <Title order={3} size="h4" mb="xs">
        {editing ? '修改评定结果' : '记录评定结果'}
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          <Select label="省份" withAsterisk searchable data={PROVINCE_OPTIONS} value={province} onChange={(v) => { setProvince(v); setCode(null) }} error={errors.province} />
          <Select
            label="现场"
            withAsterisk
            searchable
            placeholder={province ? '输入编号或名称' : '先选择省份'}
            data={sites}
            value={code}
            onChange={setCode}
            error={errors.code}
            nothingFoundMessage="该省全国名册中没有匹配的现场"
            disabled={!province}
          />
          <TextInput label="批次" placeholder={defaultBatch} value={batch} onChange={(e) => setBatch(e.currentTarget.value)} error={errors.batch} />
          <Select label="评定星级" withAsterisk data={STAR_OPTIONS} value={star} onChange={setStar} error={errors.star} />
          <TextInput label="证书编号" value={certificateNo} onChange={(e) => setCertificateNo(e.currentTarget.value)} error={errors.certificateNo} />
          <TextInput label="标牌编号" value={plaqueNo} onChange={(e) => setPlaqueNo(e.currentTarget.value)} error={errors.plaqueNo} />
        </SimpleGrid>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={!ready}>
            保存结果
          </Button>
          {editing && (
            <Button
              variant="default"
              onClick={() => {
                reset()
                onCancelEdit()
              }}
            >
              取消修改
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
