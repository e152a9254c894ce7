/**
 * The key fingerprint a person compares by eye (cover letter on paper vs. `verify` output): SHA-256 of the
 * raw 32-byte Ed25519 public key, as 8 groups of 8 upper-case hex digits separated by spaces, e.g.
 * "3FA2B9C0 …". Hashing is done by the caller (node:crypto); this only formats and compares.
 */
export function formatFingerprint(sha256Hex: string): string {
  const hex = sha256Hex.toUpperCase()
  if (!/^[0-9A-F]{64}$/.test(hex)) throw new Error('fingerprint must be 64 hex digits')
  return hex.match(/.{8}/g)!.join(' ')
}

/** Equal regardless of spacing and case, so a fingerprint typed from paper still compares. */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase()
  return norm(a) === norm(b)
}
