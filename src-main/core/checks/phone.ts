/**
 * Contact numbers as Chinese offices write them: mobiles, landlines with area code (optional extension) and
 * 400/800 service numbers. Input is expected in the normalised form of normalizePhone (no spaces or brackets,
 * dashes unified). Several numbers may share the cell, separated by / 、 , ; — each must be valid.
 */
const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(?:(?:-|转|ext\.?|#)\d{1,6})?$/i
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/
const SEPARATORS = /[/、,，;；]+/
const HAS_SEPARATOR = /[/、,，;；]/

export type PhoneKind = 'mobile' | 'landline' | 'service'

export function phoneKind(one: string): PhoneKind | null {
  if (MOBILE.test(one)) return 'mobile'
  if (SERVICE.test(one)) return 'service'
  if (LANDLINE.test(one)) return 'landline'
  return null
}

/** The numbers in the cell that are not valid ([] when all are; [''] for an empty cell). */
export function invalidPhones(value: string): string[] {
  // One number in the cell, the usual case: no split, no lists.
  if (!HAS_SEPARATOR.test(value)) {
    const one = value.trim()
    if (!one) return ['']
    return phoneKind(one) === null ? [one] : []
  }
  const parts = value
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean)
  if (!parts.length) return ['']
  return parts.filter((p) => phoneKind(p) === null)
}

export function isValidPhone(value: string): boolean {
  return invalidPhones(value).length === 0
}
