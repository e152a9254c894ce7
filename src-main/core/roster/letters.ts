/** Excel column letters: 1 -> A, 27 -> AA. */
export function columnLetter(col: number): string {
  let n = col
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
