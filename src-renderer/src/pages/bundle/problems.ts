import type { OpOutput } from '@contract'

export type VerifyOutput = OpOutput<'bundle.verify'>
export type Problem = VerifyOutput['problems'][number]

/** Each kind of problem `verify` reports, in the words a clerk uses. */
export const PROBLEM_LABELS: Record<Problem['problem'], string> = {
  missing: '缺少文件',
  extra: '多出文件',
  'hash-mismatch': '内容被改动',
  'size-mismatch': '大小不符',
  'bad-signature': '签名无效',
  'bad-manifest': '清单损坏',
}
