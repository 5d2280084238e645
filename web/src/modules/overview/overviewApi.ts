import { call, client } from '../../api/client';

/** The overview page's query keys. */
export const overviewKeys = {
  todo: ['overview', 'todo'] as const,
  database: ['overview', 'database'] as const,
};

export const overviewApi = {
  todo: (signal?: AbortSignal) => call(client.GET('/api/overview/todo', { signal })),
  database: (signal?: AbortSignal) => call(client.GET('/api/overview/database', { signal })),
};

/** The national report, newest full cycle, in the page's language (a plain link: the browser opens or saves the PDF, with its own Accept-Language). */
export const nationalReportPdfUrl = (language: 'vi' | 'en') => `/api/needs/national-report.pdf?language=${language}`;
