/**
 * A person's current levels packed in recruitment_current_cycles (migration 0044), one row a person:
 * `competency_ids` lists the competencies of their results (`<id>,<id>,…`, ordered by id), `levels` their levels
 * in that order (`3.50,2.00,…`), and `competency_key` names the list (md5 of it). The people of a cycle are
 * nearly always assessed on the same competencies, so the shortlist reads each list once and every person's
 * levels as a short text: ~19,000 rows of ~150 bytes, where one row a competency (569,580 rows folded by
 * json_object_agg) took 80 % of its time and `<id>:<level>` pairs 23 MB to send and collect (PERFORMANCE.md, r17d).
 */

/** What the fit rule reads: a level by competency id (undefined: no result). A Map is one too. */
export interface LevelLookup {
  get(competencyId: string): number | undefined;
}

/** One person's levels in the profile's competencies, by the profile's position (NaN: no result). */
class ProfileLevels implements LevelLookup {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly values: Float64Array,
  ) {}

  get(competencyId: string): number | undefined {
    const at = this.index.get(competencyId);
    const value = at === undefined ? NaN : this.values[at]!;
    return Number.isNaN(value) ? undefined : value;
  }
}

const COMMA = 44;
const DOT = 46;
const MINUS = 45;
const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** The packed rows of one read: each competency list once (`addList`), then each person's levels (`levels`). */
export class PackedLevelsReader {
  private readonly index = new Map<string, number>();
  /** By key: for each entry of the key's list, its position in the profile, or -1 when the profile lacks it. */
  private readonly slots = new Map<string, Int32Array>();

  constructor(profileIds: readonly string[]) {
    profileIds.forEach((id, i) => this.index.set(id, i));
  }

  addList(key: string, competencyIds: string): void {
    const ids = competencyIds === '' ? [] : competencyIds.split(',');
    this.slots.set(
      key,
      Int32Array.from(ids, (id) => this.index.get(id) ?? -1),
    );
  }

  /**
   * The levels of `packed` in the profile's competencies. Parsed by hand, without a string a level: 19,000 people
   * × 30 levels made the collector the largest cost. A level `ddd.dd` is read as the integer ddddd divided by
   * 10^decimals, which is exactly the double Number() gives (one correctly rounded division).
   */
  levels(key: string, packed: string): LevelLookup {
    const slots = this.slots.get(key);
    if (!slots) throw new Error(`packed levels: no competency list for key ${key}`);
    const values = new Float64Array(this.index.size).fill(NaN);
    let entry = 0;
    let digits = 0;
    let scaled = 0;
    let decimals = -1;
    let negative = false;
    for (let i = 0; i <= packed.length; i++) {
      const c = i < packed.length ? packed.charCodeAt(i) : COMMA;
      if (c === COMMA) {
        const slot = slots[entry] ?? -1;
        if (slot >= 0 && digits > 0) values[slot] = (negative ? -scaled : scaled) / POW10[Math.max(decimals, 0)]!;
        entry++;
        digits = scaled = 0;
        decimals = -1;
        negative = false;
      } else if (c === DOT) decimals = 0;
      else if (c === MINUS) negative = true;
      else {
        scaled = scaled * 10 + (c - 48);
        digits++;
        if (decimals >= 0) decimals++;
      }
    }
    return new ProfileLevels(this.index, values);
  }
}
