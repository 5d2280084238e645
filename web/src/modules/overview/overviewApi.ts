import { call, client } from '../../api/client';

/** The overview page's query keys. */
export const overviewKeys = {
  health: ['health'] as const,
};

export const overviewApi = {
  health: (signal?: AbortSignal) => call(client.GET('/api/health', { signal })),
};
