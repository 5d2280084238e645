import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './document-loader.js';
import { formatNumber, formatPercent } from '../../../platform/text/formats.js';
import { credentialUrn } from './identifiers.js';

/** What a certificate attests: no rating, no score, no agency — only what the holder may show anyone. */
export interface CertificateFacts {
  credentialId: string;
  issuer: { did: string; name: string; nameEn: string };
  person: { fullName: string };
  course: { id: string; code: string; title: string; titleEn: string; description: string; hours: number; minAttendance: number; passScore: number | null };
  /** The competencies the course raises and the level it attests (its to-level). */
  competencies: Array<{ code: string; name: string; nameEn: string; caseItemUri: string; frameworkName: string; toLevel: number; levelName: string }>;
  completedAt: Date;
}

/** The completion rule in words: it is the achievement's criteria. */
export function criteriaNarrative(course: CertificateFacts['course']): string {
  // Each half in its language's formats (platform/text/formats.ts): 2,5 giờ and 80 % in Vietnamese.
  const [vi, en] = [(n: number) => formatNumber(n, 'vi', 1), (n: number) => formatNumber(n, 'en', 1)];
  const attendance = `tham dự ít nhất ${formatPercent(course.minAttendance, 'vi', 0)} số buổi học`;
  const score = course.passScore === null ? '' : ` và đạt điểm cuối khóa từ ${vi(course.passScore)}/100 trở lên`;
  return `Hoàn thành khóa học ${vi(course.hours)} giờ: ${attendance}${score}. (Completed the ${en(course.hours)}-hour course: attended at least ${formatPercent(course.minAttendance, 'en', 0)} of the meetings${course.passScore === null ? '' : ` and scored at least ${en(course.passScore)}/100 in the final assessment`}.)`;
}

/** The unsigned Open Badges 3.0 credential (W3C VC 2.0 data model). */
export function buildOpenBadgeCredential(facts: CertificateFacts): Record<string, unknown> {
  const completed = facts.completedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: credentialUrn(facts.credentialId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.course.title,
    issuer: { id: facts.issuer.did, type: ['Profile'], name: facts.issuer.name },
    validFrom: completed,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: facts.person.fullName,
      // Open Badges names a subject without an id by an IdentityObject; the name is not hashed: the holder shows it.
      identifier: [{ type: ['IdentityObject'], identityType: 'name', hashed: false, identityHash: facts.person.fullName }],
      activityEndDate: completed,
      achievement: {
        id: `urn:nangluc:course:${facts.course.id}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        humanCode: facts.course.code,
        name: facts.course.title,
        description: facts.course.description || facts.course.titleEn || facts.course.title,
        criteria: { narrative: criteriaNarrative(facts.course) },
        alignment: facts.competencies.map((c) => ({
          type: ['Alignment'],
          targetName: `${c.name} — cấp độ ${c.toLevel}`,
          targetDescription: `${c.levelName} (${c.nameEn || c.name}, level ${c.toLevel})`,
          targetUrl: c.caseItemUri,
          targetCode: c.code,
          targetFramework: c.frameworkName,
          targetType: 'CFItem',
        })),
      },
    },
  };
}

/** What the public verification page shows, read from a credential document (signed or not: the caller says which). */
export interface CredentialSummary {
  id: string | null;
  issuerId: string | null;
  issuerName: string | null;
  personName: string | null;
  courseCode: string | null;
  courseName: string | null;
  validFrom: string | null;
  competencies: Array<{ code: string; name: string; url: string }>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function summariseCredential(document: unknown): CredentialSummary {
  const doc = record(document);
  const issuer = typeof doc['issuer'] === 'string' ? { id: doc['issuer'] } : record(doc['issuer']);
  const subject = record(Array.isArray(doc['credentialSubject']) ? doc['credentialSubject'][0] : doc['credentialSubject']);
  const achievement = record(subject['achievement']);
  const alignment = Array.isArray(achievement['alignment']) ? achievement['alignment'] : [];
  return {
    id: text(doc['id']),
    issuerId: text(issuer['id']),
    issuerName: text(issuer['name']),
    personName: text(subject['name']),
    courseCode: text(achievement['humanCode']),
    courseName: text(achievement['name']),
    validFrom: text(doc['validFrom']),
    competencies: alignment.slice(0, 100).map((a) => {
      const r = record(a);
      return { code: text(r['targetCode']) ?? '', name: text(r['targetName']) ?? '', url: text(r['targetUrl']) ?? '' };
    }),
  };
}
