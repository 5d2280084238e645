// Pure rules of the needs dashboards (URL filters, drill-down targets, colour
// scale, number formats), kept free of React so they are unit-tested alone.
import type { ColumnMode, Drill, Geography, Level, NeedsCycle, PersonGap } from './needsApi';
import { formatCount as sharedCount, formatNumber, formatPercent, type FormatLanguage } from '../../format/format';

export type NeedsTab = 'overview' | 'groups';

/** The dashboard's filters, as kept in the address bar so a view can be shared. */
export interface NeedsFilters {
  cycle: string | null;
  level: Level;
  id: string | null;
  columns: ColumnMode;
  geography: Geography;
  tab: NeedsTab;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * Reads the filters; a national administrator starts at the country, everyone
 * else at their own agency (the server's defaults too). Unknown values fall
 * back to the defaults rather than failing the page.
 */
export function readFilters(params: URLSearchParams, isNational: boolean): NeedsFilters {
  const level = oneOf(params.get('level'), ['country', 'province', 'agency'] as const, isNational ? 'country' : 'agency');
  return {
    cycle: params.get('cycle') || null,
    level,
    id: level === 'country' ? null : params.get('id') || null,
    columns: oneOf(params.get('columns'), ['group', 'competency'] as const, 'group'),
    geography: oneOf(params.get('geography'), ['current', 'historical'] as const, 'current'),
    tab: oneOf(params.get('tab'), ['overview', 'groups'] as const, 'overview'),
  };
}

/** Filters back to a query string, leaving defaults out so shared links stay short. */
export function filtersToSearch(filters: Partial<NeedsFilters>): string {
  const params = new URLSearchParams();
  if (filters.cycle) params.set('cycle', filters.cycle);
  if (filters.level) params.set('level', filters.level);
  if (filters.id && filters.level !== 'country') params.set('id', filters.id);
  if (filters.columns && filters.columns !== 'group') params.set('columns', filters.columns);
  if (filters.geography && filters.geography !== 'current' && filters.level === 'country') params.set('geography', filters.geography);
  if (filters.tab && filters.tab !== 'overview') params.set('tab', filters.tab);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/**
 * The cycle shown when none is chosen: the newest closed one (its results are
 * final), else the newest that has opened; a draft has no results yet.
 */
export function defaultCycle(cycles: readonly Pick<NeedsCycle, 'id' | 'status'>[]): string | null {
  const chosen = cycles.find((c) => c.status === 'closed') ?? cycles.find((c) => c.status !== 'draft') ?? cycles[0];
  return chosen?.id ?? null;
}

/** Where a row of the table leads: a province or agency table, or the people of an agency. */
export function drillTarget(drill: Drill, filters: NeedsFilters): string | null {
  if (!drill) return null;
  if (drill.kind === 'people') {
    return `/needs/agencies/${encodeURIComponent(drill.id)}/people${filtersToSearch({ cycle: filters.cycle })}`;
  }
  return `/needs${filtersToSearch({ ...filters, level: drill.kind, id: drill.id, tab: 'overview' })}`;
}

export const personPath = (personId: string, cycle: string | null) => `/needs/people/${encodeURIComponent(personId)}${filtersToSearch({ cycle })}`;

/** Needs only, the largest first: weighted need, then the raw gap, then the code (stable). */
export function needsLargestFirst(gaps: readonly PersonGap[]): PersonGap[] {
  return gaps
    .filter((g) => g.isNeed)
    .sort((a, b) => b.weightedNeed - a.weightedNeed || b.gap - a.gap || (a.competency?.code ?? '').localeCompare(b.competency?.code ?? ''));
}

// Light yellow to deep red: readable for most colour-blind readers (one hue ramp, rising darkness).
export const GAP_COLOURS = ['#fff7e0', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'] as const;

/**
 * Top of the colour scale: the largest value shown, but never below a quarter
 * level, so a table of tiny gaps is not painted as alarming as a table of real ones.
 */
export function gapScaleMax(values: readonly number[]): number {
  const largest = values.reduce((max, v) => (Number.isFinite(v) && v > max ? v : max), 0);
  return Math.max(0.25, Math.ceil(largest * 20) / 20);
}

const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** The heatmap's colour for a value, for the table's cells (same ramp as the chart's legend). */
export function gapColour(value: number, max: number): string {
  const ratio = max <= 0 ? 0 : Math.min(1, Math.max(0, value / max));
  const position = ratio * (GAP_COLOURS.length - 1);
  const low = Math.floor(position);
  const high = Math.min(GAP_COLOURS.length - 1, low + 1);
  const a = hexToRgb(GAP_COLOURS[low]!);
  const b = hexToRgb(GAP_COLOURS[high]!);
  const mix = a.map((channel, i) => Math.round(channel + (b[i]! - channel) * (position - low)));
  return `#${mix.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** Black or white text, whichever reads better on the background (WCAG relative luminance). */
export function textOn(background: string): '#000000' | '#ffffff' {
  const [r, g, b] = hexToRgb(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** Short axis labels for cycles: the year, with the month when a year holds several cycles. */
export function cycleAxisLabels(opensOn: readonly string[]): string[] {
  const perYear = new Map<string, number>();
  for (const date of opensOn) perYear.set(date.slice(0, 4), (perYear.get(date.slice(0, 4)) ?? 0) + 1);
  return opensOn.map((date) => ((perYear.get(date.slice(0, 4)) ?? 0) > 1 ? `${date.slice(5, 7)}/${date.slice(0, 4)}` : date.slice(0, 4)));
}

// The shared formats of the app (web/src/format), called with the locale these pages already pass around.
const languageOf = (locale: string): FormatLanguage => (locale.startsWith('en') ? 'en' : 'vi');

/** A share (0..1) in the app's one percent style: 25,5 % (vi), 25.5% (en). */
export const formatShare = (share: number, locale: string) => formatPercent(share, languageOf(locale));

export const formatGap = (gap: number, locale: string) => formatNumber(gap, languageOf(locale), 2, true);

/** A level as read on the scale: whole levels without decimals (3), consolidated ones with up to two (2,67). */
export const formatLevel = (level: number, locale: string) => formatNumber(level, languageOf(locale), 2);

export const formatCount = (count: number, locale: string) => sharedCount(count, languageOf(locale));
