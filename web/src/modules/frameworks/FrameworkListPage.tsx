import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport, IconGitBranch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { frameworksApi, frameworksKeys, pick, type FrameworkSummary } from './frameworksApi';
import { ImportModal } from './ImportModal';
import { StatusBadge } from './StatusBadge';

export function FrameworkListPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [importing, setImporting] = useState(false);
  const [extending, setExtending] = useState<FrameworkSummary | null>(null);
  const list = useQuery({ queryKey: frameworksKeys.list(), queryFn: ({ signal }) => frameworksApi.list(signal) });
  const isEditor = user?.role === 'national_admin' || user?.role === 'hr_officer';

  return (
    <>
      <PageHeader
        title={t('frameworks.title')}
        subtitle={t('frameworks.subtitle')}
        actions={
          isEditor && (
            <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} data-testid="framework-import">
              {t('frameworks.import.button')}
            </Button>
          )
        }
      />
      {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
      {list.isPending && <Skeleton h={240} radius="md" />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('frameworks.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {list.data?.items.map((framework) => {
          const shown = framework.versions.find((v) => v.status === 'published') ?? framework.versions[0];
          return (
            <Card key={framework.id} withBorder radius="md" padding="lg" data-testid="framework-card">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={2}>
                    <Text fw={600}>{pick(shown?.name)}</Text>
                    <Text size="sm" c="dimmed">
                      {framework.code} · {framework.agencyName}
                    </Text>
                  </Stack>
                  <Badge variant="light" color={framework.scope === 'national' ? 'blue' : 'grape'}>
                    {t(framework.baseFrameworkId ? 'frameworks.scope.extension' : `frameworks.scope.${framework.scope}`)}
                  </Badge>
                </Group>
                <Group gap="xs">
                  {framework.versions.map((v) => (
                    <Anchor key={v.id} component={Link} to={`/frameworks/versions/${v.id}`} underline="never">
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">v{v.versionNo}</Text>
                        <StatusBadge status={v.status} />
                      </Group>
                    </Anchor>
                  ))}
                </Group>
                {user?.role === 'hr_officer' && framework.scope === 'national' && framework.versions.some((v) => v.status === 'published') && (
                  <Group>
                    <Button size="xs" variant="light" leftSection={<IconGitBranch size={14} />} onClick={() => setExtending(framework)}>
                      {t('frameworks.extension.button')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      <ImportModal opened={importing} onClose={() => setImporting(false)} canPublish={isEditor} />
      <ExtensionModal framework={extending} onClose={() => setExtending(null)} />
    </>
  );
}

function ExtensionModal({ framework, onClose }: { framework: FrameworkSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const create = useMutation({
    mutationFn: () => frameworksApi.extend(framework!.id, { code, name: { vi: nameVi, en: nameEn } }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: frameworksKeys.all });
      onClose();
      void navigate(`/frameworks/versions/${created.versionId}`);
    },
  });
  return (
    <Modal opened={framework !== null} onClose={onClose} title={t('frameworks.extension.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('frameworks.extension.help')}
        </Text>
        <TextInput label={t('frameworks.fields.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required />
        <TextInput label={t('frameworks.fields.nameVi')} value={nameVi} onChange={(e) => setNameVi(e.currentTarget.value)} required />
        <TextInput label={t('frameworks.fields.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        {create.error && <Alert color="red">{isApiError(create.error) ? create.error.message : String(create.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('frameworks.cancel')}
          </Button>
          <Button disabled={!code || !nameVi} loading={create.isPending} onClick={() => create.mutate()}>
            {t('frameworks.extension.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
