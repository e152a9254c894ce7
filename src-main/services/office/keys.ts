/**
 * The provinces' public keys, registered from the PEM file a province exports (导出公钥) or from the
 * fingerprint printed on its sealed cover letter. A province's new key supersedes the old one, which stays
 * in the history; every registration is in the audit log.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { findProvince } from '../../core/association/provinces'
import { formatFingerprint } from '../../core/bundle/fingerprint'
import { AppError } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import { currentKey, fillPublicKey, insertProvinceKey, keysByFingerprint, listProvinceKeys, supersedeKey, type ProvinceKey } from '../../db/office/provinceKeys'
import { fingerprintOf, rawPublicKey } from '../keys/keys'
import type { OfficeContext } from './context'

export type AddKeyInput = { province: string } & ({ file: string } | { fingerprint: string })

export interface AddKeyResult {
  key: ProvinceKey
  /** The key this one replaced, now in the history. */
  replaced: ProvinceKey | null
  /** The same key was registered already: nothing changed (or only its public key was filled in). */
  unchanged: boolean
}

export function provinceName(value: string): string {
  const p = findProvince(value)
  if (!p) throw new AppError('invalid-input', `无法识别的省份“${value}”，请写如“广东”或“广东省”`, { field: 'province' })
  return p.name
}

/** A fingerprint as typed from paper: 64 hex digits, spaces and case free. */
export function normaliseFingerprint(text: string): string {
  const hex = text.replace(/[\s:-]+/g, '')
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new AppError('invalid-input', `指纹“${text}”格式不对：应为 64 位十六进制数字（可按 8 位一组用空格分开）`, { field: 'fingerprint' })
  return formatFingerprint(hex)
}

function readPublicKeyFile(file: string): { publicKey: string; fingerprint: string } {
  let pem: string
  try {
    pem = fs.readFileSync(file, 'utf8')
  } catch {
    throw new AppError('invalid-input', `找不到公钥文件：${file}`, { field: 'file' })
  }
  let key: crypto.KeyObject
  try {
    key = crypto.createPublicKey(pem)
  } catch {
    throw new AppError('invalid-input', `文件“${file}”不是公钥文件（应为省级协会“导出公钥”得到的 .pem 文件）`, { field: 'file' })
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('invalid-input', `文件“${file}”中的公钥不是 Ed25519 密钥，不是本系统导出的公钥`, { field: 'file' })
  const raw = rawPublicKey(key)
  return { publicKey: raw.toString('base64'), fingerprint: fingerprintOf(raw) }
}

export function addKey(office: OfficeContext, input: AddKeyInput): AddKeyResult {
  const province = provinceName(input.province)
  const given = 'file' in input ? { ...readPublicKeyFile(input.file), source: 'file' as const } : { publicKey: null, fingerprint: normaliseFingerprint(input.fingerprint), source: 'fingerprint' as const }
  return office.db.transaction((): AddKeyResult => {
    const now = office.now()
    const elsewhere = keysByFingerprint(office.db, given.fingerprint).find((k) => k.province !== province && k.supersededAt === null)
    if (elsewhere) throw new AppError('conflict', `指纹 ${given.fingerprint} 已登记为${elsewhere.province}的公钥，不能再登记给${province}`, { province: elsewhere.province })
    const current = currentKey(office.db, province)
    if (current && current.fingerprint === given.fingerprint) {
      if (!current.publicKey && given.publicKey) {
        fillPublicKey(office.db, current.id, given.publicKey)
        appendAudit(office.db, { actor: office.actor, action: 'update', entity: 'province-key', entityId: current.id, summary: `补登${province}公钥文件，指纹 ${given.fingerprint}` }, now)
        return { key: currentKey(office.db, province)!, replaced: null, unchanged: false }
      }
      return { key: current, replaced: null, unchanged: true }
    }
    if (current) supersedeKey(office.db, current.id, now)
    const id = insertProvinceKey(office.db, { province, publicKey: given.publicKey, fingerprint: given.fingerprint, source: given.source, registeredBy: office.actor }, now)
    appendAudit(
      office.db,
      {
        actor: office.actor,
        action: current ? 'replace' : 'create',
        entity: 'province-key',
        entityId: id,
        summary: current ? `更换${province}公钥：${current.fingerprint} → ${given.fingerprint}` : `登记${province}公钥，指纹 ${given.fingerprint}（${given.source === 'file' ? '公钥文件' : '手工录入指纹'}）`,
        details: { province, fingerprint: given.fingerprint, previous: current?.fingerprint ?? null },
      },
      now,
    )
    return { key: currentKey(office.db, province)!, replaced: current ? { ...current, supersededAt: now } : null, unchanged: false }
  })()
}

export function listKeys(office: OfficeContext, options: { includeHistory?: boolean } = {}): ProvinceKey[] {
  return listProvinceKeys(office.db, options)
}
