import { call, client } from '../../api/client';
import type { ApiAnswer } from '../../api/types';

export type Health = ApiAnswer<'/api/health', 'get'>;

/** The overview page's query keys. */
export const overviewKeys = {
  health: ['health'] as const,
};

export const overviewApi = {
  health: (signal?: AbortSignal) => call(client.GET('/api/health', { signal })),
};
