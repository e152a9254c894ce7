import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core'
import { Fingerprint } from './Fingerprint'
import { formatTime } from './format'
import { PROBLEM_LABELS, type VerifyOutput } from './problems'

function KeyOwner({ ownKey }: { ownKey: boolean | null }) {
  if (ownKey === true)
    return (
      <Badge color="green" variant="light" data-testid="own-key">
        本协会的密钥
      </Badge>
    )
  if (ownKey === false)
    return (
      <Badge color="gray" variant="light" data-testid="own-key">
        不是本协会的密钥
      </Badge>
    )
  return null
}

/** The verdict on a bundle: passed or not, whose key signed it, and every problem by path. */
export function VerifyResult({ name, result }: { name: string; result: VerifyOutput }) {
  const ok = result.ok
  return (
    <Alert color={ok ? 'green' : 'red'} data-testid="verify-result" title={<span data-testid="verify-verdict">{ok ? '校验通过' : '校验未通过'}</span>}>
      <Stack gap="xs">
        <Text size="sm">
          {name}：{ok ? `全部 ${result.files} 个文件与清单一致，签名有效。` : `发现 ${result.problems.length} 个问题，此报送包不可信，请勿使用。`}
        </Text>
        {(result.association || result.createdAt) && (
          <Text size="sm" c="dimmed">
            {result.association ?? ''}
            {result.campaignYear ? ` · ${result.campaignYear} 年度` : ''}
            {result.sites !== undefined ? ` · ${result.sites} 个现场` : ''}
            {result.createdAt ? ` · 生成于 ${formatTime(result.createdAt)}` : ''}
          </Text>
        )}
        <div>
          <Group gap="xs" mb={4}>
            <Text size="sm" fw={600}>
              公钥指纹
            </Text>
            <KeyOwner ownKey={result.ownKey} />
            {!result.signatureValid && (
              <Badge color="red" variant="light">
                签名无效
              </Badge>
            )}
          </Group>
          {result.fingerprint ? <Fingerprint value={result.fingerprint} size="md" testId="verify-fingerprint" /> : <Text size="sm">（报送包中没有可用的公钥）</Text>}
        </div>
        {result.problems.length > 0 && (
          <Table striped withTableBorder aria-label="校验发现的问题" bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>文件</Table.Th>
                <Table.Th w={120}>问题</Table.Th>
                <Table.Th>说明</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.problems.map((p, i) => (
                <Table.Tr key={i} data-testid="verify-problem" data-problem={p.problem}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{p.path}</Table.Td>
                  <Table.Td>
                    <Badge color="red" variant="light" radius="sm">
                      {PROBLEM_LABELS[p.problem]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Alert>
  )
}
