import { safeFileName } from '../core/files/safeName'

/**
 * A file name from a browser, reduced to one safe path segment by the shared file-name rules (reserved
 * Windows names such as CON.pdf, length in characters and UTF-8 bytes, control and bidi characters), since
 * browser mode may run on Windows and the upload is written under this name. '' when nothing usable is left.
 */
export function sanitizeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  if (!base.replace(/[\x00-\x1f\x7f-\x9f\s.]/g, '')) return ''
  return safeFileName(base)
}
