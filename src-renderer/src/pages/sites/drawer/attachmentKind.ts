import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, type OpOutput } from '@contract'

export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]
export type Attachment = OpOutput<'attachments.list'>['attachments'][number]

export const KIND_OPTIONS = ATTACHMENT_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND_LABELS[k] }))

export const isAttachmentKind = (value: string | null): value is AttachmentKind =>
  value !== null && (ATTACHMENT_KINDS as readonly string[]).includes(value)

/**
 * The same rules, in the same order, as the folder import's attachmentKindFromName
 * (src-main/core/attachments/kindFromName.ts, which the renderer cannot import: it pulls in the content
 * sniffing that uses Node's Buffer). Words first — a scanned 推荐函.jpg is a letter — then images are photos.
 */
const KEYWORDS: Array<[RegExp, AttachmentKind]> = [
  [/宣讲师|宣讲员/, 'lecturer-letter'],
  [/证书|合格证/, 'training-certificate'],
  [/推荐函|推荐信/, 'superior-letter'],
  [/自评/, 'self-assessment'],
  [/照片|相片/, 'photo'],
]
const IMAGE = /\.(jpe?g|png)$/i

/** The kind a file most likely is, read from its name (DESIGN §4). */
export function guessKind(fileName: string): AttachmentKind {
  const name = fileName.normalize('NFKC')
  for (const [pattern, kind] of KEYWORDS) if (pattern.test(name)) return kind
  return IMAGE.test(name) ? 'photo' : 'other'
}
