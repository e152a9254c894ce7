import type { Db } from '../connection'

export interface AssociationRow {
  name: string
  short_name: string
  province: string
  doc_prefix: string
  address: string
  contact: string
  phone: string
  updated_at: string
}

export interface Association {
  name: string
  shortName: string
  province: string
  docPrefix: string
  address: string
  contact: string
  phone: string
  updatedAt: string
}

const fromRow = (r: AssociationRow): Association => ({
  name: r.name,
  shortName: r.short_name,
  province: r.province,
  docPrefix: r.doc_prefix,
  address: r.address,
  contact: r.contact,
  phone: r.phone,
  updatedAt: r.updated_at,
})

export function getAssociation(db: Db): Association | null {
  const row = db.prepare('SELECT * FROM association WHERE id = 1').get() as AssociationRow | undefined
  return row ? fromRow(row) : null
}

export function putAssociation(db: Db, a: Omit<Association, 'updatedAt'>, now: string): Association {
  db.prepare(
    `INSERT INTO association (id, name, short_name, province, doc_prefix, address, contact, phone, updated_at)
     VALUES (1, @name, @shortName, @province, @docPrefix, @address, @contact, @phone, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
       province = excluded.province, doc_prefix = excluded.doc_prefix, address = excluded.address,
       contact = excluded.contact, phone = excluded.phone, updated_at = excluded.updated_at`,
  ).run({ ...a, now })
  return { ...a, updatedAt: now }
}
