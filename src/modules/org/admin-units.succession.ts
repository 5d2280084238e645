import { foldForSearch } from '../../platform/text/vietnamese.js';
import { isValidOn, type AdminUnit, type SuccessionEvent, type UnitTier } from './admin-units.model.js';

/**
 * The succession graph of administrative units: which units a unit became, and
 * which it came from. Pure and in memory, so rules are tested without a database;
 * the repository answers the same questions in SQL.
 */
export class SuccessionGraph {
  private readonly byId: Map<string, AdminUnit>;
  private readonly successors = new Map<string, string[]>();
  private readonly predecessors = new Map<string, string[]>();

  constructor(units: AdminUnit[], events: SuccessionEvent[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    for (const e of events) {
      for (const { predecessorId, successorId } of e.links) {
        this.successors.set(predecessorId, [...(this.successors.get(predecessorId) ?? []), successorId]);
        this.predecessors.set(successorId, [...(this.predecessors.get(successorId) ?? []), predecessorId]);
      }
    }
  }

  unit(id: string): AdminUnit | undefined {
    return this.byId.get(id);
  }

  /** The unit with an official code that existed on a date (codes are reused across eras). */
  findByCode(code: string, tier: UnitTier, onDate: string): AdminUnit | undefined {
    for (const u of this.byId.values()) if (u.code === code && u.tier === tier && isValidOn(u, onDate)) return u;
    return undefined;
  }

  /** The units that carry a unit's territory on a date: itself if it still exists, else its successors. */
  successorsOn(id: string, date: string): AdminUnit[] {
    const found = new Map<string, AdminUnit>();
    const walk = (current: string, seen: Set<string>) => {
      const unit = this.byId.get(current);
      if (!unit || seen.has(current)) return;
      seen.add(current);
      if (isValidOn(unit, date)) found.set(unit.id, unit);
      else for (const next of this.successors.get(current) ?? []) walk(next, seen);
    };
    walk(id, new Set());
    return [...found.values()];
  }

  /**
   * One successor for reports that must count a person once: the successor that
   * kept the old name if any (the usual case when a commune absorbs its
   * neighbours), else the first one the official mapping lists.
   */
  primarySuccessorOn(id: string, date: string): AdminUnit | undefined {
    const unit = this.byId.get(id);
    if (!unit) return undefined;
    if (isValidOn(unit, date)) return unit;
    const next = this.successors.get(id) ?? [];
    const sameName = next.find((n) => foldForSearch(this.byId.get(n)?.name ?? '') === foldForSearch(unit.name));
    for (const candidate of sameName ? [sameName, ...next] : next) {
      const resolved = this.primarySuccessorOn(candidate, date);
      if (resolved) return resolved;
    }
    return undefined;
  }

  predecessorsOf(id: string): AdminUnit[] {
    return (this.predecessors.get(id) ?? []).map((p) => this.byId.get(p)!).filter(Boolean);
  }

  /** The unit of a tier (e.g. today's province) that contains a unit's territory on a date. */
  rollUp(id: string, tier: UnitTier, date: string): AdminUnit[] {
    const result = new Map<string, AdminUnit>();
    for (const s of this.successorsOn(id, date)) {
      let cursor: AdminUnit | undefined = s;
      while (cursor && cursor.tier !== tier) cursor = cursor.parentId ? this.byId.get(cursor.parentId) : undefined;
      if (cursor) result.set(cursor.id, cursor);
    }
    return [...result.values()];
  }
}
