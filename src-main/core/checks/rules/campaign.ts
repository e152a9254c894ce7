/** Rules set by the year's campaign: which star levels are offered and when applications are accepted. */
import { starLabel } from '../../sites/fields'
import { chineseDate, isIsoDate, isWithin } from '../dates'
import { finding, type Rule } from '../types'

export const starLevelRule: Rule = {
  id: 'star-level',
  severity: 'error',
  evaluate(site, ctx) {
    if (site.starLevel === null || site.starLevel === 0) return []
    if (ctx.config.starLevels.includes(site.starLevel)) return []
    // Sorted only for the message: most sites apply for an offered level.
    const offered = [...ctx.config.starLevels].sort((a, b) => a - b)
    return [
      finding(
        this,
        'starLevel',
        `申报星级“${starLabel(site.starLevel)}”不在本年度评定范围内（可申报：${offered.map(starLabel).join('、')}），请更正`,
      ),
    ]
  },
}

export const applicationWindowRule: Rule = {
  id: 'application-window',
  severity: 'error',
  evaluate(site, ctx) {
    if (!site.applyDate) return []
    const w = ctx.config.applicationWindow
    if (isWithin(site.applyDate, w)) return []
    const what = isIsoDate(site.applyDate) ? chineseDate(site.applyDate) : `“${site.applyDate}”`
    return [
      finding(
        this,
        'applyDate',
        `申报日期 ${what} 不在本年度申报期（${chineseDate(w.start)}至${chineseDate(w.end)}）内，请核对申报日期`,
      ),
    ]
  },
}
