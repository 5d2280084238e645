import { call, client } from '../../api/client';
import type { ApiAnswer, ApiBody } from '../../api/types';

export type CampaignInput = ApiBody<'/api/recruitment/campaigns', 'post'>;
export type CampaignDetail = ApiAnswer<'/api/recruitment/campaigns/{id}', 'get'>;
export type ApplicationInput = ApiBody<'/api/recruitment/campaigns/{id}/applications', 'post'>;
export type PaperApplicationInput = ApiBody<'/api/recruitment/campaigns/{id}/paper-applications', 'post'>;
export type Transition = 'publish' | 'close' | 'complete' | 'cancel';

/** Recruitment's query keys: invalidate `recruitmentKeys.all` after any change. */
export const recruitmentKeys = {
  all: ['recruitment'] as const,
  campaigns: ['recruitment', 'campaigns'] as const,
  campaign: (id: string) => ['recruitment', 'campaign', id] as const,
  applications: (id: string) => ['recruitment', 'applications', id] as const,
  application: (id: string) => ['recruitment', 'application', id] as const,
  mine: ['recruitment', 'mine'] as const,
  panels: ['recruitment', 'panels'] as const,
  declaration: (id: string) => ['recruitment', 'declaration', id] as const,
  panelChoices: (id: string) => ['recruitment', 'panel-choices', id] as const,
  public: ['recruitment', 'public'] as const,
  publicCampaign: (id: string) => ['recruitment', 'public', id] as const,
  positions: ['recruitment', 'positions'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const recruitmentApi = {
  campaigns: (signal?: AbortSignal) => call(client.GET('/api/recruitment/campaigns', { signal })),
  campaign: (id: string, signal?: AbortSignal) => call(client.GET('/api/recruitment/campaigns/{id}', { ...path(id), signal })),
  create: (body: CampaignInput) => call(client.POST('/api/recruitment/campaigns', { body })),
  update: (id: string, body: CampaignInput) => call(client.PUT('/api/recruitment/campaigns/{id}', { ...path(id), body })),
  move: (id: string, to: Transition) => call(client.POST('/api/recruitment/campaigns/{id}/status/{to}', { params: { path: { id, to } } })),
  applications: (id: string, signal?: AbortSignal) => call(client.GET('/api/recruitment/campaigns/{id}/applications', { ...path(id), signal })),
  panelChoices: (id: string, signal?: AbortSignal) =>
    call(client.GET('/api/recruitment/campaigns/{id}/panel/candidates', { params: { path: { id }, query: {} }, signal })),
  setPanel: (id: string, members: ApiBody<'/api/recruitment/campaigns/{id}/panel', 'put'>['members']) =>
    call(client.PUT('/api/recruitment/campaigns/{id}/panel', { ...path(id), body: { members } })),
  declaration: (id: string, signal?: AbortSignal) => call(client.GET('/api/recruitment/campaigns/{id}/declaration', { ...path(id), signal })),
  declare: (id: string, conflicts: Array<{ applicationId: string; reason: string }>) =>
    call(client.PUT('/api/recruitment/campaigns/{id}/declaration', { ...path(id), body: { conflicts } })),
  myPanels: (signal?: AbortSignal) => call(client.GET('/api/recruitment/panels/mine', { signal })),
  mine: (signal?: AbortSignal) => call(client.GET('/api/recruitment/applications/mine', { signal })),
  application: (id: string, signal?: AbortSignal) => call(client.GET('/api/recruitment/applications/{id}', { ...path(id), signal })),
  apply: (id: string, body: ApplicationInput) => call(client.POST('/api/recruitment/campaigns/{id}/applications', { ...path(id), body })),
  applyOnPaper: (id: string, body: PaperApplicationInput) => call(client.POST('/api/recruitment/campaigns/{id}/paper-applications', { ...path(id), body })),
  publicCampaigns: (signal?: AbortSignal) => call(client.GET('/api/recruitment/public/campaigns', { signal })),
  publicCampaign: (id: string, signal?: AbortSignal) => call(client.GET('/api/recruitment/public/campaigns/{id}', { ...path(id), signal })),
  signUp: (body: ApiBody<'/api/recruitment/public/sign-up', 'post'>) => call(client.POST('/api/recruitment/public/sign-up', { body })),
  positions: (signal?: AbortSignal) => call(client.GET('/api/positions/', { params: { query: {} }, signal })),
  noticePdfUrl: (id: string, published: boolean) =>
    published ? `/api/recruitment/public/campaigns/${id}/notice.pdf` : `/api/recruitment/campaigns/${id}/notice.pdf`,
  documentUrl: (id: string) => `/api/recruitment/documents/${id}`,
};

/** A file as base64 for the JSON body of an application. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
