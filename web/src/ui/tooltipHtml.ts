// Kept apart from the ECharts modules so every chart (needs, radar) imports it without pulling in the others' parts.

declare const safeHtmlBrand: unique symbol;
/**
 * HTML built by `tooltipHtml`, which escaped every part. ECharts puts a
 * tooltip formatter's answer into the page with innerHTML, so names users
 * typed (cycle, agency, competency names) must never reach it raw: a cycle
 * named `<img src=x onerror=…>` once ran in the national administrator's
 * browser (issue 12, defect 3). The needs charts' option type (modules/needs/echarts.ts) accepts only
 * this type from a formatter, so a plain template string no longer compiles.
 */
export type SafeHtml = string & { readonly [safeHtmlBrand]: true };

/** A tooltip line: text (escaped) or `{ strong }` (escaped, in bold). */
export type TooltipLine = string | { strong: string };

/** Tooltip HTML from lines of text, every one escaped, one line each. */
export function tooltipHtml(lines: readonly TooltipLine[]): SafeHtml {
  return lines.map((line) => (typeof line === 'string' ? escapeHtml(line) : `<strong>${escapeHtml(line.strong)}</strong>`)).join('<br/>') as SafeHtml;
}

/** Text for HTML: used only through tooltipHtml. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
