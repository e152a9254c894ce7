/**
 * Folder import vocabulary (DESIGN §4): the attachment kind a file name suggests, which entries of a folder
 * are not the clerk's files (hidden, system), and how a folder name is compared with a site. Pure.
 */
import type { AttachmentKind } from './fileTypes'
import { extensionOf } from './fileTypes'
import { nameKey } from '../text'

const IMAGE_EXTS = new Set(['jpg', 'jpeg', 'png'])

/** Checked in order: 宣讲师推荐函 is a lecturer letter, not a superior letter. */
const KEYWORDS: Array<[RegExp, AttachmentKind]> = [
  [/宣讲师|宣讲员/, 'lecturer-letter'],
  [/证书|合格证/, 'training-certificate'],
  [/推荐函|推荐信/, 'superior-letter'],
  [/自评/, 'self-assessment'],
  [/照片|相片/, 'photo'],
]

/**
 * The kind a file name suggests: words first (a scanned 推荐函.jpg is a letter, not a photo), then images
 * are photos, anything else is 其他.
 */
export function attachmentKindFromName(fileName: string): AttachmentKind {
  const base = nameKey(fileName)
  for (const [pattern, kind] of KEYWORDS) if (pattern.test(base)) return kind
  return IMAGE_EXTS.has(extensionOf(base)) ? 'photo' : 'other'
}

/** Files the system or another program leaves behind; never the clerk's attachments. */
const SYSTEM_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db', '.ds_store'])

/** Hidden (dot files, Office lock files “~$推荐函.docx”) or system files. */
export function isHiddenEntry(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_NAMES.has(name.toLowerCase())
}

export interface SiteRef {
  id: number
  code: string
  name: string
}

export type FolderMatch<S extends SiteRef> =
  | { site: S; by: 'code' | 'name' | 'normalised-name' }
  | { site: null; reason: string }

/**
 * The site a folder is named after: its code (any case, full-width tolerated), its exact name, or its name
 * compared without spaces, width or case. Two sites sharing a name match neither.
 */
export function matchSiteFolder<S extends SiteRef>(folderName: string, sites: readonly S[]): FolderMatch<S> {
  const key = nameKey(folderName)
  const byCode = sites.find((s) => nameKey(s.code) === key)
  if (byCode) return { site: byCode, by: 'code' }
  const exact = sites.filter((s) => s.name === folderName.trim())
  if (exact.length === 1) return { site: exact[0], by: 'name' }
  const loose = exact.length ? exact : sites.filter((s) => nameKey(s.name) === key)
  if (loose.length === 1) return { site: loose[0], by: 'normalised-name' }
  if (loose.length > 1)
    return { site: null, reason: `有 ${loose.length} 个现场都叫“${loose[0].name}”（${loose.map((s) => s.code).join('、')}），请把文件夹改名为现场编号` }
  return { site: null, reason: '没有名称或编号与文件夹名相同的现场' }
}
