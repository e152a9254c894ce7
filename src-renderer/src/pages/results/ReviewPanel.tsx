import { Badge, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import type { ResultRow } from './useResults'

/** One 待确认 row: which of the candidate sites is it? 确认 records the result, 不是这些 leaves it unmatched. */
function ReviewItem({ row, onDone }: { row: ResultRow; onDone(): void }) {
  const [choice, setChoice] = useState<string | null>(row.candidates.length === 1 ? String(row.candidates[0].id) : null)
  const [busy, setBusy] = useState(false)

  const act = async (what: 'confirm' | 'reject') => {
    setBusy(true)
    try {
      if (what === 'confirm' && choice) {
        await call('results.confirm', { id: row.id, siteId: Number(choice) })
        const site = row.candidates.find((c) => String(c.id) === choice)
        notifySuccess(`已将“${row.outcomeText}”记入 ${site?.code ?? ''} ${site?.name ?? ''}`, '已确认')
      } else {
        await call('results.reject', { id: row.id })
        notifySuccess(`“${row.source.name}”已标为未匹配`, '已处理')
      }
      onDone()
    } catch (e) {
      notifyError(e, '未能保存')
    } finally {
      setBusy(false)
    }
  }

  const org = row.source.recommender || row.source.enterprise
  return (
    <Paper withBorder p="sm" data-testid="review-item">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>
            {row.source.name} <Badge variant="light">{row.outcomeText}</Badge>
          </Text>
          <Text size="xs" c="dimmed">
            结果表第 {row.sourceRow} 行{org ? ` · ${org}` : ' · 未写推荐单位'}
            {row.batch ? ` · ${row.batch}` : ''} · {row.reason}
          </Text>
        </div>
      </Group>
      <Radio.Group value={choice} onChange={setChoice} mt="xs" aria-label={`“${row.source.name}”对应的现场`}>
        <Stack gap={6}>
          {row.candidates.map((c) => (
            <Radio key={c.id} value={String(c.id)} label={`${c.code} ${c.name}（${c.recommender}，${c.city}）`} />
          ))}
        </Stack>
      </Radio.Group>
      <Group gap="xs" mt="sm" justify="flex-end">
        <Button size="xs" variant="default" onClick={() => void act('reject')} disabled={busy}>
          不是这些
        </Button>
        <Button size="xs" onClick={() => void act('confirm')} disabled={!choice} loading={busy}>
          确认
        </Button>
      </Group>
    </Paper>
  )
}

export function ReviewPanel({ rows, onChanged }: { rows: ResultRow[]; onChanged(): void }) {
  if (!rows.length) return null
  return (
    <Stack gap="xs" data-testid="review-panel">
      <Title order={3} size="h5">
        待确认（{rows.length}）
      </Title>
      <Text size="sm" c="dimmed">
        这些结果能对上不止一个现场，或单位与登记的不一致。请选出对应的现场并确认；都不是则点“不是这些”。
      </Text>
      {rows.map((r) => (
        <ReviewItem key={r.id} row={r} onDone={onChanged} />
      ))}
    </Stack>
  )
}
