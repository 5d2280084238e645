import { call, client } from '../../../api/client';

export type PaperPhase = 'pre' | 'post';
export type PaperRow = { enrolmentId: string; scores: Array<{ competencyId: string; score: number }> };

export const paperScoresKeys = { sheet: (sessionId: string) => ['evaluation', 'paper-scores', sessionId] as const };

export const paperScoresApi = {
  sheet: (sessionId: string, signal?: AbortSignal) =>
    call(client.GET('/api/evaluation/learning/sessions/{sessionId}/scores', { params: { path: { sessionId } }, signal })),
  record: (sessionId: string, phase: PaperPhase, rows: PaperRow[]) =>
    call(client.PUT('/api/evaluation/learning/sessions/{sessionId}/scores/{phase}', { params: { path: { sessionId, phase } }, body: { rows } })),
};
