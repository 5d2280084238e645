import { z } from 'zod';
import { calendarDate, timestamp } from '../../../platform/http/response-types.js';
import { CHANGE_KINDS } from './unit-changes.model.js';

export const changeFileQuery = z.strictObject({
  kind: z.enum(['crosswalk', 'changes']),
  fileName: z.string().min(1).max(255).default('upload'),
});

const bilingual = z.object({ vi: z.string(), en: z.string() });
const rowIssue = z.object({ location: z.string(), message: bilingual });
const successor = z.object({ id: z.string(), code: z.string(), name: z.string() });
const unitState = z.object({
  successors: z.array(successor).optional(),
  kind: z.string().optional(),
  name: z.string().optional(),
  fullName: z.string().optional(),
  validTo: calendarDate.nullable().optional(),
  /** A merged or split province: how many communes each successor province takes. */
  communes: z.array(z.object({ provinceCode: z.string(), provinceName: z.string(), communes: z.number().int() })).optional(),
});
const newUnit = z.object({ id: z.string(), code: z.string(), kind: z.string(), fullName: z.string(), validFrom: calendarDate });
const plannedChange = z.object({
  kind: z.enum(CHANGE_KINDS),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  before: unitState,
  after: unitState,
  rows: z.array(z.number().int()),
  creates: z.array(newUnit).optional(),
});

export const changePlan = z.object({
  effectiveDate: z.string(),
  legalBasis: z.string(),
  rowsRead: z.number().int(),
  unchanged: z.number().int(),
  changes: z.array(plannedChange),
  errors: z.array(rowIssue),
  warnings: z.array(rowIssue),
});
export const changeImported = changePlan.extend({ changeSetId: z.string() });

export const changeSet = z.object({
  id: z.string(),
  kind: z.enum(['crosswalk', 'changes']),
  effectiveDate: calendarDate,
  legalBasis: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  rowsRead: z.number().int(),
  changes: z.number().int(),
  importedAt: timestamp,
  importedBy: z.string().nullable(),
});
export const changeSetList = z.object({ items: z.array(changeSet) });
export const changeSetDetail = changeSet.extend({
  items: z.array(
    z.object({
      position: z.number().int(),
      kind: z.enum(CHANGE_KINDS),
      unitId: z.string(),
      unitCode: z.string(),
      effectiveDate: calendarDate,
      before: unitState,
      after: unitState,
    }),
  ),
});

export const unitChangeHistory = z.object({
  changeSetId: z.string(),
  kind: z.enum(CHANGE_KINDS),
  effectiveDate: calendarDate,
  before: unitState,
  after: unitState,
  importedAt: timestamp,
});
