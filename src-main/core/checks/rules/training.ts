/**
 * Proof of standards training (DESIGN §3): a certificate from a class the campaign accepts for this site type,
 * or a lecturer's letter. Which classes count is campaign data.
 */
import { TRAINING_CLASS_LABELS } from '../../campaign/preset'
import { SITE_TYPES, SITE_TYPE_INFO, type SiteType } from '../../sites/fields'
import { finding, type Rule } from '../types'

const classNames = (classes: readonly (keyof typeof TRAINING_CLASS_LABELS)[]) =>
  classes.map((c) => TRAINING_CLASS_LABELS[c]).join('、')

export const trainingProofRule: Rule = {
  id: 'training-proof',
  severity: 'error',
  evaluate(site, ctx) {
    const { trainingProof, acceptedClasses } = ctx.config
    if (!trainingProof.certificate && !trainingProof.lecturerLetter) return []
    if (!(SITE_TYPES as readonly string[]).includes(site.type)) return [] // site-type reports it
    const type = site.type as SiteType
    const attachments = ctx.attachments.get(site.id) ?? []
    if (trainingProof.lecturerLetter && attachments.some((a) => a.kind === 'lecturer-letter')) return []

    const accepted = acceptedClasses[type]
    const rosterLoaded = ctx.roster.size > 0
    if (trainingProof.certificate) {
      if (site.certificates.some((no) => accepted.includes(ctx.roster.get(no)!))) return []
      // No roster at all: a certificate scan cannot be verified yet, which is not the applicant's fault.
      if (!rosterLoaded && attachments.some((a) => a.kind === 'training-certificate'))
        return [
          finding(
            this,
            'training-certificate',
            '培训合格证书未核验：尚未导入培训合格名单，请在“培训记录”中导入名单后重新审核，或人工核对证书后豁免',
            { severity: 'warning' },
          ),
        ]
    }

    const ways: string[] = []
    if (trainingProof.certificate)
      ways.push(`填写${SITE_TYPE_INFO[type].label}认可的培训班（${classNames(accepted)}）的培训合格证书编号`)
    if (trainingProof.lecturerLetter) ways.push('上传标准宣讲师推荐信')
    const wrongClass = site.certificates.filter((no) => ctx.roster.has(no) && !accepted.includes(ctx.roster.get(no)!))
    const why = wrongClass.length
      ? `证书 ${wrongClass.map((no) => `${no}（${TRAINING_CLASS_LABELS[ctx.roster.get(no)!]}）`).join('、')} 不适用于${SITE_TYPE_INFO[type].label}`
      : !rosterLoaded && site.certificates.length
        ? '尚未导入培训合格名单，所填证书编号无法核验，也未附证书扫描件'
        : '缺少培训证明'
    return [finding(this, 'certificates', `${why}：请${ways.join('，或')}`)]
  },
}

export const certificateUnknownRule: Rule = {
  id: 'certificate-unknown',
  severity: 'warning',
  evaluate(site, ctx) {
    if (ctx.roster.size === 0) return [] // nothing to compare with: training-proof speaks instead
    return site.certificates
      .filter((no) => !ctx.roster.has(no))
      .map((no) =>
        finding(this, 'certificates', `证书编号 ${no} 不在已导入的培训合格名单中，请核对编号是否填错`, { detail: no }),
      )
  },
}
