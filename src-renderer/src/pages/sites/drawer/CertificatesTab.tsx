import { Alert, Badge, Center, Loader, Table, Text } from '@mantine/core'
import { useCallback } from 'react'
import type { OpOutput, Site } from '@contract'
import { call } from '../../../api'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'

type Claimed = OpOutput<'training.forSite'>['certificates'][number]

function Verdict({ claim }: { claim: Claimed }) {
  if (!claim.record)
    return (
      <Badge color="red" variant="light" radius="sm">
        未找到
      </Badge>
    )
  if (claim.classAccepted === false)
    return (
      <Badge color="orange" variant="light" radius="sm">
        培训班不符合要求
      </Badge>
    )
  return (
    <Badge color="green" variant="light" radius="sm">
      已核实
    </Badge>
  )
}

/** 培训证书: each certificate number the site claims, looked up in the training roster. */
export function CertificatesTab({ site }: { site: Site }) {
  const load = useCallback(() => call('training.forSite', { siteId: site.id }), [site.id])
  const result = useLoader(load)
  const claims = result.data?.certificates ?? []

  if (result.error !== null) return <ErrorAlert title="无法核对培训证书" error={result.error} onRetry={() => void result.reload()} />
  if (result.loading && !result.data) {
    return (
      <Center py="lg">
        <Loader size="sm" aria-label="正在读取" />
      </Center>
    )
  }
  if (claims.length === 0) {
    return (
      <Alert color="gray" title="未填写培训合格证书编号">
        可在“基本信息”的“培训合格证书编号”中填写，或在“附件”中上传标准宣讲师推荐信。
      </Alert>
    )
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        按“培训记录”中的培训合格名单核对本现场填写的证书编号。
      </Text>
      <Table withTableBorder aria-label="培训证书核对">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>证书编号</Table.Th>
            <Table.Th>核对结果</Table.Th>
            <Table.Th>姓名</Table.Th>
            <Table.Th>工作单位</Table.Th>
            <Table.Th>培训班</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claims.map((c) => (
            <Table.Tr key={c.certificateNo}>
              <Table.Td>{c.certificateNo}</Table.Td>
              <Table.Td>
                <Verdict claim={c} />
              </Table.Td>
              <Table.Td>{c.record?.trainee ?? '—'}</Table.Td>
              <Table.Td>{c.record?.workUnit || '—'}</Table.Td>
              <Table.Td>{c.record?.classLabel ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
