/** The letters use cases: per-site 推荐函, the 报送函, their list, renumbering and the live preview. */
import path from 'node:path'
import { AppError } from '../../core/errors'
import {
  coverLetterContent,
  siteLetterContent,
  type LetterCampaign,
  type LetterIssuer,
  type LetterSite,
} from '../../core/letters/content'
import { safeFileName } from '../../core/files/safeName'
import { appendAudit } from '../../db/repositories/audit'
import { LetterRepository, type LetterRecord } from '../../db/repositories/letters'
import type { SiteRecord } from '../../db/repositories/sites'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { requireSetup } from '../settings/association'
import { attachmentsBySite, openErrorsBySite } from './blocking'
import { issueLetter, issueLetters, type IssueRequest } from './issue'
import { getLetterSettings } from './settings'

export interface GeneratedLetter {
  siteId: number
  siteCode: string
  path: string
  docNo: string
}

export interface SkippedSite {
  siteId: number
  siteCode: string
  siteName: string
  reasons: string[]
}

export interface GenerateResult {
  generated: GeneratedLetter[]
  skipped: SkippedSite[]
}

const PHASE = '生成推荐函'

function setup(app: AppContext) {
  const { association, campaign } = requireSetup(app)
  if (!association.docPrefix) throw new AppError('not-initialised', '尚未设置文号前缀：请在“设置”中填写协会的文号前缀（如 粤通协）')
  const issuer: LetterIssuer = {
    name: association.name,
    shortName: association.shortName,
    contact: association.contact,
    phone: association.phone,
  }
  const letterCampaign: LetterCampaign = {
    year: campaign.year,
    name: campaign.config.name,
    noticeNo: campaign.config.noticeNo,
    nationalOffice: campaign.config.nationalOffice,
  }
  const settings = getLetterSettings(app)
  return {
    association,
    campaign,
    issuer,
    letterCampaign,
    settings,
    layout: { format: settings.format, fonts: settings.fonts },
    repo: new LetterRepository(app.db),
  }
}

export const defaultLettersDir = (app: AppContext): string => path.join(app.dataDir, 'outputs', '推荐函')

export const siteFileName = (site: Pick<SiteRecord, 'code' | 'name'>): string => safeFileName(`${site.code}_${site.name}.docx`)

/** Sites asked for (or every current site of the campaign but the rejected ones), and those refused with why. */
function selectSites(app: AppContext, campaignId: number, siteIds?: number[]) {
  const errors = openErrorsBySite(app)
  const chosen: SiteRecord[] = []
  const skipped: SkippedSite[] = []
  const candidates = siteIds
    ? siteIds.map((id) => ({ id, site: app.sites.get(id) }))
    : app.sites.list(campaignId).filter((s) => s.status !== 'rejected' && s.status !== 'deferred').map((site) => ({ id: site.id, site }))
  for (const { id, site } of candidates) {
    if (!site || site.deletedAt || site.campaignId !== campaignId) {
      skipped.push({ siteId: id, siteCode: site?.code ?? '', siteName: site?.name ?? '', reasons: ['找不到该现场，或已删除，或不属于当前年度'] })
    } else if (site.status === 'rejected') {
      skipped.push({ siteId: id, siteCode: site.code, siteName: site.name, reasons: ['该现场状态为“未通过”，不出具推荐函'] })
    } else if (site.status === 'deferred') {
      skipped.push({ siteId: id, siteCode: site.code, siteName: site.name, reasons: ['该现场暂缓报送，恢复报送后再出具推荐函'] })
    } else if (errors.has(id)) {
      skipped.push({ siteId: id, siteCode: site.code, siteName: site.name, reasons: errors.get(id)! })
    } else {
      chosen.push(site)
    }
  }
  return { chosen, skipped }
}

export interface GenerateOptions {
  siteIds?: number[]
  /** Folder for the letters; default dataDir/outputs/推荐函. */
  outDir?: string
}

export async function generateLetters(app: AppContext, options: GenerateOptions = {}, job?: JobHandle): Promise<GenerateResult> {
  const s = setup(app)
  const { chosen, skipped } = selectSites(app, s.campaign.id, options.siteIds)
  const attachments = attachmentsBySite(app.db, s.campaign.id)
  const outDir = path.resolve(options.outDir ?? defaultLettersDir(app))
  const generated: GeneratedLetter[] = []
  let cancelled = false
  try {
    job?.progress(PHASE, 0, chosen.length)
    const requests = chosen.map(
      (site): IssueRequest & { site: SiteRecord } => ({
        site,
        kind: 'site',
        siteId: site.id,
        campaignId: s.campaign.id,
        docPrefix: s.association.docPrefix,
        target: path.join(outDir, siteFileName(site)),
        content: (docNo, date) =>
          siteLetterContent({
            site,
            issuer: s.issuer,
            campaign: s.letterCampaign,
            templates: s.settings.templates,
            docNo,
            date,
            attachments: attachments.get(site.id) ?? [],
          }),
      }),
    )
    await issueLetters(app, s.repo, s.layout, requests, job, (letter, { site }) => {
      generated.push({ siteId: site.id, siteCode: site.code, path: letter.filePath, docNo: letter.docNo })
      job?.progress(PHASE, generated.length, chosen.length)
    })
  } catch (error) {
    cancelled = error instanceof AppError && error.code === 'cancelled'
    throw error
  } finally {
    // The run is audited even when cancelled or failed: the letters written before stay written.
    const status = cancelled ? '（已取消）' : generated.length < chosen.length ? '（未完成）' : ''
    appendAudit(
      app.db,
      {
        actor: app.actor,
        action: 'generate',
        entity: 'letters',
        summary: `生成推荐函 ${generated.length} 份，跳过 ${skipped.length} 个现场${status}`,
        details: { outDir, generated: generated.map((g) => ({ siteId: g.siteId, docNo: g.docNo })), skipped },
      },
      app.now(),
    )
  }
  return { generated, skipped }
}

export interface CoverOptions {
  siteIds?: number[]
  fingerprint?: string
  outPath?: string
  /** Internal: renumbering. */
  renew?: boolean
}

export async function generateCoverLetter(
  app: AppContext,
  options: CoverOptions = {},
  job?: JobHandle,
): Promise<{ path: string; docNo: string; letterId: number }> {
  const s = setup(app)
  const { chosen, skipped } = selectSites(app, s.campaign.id, options.siteIds)
  if (options.siteIds && skipped.length) {
    const text = skipped.map((k) => `${k.siteCode || k.siteId} ${k.siteName}：${k.reasons.join('；')}`).join('\n')
    throw new AppError('conflict', `以下现场不能列入报送函：\n${text}`, { skipped })
  }
  if (!chosen.length) throw new AppError('conflict', '没有可列入报送函的现场：请先录入现场并处理审核中的错误')
  const target = path.resolve(
    options.outPath ?? path.join(app.dataDir, 'outputs', safeFileName(`${s.association.shortName}_${s.campaign.year}_报送函.docx`)),
  )
  const letterSites: LetterSite[] = chosen
  const letter = await issueLetter(
    app,
    s.repo,
    s.layout,
    {
      kind: 'cover',
      siteId: null,
      campaignId: s.campaign.id,
      docPrefix: s.association.docPrefix,
      target,
      renew: options.renew,
      params: { siteIds: options.siteIds ?? null, fingerprint: options.fingerprint ?? null },
      content: (docNo, date) =>
        coverLetterContent({
          sites: letterSites,
          issuer: s.issuer,
          campaign: s.letterCampaign,
          templates: s.settings.templates,
          docNo,
          date,
          fingerprint: options.fingerprint,
        }),
    },
    job,
  )
  appendAudit(
    app.db,
    {
      actor: app.actor,
      action: options.renew ? 'renumber' : 'generate',
      entity: 'letter',
      entityId: letter.id,
      summary: `${options.renew ? '重新编号并生成' : '生成'}报送函 ${letter.docNo}（列入 ${chosen.length} 个现场）`,
      details: { path: letter.filePath },
    },
    app.now(),
  )
  return { path: letter.filePath, docNo: letter.docNo, letterId: letter.id }
}

export interface LetterListItem {
  id: number
  kind: 'site' | 'cover'
  siteId: number | null
  siteCode: string | null
  siteName: string | null
  docNo: string
  path: string
  issuedOn: string
  generatedAt: string
  generatedBy: string
}

export function listLetters(app: AppContext): LetterListItem[] {
  const { campaign } = requireSetup(app)
  const repo = new LetterRepository(app.db)
  // Notices (评定结果通知) are listed on the results page, not among the 推荐函.
  const letters = repo.list(campaign.id).filter((l): l is LetterRecord & { kind: 'site' | 'cover' } => l.kind !== 'notice')
  return letters.map((l) => {
    const site = l.siteId ? app.sites.get(l.siteId) : null
    return {
      id: l.id,
      kind: l.kind,
      siteId: l.siteId,
      siteCode: site?.code ?? null,
      siteName: site?.name ?? null,
      docNo: l.docNo,
      path: l.filePath,
      issuedOn: l.issuedOn,
      generatedAt: l.generatedAt,
      generatedBy: l.generatedBy,
    }
  })
}

/** A new number (and today's date) for a letter, on explicit request only; the file is rewritten with it. */
export async function renumberLetter(app: AppContext, letterId: number): Promise<{ path: string; docNo: string; previousDocNo: string }> {
  const repo = new LetterRepository(app.db)
  const letter = repo.get(letterId)
  if (!letter || letter.kind === 'notice') throw new AppError('not-found', `找不到编号为 ${letterId} 的推荐函记录`)
  if (letter.kind === 'cover') {
    const p = (letter.params ?? {}) as { siteIds?: number[] | null; fingerprint?: string | null }
    const out = await generateCoverLetter(app, {
      siteIds: p.siteIds ?? undefined,
      fingerprint: p.fingerprint ?? undefined,
      outPath: letter.filePath,
      renew: true,
    })
    return { path: out.path, docNo: out.docNo, previousDocNo: letter.docNo }
  }
  const s = setup(app)
  const { chosen, skipped } = selectSites(app, s.campaign.id, [letter.siteId!])
  if (!chosen.length) throw new AppError('conflict', `该现场目前不能出具推荐函：${skipped[0].reasons.join('；')}`, { skipped })
  const site = chosen[0]
  const attachments = attachmentsBySite(app.db, s.campaign.id).get(site.id) ?? []
  const renewed = await issueLetter(app, s.repo, s.layout, {
    kind: 'site',
    siteId: site.id,
    campaignId: s.campaign.id,
    docPrefix: s.association.docPrefix,
    target: path.join(path.dirname(letter.filePath), siteFileName(site)),
    renew: true,
    content: (docNo, date) =>
      siteLetterContent({ site, issuer: s.issuer, campaign: s.letterCampaign, templates: s.settings.templates, docNo, date, attachments }),
  })
  appendAudit(
    app.db,
    {
      actor: app.actor,
      action: 'renumber',
      entity: 'letter',
      entityId: renewed.id,
      summary: `推荐函重新编号：${site.code} ${site.name} ${letter.docNo} → ${renewed.docNo}`,
    },
    app.now(),
  )
  return { path: renewed.filePath, docNo: renewed.docNo, previousDocNo: letter.docNo }
}

