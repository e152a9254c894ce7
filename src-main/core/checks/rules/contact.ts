/** Rules about the identity and contact data a site gives: USCC, phone, e-mail. */
import { isValidEmail } from '../email'
import { invalidPhones } from '../phone'
import { usccMessage, usccProblem } from '../uscc'
import { finding, type Rule } from '../types'

export const usccRule: Rule = {
  id: 'uscc-checksum',
  severity: 'error',
  evaluate(site) {
    if (!site.uscc) return [] // empty is required-field's finding, not two findings for one gap
    const problem = usccProblem(site.uscc)
    return problem ? [finding(this, 'uscc', usccMessage(site.uscc, problem))] : []
  },
}

export const phoneRule: Rule = {
  id: 'phone-format',
  severity: 'error',
  evaluate(site) {
    if (!site.phone) return []
    const bad = invalidPhones(site.phone)
    if (!bad.length) return []
    return [
      finding(
        this,
        'phone',
        `联系电话“${bad.join('、')}”格式不对：应为 11 位手机号、带区号的固定电话（如 020-12345678）或 400/800 电话，请更正`,
      ),
    ]
  },
}

export const emailRule: Rule = {
  id: 'email-format',
  severity: 'warning',
  evaluate(site) {
    if (!site.email || isValidEmail(site.email)) return []
    return [finding(this, 'email', `电子邮箱“${site.email}”格式不对（应如 name@example.com），请更正或清空`)]
  },
}
