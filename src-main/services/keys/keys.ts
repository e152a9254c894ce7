/**
 * The association's Ed25519 signing key, in dataDir/keys/. Made lazily at first need (keys.info or the
 * first bundle) rather than at init: an association saved before this feature existed gets one too, and
 * settings stay free of file I/O. The private key file is owner-only (0600); the public key is derived
 * from it whenever it is loaded, so a crash between the two writes can never leave a mismatched pair.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../core/errors'
import { formatFingerprint } from '../../core/bundle/fingerprint'
import { appendAudit } from '../../db/repositories/audit'
import type { AppContext } from '../context'
import { writeFileAtomic, writeNewFileAtomic } from '../files/atomicWrite'

export const PRIVATE_KEY_FILE = 'signing-key.pem'
export const PUBLIC_KEY_FILE = 'signing-key.pub.pem'

export interface SigningKey {
  privateKey: crypto.KeyObject
  publicKey: crypto.KeyObject
  /** Raw 32-byte public key. */
  publicRaw: Buffer
  publicKeyPem: string
  fingerprint: string
}

export function rawPublicKey(key: crypto.KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url')
}

export function publicKeyFromRaw(raw: Buffer): crypto.KeyObject {
  if (raw.length !== 32) throw new Error('Ed25519 public key must be 32 bytes')
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' })
}

export function fingerprintOf(raw: Buffer): string {
  return formatFingerprint(crypto.createHash('sha256').update(raw).digest('hex'))
}

const keysDir = (dataDir: string) => path.join(dataDir, 'keys')

function fromPrivate(privateKey: crypto.KeyObject): SigningKey {
  const publicKey = crypto.createPublicKey(privateKey)
  const publicRaw = rawPublicKey(publicKey)
  return {
    privateKey,
    publicKey,
    publicRaw,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    fingerprint: fingerprintOf(publicRaw),
  }
}

/** The existing key, or null; never creates one (verify must not write). */
export function loadSigningKey(dataDir: string): SigningKey | null {
  const file = path.join(keysDir(dataDir), PRIVATE_KEY_FILE)
  let pem: string
  try {
    pem = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let key: crypto.KeyObject
  try {
    key = crypto.createPrivateKey(pem)
  } catch {
    throw new AppError('internal', `签名私钥文件 ${file} 已损坏，无法读取。请从备份恢复该文件；为避免更换公钥，程序不会自动重建。`)
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('internal', `签名私钥文件 ${file} 不是 Ed25519 密钥`)
  return fromPrivate(key)
}

function writePublic(dataDir: string, key: SigningKey): void {
  const file = path.join(keysDir(dataDir), PUBLIC_KEY_FILE)
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
  if (current === key.publicKeyPem) return
  writeFileAtomic(dataDir, file, key.publicKeyPem, { mode: 0o644 })
}

/** The key, created on first need. Two processes racing both end up with the one key that won the link. */
export function ensureSigningKey(app: AppContext): SigningKey {
  const existing = loadSigningKey(app.dataDir)
  if (existing) {
    writePublic(app.dataDir, existing)
    return existing
  }
  const dir = keysDir(app.dataDir)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const { privateKey } = crypto.generateKeyPairSync('ed25519')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const final = path.join(dir, PRIVATE_KEY_FILE)
  // Never replaces: when another process created the key first, we keep theirs.
  const created = writeNewFileAtomic(app.dataDir, final, pem, { mode: 0o600 })
  const key = loadSigningKey(app.dataDir)!
  writePublic(app.dataDir, key)
  if (created) {
    appendAudit(
      app.db,
      { actor: app.actor, action: 'create', entity: 'key', entityId: 'signing', summary: `生成报送包签名密钥，指纹 ${key.fingerprint}` },
      app.now(),
    )
  }
  return key
}

export function signBytes(key: SigningKey, bytes: Buffer): string {
  return crypto.sign(null, bytes, key.privateKey).toString('base64')
}

export function verifyBytes(publicRaw: Buffer, bytes: Buffer, signatureBase64: string): boolean {
  try {
    const sig = Buffer.from(signatureBase64.trim(), 'base64')
    if (sig.length !== 64) return false
    return crypto.verify(null, bytes, publicKeyFromRaw(publicRaw), sig)
  } catch {
    return false
  }
}

export function keyInfo(app: AppContext): { fingerprint: string; publicKeyPem: string } {
  const key = ensureSigningKey(app)
  return { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem }
}

/** Write the public key (PEM) where the user asked, e.g. to send to the national office in advance. */
export function exportPublicKey(app: AppContext, outPath: string): { path: string; fingerprint: string } {
  const key = ensureSigningKey(app)
  const target = path.resolve(outPath)
  if (!fs.existsSync(path.dirname(target))) throw new AppError('invalid-input', `目标文件夹不存在：${path.dirname(target)}`)
  writeFileAtomic(app.dataDir, target, key.publicKeyPem)
  return { path: target, fingerprint: key.fingerprint }
}
