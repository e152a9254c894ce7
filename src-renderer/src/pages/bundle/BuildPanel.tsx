import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { notifySuccess } from '../../app/notify'
import { ErrorAlert } from '../../components/ErrorAlert'
import { BuildResult, type BuildOutput } from './BuildResult'
import { PhasedProgress } from './PhasedProgress'
import { Refusal, refusalFindings, refusalReady } from './Refusal'
import { usePhasedJob } from './usePhasedJob'

/** 生成报送包 as a job with files and bytes progress; a refusal lists the sites' open errors. */
export function BuildPanel({ ready, onBuilt }: { ready: boolean; onBuilt(): void }) {
  const job = usePhasedJob('bundle.build')
  const [result, setResult] = useState<BuildOutput | null>(null)

  /** With `deferUnready`: the confirmed sites are deferred in one transaction first, then the rest is packed. */
  const build = async (deferUnready?: { siteIds: number[]; reason: string }) => {
    setResult(null)
    const out = await job.start(deferUnready ? { deferUnready } : {})
    if (!out) return
    setResult(out)
    const held = out.deferred.filter((d) => d.justDeferred).length
    notifySuccess(`报送包已生成：${out.sites} 个现场，${out.files} 个文件${held ? `；暂缓报送 ${held} 个现场` : ''}`, '生成完成')
    onBuilt()
  }

  const findings = job.error !== null ? refusalFindings(job.error) : null
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={4}>生成报送包</Title>
            <Text size="sm" c="dimmed">
              将本年度待报送的现场及其推荐函、附件、汇总表和审核报告打包为一个签名的 zip 文件。存在未解决的错误时不能生成，可暂缓有错误的现场、按时报送其余现场。
            </Text>
          </div>
          <Button onClick={() => void build()} loading={job.running} disabled={!ready || job.running}>
            生成报送包
          </Button>
        </Group>
        {job.running && <PhasedProgress phases={job.phases} filesLabel="打包" cancelling={job.cancelling} onCancel={() => void job.cancel()} />}
        {findings ? (
          <Refusal
            error={job.error}
            findings={findings}
            ready={refusalReady(job.error)}
            busy={job.running}
            onDefer={(siteIds, reason) => void build({ siteIds, reason })}
          />
        ) : (
          job.error !== null && <ErrorAlert title="报送包未生成" error={job.error} />
        )}
        {result && <BuildResult result={result} />}
      </Stack>
    </Paper>
  )
}
