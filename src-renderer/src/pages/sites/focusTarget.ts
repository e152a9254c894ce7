/**
 * Put the person where a finding points, inside the open site drawer: the tab that holds it, then the field
 * (its input focused and outlined) or the attachments of that kind. Works on the rendered DOM so the drawer
 * needs no knowledge of findings: a field is found by `data-field` or by its label (SITE_FIELD_LABELS).
 */
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, SITE_FIELD_LABELS } from '@contract'

type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]
const isAttachmentKind = (t: string): t is AttachmentKind => (ATTACHMENT_KINDS as readonly string[]).includes(t)
const isField = (t: string): t is keyof typeof SITE_FIELD_LABELS => t in SITE_FIELD_LABELS

const DRAWER = '[data-testid="site-drawer"]'
const clean = (s: string | null) => (s ?? '').replace(/[\s*]/g, '')

function drawerRoot(): HTMLElement | null {
  const all = document.querySelectorAll<HTMLElement>(DRAWER)
  return all[all.length - 1] ?? null
}

function selectTab(root: HTMLElement, label: string): boolean {
  const tab = [...root.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => clean(t.textContent) === label)
  if (!tab) return false
  if (tab.getAttribute('aria-selected') !== 'true') tab.click()
  return true
}

function fieldInput(root: HTMLElement, field: string): HTMLElement | null {
  const tagged = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`)
  if (tagged) return tagged.matches('input,textarea,select') ? tagged : (tagged.querySelector<HTMLElement>('input,textarea') ?? tagged)
  if (!isField(field)) return null
  const label = [...root.querySelectorAll<HTMLLabelElement>('label')].find((l) => clean(l.textContent) === SITE_FIELD_LABELS[field])
  return label?.htmlFor ? document.getElementById(label.htmlFor) : null
}

function highlight(el: HTMLElement): void {
  el.setAttribute('data-focus-target', 'true')
  el.style.outline = '3px solid var(--mantine-color-orange-5)'
  el.style.outlineOffset = '4px'
  el.style.borderRadius = 'var(--mantine-radius-sm)'
  window.setTimeout(() => {
    el.removeAttribute('data-focus-target')
    el.style.outline = ''
    el.style.outlineOffset = ''
  }, 4000)
}

/** One attempt; true once the target is shown (and, for a field, holds the focus). */
function attempt(target: string): boolean {
  const root = drawerRoot()
  if (!root) return false
  if (isAttachmentKind(target)) {
    if (!selectTab(root, '附件')) return false
    const rows = [...root.querySelectorAll<HTMLElement>('[data-testid="attachment-row"]')].filter((r) =>
      (r.textContent ?? '').includes(ATTACHMENT_KIND_LABELS[target]),
    )
    const spot = rows[0] ?? root.querySelector<HTMLElement>('[data-testid="attachment-dropzone"]')
    if (!spot) return false
    if (!spot.hasAttribute('data-focus-target')) {
      spot.scrollIntoView({ block: 'center' })
      for (const el of rows.length ? rows : [spot]) highlight(el)
    }
    return true
  }
  selectTab(root, '基本信息')
  const input = fieldInput(root, target)
  if (!input) return false
  if (document.activeElement !== input) {
    input.scrollIntoView({ block: 'center' })
    input.focus({ preventScroll: true })
  }
  const wrapper = input.closest<HTMLElement>('.mantine-InputWrapper-root') ?? input
  if (!wrapper.hasAttribute('data-focus-target')) highlight(wrapper)
  return document.activeElement === input
}

/**
 * Keep trying while the drawer opens (its transition and focus trap move the focus on their own); stop after
 * the target held for a few ticks or after a few seconds.
 */
export function focusTarget(target: string): () => void {
  let held = 0
  let tries = 0
  const timer = window.setInterval(() => {
    tries++
    held = attempt(target) ? held + 1 : 0
    if (held >= 4 || tries > 40) window.clearInterval(timer)
  }, 100)
  return () => window.clearInterval(timer)
}
