/**
 * File names that are safe to show and to write on Windows, macOS and Linux. Pure, so attachments (display
 * names) and bundles (paths inside the zip, extracted on the receiver's machine) use the very same rules.
 */

/** Windows refuses these as a name or as the part before the first dot (CON.txt, com1.tar.gz), any case. */
const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[1-9¹²³]|LPT[1-9¹²³])$/i

// C0 and C1 control characters and DEL: invisible, and some break terminals or zip tools.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
const FORBIDDEN = /[<>:"|?*]/g
// Bidirectional overrides let "exe.pdf" display as "fdp.exe"-style tricks; they are never wanted in a name.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g

export interface SafeNameOptions {
  /** Characters (code points), extension included. */
  maxLength?: number
  /**
   * UTF-8 bytes, extension included: Linux and macOS (APFS) allow 255 bytes per name, and 120 Chinese
   * characters are 360 bytes — a bundle entry that long could not be extracted there.
   */
  maxBytes?: number
  /** Used when nothing is left of the name. */
  fallback?: string
}

export const SAFE_NAME_MAX_LENGTH = 120
export const SAFE_NAME_MAX_BYTES = 240

/** The extension with its dot ('.pdf'), or '' when the name has none we would keep. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.')
  if (dot < 0) return { stem: name, ext: '' }
  const ext = name.slice(dot)
  // A "extension" with spaces or of absurd length is part of the name ("第1.2版 说明"), not a type.
  if (ext.length > 17 || /\s/.test(ext) || ext === '.') return { stem: name, ext: '' }
  return { stem: name.slice(0, dot), ext }
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8')

/** Cut to at most `chars` code points and `bytes` UTF-8 bytes, never inside a surrogate pair. */
function cut(text: string, chars: number, bytes: number): string {
  let out = ''
  let n = 0
  let b = 0
  for (const ch of text) {
    const cb = utf8Length(ch)
    if (n + 1 > chars || b + cb > bytes) break
    out += ch
    n++
    b += cb
  }
  return out
}

const trimEnds = (s: string) => s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '')

/**
 * A single safe file name from whatever a user, an upload or a roster gave us:
 * - only the last path segment counts (`../../etc/x.pdf`, `C:\Users\a\x.pdf` -> `x.pdf`);
 * - control and bidi characters are dropped, `<>:"|?*` become `_`;
 * - leading dots and spaces and trailing dots and spaces go (Windows drops trailing ones silently, and a
 *   leading dot hides a file on macOS and Linux);
 * - reserved Windows device names get a `_` prefix (`CON.pdf` -> `_CON.pdf`);
 * - the length is bounded (120 characters, 240 UTF-8 bytes by default), keeping the extension.
 */
export function safeFileName(input: string, options: SafeNameOptions = {}): string {
  const maxLength = options.maxLength ?? SAFE_NAME_MAX_LENGTH
  const maxBytes = options.maxBytes ?? SAFE_NAME_MAX_BYTES
  const fallback = options.fallback ?? '未命名'

  // NFC: macOS hands out decomposed names; the same name must compare and display the same everywhere.
  const segments = String(input ?? '')
    .normalize('NFC')
    .split(/[\\/]+/)
  let name = segments[segments.length - 1] ?? ''
  name = name.replace(CONTROL, '').replace(BIDI, '').replace(FORBIDDEN, '_')
  // Trailing dots and spaces first: Windows drops them silently, so "a.pdf." would be saved as "a.pdf".
  name = name.replace(/\s+/g, ' ').replace(/[\s.]+$/, '')

  let { stem, ext } = splitExtension(name)
  ext = ext.replace(/\s+/g, '')
  stem = trimEnds(stem)
  if (!stem) stem = fallback
  const base = stem.split('.')[0]
  if (RESERVED.test(base)) stem = `_${stem}`

  // Keep the extension whole unless it alone breaks the bound (then it is not worth keeping).
  if (ext.length >= maxLength || utf8Length(ext) >= maxBytes) ext = ''
  const room = { chars: maxLength - [...ext].length, bytes: maxBytes - utf8Length(ext) }
  if ([...stem].length > room.chars || utf8Length(stem) > room.bytes) {
    stem = trimEnds(cut(stem, room.chars, room.bytes)) || cut(fallback, room.chars, room.bytes)
  }
  return stem + ext
}
