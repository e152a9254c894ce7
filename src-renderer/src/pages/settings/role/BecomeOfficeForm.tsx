import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { call, fieldErrors } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { useSession } from '../../../app/SessionContext'

const thisYear = () => new Date().getFullYear()

/**
 * 全国推进办公室: name, short name and year, then session.becomeOffice; the root then shows the office's app.
 * Only offered for a data folder with nothing of a province in it yet.
 */
export function BecomeOfficeForm({ onCancel }: { onCancel?(): void }) {
  const { setSession } = useSession()
  const [name, setName] = useState('')
  const [shortName, setShortName] = useState('')
  const [year, setYear] = useState<number>(thisYear)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const validYear = year >= 2000 && year <= 2100

  const save = async () => {
    setSaving(true)
    setErrors({})
    try {
      const session = await call('session.becomeOffice', { name, shortName, year })
      notifySuccess(`已设为全国推进办公室（${year} 年度）`, '设置完成')
      window.location.hash = '/overview'
      setSession(session)
    } catch (e) {
      setErrors(fieldErrors(e))
      notifyError(e, '未能设为全国推进办公室')
    } finally {
      setSaving(false)
    }
  }

  return (
    <Stack gap="sm" data-testid="become-office-form">
      <TextInput
        label="推进办公室名称"
        placeholder="如：中国通信企业协会信息通信服务工作委员会服务现场质量推进活动办公室"
        withAsterisk
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <TextInput label="推进办公室简称" placeholder="如：推进办" withAsterisk value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} error={errors.shortName} />
      <NumberInput
        label="活动年度"
        min={2000}
        max={2100}
        allowDecimal={false}
        value={year}
        onChange={(v) => setYear(typeof v === 'number' ? v : Number(v) || 0)}
        error={errors.year ?? (validYear ? undefined : '年度应在 2000 至 2100 之间')}
      />
      <Text size="sm" c="dimmed">
        此数据文件夹将用于接收各省报送包、建立全国名册。推进办公室与省级协会的数据不能放在同一个文件夹中：设为推进办公室后，
        此文件夹不能再作为省级协会使用。
      </Text>
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel} disabled={saving}>
            取消
          </Button>
        )}
        <Button onClick={() => void save()} loading={saving} disabled={!name.trim() || !shortName.trim() || !validYear}>
          设为全国推进办公室
        </Button>
      </Group>
    </Stack>
  )
}
