/**
 * The training roster (培训合格名单): records of who passed which class with which certificate number, and
 * the link from the numbers a site claims to those records.
 */
import { TRAINING_CLASS_LABELS } from '../../core/campaign/preset'
import { AppError, invalid } from '../../core/errors'
import {
  normalizeCertificateNo,
  readTrainingDraft,
  TRAINING_FIELD_LABELS,
  type TrainingDraft,
  type TrainingValues,
} from '../../core/training/records'
import { nameKey } from '../../core/text'
import { appendAudit } from '../../db/repositories/audit'
import { getActiveCampaign } from '../../db/repositories/campaigns'
import {
  deleteTraining,
  getTraining,
  getTrainingByCertificate,
  insertTraining,
  listTraining,
  trainingByCertificates,
  updateTraining,
  type TrainingRecord,
} from '../../db/repositories/training'
import type { AppContext } from '../context'

export interface TrainingView extends TrainingRecord {
  classLabel: string
}

const view = (r: TrainingRecord): TrainingView => ({ ...r, classLabel: TRAINING_CLASS_LABELS[r.class] })

function mustGet(app: AppContext, id: number): TrainingRecord {
  const r = getTraining(app.db, id)
  if (!r) throw new AppError('not-found', `找不到编号为 ${id} 的培训记录，可能已被删除`)
  return r
}

const describe = (v: TrainingValues) => `${v.trainee}（证书编号 ${v.certificateNo}，${TRAINING_CLASS_LABELS[v.class]}）`

/**
 * Names and work units are stored as typed (full-width brackets and all) while a query may be typed either
 * way: both sides are compared by their key (half-width, no spaces, lower case), never by the stored text.
 */
export function listTrainingRecords(app: AppContext, options: { text?: string } = {}): TrainingView[] {
  const needle = nameKey(options.text ?? '')
  const records = listTraining(app.db)
  const found = needle
    ? records.filter((r) => [r.trainee, r.workUnit, r.certificateNo].some((v) => v && nameKey(v).includes(needle)))
    : records
  return found.map(view)
}

/** Create (no id) or update (id) one record. The certificate number is unique across the roster. */
export function saveTrainingRecord(app: AppContext, draft: TrainingDraft & { id?: number }): TrainingView {
  const { values, problems } = readTrainingDraft(draft)
  if (!values) throw invalid(problems.map((p) => p.message).join('；'), problems)
  const now = app.now()
  const id = app.db.transaction(() => {
    const before = draft.id === undefined ? null : mustGet(app, draft.id)
    const holder = getTrainingByCertificate(app.db, values.certificateNo)
    if (holder && holder.id !== before?.id) {
      const message = `证书编号 ${values.certificateNo} 已登记在 ${holder.trainee}${holder.workUnit ? `（${holder.workUnit}）` : ''} 名下，同一证书编号不能重复登记`
      throw new AppError('conflict', message, { problems: [{ field: 'certificateNo', message }] })
    }
    if (!before) {
      const newId = insertTraining(app.db, values, now)
      appendAudit(
        app.db,
        { actor: app.actor, action: 'create', entity: 'training', entityId: newId, summary: `新增培训记录 ${describe(values)}` },
        now,
      )
      return newId
    }
    const changes = (Object.keys(TRAINING_FIELD_LABELS) as (keyof TrainingValues)[])
      .filter((k) => (before[k] ?? null) !== (values[k] ?? null))
      .map((k) => ({ field: k, from: before[k], to: values[k] }))
    if (changes.length) {
      updateTraining(app.db, before.id, values, now)
      const show = (field: keyof TrainingValues, v: unknown) =>
        v === null || v === '' ? '（空）' : field === 'class' ? TRAINING_CLASS_LABELS[v as TrainingValues['class']] : String(v)
      const text = changes.map((c) => `${TRAINING_FIELD_LABELS[c.field]}：${show(c.field, c.from)} → ${show(c.field, c.to)}`).join('；')
      appendAudit(
        app.db,
        {
          actor: app.actor,
          action: 'update',
          entity: 'training',
          entityId: before.id,
          summary: `修改培训记录 ${before.trainee}（证书编号 ${before.certificateNo}）：${text}`,
          details: changes,
        },
        now,
      )
    }
    return before.id
  })()
  return view(mustGet(app, id))
}

/** Delete records for good (the roster is reference data; the audit log keeps what was removed). */
export function removeTrainingRecords(app: AppContext, ids: number[]): number {
  const now = app.now()
  return app.db.transaction(() => {
    let n = 0
    for (const id of new Set(ids)) {
      const r = mustGet(app, id)
      deleteTraining(app.db, id)
      appendAudit(
        app.db,
        { actor: app.actor, action: 'delete', entity: 'training', entityId: id, summary: `删除培训记录 ${describe(r)}`, details: r },
        now,
      )
      n++
    }
    return n
  })()
}

export interface ClaimedCertificate {
  /** As the site claims it (normalised). */
  certificateNo: string
  record: TrainingView | null
  /**
   * Whether the record's class counts for this site's type in the active campaign; null when there is no
   * record (or no campaign) to judge.
   */
  classAccepted: boolean | null
}

/** Each certificate number a site claims, in its order, with the roster record it refers to or null. */
export function certificatesForSite(app: AppContext, siteId: number): { siteId: number; certificates: ClaimedCertificate[] } {
  const site = app.sites.get(siteId)
  if (!site) throw new AppError('not-found', `找不到编号为 ${siteId} 的现场，可能已被删除`)
  const claimed = [...new Set(site.certificates.map(normalizeCertificateNo).filter(Boolean))]
  const records = trainingByCertificates(app.db, claimed)
  const accepted = getActiveCampaign(app.db)?.config.acceptedClasses[site.type]
  return {
    siteId,
    certificates: claimed.map((certificateNo) => {
      const record = records.get(certificateNo)
      return {
        certificateNo,
        record: record ? view(record) : null,
        classAccepted: record && accepted ? accepted.includes(record.class) : null,
      }
    }),
  }
}
