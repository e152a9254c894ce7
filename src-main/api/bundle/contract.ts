import { z } from 'zod'
import { PROBLEMS } from '../../core/bundle/problems'
import { defineOps, idSchema } from '../define'

const omittedSchema = z.object({ path: z.string(), reason: z.string() })

export const bundleProblemSchema = z.object({
  path: z.string(),
  problem: z.enum(PROBLEMS),
  reason: z.string().optional(),
  message: z.string(),
})

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  files: z.number(),
  fingerprint: z.string().nullable(),
  problems: z.array(bundleProblemSchema),
  ownKey: z.boolean().nullable(),
  signatureValid: z.boolean(),
  association: z.string().optional(),
  campaignYear: z.number().optional(),
  createdAt: z.string().optional(),
  sites: z.number().optional(),
})

export const bundleRecordSchema = z.object({
  id: z.number(),
  path: z.string(),
  size: z.number(),
  sha256: z.string(),
  sites: z.number(),
  files: z.number(),
  fingerprint: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
})

export const bundleOps = defineOps({
  'bundle.build': {
    title: '生成报送包',
    job: true,
    input: z
      .object({
        outPath: z.string().min(1).max(4096).optional(),
        siteIds: z.array(idSchema).min(1, '请至少选择一个现场').max(100_000).optional(),
        // 暂缓报送 the sites with open errors (exactly siteIds when given: those the clerk confirmed), then build.
        deferUnready: z
          .object({
            reason: z.string().trim().min(1, '请填写暂缓报送的原因').max(500, '原因过长（最多 500 字）'),
            siteIds: z.array(idSchema).max(100_000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({
      id: z.number(),
      path: z.string(),
      size: z.number(),
      sha256: z.string(),
      sites: z.number(),
      files: z.number(),
      fingerprint: z.string(),
      omitted: z.array(omittedSchema),
      deferred: z.array(
        z.object({
          siteId: z.number(),
          code: z.string(),
          name: z.string(),
          reason: z.string(),
          errors: z.array(z.object({ rule: z.string(), message: z.string() })),
          justDeferred: z.boolean(),
        }),
      ),
    }),
  },
  'bundle.verify': {
    title: '校验报送包',
    job: true,
    input: z.object({ path: z.string().min(1, '请选择报送包文件').max(4096) }).strict(),
    output: verifyResultSchema,
  },
  'bundle.history': {
    title: '报送包记录',
    input: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ bundles: z.array(bundleRecordSchema) }),
  },
})
