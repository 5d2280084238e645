import { call, client } from '../../../api/client';
import type { ApiAnswer, ApiBody, ApiQuery } from '../../../api/types';

export type Ranking = ApiAnswer<'/api/evaluation/effectiveness', 'get'>;
export type RankingRow = Ranking['items'][number];
export type Dimension = NonNullable<ApiQuery<'/api/evaluation/effectiveness', 'get'>['by']>;
export type CourseEffect = ApiAnswer<'/api/evaluation/effectiveness/courses/{courseId}', 'get'>;

export type FollowupStatusFilter = ApiQuery<'/api/evaluation/followups', 'get'>['status'];
export type FollowupSettingsInput = ApiBody<'/api/evaluation/followups/settings', 'put'>;

/** Query keys of the follow-ups and effectiveness: invalidate `effectivenessKeys.all` after a change. */
export const effectivenessKeys = {
  all: ['evaluation', 'effectiveness'] as const,
  ranking: (by: Dimension) => ['evaluation', 'effectiveness', 'ranking', by] as const,
  course: (courseId: string) => ['evaluation', 'effectiveness', 'course', courseId] as const,
  followups: (status: FollowupStatusFilter, offset: number) => ['evaluation', 'effectiveness', 'followups', status ?? 'all', offset] as const,
  settings: ['evaluation', 'effectiveness', 'settings'] as const,
};

export const effectivenessApi = {
  ranking: (by: Dimension, signal?: AbortSignal) => call(client.GET('/api/evaluation/effectiveness', { params: { query: { by } }, signal })),
  course: (courseId: string, signal?: AbortSignal) =>
    call(client.GET('/api/evaluation/effectiveness/courses/{courseId}', { params: { path: { courseId } }, signal })),
  followups: (status: FollowupStatusFilter, offset: number, signal?: AbortSignal) =>
    call(client.GET('/api/evaluation/followups', { params: { query: { status, offset, limit: 50 } }, signal })),
  settings: (signal?: AbortSignal) => call(client.GET('/api/evaluation/followups/settings', { signal })),
  saveSettings: (body: FollowupSettingsInput) => call(client.PUT('/api/evaluation/followups/settings', { body })),
};
