import { describe, expect, test } from 'vitest';
import { annualReportFigures, type ReportEnrolment } from './annual-report.js';

const digital = { code: 'G1', name: 'Năng lực số' };
const leadership = { code: 'G2', name: 'Lãnh đạo' };
const row = (over: Partial<ReportEnrolment>): ReportEnrolment => ({
  personId: 'p1',
  status: 'completed',
  format: 'online',
  groups: [digital],
  roleCategory: 'professional',
  hours: 16,
  cost: 1_000_000,
  ...over,
});

describe('annual training report figures', () => {
  test('counts people once, completions, completed hours and every used seat’s cost', () => {
    const figures = annualReportFigures([
      row({}),
      row({ status: 'not_completed', format: 'classroom', hours: 40, cost: 3_000_000 }),
      row({ personId: 'p2', hours: 8, cost: 500_000 }),
    ]);
    expect(figures.total).toEqual({ key: 'total', people: 2, participations: 3, completions: 2, hours: 24, cost: 4_500_000 });
    expect(figures.byFormat.map((l) => [l.key, l.people, l.completions, l.hours, l.cost])).toEqual([
      ['classroom', 1, 0, 0, 3_000_000],
      ['online', 2, 2, 24, 1_500_000],
    ]);
  });

  test('waiting list, rejected and cancelled enrolments used no seat', () => {
    const figures = annualReportFigures([
      row({ status: 'waitlisted' }),
      row({ status: 'cancelled' }),
      row({ status: 'rejected' }),
      row({ status: 'pending_approval' }),
    ]);
    expect(figures.total).toMatchObject({ people: 0, participations: 0, cost: 0 });
    expect(figures.byFormat).toEqual([]);
  });

  test('a course serving two competency groups counts in both; role categories include the unclassified', () => {
    const figures = annualReportFigures([row({ groups: [digital, leadership, digital] }), row({ personId: 'p2', roleCategory: null, groups: [leadership] })]);
    expect(figures.byGroup.map((g) => [g.key, g.name, g.people])).toEqual([
      ['G1', 'Năng lực số', 1],
      ['G2', 'Lãnh đạo', 2],
    ]);
    expect(figures.byRoleCategory.map((g) => [g.key, g.people])).toEqual([
      ['none', 1],
      ['professional', 1],
    ]);
  });
});
