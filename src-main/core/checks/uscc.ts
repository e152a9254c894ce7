/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character set (no I, O, Z, S, V), the last one a
 * check character over the first 17 (weights 3^i mod 31, sum mod 31).
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

const VALUE = new Map<string, number>([...USCC_CHARSET].map((ch, i) => [ch, i]))

/** The check character for 17 charset characters; null when the input is not exactly that. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i])
    if (v === undefined) return null
    sum += v * USCC_WEIGHTS[i]
  }
  const c = (31 - (sum % 31)) % 31
  return USCC_CHARSET[c]
}

export type UsccProblem =
  | { kind: 'length'; length: number }
  | { kind: 'charset'; chars: string[] }
  | { kind: 'checksum'; expected: string; actual: string }

/** Value of each charset character by char code (ASCII only), -1 for any other. */
const VALUE_OF_CODE = new Int8Array(128).fill(-1)
for (let i = 0; i < USCC_CHARSET.length; i++) VALUE_OF_CODE[USCC_CHARSET.charCodeAt(i)] = i

/** null when the code is valid. Expects the normalised form (upper case, no spaces: normalizeUscc). */
export function usccProblem(code: string): UsccProblem | null {
  // The usual code, 18 charset characters, in one scan: no character list or Set to build for it. Anything
  // else takes the general path below, which names what is wrong. Equality is a property test.
  if (code.length === 18) {
    let sum = 0
    let i = 0
    for (; i < 18; i++) {
      const c = code.charCodeAt(i)
      const v = c < 128 ? VALUE_OF_CODE[c] : -1
      if (v < 0) break
      if (i < 17) sum += v * USCC_WEIGHTS[i]
    }
    if (i === 18) {
      const expected = USCC_CHARSET[(31 - (sum % 31)) % 31]
      return expected === code[17] ? null : { kind: 'checksum', expected, actual: code[17] }
    }
  }
  const chars = [...code]
  if (chars.length !== 18) return { kind: 'length', length: chars.length }
  const bad = [...new Set(chars.filter((ch) => !VALUE.has(ch)))]
  if (bad.length) return { kind: 'charset', chars: bad }
  const expected = usccCheckChar(code.slice(0, 17))!
  return expected === code[17] ? null : { kind: 'checksum', expected, actual: code[17] }
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null
}

/** The Chinese sentence that tells the clerk what to fix. */
export function usccMessage(code: string, problem: UsccProblem): string {
  switch (problem.kind) {
    case 'length':
      return `统一社会信用代码“${code}”应为 18 位，现为 ${problem.length} 位，请对照营业执照核对`
    case 'charset':
      return `统一社会信用代码“${code}”含有不允许的字符“${problem.chars.join('、')}”（只用数字和除 I、O、Z、S、V 以外的大写字母），请对照营业执照核对`
    case 'checksum':
      return `统一社会信用代码校验位错误：按 GB 32100-2015 应为 ${problem.expected}，现为 ${problem.actual}，请核对营业执照`
  }
}
