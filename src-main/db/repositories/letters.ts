import type { Statement } from 'better-sqlite3'
import type { Db } from '../connection'

export type LetterKind = 'site' | 'cover' | 'notice'

interface LetterRow {
  id: number
  kind: LetterKind
  site_id: number | null
  recipient: string | null
  campaign_id: number
  year: number
  seq: number
  doc_no: string
  issued_on: string
  file_path: string
  sha256: string
  params_json: string | null
  generated_at: string
  generated_by: string
}

export interface LetterRecord {
  id: number
  kind: LetterKind
  siteId: number | null
  /** The 推荐单位 a notice (评定结果通知) is addressed to; null for other kinds. */
  recipient: string | null
  campaignId: number
  year: number
  seq: number
  docNo: string
  /** 成文日期 (YYYY-MM-DD): kept with the number, so a regenerated letter is the same letter. */
  issuedOn: string
  filePath: string
  sha256: string
  params: unknown
  generatedAt: string
  generatedBy: string
}

const fromRow = (r: LetterRow): LetterRecord => ({
  id: r.id,
  kind: r.kind,
  siteId: r.site_id,
  recipient: r.recipient,
  campaignId: r.campaign_id,
  year: r.year,
  seq: r.seq,
  docNo: r.doc_no,
  issuedOn: r.issued_on,
  filePath: r.file_path,
  sha256: r.sha256,
  params: r.params_json ? JSON.parse(r.params_json) : null,
  generatedAt: r.generated_at,
  generatedBy: r.generated_by,
})

export type LetterWrite = Omit<LetterRecord, 'id'>

/** Notices are numbered apart from 推荐函 and 报送函, which share one series a year (migration 009). */
const series = (kind: LetterKind): 'notice' | 'letter' => (kind === 'notice' ? 'notice' : 'letter')

/** Letters, the per-year document-number counter and app settings of one database. */
export class LetterRepository {
  private readonly bySubjectStmt
  private readonly byIdStmt
  private readonly counterStmt: Record<'notice' | 'letter', Statement>
  private readonly bumpStmt: Record<'notice' | 'letter', Statement>
  private readonly upsertStmt

  constructor(private readonly db: Db) {
    this.bySubjectStmt = db.prepare(
      `SELECT * FROM letters WHERE campaign_id = ? AND kind = ? AND COALESCE(site_id, 0) = COALESCE(?, 0)
         AND COALESCE(recipient, '') = COALESCE(?, '')`,
    )
    this.byIdStmt = db.prepare('SELECT * FROM letters WHERE id = ?')
    const counter = (table: string) => db.prepare(`SELECT last_value FROM ${table} WHERE year = ?`)
    const bump = (table: string) =>
      db.prepare(
        `INSERT INTO ${table} (year, last_value) VALUES (?, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
      )
    this.counterStmt = { letter: counter('doc_counters'), notice: counter('notice_counters') }
    this.bumpStmt = { letter: bump('doc_counters'), notice: bump('notice_counters') }
    this.upsertStmt = db.prepare(
      `INSERT INTO letters (kind, site_id, recipient, campaign_id, year, seq, doc_no, issued_on, file_path, sha256, params_json,
         generated_at, generated_by)
       VALUES (@kind, @siteId, @recipient, @campaignId, @year, @seq, @docNo, @issuedOn, @filePath, @sha256, @params,
         @generatedAt, @generatedBy)
       ON CONFLICT (campaign_id, kind, COALESCE(site_id, 0), COALESCE(recipient, '')) DO UPDATE SET year = excluded.year, seq = excluded.seq,
         doc_no = excluded.doc_no, issued_on = excluded.issued_on, file_path = excluded.file_path,
         sha256 = excluded.sha256, params_json = excluded.params_json, generated_at = excluded.generated_at,
         generated_by = excluded.generated_by
       RETURNING id`,
    )
  }

  forSubject(campaignId: number, kind: LetterKind, siteId: number | null, recipient: string | null = null): LetterRecord | null {
    const row = this.bySubjectStmt.get(campaignId, kind, siteId, recipient) as LetterRow | undefined
    return row ? fromRow(row) : null
  }

  get(id: number): LetterRecord | null {
    const row = this.byIdStmt.get(id) as LetterRow | undefined
    return row ? fromRow(row) : null
  }

  list(campaignId: number): LetterRecord[] {
    return (
      this.db.prepare('SELECT * FROM letters WHERE campaign_id = ? ORDER BY kind, year, seq').all(campaignId) as LetterRow[]
    ).map(fromRow)
  }

  /** The number the next new letter of `year` (in the series of `kind`) would take; only `takeNumber` consumes it. */
  peekNumber(year: number, kind: LetterKind = 'site'): number {
    const row = this.counterStmt[series(kind)].get(year) as { last_value: number } | undefined
    return (row?.last_value ?? 0) + 1
  }

  takeNumber(year: number, kind: LetterKind = 'site'): number {
    return (this.bumpStmt[series(kind)].get(year) as { last_value: number }).last_value
  }

  save(letter: LetterWrite): number {
    const { id } = this.upsertStmt.get({
      ...letter,
      params: letter.params === null || letter.params === undefined ? null : JSON.stringify(letter.params),
    }) as { id: number }
    return id
  }

  getSetting(key: string): unknown {
    const row = this.db.prepare('SELECT value_json FROM app_settings WHERE key = ?').get(key) as { value_json: string } | undefined
    return row ? JSON.parse(row.value_json) : undefined
  }

  /** When the setting was last written; undefined when it never was. */
  settingUpdatedAt(key: string): string | undefined {
    const row = this.db.prepare('SELECT updated_at FROM app_settings WHERE key = ?').get(key) as { updated_at: string } | undefined
    return row?.updated_at
  }

  putSetting(key: string, value: unknown, now: string): void {
    this.db
      .prepare(
        `INSERT INTO app_settings (key, value_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(value), now)
  }
}
