import { Alert, Button, Code, Group, List, Stack, Table, Text } from '@mantine/core'
import type { OpOutput } from '@contract'
import { isDesktop, openOutput, revealOutput } from '../../api'
import { notifyError } from '../../app/notify'
import { Fingerprint } from './Fingerprint'
import { baseName, formatBytes } from './format'

export type BuildOutput = OpOutput<'bundle.build'>

/** The bundle just built: where it is, its size and SHA-256, what it holds, and a way to get at it. */
export function BuildResult({ result }: { result: BuildOutput }) {
  const desktop = isDesktop()
  const get = async () => {
    try {
      if (desktop) await revealOutput(result.path)
      else await openOutput(result.path, baseName(result.path))
    } catch (e) {
      notifyError(e, desktop ? '无法打开文件夹' : '无法下载')
    }
  }
  return (
    <Alert color="green" title="报送包已生成" data-testid="bundle-result">
      <Stack gap="xs">
        <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={110}>文件</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }} data-testid="bundle-path">
                {result.path}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>大小</Table.Th>
              <Table.Td>{formatBytes(result.size)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>SHA-256</Table.Th>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }} data-testid="bundle-sha256">
                  {result.sha256}
                </Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>内容</Table.Th>
              <Table.Td data-testid="bundle-counts">
                {result.sites} 个现场，{result.files} 个文件
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>公钥指纹</Table.Th>
              <Table.Td>
                <Fingerprint value={result.fingerprint} size="sm" />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {result.omitted.length > 0 && (
          <div>
            <Text size="sm" fw={600} c="orange.8">
              以下材料未能放入报送包：
            </Text>
            <List size="sm" withPadding>
              {result.omitted.map((o) => (
                <List.Item key={o.path}>
                  {o.path}：{o.reason}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {result.deferred.length > 0 && (
          <div data-testid="bundle-deferred">
            <Text size="sm" fw={600} c="orange.8">
              暂缓报送 {result.deferred.length} 个现场，未放入报送包（报送函、汇总表不列出，审核报告注明数量）：
            </Text>
            <List size="sm" withPadding>
              {result.deferred.map((d) => (
                <List.Item key={d.siteId}>
                  {d.code} {d.name}（原因：{d.reason}）
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Group>
          <Button onClick={() => void get()}>{desktop ? '打开所在文件夹' : '下载'}</Button>
        </Group>
      </Stack>
    </Alert>
  )
}
