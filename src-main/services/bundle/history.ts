/** Bundles built, as the bundle history lists them. */
import { insertBundle, listBundles as listBundleRows, type BundleRecord } from '../../db/repositories/bundles'
import type { AppContext } from '../context'

export type { BundleRecord }

export function recordBundle(app: AppContext, b: Omit<BundleRecord, 'id' | 'createdBy'>): number {
  return insertBundle(app.db, { ...b, createdBy: app.actor })
}

export function listBundles(app: AppContext, limit = 100): BundleRecord[] {
  return listBundleRows(app.db, limit)
}
