import { call, client, fileBody } from '../../api/client';
import type { ApiAnswer, ApiBody } from '../../api/types';

/** Shapes of the positions API (src/modules/positions on the server), from the generated types. */

export type Position = ApiAnswer<'/api/positions/', 'get'>['items'][number];
export type Matrix = ApiAnswer<'/api/positions/matrix', 'get'>;
/** A row of the matrix: a position and whether the caller may change its profile. */
export type MatrixPosition = Matrix['positions'][number];
export type ProfileCompetency = ApiAnswer<'/api/positions/competencies', 'get'>['items'][number];
export type MatrixChange = ApiBody<'/api/positions/matrix', 'patch'>['changes'][number];
export type PositionInput = ApiBody<'/api/positions/', 'post'>;
export type PositionChange = ApiBody<'/api/positions/{id}', 'put'>;
export type RoleCategory = Position['roleCategory'];
export type AdminTier = Position['tier'];
/** What an edited matrix file changes, and every cell it cannot take. */
export type MatrixFileAnswer = ApiAnswer<'/api/positions/matrix/import', 'post'>;
export type TemplateRequirement = ApiBody<'/api/positions/templates/{role}/{tier}', 'put'>['requirements'][number];
/** In the order the pages offer them. */
export const ROLE_CATEGORIES = ['leader', 'manager', 'professional', 'support'] as const satisfies readonly RoleCategory[];
export const ADMIN_TIERS = ['central', 'province', 'commune', 'district'] as const satisfies readonly AdminTier[];

/** The positions module's query keys: invalidate `positionsKeys.all` after a change to positions or profiles. */
export const positionsKeys = {
  all: ['positions'] as const,
  list: (search: string) => ['positions', 'list', search] as const,
  matrix: (search: string) => ['positions', 'matrix', search] as const,
  competencies: () => ['positions', 'competencies'] as const,
  templates: ['positions', 'template'] as const,
  template: (role: RoleCategory, tier: AdminTier) => ['positions', 'template', role, tier] as const,
};

const position = (id: string) => ({ params: { path: { id } } });

/** The matrix of the caller's subtree as a workbook (the session cookie goes with the link). */
export const matrixExportUrl = (language: 'vi' | 'en') => `/api/positions/matrix/export?language=${language}`;

export const positionsApi = {
  list: (search: string, signal?: AbortSignal) => call(client.GET('/api/positions/', { params: { query: { search: search || undefined } }, signal })),
  matrix: (search: string, signal?: AbortSignal) => call(client.GET('/api/positions/matrix', { params: { query: { search: search || undefined } }, signal })),
  saveMatrix: (changes: MatrixChange[]) => call(client.PATCH('/api/positions/matrix', { body: { changes } })),
  previewMatrixFile: (file: File) => call(client.POST('/api/positions/matrix/import', { params: { query: { confirm: 'false' } }, ...fileBody(file) })),
  importMatrixFile: (file: File) => call(client.POST('/api/positions/matrix/import', { params: { query: { confirm: 'true' } }, ...fileBody(file) })),
  create: (input: PositionInput) => call(client.POST('/api/positions/', { body: input })),
  update: (id: string, input: PositionChange) => call(client.PUT('/api/positions/{id}', { ...position(id), body: input })),
  remove: (id: string) => call(client.DELETE('/api/positions/{id}', position(id))),
  applyTemplate: (id: string) => call(client.POST('/api/positions/{id}/apply-template', position(id))),
  competencies: (signal?: AbortSignal) => call(client.GET('/api/positions/competencies', { signal })),
  template: (role: RoleCategory, tier: AdminTier, signal?: AbortSignal) =>
    call(client.GET('/api/positions/templates/{role}/{tier}', { params: { path: { role, tier } }, signal })),
  saveTemplate: (role: RoleCategory, tier: AdminTier, requirements: TemplateRequirement[]) =>
    call(client.PUT('/api/positions/templates/{role}/{tier}', { params: { path: { role, tier } }, body: { requirements } })),
};
