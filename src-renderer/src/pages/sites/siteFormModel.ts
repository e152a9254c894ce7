import type { OpInput, Site } from '@contract'

/** Fields of the site form, named as in siteDraftSchema. */
export const SITE_FORM_FIELDS = [
  'name',
  'type',
  'enterprise',
  'recommender',
  'uscc',
  'city',
  'district',
  'address',
  'starLevel',
  'manager',
  'phone',
  'email',
  'staffCount',
  'areaSqm',
  'seats',
  'certificates',
  'highlights',
  'applyDate',
  'remarks',
] as const

export type SiteFormField = (typeof SITE_FORM_FIELDS)[number]
/** What the form holds: every field as the text the user sees. */
export type SiteFormValues = Record<SiteFormField, string>
export type SiteDraft = OpInput<'sites.create'>['site']

export const emptySiteForm = (): SiteFormValues =>
  Object.fromEntries(SITE_FORM_FIELDS.map((f) => [f, ''])) as SiteFormValues

const numberText = (n: number | null) => (n === null ? '' : String(n))

export function siteToForm(site: Site): SiteFormValues {
  return {
    name: site.name,
    type: site.type,
    enterprise: site.enterprise,
    recommender: site.recommender,
    uscc: site.uscc,
    city: site.city,
    district: site.district,
    address: site.address,
    starLevel: String(site.starLevel),
    manager: site.manager,
    phone: site.phone,
    email: site.email,
    staffCount: numberText(site.staffCount),
    areaSqm: numberText(site.areaSqm),
    seats: numberText(site.seats),
    certificates: site.certificates.join('\n'),
    highlights: site.highlights,
    applyDate: site.applyDate,
    remarks: site.remarks,
  }
}

/** The form as a draft for sites.create / sites.update; the core reads and normalises every value. */
export function formToDraft(values: SiteFormValues): SiteDraft {
  const draft: SiteDraft = {}
  for (const field of SITE_FORM_FIELDS) draft[field] = values[field]
  const star = Number(values.starLevel)
  draft.starLevel = values.starLevel && Number.isInteger(star) ? star : values.starLevel
  return draft
}
