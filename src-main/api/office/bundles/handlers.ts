import path from 'node:path'
import type { z } from 'zod'
import { confirmBundle } from '../../../services/office/confirm'
import { writeReceipt } from '../../../services/office/receipt'
import { bundleFiles, receiveFiles, type ReceiveOutcome } from '../../../services/office/receive'
import { bundleDiff, diffCounts, listBundles } from '../../../services/office/views'
import type { OfficeHandlersFor } from '../../handler'
import type { officeBundlesOps, receiveOutcomeSchema } from './contract'

function outcomeView(o: ReceiveOutcome): z.input<typeof receiveOutcomeSchema> {
  return {
    file: o.file,
    fileName: path.basename(o.file),
    status: o.status,
    message: o.message,
    problems: o.problems.map((p) => ({ path: p.path, kind: p.problem, reason: p.reason ?? p.problem, message: p.message })),
    province: o.province ?? null,
    bundleId: o.bundleId ?? null,
    fingerprint: o.fingerprint ?? null,
    sites: o.sites ?? null,
    files: o.files ?? null,
    supersededBundleId: o.supersededBundleId ?? null,
    diff: diffCounts(o.diff),
  }
}

export const officeBundlesHandlers: OfficeHandlersFor<typeof officeBundlesOps> = {
  'office.bundles.list': (_input, { office }) => ({
    bundles: listBundles(office).map((b) => ({
      id: b.id,
      originalName: b.originalName,
      province: b.province,
      association: b.association,
      campaignYear: b.campaignYear,
      createdAt: b.createdAt,
      receivedAt: b.receivedAt,
      receivedBy: b.receivedBy,
      status: b.status,
      fingerprint: b.fingerprint,
      registeredFingerprint: b.registeredFingerprint,
      sites: b.sites,
      files: b.files,
      size: b.size,
      sha256: b.sha256,
      supersededBy: b.supersededBy,
      diff: diffCounts(b.diff),
    })),
  }),
  'office.bundles.receive': async (input, { office, job }) => {
    const files = bundleFiles(input.paths)
    job?.progress('接收报送包', 0, files.length)
    // A cancel takes effect between two bundles: each is received whole or not at all.
    const { outcomes, cancelled } = await receiveFiles(office, files, {
      signal: job?.signal,
      onProgress: (done, total) => job?.progress('接收报送包', done, total),
    })
    const count = (s: ReceiveOutcome['status']) => outcomes.filter((o) => o.status === s).length
    return {
      outcomes: outcomes.map(outcomeView),
      counts: { ingested: count('ingested'), pending: count('pending-confirmation'), refused: count('refused'), alreadyReceived: count('already-received') },
      cancelled,
    }
  },
  'office.bundles.confirm': (input, { office }) => {
    const r = confirmBundle(office, input.bundleId, input.fingerprint)
    return { bundleId: r.bundleId, province: r.province, fingerprint: r.fingerprint, status: r.status, supersededBundleId: r.supersededBundleId ?? null, diff: diffCounts(r.diff) }
  },
  'office.bundles.diff': (input, { office }) => bundleDiff(office, input.bundleId),
  'office.bundles.receipt': async (input, { office }) => {
    const { path: file, fileName, docNumber, size } = await writeReceipt(office, input.bundleId)
    return { path: file, fileName, docNumber, size }
  },
}
