import { useState } from 'react';
import { Alert, Button, Checkbox, FileButton, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { CampaignSummary } from './CampaignPage';
import { ReadFailure } from './RecruitmentStates';
import { useFormErrors } from '../../ui/useFormErrors';
import { fileToBase64, recruitmentApi, recruitmentKeys, type ApplicationInput } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/** Must match CONSENT_VERSION on the server (campaign-rules.ts): the text above is what the candidate agrees to. */
export const CONSENT_VERSION = '2026-01';
export const KINDS = ['application_form', 'cv', 'diploma', 'certificate', 'identity', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export const DEFAULT_KIND: Kind = 'cv';

/** A candidate (or a member of staff) applies to one position: consent, documents, priority. */
export function ApplyForm() {
  const { id = '' } = useParams();
  const { tr } = useRecruitmentText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const campaign = useQuery({ queryKey: recruitmentKeys.publicCampaign(id), queryFn: ({ signal }) => recruitmentApi.publicCampaign(id, signal) });
  const [positionId, setPositionId] = useState<string | null>(null);
  const [files, setFiles] = useState<Array<{ file: File; kind: Kind }>>([]);
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
            <Group>
              <FileButton
                multiple
                accept="application/pdf,image/png,image/jpeg"
                onChange={(picked) => setFiles([...files, ...picked.map((file) => ({ file, kind: DEFAULT_KIND }))])}
              >
                {(props) => (
                  <Button variant="default" {...props} data-testid="apply-files">
                    {tr('chooseFiles')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {errorFor('documents') && (
              <Text c="red" size="sm" data-testid="apply-documents-error">
                {errorFor('documents')}
              </Text>
            )}
            {files.length > 0 && (
              <Table>
                <Table.Tbody>
                  {files.map((f, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{f.file.name}</Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={tr('documentKind')}
                          data={KINDS.map((k) => ({ value: k, label: tr(`documentKinds.${k}`) }))}
                          value={f.kind}
                          onChange={(v) => v && setFiles(files.map((x, k) => (k === i ? { ...x, kind: v as Kind } : x)))}
                          w={200}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Button variant="subtle" color="red" size="xs" onClick={() => setFiles(files.filter((_, k) => k !== i))}>
                          {tr('remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
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
