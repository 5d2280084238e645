import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { useFormErrors } from '../../ui/useFormErrors';
import { CONSENT_VERSION } from './ApplyForm';
import { DocumentPicker, type PickedDocument } from './DocumentPicker';
import { ReadFailure } from './RecruitmentStates';
import { fileToBase64, recruitmentApi, recruitmentKeys, type PaperApplicationInput } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/**
 * HR enters an application received on paper (POST …/paper-applications): the candidate's particulars, the
 * position, the scanned documents, when it arrived and the consent the candidate signed on paper. Each refusal of
 * the API is shown under the field it names.
 */
export function PaperApplicationForm() {
  const { id = '' } = useParams();
  const { tr } = useRecruitmentText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const campaign = useQuery({ queryKey: recruitmentKeys.campaign(id), queryFn: ({ signal }) => recruitmentApi.campaign(id, signal) });
  const [candidate, setCandidate] = useState({ fullName: '', email: '', phone: '', dateOfBirth: '', identityNumber: '' });
  const [positionId, setPositionId] = useState<string | null>(null);
  const [receivedAt, setReceivedAt] = useState('');
  const [files, setFiles] = useState<PickedDocument[]>([]);
  const [priority, setPriority] = useState(false);
  const [consent, setConsent] = useState(false);
  const submit = useMutation({
    mutationFn: async () => {
      const documents: PaperApplicationInput['documents'] = await Promise.all(
        files.map(async (f) => ({ kind: f.kind, fileName: f.file.name, content: await fileToBase64(f.file) })),
      );
      return recruitmentApi.applyOnPaper(id, {
        positionId: positionId!,
        consentVersion: CONSENT_VERSION,
        priority,
        documents,
        candidate: {
          fullName: candidate.fullName,
          email: candidate.email || null,
          phone: candidate.phone || null,
          dateOfBirth: candidate.dateOfBirth || null,
          identityNumber: candidate.identityNumber || null,
        },
        // The browser's local time, sent with its offset.
        ...(receivedAt ? { receivedAt: new Date(receivedAt).toISOString() } : {}),
      });
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: recruitmentKeys.all });
      void navigate(`/recruitment/applications/${created.id}`);
    },
  });
  const values = {
    'candidate.fullName': candidate.fullName,
    'candidate.email': candidate.email,
    'candidate.phone': candidate.phone,
    'candidate.dateOfBirth': candidate.dateOfBirth,
    'candidate.identityNumber': candidate.identityNumber,
    positionId,
    receivedAt,
    documents: files,
    consentVersion: consent,
  };
  const { errorFor, general } = useFormErrors(submit.error, values);
  if (campaign.isLoading) return <PageLoader />;
  if (campaign.error || !campaign.data) return <ReadFailure error={campaign.error} onRetry={campaign.refetch} />;
  const c = campaign.data;
  const person = (key: keyof typeof candidate, label: string, type = 'text') => (
    <TextInput
      type={type}
      label={label}
      value={candidate[key]}
      onChange={(e) => setCandidate({ ...candidate, [key]: e.currentTarget.value })}
      required={key === 'fullName'}
      error={errorFor(`candidate.${key}`, label)}
      data-testid={`paper-${key}`}
    />
  );
  return (
    <>
      <PageHeader title={tr('paper.title')} subtitle={`${c.code} · ${c.title}`} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{tr('paper.hint')}</Text>
          {person('fullName', tr('fullName'))}
          {person('dateOfBirth', tr('dateOfBirth'), 'date')}
          {person('identityNumber', tr('identityNumber'))}
          {person('email', tr('email'), 'email')}
          {person('phone', tr('phone'), 'tel')}
          <Select
            label={tr('position')}
            data={c.posts.map((p) => ({ value: p.positionId, label: p.positionTitle }))}
            value={positionId}
            onChange={setPositionId}
            required
            error={errorFor('positionId', tr('position'))}
            data-testid="paper-position"
          />
          <TextInput
            type="datetime-local"
            label={tr('paper.receivedAt')}
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.currentTarget.value)}
            error={errorFor('receivedAt', tr('paper.receivedAt'))}
            data-testid="paper-received-at"
          />
          <DocumentPicker files={files} onChange={setFiles} error={errorFor('documents')} testId="paper" />
          <Checkbox label={tr('paper.priority')} checked={priority} onChange={(e) => setPriority(e.currentTarget.checked)} />
          <Checkbox
            label={tr('paper.consent')}
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            error={errorFor('consentVersion')}
            data-testid="paper-consent"
          />
          {general && (
            <Alert color="red" data-testid="recruitment-error">
              {general}
            </Alert>
          )}
          <Group>
            <Button
              disabled={!consent || !positionId || !candidate.fullName.trim()}
              onClick={() => submit.mutate()}
              loading={submit.isPending}
              data-testid="paper-submit"
            >
              {tr('submit')}
            </Button>
            <Button component={Link} variant="default" to={`/recruitment/campaigns/${id}`}>
              {tr('back')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
