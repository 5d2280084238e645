import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { CampaignSummary } from './CampaignPage';
import { DocumentPicker, type PickedDocument } from './DocumentPicker';
import { ReadFailure } from './RecruitmentStates';
import { useFormErrors } from '../../ui/useFormErrors';
import { fileToBase64, recruitmentApi, recruitmentKeys, type ApplicationInput } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/** Must match CONSENT_VERSION on the server (campaign-rules.ts): the text above is what the candidate agrees to. */
export const CONSENT_VERSION = '2026-01';

/** A candidate (or a member of staff) applies to one position: consent, documents, priority. */
export function ApplyForm() {
  const { id = '' } = useParams();
  const { tr } = useRecruitmentText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const campaign = useQuery({ queryKey: recruitmentKeys.publicCampaign(id), queryFn: ({ signal }) => recruitmentApi.publicCampaign(id, signal) });
  const [positionId, setPositionId] = useState<string | null>(null);
  const [files, setFiles] = useState<PickedDocument[]>([]);
  const [consent, setConsent] = useState(false);
  const [priority, setPriority] = useState(false);
  const submit = useMutation({
    mutationFn: async () => {
      const documents: ApplicationInput['documents'] = await Promise.all(
        files.map(async (f) => ({ kind: f.kind, fileName: f.file.name, content: await fileToBase64(f.file) })),
      );
      return recruitmentApi.apply(id, { positionId: positionId!, consentVersion: CONSENT_VERSION, priority, documents });
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: recruitmentKeys.all });
      void navigate(`/recruitment/applications/${created.id}`);
    },
  });
  // The API names the field it refuses (a position not in the campaign, a document not PDF or an image or too big,
  // the consent): the message goes under that field.
  const { errorFor, general } = useFormErrors(submit.error, { positionId, documents: files, consentVersion: consent });
  if (campaign.isLoading) return <PageLoader />;
  if (campaign.error || !campaign.data) return <ReadFailure error={campaign.error} onRetry={campaign.refetch} />;
  const c = campaign.data;
  return (
    <>
      <PageHeader title={tr('applyTitle')} subtitle={`${c.code} · ${c.title} · ${c.agencyName}`} />
      <Stack gap="md">
        <CampaignSummary campaign={c} />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Select
              label={tr('position')}
              data={c.posts.map((p) => ({ value: p.positionId, label: `${p.positionTitle} (${tr('posts')}: ${p.posts})` }))}
              value={positionId}
              onChange={setPositionId}
              required
              error={errorFor('positionId', tr('position'))}
              data-testid="apply-position"
            />
            <DocumentPicker files={files} onChange={setFiles} error={errorFor('documents')} testId="apply" />
            <Checkbox label={tr('priority')} checked={priority} onChange={(e) => setPriority(e.currentTarget.checked)} />
            <Title order={2} size="h5">
              {tr('consent.title')}
            </Title>
            <Text size="sm">{tr('consent.text')}</Text>
            <Checkbox
              label={tr('consent.agree')}
              checked={consent}
              onChange={(e) => setConsent(e.currentTarget.checked)}
              error={errorFor('consentVersion')}
              data-testid="apply-consent"
            />
            {general && (
              <Alert color="red" data-testid="recruitment-error">
                {general}
              </Alert>
            )}
            <Group>
              <Button disabled={!consent || !positionId} onClick={() => submit.mutate()} loading={submit.isPending} data-testid="apply-submit">
                {tr('submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
