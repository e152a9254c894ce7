import { starLabel } from '../../../core/sites/fields'
import { exportProvinceResults, setOfficeResult } from '../../../services/office/results'
import { importResultsFile, previewResultsImport, type ResultImportRow } from '../../../services/office/resultsImport'
import { listOfficeResults, type ResultView } from '../../../services/office/views'
import type { OfficeHandlersFor } from '../../handler'
import type { officeResultsOps } from './contract'

const resultView = (r: ResultView) => ({
  province: r.province,
  code: r.code,
  name: r.name,
  batch: r.batch,
  star: r.star,
  starLabel: starLabel(r.star),
  certificateNo: r.certificateNo,
  plaqueNo: r.plaqueNo,
  recordedAt: r.recordedAt,
  recordedBy: r.recordedBy,
  inRegister: r.inRegister,
})

const rating = (r: { star: number; certificateNo: string; plaqueNo: string }) => ({
  star: r.star,
  starLabel: starLabel(r.star),
  certificateNo: r.certificateNo,
  plaqueNo: r.plaqueNo,
})

/** A row of the preview as the contract shows it (the CLI's --json prints the same). */
export const importRowView = (r: ResultImportRow) => ({
  row: r.row,
  province: r.province,
  code: r.code,
  name: r.name,
  batch: r.batch,
  status: r.status,
  ...rating(r),
  previous: r.previous ? rating(r.previous) : null,
})

export const officeResultsHandlers: OfficeHandlersFor<typeof officeResultsOps> = {
  'office.results.list': (input, { office }) => ({ results: listOfficeResults(office, { province: input.province }).map(resultView) }),
  'office.results.set': (input, { office }) => {
    const r = setOfficeResult(office, {
      site: `${input.province}:${input.code}`,
      star: input.star,
      batch: input.batch,
      certificateNo: input.certificateNo,
      plaqueNo: input.plaqueNo,
    })
    return resultView({ ...r, inRegister: true })
  },
  'office.results.export': (input, { office }) => exportProvinceResults(office, { province: input.province, out: input.outPath }),
  'office.results.importPreview': async (input, { office, job }) => {
    const r = await previewResultsImport(office, { path: input.path }, job)
    return { ...r, dryRun: true as const, rows: (r.rows ?? []).map(importRowView) }
  },
  'office.results.import': async (input, { office, job }) => {
    const { fileName, fileSha256, total, recorded, changed, unchanged, warnings } = await importResultsFile(office, { path: input.path }, job)
    return { fileName, fileSha256, total, recorded, changed, unchanged, warnings, dryRun: false as const }
  },
}
