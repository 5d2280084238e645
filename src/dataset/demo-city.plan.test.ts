import { describe, expect, it } from 'vitest';
import { CITY_AGENCIES, cityPosts, cityStaff } from './demo-city.plan.js';
import type { NameLists } from '../modules/people/demo/name-generator.js';
import type { RoleCategory } from '../modules/people/people.tables.js';

const names: NameLists = {
  surnames: [
    { surname: 'Nguyễn', weight: 0.4 },
    { surname: 'Trần', weight: 0.6 },
  ],
  male: ['Văn An', 'Minh'],
  female: ['Thị Hoa', 'Lan'],
  middleMale: ['Văn'],
  middleFemale: ['Thị'],
};

/** Posts as the database holds them after seeding: the new agencies' own, and the base agencies' demo posts. */
function postsByAgency() {
  const map = new Map<string, { code: string; roleCategory: RoleCategory }[]>();
  for (const p of cityPosts()) map.set(p.agencyCode, [...(map.get(p.agencyCode) ?? []), p]);
  map.set('HN-SNV', [
    { code: 'HN-SNV-GD', roleCategory: 'leader' },
    { code: 'HN-SNV-CV-CCVC', roleCategory: 'professional' },
  ]);
  map.set('HN-HOANKIEM', [{ code: 'HN-HK-CV-MC', roleCategory: 'professional' }]);
  map.set('DN-SNV', [{ code: 'DN-SNV-CV-CCHC', roleCategory: 'professional' }]);
  return map;
}

describe('the demo city', () => {
  const staff = cityStaff(postsByAgency(), names, 7);

  it('has a few hundred staff: about 300 in Hà Nội and 150 in Đà Nẵng, in departments and communes', () => {
    const hanoi = staff.filter((s) => s.staffCode.startsWith('HN-D'));
    const danang = staff.filter((s) => s.staffCode.startsWith('DN-D'));
    expect(hanoi.length).toBeGreaterThanOrEqual(280);
    expect(danang.length).toBeGreaterThanOrEqual(140);
    const kinds = new Set(CITY_AGENCIES.filter((a) => staff.some((s) => s.agencyCode === a.code)).map((a) => `${a.parentCode}:${a.kind}`));
    expect(kinds).toEqual(new Set(['HN:department', 'HN:commune', 'DN:department', 'DN:commune']));
  });

  it('gives the same people for the same seed, other people for another, and unique staff codes that do not clash with the base demo', () => {
    expect(cityStaff(postsByAgency(), names, 7)).toEqual(staff);
    expect(cityStaff(postsByAgency(), names, 8).map((s) => s.fullName)).not.toEqual(staff.map((s) => s.fullName));
    expect(new Set(staff.map((s) => s.staffCode)).size).toBe(staff.length);
    expect(staff.every((s) => /^(HN|DN)-D\d{4}$/.test(s.staffCode))).toBe(true);
  });

  it('puts everyone in a post of their own agency whose role they then hold, with a leader heading each new agency', () => {
    const posts = postsByAgency();
    for (const s of staff) {
      const post = posts.get(s.agencyCode)!.find((p) => p.code === s.positionCode);
      expect(post, s.staffCode).toBeDefined();
      expect(post!.roleCategory).toBe(s.roleCategory);
    }
    for (const agency of CITY_AGENCIES.filter((a) => !a.existing)) {
      const first = staff.find((s) => s.agencyCode === agency.code)!;
      expect(first.roleCategory).toBe('leader');
    }
  });

  it('is mostly officers, with a few heads and clerks, as an office is', () => {
    const share = (role: RoleCategory) => staff.filter((s) => s.roleCategory === role).length / staff.length;
    expect(share('professional')).toBeGreaterThan(0.6);
    expect(share('leader')).toBeLessThan(0.1);
    expect(share('support')).toBeGreaterThan(0.03);
  });
});
