/** Rules about attached documents: the superior department's letter, and stored files being intact. */
import { ATTACHMENT_KIND_LABELS } from '../../campaign/preset'
import { finding, type Rule } from '../types'

export const superiorLetterRule: Rule = {
  id: 'superior-letter',
  severity: 'error',
  evaluate(site, ctx) {
    // Campaign data decides whether the letter is required, never this code.
    if (!ctx.config.requiredAttachments.includes('superior-letter')) return []
    const has = (ctx.attachments.get(site.id) ?? []).some((a) => a.kind === 'superior-letter')
    return has ? [] : [finding(this, 'superior-letter', '未附上级部门推荐函，请上传盖章的推荐函扫描件')]
  },
}

const PROBLEM_TEXT = {
  missing: '存储的文件已丢失',
  'size-mismatch': '存储的文件大小与登记时不符',
  'hash-mismatch': '存储的文件内容已被改动（SHA-256 不符）',
} as const

export const attachmentIntegrityRule: Rule = {
  id: 'attachment-integrity',
  severity: 'error',
  evaluate(site, ctx) {
    const out = []
    for (const a of ctx.attachments.get(site.id) ?? []) {
      if (!a.integrity) continue
      out.push(
        finding(
          this,
          a.kind,
          `附件“${a.originalName}”（${ATTACHMENT_KIND_LABELS[a.kind]}）${PROBLEM_TEXT[a.integrity]}，请删除后重新上传`,
          { detail: a.id },
        ),
      )
    }
    return out
  },
}
