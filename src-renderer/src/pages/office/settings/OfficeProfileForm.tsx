import { Button, Group, NumberInput, Paper, Stack, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { call, fieldErrors } from '../../../api'
import { useOfficeProfile } from '../../../app/office/OfficeProfileContext'
import { notifyError, notifySuccess } from '../../../app/notify'

/** 推进办公室信息: name, short name, the year it receives, and the 报送截止日期 the 总览 counts down to. */
export function OfficeProfileForm() {
  const { profile, update } = useOfficeProfile()
  const [name, setName] = useState('')
  const [shortName, setShortName] = useState('')
  const [year, setYear] = useState<number>(2021)
  const [deadline, setDeadline] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!profile) return
    setName(profile.name)
    setShortName(profile.shortName)
    setYear(profile.year)
    setDeadline(profile.deadline ?? '')
  }, [profile])

  if (!profile) return null

  const save = async () => {
    setSaving(true)
    setErrors({})
    try {
      update(await call('office.profile.update', { name, shortName, year, deadline: deadline.trim() ? deadline.trim() : null }))
      notifySuccess('推进办公室信息已保存')
    } catch (e) {
      setErrors(fieldErrors(e))
      notifyError(e, '推进办公室信息未保存')
    } finally {
      setSaving(false)
    }
  }

  return (
    <Paper withBorder p="md" data-testid="office-profile-form">
      <Title order={3} size="h4" mb="sm">
        推进办公室信息
      </Title>
      <Stack gap="sm">
        <TextInput label="推进办公室名称" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput label="推进办公室简称" withAsterisk value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} error={errors.shortName} w={240} />
        <NumberInput label="活动年度" min={2000} max={2100} allowDecimal={false} value={year} onChange={(v) => setYear(typeof v === 'number' ? v : Number(v) || 0)} error={errors.year} w={240} />
        <TextInput
          label="报送截止日期"
          description="写成 YYYY-MM-DD，如 2021-05-31；“总览”据此显示剩余天数。留空表示不设截止日期"
          placeholder="2021-05-31"
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          error={errors.deadline}
          w={240}
        />
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
