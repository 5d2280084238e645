import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/engine.js';
import { AppError } from '../../platform/errors.js';
import { detectFileFormat } from '../../platform/files/detect-format.js';
import { errorMessages } from '../../platform/i18n/error-messages.js';
import { positionsPolicy } from './positions.policy.js';
import * as repo from './positions.repository.js';
import { applyMatrixChanges } from './positions.service.js';
import { parseMatrixCell, readMatrixSheet } from './matrix.xlsx.js';

export interface MatrixFileChange {
  positionId: string;
  positionCode: string;
  competencyId: string;
  competencyCode: string;
  before: { requiredLevel: number; criticality: number } | null;
  after: { requiredLevel: number; criticality: number } | null;
}
type MatrixErrorCode = 'unknown_position' | 'position_out_of_scope' | 'unknown_competency' | 'invalid_level';
export interface MatrixFileError {
  row: number;
  column: string;
  code: MatrixErrorCode;
  value: string;
  /** The catalogue's message for the code, both languages (src/platform/i18n/error-messages.ts). */
  message: { vi: string; en: string };
}

const problem = (row: number, column: string, code: MatrixErrorCode, value: string): MatrixFileError => ({
  row,
  column,
  code,
  value,
  message: errorMessages[code],
});

const MAX_POSITIONS = 5_000;

/**
 * Compares an edited matrix file with the register: the requirements it
 * changes, and every cell it cannot take (an unknown code, a position the
 * caller may not edit, a level beyond the competency's scale). Cells equal to
 * the register, like positions the file leaves out, are left alone.
 */
export async function previewMatrixFile(db: Db, actor: Actor, file: Buffer): Promise<{ changes: MatrixFileChange[]; errors: MatrixFileError[] }> {
  // What the file is, from its bytes: a PDF or CSV is named as such, never a zip library's message.
  const detected = await detectFileFormat(file);
  if (detected.kind !== 'xlsx' || !detected.sheets?.length) throw new AppError('matrix_file_not_xlsx', 400, { found: detected.description });
  const sheet = await readMatrixSheet(file);
  if (sheet.rows.length === 0) throw new AppError('import_file_empty', 400);
  const positions = new Map((await repo.listPositions(db, actor, { limit: MAX_POSITIONS, offset: 0 })).map((p) => [p.code.toUpperCase(), p]));
  const competencies = new Map((await repo.profileCompetencies(db, actor)).map((c) => [c.code.toUpperCase(), c]));
  const errors: MatrixFileError[] = [];
  sheet.competencyCodes.forEach((code) => {
    if (code && !competencies.has(code)) errors.push(problem(0, code, 'unknown_competency', code));
  });
  const current = new Map(
    (
      await repo.requirementsOf(
        db,
        [...positions.values()].map((p) => p.id),
      )
    ).map((r) => [`${r.positionId}:${r.competencyId}`, r]),
  );
  const changes: MatrixFileChange[] = [];
  for (const row of sheet.rows) {
    const position = positions.get(row.positionCode);
    if (!position) {
      errors.push(problem(row.row, '', 'unknown_position', row.positionCode));
      continue;
    }
    const editable = positionsPolicy.canWrite(actor, { agencyPath: position.agencyPath });
    for (const [code, text] of row.cells) {
      const competency = competencies.get(code);
      if (!competency) continue;
      const after = parseMatrixCell(text, competency.levelCount);
      if (after === 'invalid') {
        errors.push(problem(row.row, code, 'invalid_level', text));
        continue;
      }
      const was = current.get(`${position.id}:${competency.id}`);
      const before = was ? { requiredLevel: was.requiredLevel, criticality: was.criticality } : null;
      if (before?.requiredLevel === after?.requiredLevel && before?.criticality === after?.criticality) continue;
      if (!editable) {
        errors.push(problem(row.row, code, 'position_out_of_scope', row.positionCode));
        continue;
      }
      changes.push({ positionId: position.id, positionCode: position.code, competencyId: competency.id, competencyCode: competency.code, before, after });
    }
  }
  return { changes, errors };
}

/** Applies a file's changes, all or none; refused while any cell has an error, with every error row by row. Audited per position (applyMatrixChanges). */
export async function importMatrixFile(db: Db, actor: Actor, file: Buffer) {
  const preview = await previewMatrixFile(db, actor, file);
  if (preview.errors.length > 0) throw new AppError('import_has_errors', 409, { errorCount: preview.errors.length, errors: preview.errors });
  if (preview.changes.length > 0)
    await applyMatrixChanges(
      db,
      actor,
      preview.changes.map((c) => ({
        positionId: c.positionId,
        competencyId: c.competencyId,
        requiredLevel: c.after?.requiredLevel ?? null,
        criticality: c.after?.criticality ?? 2,
      })),
    );
  return preview;
}
