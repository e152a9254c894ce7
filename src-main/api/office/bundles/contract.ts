/** 报送包: receiving bundles (a job, one progress step per bundle), listing them, confirming a pending one, diffs. */
import { z } from 'zod'
import { defineOps, idSchema } from '../../define'
import { BUNDLE_STATUSES, RECEIVE_STATUSES, diffSchema, diffSummarySchema, filePathSchema, fingerprintSchema, problemSchema } from '../schemas'

export const receivedBundleSchema = z.object({
  id: z.number(),
  /** The file name it arrived under. */
  originalName: z.string(),
  province: z.string(),
  association: z.string(),
  campaignYear: z.number(),
  /** When the province built it (from its signed manifest). */
  createdAt: z.string(),
  receivedAt: z.string(),
  receivedBy: z.string(),
  status: z.enum(BUNDLE_STATUSES),
  /** The signing key's fingerprint; for a pending bundle shown next to registeredFingerprint. */
  fingerprint: z.string(),
  /** The province's currently registered key, null when none is. */
  registeredFingerprint: z.string().nullable(),
  sites: z.number(),
  files: z.number(),
  size: z.number(),
  sha256: z.string(),
  supersededBy: z.number().nullable(),
  /** What changed against the bundle it superseded; null for a province's first bundle. */
  diff: diffSummarySchema.nullable(),
})

export const receiveOutcomeSchema = z.object({
  /** The path as received, and its file name for display. */
  file: z.string(),
  fileName: z.string(),
  status: z.enum(RECEIVE_STATUSES),
  message: z.string(),
  problems: z.array(problemSchema),
  province: z.string().nullable(),
  bundleId: z.number().nullable(),
  fingerprint: z.string().nullable(),
  sites: z.number().nullable(),
  files: z.number().nullable(),
  supersededBundleId: z.number().nullable(),
  diff: diffSummarySchema.nullable(),
})

export const officeBundlesOps = defineOps({
  'office.bundles.list': {
    title: '读取收到的报送包',
    input: z.object({}).strict(),
    output: z.object({ bundles: z.array(receivedBundleSchema) }),
  },
  'office.bundles.receive': {
    title: '接收报送包',
    job: true,
    // Bundle files and folders (every .zip directly inside). Browser mode: the paths /api/upload returned.
    input: z.object({ paths: z.array(filePathSchema).min(1, '请至少选择一个报送包').max(1000, '一次最多接收 1000 个文件或文件夹') }).strict(),
    output: z.object({
      outcomes: z.array(receiveOutcomeSchema),
      counts: z.object({ ingested: z.number(), pending: z.number(), refused: z.number(), alreadyReceived: z.number() }),
      /** Cancelled between two bundles: outcomes lists the ones done (each complete), the rest were not read. */
      cancelled: z.boolean(),
    }),
  },
  'office.bundles.confirm': {
    title: '确认待确认的报送包',
    input: z.object({ bundleId: idSchema, fingerprint: fingerprintSchema }).strict(),
    output: z.object({
      bundleId: z.number(),
      province: z.string(),
      fingerprint: z.string(),
      status: z.enum(['ingested', 'superseded']),
      supersededBundleId: z.number().nullable(),
      diff: diffSummarySchema.nullable(),
    }),
  },
  'office.bundles.receipt': {
    title: '生成回执',
    // Written again on request: the 文号 and 成文日期 issued the first time are kept.
    input: z.object({ bundleId: idSchema }).strict(),
    output: z.object({ path: z.string(), fileName: z.string(), docNumber: z.string(), size: z.number() }),
  },
  'office.bundles.diff': {
    title: '读取报送包的变化',
    input: z.object({ bundleId: idSchema }).strict(),
    output: z.object({
      bundleId: z.number(),
      province: z.string(),
      /** The bundle this one superseded; null for a province's first bundle (diff is then null too). */
      previousBundleId: z.number().nullable(),
      diff: diffSchema.nullable(),
    }),
  },
})
