/**
 * SEAM: the documents the bundle carries but other features produce — 00_报送函.docx (letters, which needs
 * the key fingerprint), 01_推荐汇总表.xlsx (roster export), 02_审核报告.xlsx (checks) and each site's
 * 推荐函.docx (letters). Each producer writes a real file and returns its path; the bundle only streams it.
 * A producer that does not exist (yet) is simply absent: the bundle then lists the document under
 * `omitted` in the manifest and in the result, in plain words — it never packs a placeholder as if real.
 */
import path from 'node:path'
import { CHECK_REPORT_PATH, ROSTER_PATH } from '../../core/bundle/layout'
import { exportCheckReport } from '../checks/report'
import type { AppContext } from '../context'
import { exportRoster } from '../roster/export'
import type { BundleSite } from './select'

export interface DocumentRequest {
  app: AppContext
  sites: BundleSite[]
  fingerprint: string
  /** A folder (in dataDir/tmp) the producer may write into; removed after the build. */
  workDir: string
}

export interface BundleDocuments {
  coverLetter?(req: DocumentRequest): Promise<string>
  roster?(req: DocumentRequest): Promise<string>
  checkReport?(req: DocumentRequest): Promise<string>
  /** The site's 推荐函.docx, or null when none has been generated for it. */
  siteLetter?(req: DocumentRequest, site: BundleSite): Promise<string | null>
}

/**
 * What the app uses today. Wire each producer here once its feature lands (letters: generate the 报送函
 * with `fingerprint`; roster: export the included sites; checks: write 审核报告.xlsx; letters: the stored
 * per-site 推荐函). Until then each is absent and reported as omitted.
 */
export function defaultDocuments(): BundleDocuments {
  return {
    // Note: the roster export and the check report cover every site of the year, not only those packed.
    roster: async ({ app, workDir }) => (await exportRoster(app, path.join(workDir, ROSTER_PATH))).path,
    checkReport: ({ app, workDir }) => exportCheckReport(app, { outPath: path.join(workDir, CHECK_REPORT_PATH) }),
    // coverLetter and siteLetter: not yet — the letters feature has no service that writes them to a file.
  }
}
