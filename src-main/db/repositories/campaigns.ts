import { campaignConfigSchema, type CampaignConfig } from '../../core/campaign/preset'
import type { Db } from '../connection'

interface CampaignRow {
  id: number
  year: number
  config_json: string
  is_active: number
  created_at: string
  updated_at: string
}

export interface Campaign {
  id: number
  year: number
  active: boolean
  config: CampaignConfig
}

const fromRow = (r: CampaignRow): Campaign => ({
  id: r.id,
  year: r.year,
  active: r.is_active === 1,
  config: campaignConfigSchema.parse(JSON.parse(r.config_json)),
})

export function listCampaigns(db: Db): Campaign[] {
  return (db.prepare('SELECT * FROM campaigns ORDER BY year').all() as CampaignRow[]).map(fromRow)
}

export function getActiveCampaign(db: Db): Campaign | null {
  const row = db.prepare('SELECT * FROM campaigns WHERE is_active = 1').get() as CampaignRow | undefined
  return row ? fromRow(row) : null
}

export function getCampaignByYear(db: Db, year: number): Campaign | null {
  const row = db.prepare('SELECT * FROM campaigns WHERE year = ?').get(year) as CampaignRow | undefined
  return row ? fromRow(row) : null
}

/** Insert or replace the config for a year; `activate` makes it the only active campaign. */
export function putCampaign(db: Db, config: CampaignConfig, now: string, activate: boolean): Campaign {
  const json = JSON.stringify(config)
  db.prepare(
    `INSERT INTO campaigns (year, config_json, is_active, created_at, updated_at) VALUES (?, ?, 0, ?, ?)
     ON CONFLICT (year) DO UPDATE SET config_json = excluded.config_json, updated_at = excluded.updated_at`,
  ).run(config.year, json, now, now)
  if (activate) {
    db.prepare('UPDATE campaigns SET is_active = 0 WHERE is_active = 1 AND year != ?').run(config.year)
    db.prepare('UPDATE campaigns SET is_active = 1 WHERE year = ?').run(config.year)
  }
  return getCampaignByYear(db, config.year)!
}
