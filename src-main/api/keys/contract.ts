import { z } from 'zod'
import { defineOps } from '../define'

export const keysOps = defineOps({
  'keys.info': {
    title: '读取签名密钥',
    input: z.object({}).strict(),
    output: z.object({ fingerprint: z.string(), publicKeyPem: z.string() }),
  },
  'keys.exportPublic': {
    title: '导出公钥',
    input: z.object({ outPath: z.string().min(1, '请选择保存位置').max(4096) }).strict(),
    output: z.object({ path: z.string(), fingerprint: z.string() }),
  },
})
