import { Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { PairCard, type DuplicatePair } from './PairCard'
import { ResolveModal } from './ResolveModal'

type Show = 'open' | 'resolved' | 'all'

/** 重复申报: pairs of sites that look like one, within and across provinces, each to be resolved by a person. */
export function DuplicatesPage() {
  const load = useCallback(async () => (await call('office.duplicates.list', {})).pairs, [])
  const { data, loading, error, reload } = useLoader(load)
  const [show, setShow] = useState<Show>('open')
  const [resolving, setResolving] = useState<{ pair: DuplicatePair; as: 'duplicate' | 'distinct' } | null>(null)
  const pairs = data ?? []
  const open = pairs.filter((p) => p.resolution === null)
  const listed = show === 'open' ? open : show === 'resolved' ? pairs.filter((p) => p.resolution !== null) : pairs

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>重复申报</Title>
        <Button size="xs" variant="default" onClick={() => void reload()}>
          刷新
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        按统一社会信用代码与地址相同、同一地市名称相同、地址相同三种情况，在全国名册中（含跨省）查找疑似重复申报的现场。处理结果在各省重新报送后仍然保留。
      </Text>
      <SegmentedControl
        w={360}
        value={show}
        onChange={(v) => setShow(v as Show)}
        data={[
          { value: 'open', label: `待处理（${open.length}）` },
          { value: 'resolved', label: `已处理（${pairs.length - open.length}）` },
          { value: 'all', label: `全部（${pairs.length}）` },
        ]}
      />
      {error !== null && <ErrorAlert title="无法读取疑似重复现场" error={error} onRetry={() => void reload()} />}
      {loading && !data && <Loader size="sm" aria-label="正在读取" />}
      {data && listed.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          {show === 'open' ? '没有待处理的疑似重复现场' : '没有记录'}
        </Text>
      )}
      {listed.map((pair) => (
        <PairCard key={pair.key} pair={pair} onResolve={(as) => setResolving({ pair, as })} />
      ))}
      <ResolveModal
        target={resolving}
        onClose={() => setResolving(null)}
        onDone={() => {
          setResolving(null)
          void reload()
        }}
      />
    </Stack>
  )
}
