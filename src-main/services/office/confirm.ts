/**
 * A bundle held as 待确认 (its key not registered for its province) is merged only when a person has compared
 * its fingerprint with the one on the province's sealed cover letter and types it here. Confirming registers
 * that key for the province (the old one goes to history, as with addKey) and ingests the bundle, superseding
 * the province's current bundle with a diff; a bundle older than the current one goes straight to history.
 */
import { sameFingerprint } from '../../core/bundle/fingerprint'
import { AppError } from '../../core/errors'
import { diffSites, type BundleDiff } from '../../core/office/diff'
import { appendAudit } from '../../db/repositories/audit'
import { bundleById, ingestedBundle, markSuperseded, settleConfirmed } from '../../db/office/bundles'
import { sitesOfBundle } from '../../db/office/register'
import type { OfficeContext } from './context'
import { addKey, normaliseFingerprint } from './keys'

export interface ConfirmResult {
  bundleId: number
  province: string
  fingerprint: string
  status: 'ingested' | 'superseded'
  supersededBundleId?: number
  diff?: BundleDiff
}

export function confirmBundle(office: OfficeContext, bundleId: number, typedFingerprint: string): ConfirmResult {
  const typed = normaliseFingerprint(typedFingerprint)
  return office.db.transaction((): ConfirmResult => {
    const bundle = bundleById(office.db, bundleId)
    if (!bundle) throw new AppError('not-found', `没有编号为 ${bundleId} 的报送包`)
    if (bundle.status !== 'pending-confirmation') throw new AppError('conflict', `报送包 ${bundleId} 不是“待确认”状态，无需确认`)
    if (!sameFingerprint(typed, bundle.fingerprint))
      throw new AppError('invalid-input', `输入的指纹与报送包签名密钥的指纹不一致（报送包为 ${bundle.fingerprint}），未做任何改动；请再次核对盖章报送函`, { field: 'fingerprint' })
    const { key } = addKey(office, { province: bundle.province, fingerprint: bundle.fingerprint })
    const current = ingestedBundle(office.db, bundle.province)
    const toSites = (id: number) => sitesOfBundle(office.db, id).map((s) => ({ code: s.code, name: s.name, fields: s.fields }))
    let result: ConfirmResult
    if (current && current.createdAt > bundle.createdAt) {
      settleConfirmed(office.db, bundle.id, key.id, { status: 'superseded', supersededBy: current.id })
      result = { bundleId, province: bundle.province, fingerprint: bundle.fingerprint, status: 'superseded' }
    } else {
      const diff = current ? diffSites(toSites(current.id), toSites(bundle.id)) : undefined
      settleConfirmed(office.db, bundle.id, key.id, { status: 'ingested', diff: diff ?? null })
      if (current) markSuperseded(office.db, current.id, bundle.id)
      result = { bundleId, province: bundle.province, fingerprint: bundle.fingerprint, status: 'ingested', ...(current ? { supersededBundleId: current.id, diff } : {}) }
    }
    appendAudit(
      office.db,
      {
        actor: office.actor,
        action: 'confirm',
        entity: 'bundle',
        entityId: bundleId,
        summary: `确认${bundle.province}报送包的签名密钥（指纹 ${bundle.fingerprint}）：${result.status === 'ingested' ? '已并入名册' : '早于已入库的报送包，转入历史'}`,
        details: result,
      },
      office.now(),
    )
    return result
  })()
}
