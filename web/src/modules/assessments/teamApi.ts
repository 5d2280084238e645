import { call, client, withQuery } from '../../api/client';

export const teamKeys = { team: (leaderId: string | undefined) => ['assessment', 'team', leaderId ?? 'mine'] as const };

/** A leader's own team without `leaderId`; HR and national administrators name the leader. */
export const teamApi = {
  team: (leaderId: string | undefined, signal?: AbortSignal) =>
    call(client.GET('/api/assessments/team', { params: { query: leaderId ? { leaderId } : {} }, signal })),
};

export const teamReportPdfUrl = (leaderId: string | undefined) => withQuery('/api/assessments/team/report.pdf', leaderId ? { leaderId } : {});
