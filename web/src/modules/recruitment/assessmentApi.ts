import { call, client } from '../../api/client';
import type { ApiAnswer, ApiBody } from '../../api/types';

export type Ranking = ApiAnswer<'/api/recruitment/campaigns/{campaignId}/ranking', 'get'>;
export type RankedCandidate = Ranking['positions'][number]['candidates'][number];
export type SheetInput = ApiBody<'/api/recruitment/applications/{applicationId}/stages/{stageId}/sheet', 'put'>;
export type AppointInput = ApiBody<'/api/recruitment/applications/{applicationId}/appoint', 'post'>;
export interface ShortlistQuery {
  factor?: number;
  threshold?: number;
}

/** Query keys: invalidate `recruitmentAssessmentKeys.all` after any change. */
export const recruitmentAssessmentKeys = {
  all: ['recruitment', 'assessment'] as const,
  ranking: (campaignId: string, q: ShortlistQuery) => ['recruitment', 'assessment', 'ranking', campaignId, q] as const,
  fairness: (campaignId: string) => ['recruitment', 'assessment', 'fairness', campaignId] as const,
  sheet: (applicationId: string, stageId: string) => ['recruitment', 'assessment', 'sheet', applicationId, stageId] as const,
};

export const recruitmentAssessmentApi = {
  ranking: (campaignId: string, query: ShortlistQuery, signal?: AbortSignal) =>
    call(client.GET('/api/recruitment/campaigns/{campaignId}/ranking', { params: { path: { campaignId }, query }, signal })),
  fairness: (campaignId: string, signal?: AbortSignal) =>
    call(client.GET('/api/recruitment/campaigns/{campaignId}/fairness', { params: { path: { campaignId } }, signal })),
  shortlist: (campaignId: string, body: ShortlistQuery) =>
    call(client.POST('/api/recruitment/campaigns/{campaignId}/shortlist', { params: { path: { campaignId } }, body })),
  publish: (campaignId: string) => call(client.POST('/api/recruitment/campaigns/{campaignId}/results/publish', { params: { path: { campaignId } } })),
  appoint: (applicationId: string, body: AppointInput) =>
    call(client.POST('/api/recruitment/applications/{applicationId}/appoint', { params: { path: { applicationId } }, body })),
  sheet: (applicationId: string, stageId: string, signal?: AbortSignal) =>
    call(client.GET('/api/recruitment/applications/{applicationId}/stages/{stageId}/sheet', { params: { path: { applicationId, stageId } }, signal })),
  saveSheet: (applicationId: string, stageId: string, body: SheetInput) =>
    call(client.PUT('/api/recruitment/applications/{applicationId}/stages/{stageId}/sheet', { params: { path: { applicationId, stageId } }, body })),
};
