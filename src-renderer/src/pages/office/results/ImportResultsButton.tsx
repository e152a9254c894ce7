import { Alert, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { OpOutput } from '@contract'
import { ApiError, chooseFiles, errorMessage, type ServerFile } from '../../../api'
import { notifySuccess } from '../../../app/notify'
import { JobProgressBar } from '../../../components/JobProgressBar'
import { useJob } from '../../../components/useJob'

type Preview = OpOutput<'office.results.importPreview'>
type PreviewRow = Preview['rows'][number]

/** A preview of tens of thousands of rows is summed up in the counts; the table shows the first ones. */
const SHOWN_ROWS = 500

const STATUS: Record<PreviewRow['status'], { label: string; color: string }> = {
  new: { label: '新记录', color: 'blue' },
  changed: { label: '修改', color: 'orange' },
  unchanged: { label: '未变', color: 'gray' },
}

/** 导入评定结果: choose the meeting's workbook, see what each row records or changes, then 确认导入 or 取消. */
export function ImportResultsButton({ onImported }: { onImported(): void }) {
  const preview = useJob('office.results.importPreview', { cancelOnLeave: true })
  const apply = useJob('office.results.import')
  const [file, setFile] = useState<ServerFile | null>(null)
  const [result, setResult] = useState<Preview | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [choosing, setChoosing] = useState(false)
  const [open, setOpen] = useState(false)

  const close = () => {
    if (apply.running) return
    if (preview.running) preview.cancel()
    setOpen(false)
    setFile(null)
    setResult(null)
    setFailure(null)
  }

  const choose = async () => {
    setChoosing(true)
    let picked: ServerFile | undefined
    try {
      ;[picked] = await chooseFiles({ title: '选择评定结果工作簿', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })
    } catch (e) {
      setFailure(errorMessage(e))
      setOpen(true)
      return
    } finally {
      setChoosing(false)
    }
    if (!picked) return
    setOpen(true)
    setFile(picked)
    setResult(null)
    setFailure(null)
    try {
      setResult(await preview.start({ path: picked.path }))
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'cancelled')) setFailure(errorMessage(e))
    }
  }

  const confirm = async () => {
    if (!file || !result) return
    setFailure(null)
    try {
      const done = await apply.start({ path: file.path })
      notifySuccess(`已从“${done.fileName}”导入评定结果：新记录 ${done.recorded} 条，修改 ${done.changed} 条，未变 ${done.unchanged} 条${done.warnings.length ? `；${done.warnings.length} 行的现场名称与全国名册不同，已按现场编号记录` : ''}`, '导入完成')
      setOpen(false)
      setFile(null)
      setResult(null)
      onImported()
    } catch (e) {
      setFailure(errorMessage(e))
    }
  }

  const writes = result ? result.recorded + result.changed : 0
  const canConfirm = result !== null && result.errors.length === 0 && writes > 0 && !apply.running

  return (
    <>
      <Button variant="default" onClick={() => void choose()} loading={choosing}>
        导入评定结果
      </Button>
      <Modal opened={open} onClose={close} title={`导入评定结果${file?.name ? `：${file.name}` : ''}`} size="90%" closeOnClickOutside={false}>
        <Stack gap="sm" data-testid="results-import-preview">
          {(preview.running || apply.running) && (
            <JobProgressBar
              progress={apply.running ? apply.progress : preview.progress}
              cancelling={preview.cancelling}
              onCancel={apply.running ? () => undefined : preview.cancel}
            />
          )}
          {failure && (
            <Alert color="red" title="无法导入" role="alert">
              {failure}
            </Alert>
          )}
          {result && (
            <>
              <Text size="sm" data-testid="results-import-counts">
                共 {result.total} 行：新记录 {result.recorded} 条，修改 {result.changed} 条，未变 {result.unchanged} 条
                {result.errors.length > 0 && `，有错误 ${new Set(result.errors.map((e) => e.row)).size} 行`}
                {result.warnings.length > 0 && `，现场名称与全国名册不同 ${result.warnings.length} 行`}
              </Text>
              {result.errors.length > 0 && (
                <Alert color="red" title="表中有错误，整个文件不会导入。请在 Excel 中修正后重新选择文件" data-testid="results-import-errors">
                  <ScrollArea.Autosize mah={200}>
                    <Table withRowBorders={false} fz="sm">
                      <Table.Tbody>
                        {result.errors.map((e, i) => (
                          <Table.Tr key={i} data-testid="results-import-error">
                            <Table.Td w={90}>第 {e.row} 行</Table.Td>
                            <Table.Td w={160}>{e.column ? `${e.column} 列（${e.label}）` : e.label}</Table.Td>
                            <Table.Td>{e.message}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollArea.Autosize>
                </Alert>
              )}
              {result.warnings.length > 0 && (
                <Alert color="yellow" title="以下各行的现场名称与全国名册不同，仍按现场编号导入。请核对是否填错了行" data-testid="results-import-warnings">
                  <ScrollArea.Autosize mah={200}>
                    <Table withRowBorders={false} fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={90}>行</Table.Th>
                          <Table.Th w={200}>现场编号</Table.Th>
                          <Table.Th>表中的现场名称</Table.Th>
                          <Table.Th>全国名册中的名称</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {result.warnings.map((w, i) => (
                          <Table.Tr key={i} data-testid="results-import-warning">
                            <Table.Td>第 {w.row} 行</Table.Td>
                            <Table.Td>
                              {w.province}{' '}
                              <Text span size="sm" ff="monospace">
                                {w.code}
                              </Text>
                            </Table.Td>
                            <Table.Td>{w.workbookName}</Table.Td>
                            <Table.Td>{w.registerName}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollArea.Autosize>
                </Alert>
              )}
              {result.rows.length > 0 && (
                <ScrollArea.Autosize mah={420}>
                  <Table withTableBorder striped aria-label="导入预览" fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>行</Table.Th>
                        <Table.Th>省份</Table.Th>
                        <Table.Th>现场编号</Table.Th>
                        <Table.Th>现场名称</Table.Th>
                        <Table.Th>批次</Table.Th>
                        <Table.Th>评定星级</Table.Th>
                        <Table.Th>证书编号</Table.Th>
                        <Table.Th>标牌编号</Table.Th>
                        <Table.Th>变化</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {result.rows.slice(0, SHOWN_ROWS).map((r) => (
                        <Table.Tr key={r.row} data-testid="results-import-row">
                          <Table.Td>{r.row}</Table.Td>
                          <Table.Td>{r.province}</Table.Td>
                          <Table.Td ff="monospace">{r.code}</Table.Td>
                          <Table.Td>{r.name}</Table.Td>
                          <Table.Td>{r.batch}</Table.Td>
                          <Table.Td>
                            <Change before={r.previous?.starLabel} after={r.starLabel} />
                          </Table.Td>
                          <Table.Td>
                            <Change before={r.previous?.certificateNo} after={r.certificateNo} />
                          </Table.Td>
                          <Table.Td>
                            <Change before={r.previous?.plaqueNo} after={r.plaqueNo} />
                          </Table.Td>
                          <Table.Td>
                            <Badge color={STATUS[r.status].color} variant="light">
                              {STATUS[r.status].label}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  {result.rows.length > SHOWN_ROWS && (
                    <Text size="xs" c="dimmed" mt={4}>
                      仅显示前 {SHOWN_ROWS} 行，其余 {result.rows.length - SHOWN_ROWS} 行已计入上面的统计
                    </Text>
                  )}
                </ScrollArea.Autosize>
              )}
              {result.errors.length === 0 && writes === 0 && (
                <Text size="sm" c="dimmed">
                  表中的评定结果与已记录的完全相同，没有需要导入的内容
                </Text>
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={apply.running}>
              取消
            </Button>
            <Button onClick={() => void confirm()} disabled={!canConfirm} loading={apply.running}>
              确认导入
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

/** A value as it will be, with the one it replaces struck through when they differ. */
function Change({ before, after }: { before: string | undefined; after: string }) {
  if (before === undefined || before === after) return <>{after}</>
  return (
    <Text span size="sm" data-testid="results-import-change">
      <Text span size="sm" td="line-through" c="dimmed">
        {before || '（空）'}
      </Text>
      {' → '}
      <Text span size="sm" fw={600}>
        {after || '（空）'}
      </Text>
    </Text>
  )
}
