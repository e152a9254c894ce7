/**
 * Where every file goes inside the bundle (DESIGN §7). Pure: given sites and their attachments, the entry
 * paths; the build service only streams bytes to them.
 */
import { EntryNamer, safeEntryPath, safeSegment } from './names'

export const MANIFEST_PATH = 'manifest.json'
export const SIGNATURE_PATH = 'manifest.sig'
export const COVER_LETTER_PATH = '00_报送函.docx'
export const ROSTER_PATH = '01_推荐汇总表.xlsx'
export const CHECK_REPORT_PATH = '02_审核报告.xlsx'
export const SITES_FOLDER = '现场材料'
export const SITE_LETTER_NAME = '推荐函.docx'

/** File-name prefixes by attachment kind; the receiver sorts and finds files by these words. */
export const KIND_FILE_PREFIX: Record<string, string> = {
  'superior-letter': '上级推荐函',
  'training-certificate': '培训证书',
  'lecturer-letter': '宣讲师推荐信',
  'self-assessment': '自评报告',
  photo: '照片',
  other: '其他',
}

/** Already compressed formats: deflating them again costs time and saves nothing. */
const STORED_EXTS = new Set(['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx', 'zip', 'ofd'])

export function isStoredExt(fileName: string): boolean {
  const m = fileName.match(/\.([A-Za-z0-9]+)$/)
  return !!m && STORED_EXTS.has(m[1].toLowerCase())
}

export interface LayoutAttachment {
  id: number
  kind: string
  ext: string
}

export interface LayoutSite {
  code: string
  name: string
  attachments: LayoutAttachment[]
}

export interface SiteLayout {
  folder: string
  letterPath: string
  /** Attachment id -> entry path. */
  attachments: Map<number, string>
}

function cleanExt(ext: string): string {
  const e = ext.replace(/^\./, '').toLowerCase()
  return /^[a-z0-9]{1,8}$/.test(e) ? '.' + e : ''
}

/**
 * 现场材料/{现场编号}_{现场名称}/推荐函.docx and the attachments named by kind: "照片.jpg" when a site has one
 * photo, "照片1.jpg", "照片2.jpg" … when it has several (in the order they were added).
 */
export function layoutSites(sites: LayoutSite[], namer = new EntryNamer()): SiteLayout[] {
  return sites.map((site) => {
    // The folder name is capped so the whole path stays short on Windows even with a long site name.
    const folder = namer.reserveFolder(SITES_FOLDER, safeSegment(`${site.code}_${site.name}`, 60))
    const folderName = folder.slice(SITES_FOLDER.length + 1)
    const letterPath = namer.reserve(`${folder}/${SITE_LETTER_NAME}`)
    const perKind = new Map<string, number>()
    for (const a of site.attachments) perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + 1)
    const seen = new Map<string, number>()
    const attachments = new Map<number, string>()
    for (const a of site.attachments) {
      const prefix = KIND_FILE_PREFIX[a.kind] ?? KIND_FILE_PREFIX.other
      const n = (seen.get(a.kind) ?? 0) + 1
      seen.set(a.kind, n)
      const stem = perKind.get(a.kind)! > 1 ? `${prefix}${n}` : prefix
      attachments.set(a.id, namer.reserve(safeEntryPath([SITES_FOLDER, folderName, stem + cleanExt(a.ext)])))
    }
    return { folder, letterPath, attachments }
  })
}
