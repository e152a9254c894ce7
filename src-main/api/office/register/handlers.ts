import { exportRegister } from '../../../services/office/export'
import { exportRegisterFile } from '../../../services/office/exportFile'
import { fileNameOf, listRegisterRows, registerSiteView } from '../../../services/office/views'
import type { OfficeHandlersFor } from '../../handler'
import type { officeRegisterOps } from './contract'

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))

interface RowSource {
  id: number
  province: string
  code: string
  name: string
  type: string
  recommender: string
  starLevel: number
  bundleId: number
  fields: Record<string, unknown>
}

const row = (s: RowSource) => ({
  id: s.id,
  province: s.province,
  code: s.code,
  name: s.name,
  type: s.type,
  city: text(s.fields.city),
  address: text(s.fields.address),
  enterprise: text(s.fields.enterprise),
  recommender: s.recommender,
  starLevel: s.starLevel,
  bundleId: s.bundleId,
})

export const officeRegisterHandlers: OfficeHandlersFor<typeof officeRegisterOps> = {
  'office.register.list': (input, { office }) => ({ sites: listRegisterRows(office, { province: input.province }).map(row) }),
  'office.register.site': (input, { office }) => {
    const { site, bundle, fields } = registerSiteView(office, input.id)
    return {
      ...row(site),
      fields,
      files: site.files.map((f) => ({ path: f.path, name: fileNameOf(f.path), size: f.size, sha256: f.sha256 })),
      bundle: { id: bundle.id, originalName: bundle.originalName, receivedAt: bundle.receivedAt, fingerprint: bundle.fingerprint, status: bundle.status },
    }
  },
  'office.register.exportFile': (input, { office }) => exportRegisterFile(office, input.siteId, input.entryPath),
  'office.register.export': (input, { office }) => exportRegister(office, input.outPath),
}
