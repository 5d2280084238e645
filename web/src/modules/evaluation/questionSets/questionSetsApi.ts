import { call, client } from '../../../api/client';
import type { ApiAnswer, ApiBody } from '../../../api/types';

export type QuestionSet = ApiAnswer<'/api/evaluation/surveys/sets', 'get'>['items'][number];
export type NewQuestionSet = ApiBody<'/api/evaluation/surveys/sets', 'post'>;
export type QuestionSetPatch = ApiBody<'/api/evaluation/surveys/sets/{id}', 'patch'>;
export type QuestionInput = NewQuestionSet['questions'][number];

export const questionSetKeys = {
  all: ['evaluation', 'question-sets'] as const,
  courses: ['evaluation', 'question-sets', 'courses'] as const,
};

/** A five-point agreement scale in both languages: what most reaction surveys ask with. */
export const DEFAULT_SCALE: Array<{ label: string; labelEn: string }> = [
  { label: 'Rất không đồng ý', labelEn: 'Strongly disagree' },
  { label: 'Không đồng ý', labelEn: 'Disagree' },
  { label: 'Phân vân', labelEn: 'Undecided' },
  { label: 'Đồng ý', labelEn: 'Agree' },
  { label: 'Rất đồng ý', labelEn: 'Strongly agree' },
];

export const questionSetsApi = {
  list: (signal?: AbortSignal) => call(client.GET('/api/evaluation/surveys/sets', { signal })),
  create: (body: NewQuestionSet) => call(client.POST('/api/evaluation/surveys/sets', { body })),
  update: (id: string, body: QuestionSetPatch) => call(client.PATCH('/api/evaluation/surveys/sets/{id}', { params: { path: { id } }, body })),
  /** The courses a set can be for (the catalogue; the server refuses a trainer another institution's course). */
  courses: (signal?: AbortSignal) => call(client.GET('/api/training/courses', { params: { query: { limit: 100 } }, signal })),
};
