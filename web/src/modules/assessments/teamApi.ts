import { call, client, withQuery } from '../../api/client';

export const teamKeys = { team: (leaderId: string | undefined) => ['assessment', 'team', leaderId ?? 'mine'] as const };

/** A leader's own team without `leaderId`; HR and national administrators name the leader. */
export const teamApi = {
  team: (leaderId: string | undefined, signal?: AbortSignal) =>
    call(client.GET('/api/assessments/team', { params: { query: leaderId ? { leaderId } : {} }, signal })),
};

/** The report in the page's language (a link sends the browser's Accept-Language, not the app's). */
export const teamReportPdfUrl = (leaderId: string | undefined, language: 'vi' | 'en') =>
  withQuery('/api/assessments/team/report.pdf', leaderId ? { leaderId, language } : { language });
