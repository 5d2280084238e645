import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import { cataloguePolicy } from './catalogue.policy.js';

const actor = (role: Role): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 'a',
  agencyName: 'A',
  agencyPath: '/a/',
  personId: null,
});
const A = { id: 'inst-a' };
const B = { id: 'inst-b' };

describe('catalogue policy', () => {
  it('only national administrators manage institutions', () => {
    expect(cataloguePolicy.canManageInstitutions(actor('national_admin'))).toBe(true);
    for (const role of ['hr_officer', 'trainer', 'leader', 'civil_servant', 'expert'] as const)
      expect(cataloguePolicy.canManageInstitutions(actor(role))).toBe(false);
  });

  it('a trainer keeps the catalogue of the institution they are staff of, and nobody else’s', () => {
    const trainer = actor('trainer');
    expect(cataloguePolicy.canManageCatalogue(trainer, A, A.id)).toBe(true);
    expect(cataloguePolicy.canManageCatalogue(trainer, B, A.id)).toBe(false);
    expect(cataloguePolicy.canManageCatalogue(trainer, A, null)).toBe(false);
    // Being linked as staff gives nothing to another role.
    expect(cataloguePolicy.canManageCatalogue(actor('hr_officer'), A, A.id)).toBe(false);
    expect(cataloguePolicy.canManageCatalogue(actor('national_admin'), B, null)).toBe(true);
  });

  it('active courses are read by everyone signed in; drafts and retired versions only by their keepers', () => {
    const hr = actor('hr_officer');
    expect(cataloguePolicy.canReadCourse(hr, { institutionId: A.id, status: 'active' }, null)).toBe(true);
    expect(cataloguePolicy.canReadCourse(hr, { institutionId: A.id, status: 'draft' }, null)).toBe(false);
    expect(cataloguePolicy.canReadCourse(actor('trainer'), { institutionId: A.id, status: 'draft' }, A.id)).toBe(true);
    expect(cataloguePolicy.canReadCourse(actor('trainer'), { institutionId: B.id, status: 'retired' }, A.id)).toBe(false);
  });

  it('client needs are for the institution’s staff; lecturers also for HR', () => {
    expect(cataloguePolicy.canSeeClientNeeds(actor('trainer'), A, A.id)).toBe(true);
    expect(cataloguePolicy.canSeeClientNeeds(actor('trainer'), B, A.id)).toBe(false);
    expect(cataloguePolicy.canSeeClientNeeds(actor('hr_officer'), A, null)).toBe(false);
    expect(cataloguePolicy.canReadLecturers(actor('hr_officer'), A, null)).toBe(true);
    expect(cataloguePolicy.canReadLecturers(actor('civil_servant'), A, null)).toBe(false);
  });
});
