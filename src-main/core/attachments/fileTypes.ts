/**
 * What an attachment may be: the campaign's accepted extensions, its size limit, and content that really is
 * what the extension claims (a renamed .exe is refused). Pure: the caller reads the size and the first bytes.
 */
import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, type CampaignConfig } from '../campaign/preset'
import { cleanText } from '../text'
import { formatLimitMb, formatOverLimitMb, MB } from '../files/size'

export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

/** How many leading bytes the content checks need. */
export const HEADER_BYTES = 1024

type Family = 'pdf' | 'png' | 'jpeg' | 'zip' | 'ole'

const FAMILY_OF_EXT: Record<string, Family> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  // OFD (GB/T 33190) and Office Open XML are zip containers.
  ofd: 'zip',
  docx: 'zip',
  xlsx: 'zip',
  // Word 97–2003 and Excel 97–2003 are OLE compound files.
  doc: 'ole',
  xls: 'ole',
}

const FAMILY_LABEL: Record<Family, string> = {
  pdf: 'PDF 文档',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  zip: 'OFD/Office 文档',
  ole: 'Word/Excel 97-2003 文档',
}

export const MIME_OF_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export const mimeForExt = (ext: string): string => MIME_OF_EXT[ext] ?? 'application/octet-stream'

const startsWith = (header: Uint8Array, bytes: number[]) =>
  header.length >= bytes.length && bytes.every((b, i) => header[i] === b)

/** The container family the first bytes show, or null when none we know. */
export function sniffFamily(header: Uint8Array): Family | null {
  if (startsWith(header, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(header, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(header, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  if (startsWith(header, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  // PDF readers accept the header anywhere in the first 1024 bytes; some scanners put junk before it.
  if (Buffer.from(header.buffer, header.byteOffset, Math.min(header.length, HEADER_BYTES)).includes('%PDF-')) return 'pdf'
  return null
}

/** Windows PE, ELF, Mach-O, scripts with a shebang: programs, never an application document. */
export function looksExecutable(header: Uint8Array): boolean {
  return (
    startsWith(header, [0x4d, 0x5a]) ||
    startsWith(header, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(header, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(header, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(header, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(header, [0x23, 0x21])
  )
}

/** Lower-case extension without the dot, from a (safe) file name; '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  if (dot < 0 || dot === name.length - 1) return ''
  return name.slice(dot + 1).toLowerCase()
}

export interface AttachmentRules {
  attachmentTypes: string[]
  maxAttachmentMb: number
}

export const rulesOf = (config: CampaignConfig): AttachmentRules => ({
  attachmentTypes: config.attachmentTypes,
  maxAttachmentMb: config.maxAttachmentMb,
})

/** "pdf、ofd、jpg…" for messages. */
export const acceptedList = (rules: AttachmentRules) => rules.attachmentTypes.join('、')

/** The type rule alone: is this extension accepted at all? (Checked before any byte is read.) */
export function checkExtension(name: string, ext: string, rules: AttachmentRules): string | null {
  if (!ext) return `文件“${name}”没有扩展名，无法判断类型，可上传：${acceptedList(rules)}`
  if (!rules.attachmentTypes.includes(ext))
    return `文件“${name}”的类型不允许（.${ext}），可上传：${acceptedList(rules)}`
  return null
}

/**
 * Size and content rules for a file whose extension is accepted. Run once before anything is copied and
 * again on the copied bytes, so a file changed in between is still judged on what was actually stored.
 */
export function checkContent(name: string, ext: string, size: number, header: Uint8Array, rules: AttachmentRules): string | null {
  if (size === 0) return `文件“${name}”是空文件（0 字节），请检查后重新选择`
  if (size > rules.maxAttachmentMb * MB)
    return `文件“${name}”有 ${formatOverLimitMb(size)} MB，超过每个文件 ${formatLimitMb(rules.maxAttachmentMb)} MB 的上限`
  const expected = FAMILY_OF_EXT[ext]
  const actual = sniffFamily(header)
  if (expected && actual !== expected) {
    const what = looksExecutable(header) ? '实际上是一个程序' : actual ? `实际上是${FAMILY_LABEL[actual]}` : '内容无法识别'
    return `文件“${name}”的内容与扩展名 .${ext} 不符（${what}），请确认文件没有损坏或被改名`
  }
  // An extension the campaign added that we have no signature for: still never accept a program.
  if (!expected && looksExecutable(header)) return `文件“${name}”实际上是一个程序，不能作为附件`
  return null
}

/**
 * The short names clerks actually type for each kind, besides the full label. Exact words only: a keyword
 * search (as for file names) would let a typo land a file under the wrong kind.
 */
const KIND_ALIASES: Record<string, AttachmentKind> = {
  推荐函: 'superior-letter',
  上级推荐函: 'superior-letter',
  证书: 'training-certificate',
  培训证书: 'training-certificate',
  合格证书: 'training-certificate',
  宣讲师推荐信: 'lecturer-letter',
  宣讲师推荐函: 'lecturer-letter',
  自评: 'self-assessment',
  照片: 'photo',
  其它: 'other',
}

/** A kind given as its code (superior-letter), its Chinese label (上级部门推荐函) or a short name (推荐函); null when none. */
export function parseAttachmentKind(value: unknown): AttachmentKind | null {
  const text = cleanText(value).replace(/\s+/g, '')
  if (!text) return null
  const lower = text.toLowerCase()
  for (const kind of ATTACHMENT_KINDS) if (kind === lower || ATTACHMENT_KIND_LABELS[kind] === text) return kind
  return Object.hasOwn(KIND_ALIASES, text) ? KIND_ALIASES[text] : null
}

/** "superior-letter（上级部门推荐函）、…；也可写简称：推荐函、…" for messages about an unknown kind. */
export const kindChoices = () =>
  `${ATTACHMENT_KINDS.map((k) => `${k}（${ATTACHMENT_KIND_LABELS[k]}）`).join('、')}；也可写简称：${Object.keys(KIND_ALIASES).join('、')}`
