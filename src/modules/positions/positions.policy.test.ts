import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { positionsPolicy } from './positions.policy.js';
import { templateRequirement } from './profile-templates.js';

const actor = (role: Role, agencyPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  agencyId: 'a',
  agencyName: 'A',
  agencyPath,
  personId: null,
});

describe('positions policy', () => {
  it('HR officers read and write their subtree only; national administrators everything', () => {
    const hanoiWard = { agencyPath: '/hn/hk/' };
    expect(positionsPolicy.canWrite(actor('hr_officer', '/hn/'), hanoiWard)).toBe(true);
    expect(positionsPolicy.canRead(actor('hr_officer', '/dn/'), hanoiWard)).toBe(false);
    expect(positionsPolicy.canWrite(actor('hr_officer', '/dn/'), hanoiWard)).toBe(false);
    expect(positionsPolicy.canWrite(actor('national_admin', '/bnv/'), hanoiWard)).toBe(true);
    expect(positionsPolicy.canRead(actor('leader', '/hn/'), hanoiWard)).toBe(true);
    expect(positionsPolicy.canWrite(actor('leader', '/hn/'), hanoiWard)).toBe(false);
    expect(positionsPolicy.canEditTemplates(actor('hr_officer', '/hn/'))).toBe(false);
  });
});

describe('profile templates', () => {
  it('stay within the five-level scale and criticality 1–3 for every role, tier and group', () => {
    for (const role of ['leader', 'manager', 'professional', 'support'] as const) {
      for (const tier of ['central', 'province', 'commune', 'district'] as const) {
        for (const group of ['CN', 'QT', 'DM', 'DD', 'PV', 'HC', 'OTHER']) {
          const r = templateRequirement(role, tier, group, `${group}.1`);
          expect(r.requiredLevel).toBeGreaterThanOrEqual(1);
          expect(r.requiredLevel).toBeLessThanOrEqual(5);
          expect([1, 2, 3]).toContain(r.criticality);
        }
      }
    }
  });

  it('ask leaders more of digital leadership than support staff, and commune staff more of serving citizens', () => {
    expect(templateRequirement('leader', 'province', 'QT', 'QT.5').requiredLevel).toBeGreaterThan(
      templateRequirement('support', 'province', 'QT', 'QT.5').requiredLevel,
    );
    expect(templateRequirement('professional', 'commune', 'PV', 'PV.1').requiredLevel).toBeGreaterThan(
      templateRequirement('professional', 'central', 'PV', 'PV.1').requiredLevel,
    );
    expect(templateRequirement('professional', 'province', 'DD', 'DD.2').criticality).toBe(3);
  });
});
