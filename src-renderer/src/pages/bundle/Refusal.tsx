import { Alert, Anchor, List, Stack, Text } from '@mantine/core'
import { ApiError, errorMessage } from '../../api'
import { navigate } from '../../app/routes'

interface OpenError {
  siteId: number
  siteCode: string
  siteName: string
  message: string
}

const isOpenError = (v: unknown): v is OpenError =>
  typeof v === 'object' && v !== null && typeof (v as OpenError).siteId === 'number' && typeof (v as OpenError).message === 'string'

/** The open errors a refusal lists (error.details.findings), or null for any other failure. */
export function refusalFindings(error: unknown): OpenError[] | null {
  if (!(error instanceof ApiError)) return null
  const findings = (error.details as { findings?: unknown } | null | undefined)?.findings
  return Array.isArray(findings) ? findings.filter(isOpenError) : null
}

/** 生成报送包 refused: every site with its open errors, and the way to 审核. */
export function Refusal({ error, findings }: { error: unknown; findings: OpenError[] }) {
  const bySite = new Map<number, OpenError[]>()
  for (const f of findings) bySite.set(f.siteId, [...(bySite.get(f.siteId) ?? []), f])
  return (
    <Alert color="red" title="不能生成报送包" data-testid="bundle-refusal">
      <Stack gap="xs">
        <Text size="sm">
          有 {bySite.size} 个现场存在未解决的错误。请先到
          <Anchor size="sm" mx={4} onClick={() => navigate('review')}>
            审核
          </Anchor>
          中处理，或将不报送的现场标为“未通过”。
        </Text>
        {[...bySite.values()].map((list) => (
          <div key={list[0].siteId} data-testid="refusal-site">
            <Text size="sm" fw={600}>
              {list[0].siteCode} {list[0].siteName}
            </Text>
            <List size="sm" withPadding>
              {list.map((f, i) => (
                <List.Item key={i}>{f.message}</List.Item>
              ))}
            </List>
          </div>
        ))}
        {bySite.size === 0 && <Text size="sm">{errorMessage(error)}</Text>}
      </Stack>
    </Alert>
  )
}
