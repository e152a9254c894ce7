import type { ListedSite } from './siteView'
import classes from './SitesTable.module.css'

/**
 * A site's open findings in its row: the errors in red, the warnings in orange, a green mark when there are
 * none. The counts are a button that opens the site at its first finding. Plain elements, cheap enough for
 * thousands of rows.
 */
export function CheckCounts({ site, onOpen }: { site: ListedSite; onOpen(site: ListedSite): void }) {
  const { errors, warnings } = site.checks
  if (errors === 0 && warnings === 0) {
    return (
      <span className={classes.checksClean} data-testid="site-checks" title="审核未发现问题">
        无问题
      </span>
    )
  }
  const label = [errors ? `${errors} 个错误` : '', warnings ? `${warnings} 个警告` : ''].filter(Boolean).join('，')
  return (
    <button
      type="button"
      className={classes.checks}
      data-testid="site-checks"
      aria-label={`${label}，查看`}
      title={`${label}：点击查看`}
      onClick={(e) => {
        e.stopPropagation()
        onOpen(site)
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {errors > 0 && <span className={classes.checkErrors}>错误 {errors}</span>}
      {warnings > 0 && <span className={classes.checkWarnings}>警告 {warnings}</span>}
    </button>
  )
}
