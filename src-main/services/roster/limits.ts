/**
 * Limits on the workbooks we agree to open, in one place. A roster of thousands of sites is a few MB; these
 * leave wide room for real files while refusing files built to exhaust memory (zip bombs).
 */
export const ROSTER_LIMITS = {
  /** The file as it sits on disk. */
  maxFileMb: 50,
  /** All entries of the workbook's zip, once unpacked. */
  maxUncompressedMb: 200,
  /** Entries in the zip (sheets, styles, images…); real workbooks have tens. */
  maxEntries: 10_000,
  /** Highest unpacked/packed ratio of one entry… */
  maxRatio: 100,
  /** …checked only for entries at least this large, since small XML parts compress very well honestly. */
  ratioCheckFromMb: 1,
  /** Rows we read from one sheet. */
  maxRows: 100_000,
} as const

export const MB = 1024 * 1024
