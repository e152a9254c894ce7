import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { call, chooseFiles, errorMessage, fieldErrors, type ServerFile } from '../../../api'
import { notifySuccess } from '../../../app/notify'
import { PROVINCE_OPTIONS } from '../common/format'

type Mode = 'file' | 'fingerprint'

/** 登记公钥: the province's exported .pem file, or the fingerprint printed on its sealed cover letter. */
export function AddKeyForm({ onAdded }: { onAdded(): void }) {
  const [mode, setMode] = useState<Mode>('file')
  const [province, setProvince] = useState<string | null>(null)
  const [file, setFile] = useState<ServerFile | null>(null)
  const [fingerprint, setFingerprint] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [choosing, setChoosing] = useState(false)

  const choose = async () => {
    setChoosing(true)
    try {
      const [picked] = await chooseFiles({ title: '选择省级协会导出的公钥文件', filters: [{ name: '公钥文件', extensions: ['pem'] }] })
      if (picked) setFile(picked)
    } catch (e) {
      setFailure(errorMessage(e))
    } finally {
      setChoosing(false)
    }
  }

  const ready = province !== null && (mode === 'file' ? file !== null : fingerprint.trim() !== '')

  const save = async () => {
    if (!province) return
    setSaving(true)
    setErrors({})
    setFailure(null)
    try {
      const result = await call('office.keys.add', mode === 'file' ? { province, file: file!.path } : { province, fingerprint })
      notifySuccess(
        result.unchanged
          ? `${result.key.province}的这把公钥此前已登记，未做改动`
          : result.replaced
            ? `已更换${result.key.province}的公钥，原公钥保留在历史中`
            : `已登记${result.key.province}的公钥`,
        '公钥',
      )
      setFile(null)
      setFingerprint('')
      setProvince(null)
      onAdded()
    } catch (e) {
      const found = fieldErrors(e)
      setErrors(found)
      if (!found.province && !found.fingerprint && !found.file) setFailure(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Paper withBorder p="md" data-testid="add-key-form">
      <Title order={3} size="h4" mb="xs">
        登记公钥
      </Title>
      <Stack gap="sm" maw={640}>
        <SegmentedControl
          w={320}
          value={mode}
          onChange={(v) => {
            setMode(v as Mode)
            setErrors({})
            setFailure(null)
          }}
          data={[
            { value: 'file', label: '公钥文件' },
            { value: 'fingerprint', label: '输入指纹' },
          ]}
        />
        <Select
          label="省份"
          placeholder="选择省份"
          withAsterisk
          searchable
          data={PROVINCE_OPTIONS}
          value={province}
          onChange={setProvince}
          error={errors.province}
          nothingFoundMessage="没有匹配的省份"
          w={240}
        />
        {mode === 'file' ? (
          <div>
            <Group gap="sm">
              <Button variant="default" onClick={() => void choose()} loading={choosing}>
                选择公钥文件
              </Button>
              <Text size="sm" data-testid="key-file-name">
                {file ? file.name : '省级协会在“报送包 → 导出公钥”中得到的 .pem 文件'}
              </Text>
            </Group>
            {errors.file && (
              <Text size="xs" c="red" mt={4}>
                {errors.file}
              </Text>
            )}
          </div>
        ) : (
          <TextInput
            label="公钥指纹"
            withAsterisk
            description="照盖章报送函上印的指纹输入：64 位十六进制数字，可按 8 位一组用空格分开"
            value={fingerprint}
            onChange={(e) => setFingerprint(e.currentTarget.value)}
            error={errors.fingerprint}
            ff="monospace"
          />
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving} disabled={!ready}>
            登记
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
