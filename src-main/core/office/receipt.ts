/**
 * What the office's 回执 (acknowledgement of a received bundle) says, before any layout: a LetterContent the
 * province's letters builder lays out in 信函格式. Pure: the service reads the bundle and the office profile.
 */
import { formatSize } from '../files/size'
import { cleanDocLine } from '../letters/clean'
import type { BodyItem, ChangeRow, LetterContent } from '../letters/content'
import { formatChineseDate, localIsoDate, noticeDocPrefix } from '../letters/docNo'
import { typesetChinese as printed } from '../typeset'
import { diffIsEmpty, type BundleDiff } from './diff'
import { fieldLabel } from './fieldLabels'

export interface ReceiptBundle {
  province: string
  /** The province's association, the receipt's 主送机关. */
  association: string
  campaignYear: number
  originalName: string
  sha256: string
  size: number
  /** ISO instant. */
  receivedAt: string
  fingerprint: string
  sites: number
  files: number
}

export interface ReceiptInput {
  /** The office's full name: 发文机关 and signature. */
  office: string
  bundle: ReceiptBundle
  /** The province's earlier bundle this one superseded, and what changed; absent for a first bundle. */
  superseded?: {
    originalName: string
    receivedAt: string
    diff: BundleDiff
    /** Site names by code in the new bundle: the diff names added and withdrawn sites, not changed ones. */
    names?: Record<string, string>
  }
  docNo: string
  /** 成文日期, e.g. 2021年6月1日. */
  date: string
}

/**
 * The 代字 of the office's 回执: its 发文代字 (the short name unless the profile sets one) with 函 added, as a
 * province's notices add it (推进办 → 推进办函〔2021〕1号); a 代字 that already ends in 函 is used as is.
 */
export function receiptDocPrefix(shortName: string, docPrefix: string | null): string {
  const base = cleanDocLine(docPrefix ?? '') || cleanDocLine(shortName)
  return base.endsWith('函') ? base : noticeDocPrefix(base)
}

/** `2021年6月1日 16:05` in local time. */
export function formatChineseDateTime(instant: string): string {
  const d = new Date(instant)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${formatChineseDate(localIsoDate(d))} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A SHA-256 as 8 groups of 8 hex digits: a line can wrap between groups, and a person compares group by group. */
export function groupedHash(hex: string): string {
  return (hex.toLowerCase().match(/.{1,8}/g) ?? []).join(' ')
}

/**
 * Changed sites listed in the annex, per kind (新增, 撤回, 改动): at most thirty rows, a page or two of annex
 * (about 35 one-line rows fit a page); the rest are counted under the table.
 */
const LISTED = 10

/** Widest signature kept on one line: beyond it the name would run into the left half of the page. */
const SIGNATURE_LINE = 20

/**
 * The office's name as a signature: one line when short, else two, broken after an organisation level
 * (…委员会 / …协会) nearest the middle, or in the middle, so neither line runs across the page.
 */
export function signatureLines(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= SIGNATURE_LINE) return name
  const ends = chars.flatMap((c, i) => (/[会局厅]/.test(c) && i + 1 < chars.length ? [i + 1] : []))
  const fits = ends.filter((i) => i <= SIGNATURE_LINE + 4 && chars.length - i <= SIGNATURE_LINE + 4)
  const mid = chars.length / 2
  const at = fits.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid))[0] ?? Math.ceil(mid)
  return `${chars.slice(0, at).join('')}\n${chars.slice(at).join('')}`
}

/** 新增/撤回/改动 of a superseding bundle in counts, one sentence; the sites themselves are in the annex. */
export function diffSentence(diff: BundleDiff): string {
  const changedSites = new Set(diff.changed.map((c) => c.code)).size
  const parts = [
    `新增现场 ${diff.added.length} 个`,
    `撤回现场 ${diff.withdrawn.length} 个`,
    `改动 ${diff.changed.length} 处${changedSites ? `，涉及现场 ${changedSites} 个` : ''}`,
  ]
  return parts.join('；')
}

/**
 * The annex rows of a diff: added, withdrawn, then changed sites (one row each, its changed fields' labels in
 * the diff's order), the first LISTED of each kind; and a note counting those left out.
 */
export function changeRows(diff: BundleDiff, names: Record<string, string> = {}): { rows: ChangeRow[]; note?: string } {
  const changed = new Map<string, string[]>()
  for (const c of diff.changed) {
    const labels = changed.get(c.code) ?? []
    const label = cleanDocLine(fieldLabel(c.field))
    if (!labels.includes(label)) labels.push(label)
    changed.set(c.code, labels)
  }
  const kinds: { change: ChangeRow['change']; left: string; sites: { code: string; name: string; fields: string }[] }[] = [
    { change: '新增', left: '新增现场', sites: diff.added.map((s) => ({ ...s, fields: '' })) },
    { change: '撤回', left: '撤回现场', sites: diff.withdrawn.map((s) => ({ ...s, fields: '' })) },
    { change: '改动', left: '有改动的现场', sites: [...changed].map(([code, labels]) => ({ code, name: names[code] ?? '', fields: labels.join('、') })) },
  ]
  const rows = kinds.flatMap(({ change, sites }) =>
    sites.slice(0, LISTED).map((s) => ({ change, code: cleanDocLine(s.code), name: cleanDocLine(printed(s.name)), fields: s.fields })),
  )
  const more = kinds.filter((k) => k.sites.length > LISTED).map((k) => `${k.left} ${k.sites.length - LISTED} 个`)
  return { rows, note: more.length ? `每类变动列出前 ${LISTED} 个现场，另有${more.join('、')}未列出。` : undefined }
}

/** The annex's title, also its 附件说明 item. */
const ANNEX_TITLE = '报送包变动的现场'

export function receiptContent(input: ReceiptInput): LetterContent {
  const { bundle } = input
  const office = cleanDocLine(printed(input.office))
  const province = cleanDocLine(bundle.province)
  const year = bundle.campaignYear
  // Kept short: a first bundle's receipt fits on one page under the seal's layout.
  const body: BodyItem[] = [
    `你会${year}年星级服务现场推荐报送包已于${formatChineseDateTime(bundle.receivedAt)}收到，经核验签名有效、文件齐全，已并入全国名册。`,
    `一、报送包文件：${cleanDocLine(bundle.originalName)}（${formatSize(bundle.size)}）。`,
    { label: '二、SHA-256校验值：', value: groupedHash(bundle.sha256), sameLine: true },
    { label: '三、签名公钥指纹：', value: cleanDocLine(bundle.fingerprint), sameLine: true },
    `四、收到现场 ${bundle.sites} 个、文件 ${bundle.files} 个；发现的问题：无。`,
  ]
  const s = input.superseded
  // The changed sites go in a table on the annex page, never inline: a list of codes joined by 、 in justified
  // prose breaks a code at its hyphens (GD-2021- | Y003).
  const changes = s && !diffIsEmpty(s.diff) ? changeRows(s.diff, s.names) : undefined
  if (s) {
    body.push(
      `五、本报送包替代${formatChineseDateTime(s.receivedAt)}收到的报送包（${cleanDocLine(s.originalName)}），全国名册以本报送包为准。与之相比：${diffSentence(s.diff)}。${changes ? '变动的现场见附件。' : ''}`,
    )
  }
  body.push('特此函复。')
  return {
    issuer: office,
    docNo: cleanDocLine(input.docNo),
    title: `关于收到${province}${year}年星级服务现场推荐报送包的回执`,
    addressee: `${cleanDocLine(printed(bundle.association))}：`,
    body,
    attachments: changes ? [ANNEX_TITLE] : [],
    signature: signatureLines(office),
    date: input.date,
    annex: changes ? { label: '附件', title: ANNEX_TITLE, changes: changes.rows, note: changes.note } : undefined,
  }
}
