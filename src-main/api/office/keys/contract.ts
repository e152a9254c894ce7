/** 公钥: the provinces' registered public keys, by the exported file or by the fingerprint on paper. */
import { z } from 'zod'
import { defineOps } from '../../define'
import { filePathSchema, fingerprintSchema, provinceSchema } from '../schemas'

export const provinceKeySchema = z.object({
  id: z.number(),
  province: z.string(),
  fingerprint: z.string(),
  /** file: registered from the exported .pem; fingerprint: typed from the sealed cover letter. */
  source: z.enum(['file', 'fingerprint']),
  hasPublicKey: z.boolean(),
  registeredAt: z.string(),
  registeredBy: z.string(),
  /** Set when a newer key replaced this one (then it is history). */
  supersededAt: z.string().nullable(),
})

export const officeKeysOps = defineOps({
  'office.keys.list': {
    title: '读取各省公钥',
    input: z.object({ includeHistory: z.boolean().optional() }).strict(),
    output: z.object({ keys: z.array(provinceKeySchema) }),
  },
  'office.keys.add': {
    title: '登记省级协会公钥',
    // Exactly one of file (the province's exported .pem; in browser mode the path /api/upload returned) and
    // fingerprint.
    input: z
      .object({ province: provinceSchema, file: filePathSchema.optional(), fingerprint: fingerprintSchema.optional() })
      .strict()
      .refine((v) => (v.file === undefined) !== (v.fingerprint === undefined), { message: '请在公钥文件和指纹中二选一', path: ['file'] }),
    output: z.object({
      key: provinceKeySchema,
      /** The key this one replaced, now in the history. */
      replaced: provinceKeySchema.nullable(),
      /** The same key was registered already: nothing changed. */
      unchanged: z.boolean(),
    }),
  },
})
