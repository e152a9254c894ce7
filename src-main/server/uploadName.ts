/** A file name from a browser, reduced to one safe path segment (the attachments service cleans it again). */
export function sanitizeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .replace(/[\x00-\x1f\x7f<>:"|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(-150)
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '' : cleaned
}
