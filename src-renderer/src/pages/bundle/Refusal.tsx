import { Alert, Anchor, Button, List, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
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

/** How many sites would still be packed once the blocking ones are held back (error.details.ready). */
export function refusalReady(error: unknown): number {
  if (!(error instanceof ApiError)) return 0
  const ready = (error.details as { ready?: unknown } | null | undefined)?.ready
  return typeof ready === 'number' ? ready : 0
}

interface RefusalProps {
  error: unknown
  findings: OpenError[]
  /** Sites that would be packed without the blocking ones; the 暂缓 action is offered when there are any. */
  ready: number
  busy: boolean
  /** 暂缓这 N 个 with the reason, then build with the rest: exactly these sites, as listed. */
  onDefer(siteIds: number[], reason: string): void
}

/**
 * 生成报送包 refused: every site with its open errors and the way to 审核 — and the one action that sends on
 * time anyway: 暂缓这 N 个，报送其余 M 个, with a required reason.
 */
export function Refusal({ error, findings, ready, busy, onDefer }: RefusalProps) {
  const [reason, setReason] = useState('')
  const bySite = new Map<number, OpenError[]>()
  for (const f of findings) bySite.set(f.siteId, [...(bySite.get(f.siteId) ?? []), f])
  const n = bySite.size
  const canDefer = n > 0 && ready > 0
  return (
    <Alert color="red" title="不能生成报送包" data-testid="bundle-refusal">
      <Stack gap="xs">
        <Text size="sm">
          有 {n} 个现场存在未解决的错误。请先到
          <Anchor size="sm" mx={4} onClick={() => navigate('review')}>
            审核
          </Anchor>
          中处理{canDefer ? '，或暂缓报送这些现场、按时报送其余现场。' : '。'}
        </Text>
        {canDefer && (
          <Text size="sm" fw={600} data-testid="defer-summary">
            {n} 个现场有未解决的错误：暂缓这 {n} 个，报送其余 {ready} 个
          </Text>
        )}
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
        {n === 0 && <Text size="sm">{errorMessage(error)}</Text>}
        {canDefer && (
          <Stack gap={6} data-testid="defer-offer">
            <TextInput
              label="暂缓原因"
              description="记入每个现场的操作日志；暂缓的现场保留在名单中，审核问题保留，可随时恢复报送。"
              placeholder="例如：报送截止前未解决的错误"
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={500}
            />
            <div>
              <Button
                color="orange"
                disabled={!reason.trim()}
                loading={busy}
                onClick={() => onDefer([...bySite.keys()], reason.trim())}
              >
                暂缓这 {n} 个，报送其余 {ready} 个
              </Button>
            </div>
          </Stack>
        )}
      </Stack>
    </Alert>
  )
}
