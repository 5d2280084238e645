import { call, client } from '../../api/client';
import type { ApiAnswer, ApiBody } from '../../api/types';

export type MySurvey = ApiAnswer<'/api/evaluation/surveys/mine', 'get'>['items'][number];
export type SurveyAnswers = ApiBody<'/api/evaluation/surveys/{surveyId}/answers', 'post'>['answers'];
export type SurveyResults = ApiAnswer<'/api/evaluation/surveys/results', 'get'>;
export type SurveyReport = SurveyResults['surveys'][number]['report'];
export type MyTest = ApiAnswer<'/api/evaluation/learning/mine', 'get'>['items'][number];
export type TestPaper = ApiAnswer<'/api/evaluation/learning/enrolments/{enrolmentId}/{phase}/start', 'post'>;
export type Phase = 'pre' | 'post';

/** Reaction surveys and pre/post tests: invalidate `reactionKeys.all` after any change. */
export const reactionKeys = {
  all: ['evaluation', 'reaction'] as const,
  mySurveys: ['evaluation', 'reaction', 'my-surveys'] as const,
  myTests: ['evaluation', 'reaction', 'my-tests'] as const,
  results: ['evaluation', 'reaction', 'results'] as const,
  gains: ['evaluation', 'reaction', 'gains'] as const,
};

export const reactionApi = {
  mySurveys: (signal?: AbortSignal) => call(client.GET('/api/evaluation/surveys/mine', { signal })),
  answer: (surveyId: string, answers: SurveyAnswers) =>
    call(client.POST('/api/evaluation/surveys/{surveyId}/answers', { params: { path: { surveyId } }, body: { answers } })),
  results: (signal?: AbortSignal) => call(client.GET('/api/evaluation/surveys/results', { params: { query: {} }, signal })),
  myTests: (signal?: AbortSignal) => call(client.GET('/api/evaluation/learning/mine', { signal })),
  start: (enrolmentId: string, phase: Phase) =>
    call(client.POST('/api/evaluation/learning/enrolments/{enrolmentId}/{phase}/start', { params: { path: { enrolmentId, phase } }, body: {} })),
  submit: (attemptId: string, answers: Record<string, number>) =>
    call(client.POST('/api/evaluation/learning/attempts/{attemptId}/submit', { params: { path: { attemptId } }, body: { answers } })),
  gains: (signal?: AbortSignal) => call(client.GET('/api/evaluation/learning/gains', { params: { query: {} }, signal })),
};
