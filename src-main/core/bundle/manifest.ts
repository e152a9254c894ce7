/**
 * manifest.json, format "starsite-bundle/1". It lists every other file of the bundle with its size and
 * SHA-256; manifest.sig signs its exact bytes, so a receiver can prove nothing was lost or altered.
 */
import { z } from 'zod'
import { MANIFEST_PATH, SIGNATURE_PATH } from './layout'
import type { ProblemKind } from './problems'

export const MANIFEST_FORMAT = 'starsite-bundle/1'

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  association: z.object({ name: z.string(), shortName: z.string(), province: z.string() }),
  campaign: z.object({ year: z.number().int(), name: z.string() }),
  generator: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  sites: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.string(),
      recommender: z.string(),
      starLevel: z.number(),
      files: z.array(z.string()),
    }),
  ),
  files: z.array(z.object({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256: sha256Hex })),
  /** Documents the generator could not produce (listed honestly rather than silently missing). */
  omitted: z.array(z.object({ path: z.string(), reason: z.string() })).default([]),
  /** The signer's Ed25519 public key: the raw 32 bytes, base64. */
  publicKey: z.string(),
  fingerprint: z.string(),
})

export type Manifest = z.infer<typeof manifestSchema>

/** The exact bytes that get signed and stored: stable key order as built, 2-space indent, final newline. */
export function serializeManifest(manifest: Manifest): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8')
}

export function parseManifest(bytes: Buffer): { manifest: Manifest } | { error: string } {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    return { error: 'manifest.json 不是有效的 JSON' }
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) {
    const fmt = (json as { format?: unknown })?.format
    if (typeof fmt === 'string' && fmt !== MANIFEST_FORMAT)
      return { error: `不支持的清单格式“${fmt.slice(0, 50)}”（本程序支持 ${MANIFEST_FORMAT}）` }
    return { error: `manifest.json 内容不完整或格式不对：${parsed.error.issues[0]?.path.join('.') ?? ''}` }
  }
  return { manifest: parsed.data }
}

export { PROBLEMS, type ProblemKind } from './problems'

export interface Problem {
  path: string
  problem: ProblemKind
  /** Finer reason beyond DESIGN §8's six kinds, e.g. 'unsafe-path', 'duplicate-entry', 'unreadable'. */
  reason?: string
  /** Chinese, for the person reading the report. */
  message: string
}

/** What the reader found for one entry: its size and hash, or why it could not (or would not) be read. */
export interface ReadEntry {
  path: string
  size?: number
  sha256?: string
  /** Chinese: why the data could not be read. */
  unreadable?: string
  /** Why the data was not read at all (e.g. its declared size differs from the manifest's): reported as is. */
  refused?: { problem: ProblemKind; reason: string; message: string }
}

const PROBLEM_TEXT: Record<ProblemKind, string> = {
  missing: '清单中列出的文件在报送包中不存在',
  extra: '报送包中有清单未列出的文件',
  'hash-mismatch': '文件内容与清单记录的 SHA-256 不一致（已被改动或损坏）',
  'size-mismatch': '文件大小与清单记录不一致',
  'bad-signature': '签名无效：清单在签名后被改动，或签名不是由清单中的公钥生成',
  'bad-manifest': '清单文件缺失或无法读取',
}

export function problem(path: string, kind: ProblemKind, extra: { reason?: string; message?: string } = {}): Problem {
  return { path, problem: kind, ...(extra.reason ? { reason: extra.reason } : {}), message: extra.message ?? PROBLEM_TEXT[kind] }
}

/**
 * Compare the manifest's file list with what was actually read. Entries the manifest does not list are
 * extra; listed entries not found are missing; size is checked before hash so a truncation says so.
 */
export function compareWithManifest(manifest: Manifest, read: ReadEntry[]): Problem[] {
  const problems: Problem[] = []
  const byPath = new Map(read.map((e) => [e.path, e]))
  const listed = new Set<string>()
  for (const f of manifest.files) {
    if (listed.has(f.path) || f.path === MANIFEST_PATH || f.path === SIGNATURE_PATH) {
      problems.push(problem(f.path, 'bad-manifest', { reason: 'duplicate-listing', message: '清单中重复列出同一文件或列出了清单自身' }))
      continue
    }
    listed.add(f.path)
    const got = byPath.get(f.path)
    if (!got) problems.push(problem(f.path, 'missing'))
    else if (got.refused) problems.push(problem(f.path, got.refused.problem, { reason: got.refused.reason, message: got.refused.message }))
    else if (got.unreadable) problems.push(problem(f.path, 'hash-mismatch', { reason: 'unreadable', message: `文件无法读取：${got.unreadable}` }))
    else if (got.size !== f.size) problems.push(problem(f.path, 'size-mismatch', { message: `文件大小与清单不一致：清单 ${f.size} 字节，实际 ${got.size} 字节` }))
    else if (got.sha256 !== f.sha256) problems.push(problem(f.path, 'hash-mismatch'))
  }
  for (const e of read) {
    if (!listed.has(e.path) && e.path !== MANIFEST_PATH && e.path !== SIGNATURE_PATH) problems.push(problem(e.path, 'extra'))
  }
  return problems
}
