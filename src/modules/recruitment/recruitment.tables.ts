import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

export type CampaignStatus = 'draft' | 'published' | 'closed' | 'completed' | 'cancelled';
export type StageKind = 'screening' | 'knowledge_test' | 'practical' | 'interview';
export type ApplicationStatus = 'submitted' | 'screened_in' | 'screened_out' | 'withdrawn' | 'shortlisted' | 'appointed' | 'not_selected';
export type DocumentKind = 'application_form' | 'cv' | 'diploma' | 'certificate' | 'identity' | 'other';
export type DocumentMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

export interface RecruitmentCampaignsTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  title: string;
  notice: Generated<string>;
  status: Generated<CampaignStatus>;
  applications_open_at: Date | null;
  applications_close_at: Date | null;
  /** The ordered tie-break rules (recruitment.schema.ts checks their shape). */
  tie_break: ColumnType<unknown[], string | undefined, string>;
  retention_months: Generated<number>;
  published_at: Date | null;
  completed_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RecruitmentCampaignPostsTable {
  campaign_id: string;
  position_id: string;
  posts: number;
}

export interface RecruitmentStagesTable {
  id: Generated<string>;
  campaign_id: string;
  ordinal: number;
  kind: StageKind;
  name: string;
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  weight: Generated<number>;
}

export interface RecruitmentPanelMembersTable {
  campaign_id: string;
  user_id: string;
  panel_role: Generated<'chair' | 'member' | 'secretary'>;
  declared_at: Date | null;
  added_at: CreatedAt;
}

export interface RecruitmentCandidatesTable {
  id: Generated<string>;
  user_id: string | null;
  person_id: string | null;
  full_name: string;
  search_name: string;
  date_of_birth: ColumnType<string | null, string | null | undefined, string | null>;
  gender: 'male' | 'female' | 'other' | null;
  email: string | null;
  phone: string | null;
  priority: Generated<boolean>;
  consent_at: Date | null;
  consent_version: string | null;
  retain_until: ColumnType<string | null, string | null | undefined, string | null>;
  erased_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RecruitmentApplicationsTable {
  id: Generated<string>;
  campaign_id: string;
  position_id: string;
  candidate_id: string;
  agency_id: string;
  status: Generated<ApplicationStatus>;
  source: Generated<'online' | 'paper'>;
  submitted_at: Generated<Date>;
  updated_at: UpdatedAt;
}

export interface RecruitmentDocumentsTable {
  id: Generated<string>;
  application_id: string;
  kind: DocumentKind;
  file_name: string;
  media_type: DocumentMediaType;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_at: CreatedAt;
}

export interface RecruitmentConflictsTable {
  campaign_id: string;
  user_id: string;
  application_id: string;
  reason: string;
  declared_at: CreatedAt;
}

export interface RecruitmentTables {
  recruitment_campaigns: RecruitmentCampaignsTable;
  recruitment_campaign_posts: RecruitmentCampaignPostsTable;
  recruitment_stages: RecruitmentStagesTable;
  recruitment_panel_members: RecruitmentPanelMembersTable;
  recruitment_candidates: RecruitmentCandidatesTable;
  recruitment_applications: RecruitmentApplicationsTable;
  recruitment_documents: RecruitmentDocumentsTable;
  recruitment_conflicts: RecruitmentConflictsTable;
}

declare module '../../platform/db/schema.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into Database
  interface Database extends RecruitmentTables {}
}
