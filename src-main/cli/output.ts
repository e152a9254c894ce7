/**
 * Where things are printed. Human messages go to stderr in Chinese; data goes to stdout. With --json, stdout
 * carries exactly one JSON document — the result or `{ error: { code, message } }` — so scripts can parse it.
 */
import { localIsoDate } from '../core/letters/docNo'
import type { ErrorShape } from '../api/define'

export interface Streams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export class Output {
  private documentWritten = false

  constructor(
    readonly json: boolean,
    private readonly streams: Streams = { stdout: process.stdout, stderr: process.stderr },
  ) {}

  /** A line for the person at the terminal (progress, confirmation, hints). */
  info(text: string): void {
    this.streams.stderr.write(text.endsWith('\n') ? text : text + '\n')
  }

  /** Data a human asked for (a table, a URL): stdout, only in human mode. */
  data(text: string): void {
    if (this.json) return
    this.streams.stdout.write(text.endsWith('\n') ? text : text + '\n')
  }

  /** The single JSON document of a --json run. A second call would break parsers: refuse it loudly. */
  document(value: unknown): void {
    if (!this.json) return
    if (this.documentWritten) throw new Error('internal: a second JSON document was about to be written')
    this.documentWritten = true
    this.streams.stdout.write(JSON.stringify(value, null, 2) + '\n')
  }

  /** An error: Chinese message on stderr, and in JSON mode also the error document on stdout. */
  error(error: Pick<ErrorShape, 'code' | 'message'> & { details?: unknown }): void {
    this.info(`错误：${error.message}`)
    if (this.json && !this.documentWritten) {
      const shape: Record<string, unknown> = { code: error.code, message: error.message }
      if (error.details !== undefined) shape.details = error.details
      this.document({ error: shape })
    }
  }
}

/** Columns a terminal gives a character: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    width += isWide(cp) ? 2 : 1
  }
  return width
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text
  let out = ''
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break
    out += ch
  }
  return out + '…'
}

/** An instant stored in UTC, as a person at this machine reads it in a table: `2026-12-03 18:52`, local time. */
export function localTime(instant: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${localIsoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A plain text table aligned for CJK text; long cells are cut so one site stays on one line. */
export function formatTable(headers: string[], rows: string[][], maxCell = 40): string {
  const cells = rows.map((r) => r.map((c) => truncate(c.replace(/\s+/g, ' '), maxCell)))
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))))
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
      .join('  ')
      .trimEnd()
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}
