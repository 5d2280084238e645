import { useMemo, useState } from 'react';
import { Accordion, Alert, Anchor, Badge, Button, Group, Menu, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArchive, IconChevronDown, IconDownload, IconEdit, IconPlus, IconSearch, IconSend, IconTrash, IconVersions } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { CompetencyEditor, GroupEditor } from './CompetencyEditor';
import { FORMATS, frameworksApi, frameworksKeys, pick, type Competency, type FrameworkDocument } from './frameworksApi';
import { LevelIndicators } from './LevelIndicators';
import { CompetencyLinks } from './CompetencyLinks';
import { StatusBadge } from './StatusBadge';
import { foldText } from '../../ui/foldText';

const KIND_COLOR = { core: 'blue', functional: 'teal', technical: 'orange' } as const;

/** One version: scale, groups → competencies → indicators per level; publish, draft, export. */
export function FrameworkVersionPage() {
  const { versionId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ competency: Competency | null; groupCode: string } | null>(null);
  const [addingGroup, setAddingGroup] = useState(false);
  const detail = useQuery({ queryKey: frameworksKeys.version(versionId), queryFn: ({ signal }) => frameworksApi.version(versionId, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: frameworksKeys.all });

  const publish = useMutation({ mutationFn: () => frameworksApi.publish(versionId), onSuccess: refresh });
  const retire = useMutation({ mutationFn: () => frameworksApi.retire(versionId), onSuccess: refresh });
  const draft = useMutation({
    mutationFn: () => frameworksApi.newDraft(detail.data!.version.frameworkId),
    onSuccess: async (created) => {
      await refresh();
      void navigate(`/frameworks/versions/${created.versionId}`);
    },
  });
  const discard = useMutation({
    mutationFn: () => frameworksApi.discard(versionId),
    onSuccess: async () => {
      await refresh();
      void navigate('/frameworks');
    },
  });
  const failure = publish.error ?? retire.error ?? draft.error ?? discard.error;

  const doc = detail.data?.document;
  const query = foldText(search);
  const [opened, setOpened] = useState<string[] | null>(null);
  const visible = useMemo(() => {
    if (!doc) return [];
    return doc.competencies.filter((c) => !query || foldText(`${c.code} ${c.name.vi} ${c.name.en} ${c.description.vi} ${c.description.en}`).includes(query));
  }, [doc, query]);

  if (detail.error) return <QueryError error={detail.error} onRetry={detail.refetch} />;
  if (!detail.data || !doc) return <Skeleton h={400} radius="md" />;
  const { version, base } = detail.data;
  const editable = version.canEdit && version.status === 'draft';

  const save = async (next: FrameworkDocument) => {
    await frameworksApi.save(versionId, next);
    await refresh();
  };

  return (
    <>
      <PageHeader
        title={pick(doc.name)}
        subtitle={`${version.code} · ${t('frameworks.version', { n: version.versionNo })} · ${version.agencyName}`}
        actions={
          <>
            <StatusBadge status={version.status} />
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="framework-export">
                  {t('frameworks.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {FORMATS.map((format) => (
                  <Menu.Item key={format} component="a" href={frameworksApi.exportUrl(versionId, format)} download>
                    {t(`frameworks.formats.${format}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {editable && (
              <>
                <Button
                  color="red"
                  variant="subtle"
                  leftSection={<IconTrash size={16} />}
                  loading={discard.isPending}
                  onClick={() => window.confirm(t('frameworks.confirmDiscard')) && discard.mutate()}
                >
                  {t('frameworks.discard')}
                </Button>
                <Button
                  leftSection={<IconSend size={16} />}
                  loading={publish.isPending}
                  onClick={() => window.confirm(t('frameworks.confirmPublish')) && publish.mutate()}
                  data-testid="framework-publish"
                >
                  {t('frameworks.publish')}
                </Button>
              </>
            )}
            {version.canEdit && version.status === 'published' && (
              <>
                <Button
                  color="red"
                  variant="subtle"
                  leftSection={<IconArchive size={16} />}
                  loading={retire.isPending}
                  onClick={() => window.confirm(t('frameworks.confirmRetire')) && retire.mutate()}
                  data-testid="framework-retire"
                >
                  {t('frameworks.retire')}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconVersions size={16} />}
                  loading={draft.isPending}
                  onClick={() => draft.mutate()}
                  data-testid="framework-new-draft"
                >
                  {t('frameworks.newDraft')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Stack gap="md">
        {failure && <Alert color="red">{isApiError(failure) ? failure.message : String(failure)}</Alert>}
        {version.status === 'published' && version.canEdit && (
          <Text size="sm" c="dimmed">
            {t('frameworks.immutableHint')}
          </Text>
        )}
        {base && (
          <Text size="sm">
            {t('frameworks.extends')}{' '}
            <Anchor component={Link} to={`/frameworks/versions/${base.id}`}>
              {pick(base.name)} (v{base.versionNo})
            </Anchor>
          </Text>
        )}
        {pick(doc.description) && <Text>{pick(doc.description)}</Text>}
        {doc.attribution && (
          <Text size="xs" c="dimmed" data-testid="framework-attribution">
            {t('frameworks.attribution')}: {doc.attribution}
          </Text>
        )}
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="xs">
            {t('frameworks.scale', { count: doc.levels.length })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {doc.levels.map((level) => (
                  <Table.Tr key={level.level}>
                    <Table.Td w={60}>
                      <Badge variant="outline">{level.level}</Badge>
                    </Table.Td>
                    <Table.Td w={180} fw={500}>
                      {pick(level.name)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {pick(level.description)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Group justify="space-between">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('frameworks.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={360}
            data-testid="competency-search"
          />
          <Text size="sm" c="dimmed">
            {t('frameworks.counts', { groups: doc.groups.length, competencies: doc.competencies.length })}
          </Text>
          {editable && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAddingGroup(true)}>
              {t('frameworks.addGroup')}
            </Button>
          )}
        </Group>
        <Accordion
          multiple
          variant="separated"
          // While searching, every group with a match is open; otherwise what the user opened (first group at start).
          value={query ? [...new Set(visible.map((c) => c.groupCode))] : (opened ?? doc.groups.slice(0, 1).map((g) => g.code))}
          onChange={setOpened}
          data-testid="framework-groups"
        >
          {doc.groups.map((group) => {
            const inGroup = visible.filter((c) => c.groupCode === group.code);
            if (query && inGroup.length === 0) return null;
            return (
              <Accordion.Item key={group.code} value={group.code}>
                <Accordion.Control>
                  <Group gap="sm" wrap="nowrap">
                    <Badge variant="light" color={KIND_COLOR[group.kind]}>
                      {t(`frameworks.kind.${group.kind}`)}
                    </Badge>
                    <Text fw={600}>
                      {group.code} · {pick(group.name)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      ({inGroup.length})
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {pick(group.description) && (
                    <Text size="sm" c="dimmed" mb="sm">
                      {pick(group.description)}
                    </Text>
                  )}
                  <Accordion multiple variant="contained" chevronPosition="left">
                    {inGroup.map((competency) => (
                      <Accordion.Item key={competency.code} value={competency.code}>
                        <Accordion.Control data-testid="competency-item">
                          <Text size="sm" fw={500} pl={competency.parentCode ? 'lg' : 0}>
                            {competency.code} · {pick(competency.name)}
                          </Text>
                        </Accordion.Control>
                        <Accordion.Panel>
                          <Stack gap="sm">
                            {pick(competency.description) && <Text size="sm">{pick(competency.description)}</Text>}
                            <LevelIndicators levels={doc.levels} indicators={competency.indicators} />
                            <CompetencyLinks doc={doc} competency={competency} />
                            {editable && (
                              <Group>
                                <Button
                                  size="xs"
                                  variant="light"
                                  leftSection={<IconEdit size={14} />}
                                  onClick={() => setEditing({ competency, groupCode: group.code })}
                                >
                                  {t('frameworks.editCompetency')}
                                </Button>
                              </Group>
                            )}
                          </Stack>
                        </Accordion.Panel>
                      </Accordion.Item>
                    ))}
                  </Accordion>
                  {editable && (
                    <Button
                      mt="sm"
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => setEditing({ competency: null, groupCode: group.code })}
                    >
                      {t('frameworks.addCompetency')}
                    </Button>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </Stack>
      {editing && <CompetencyEditor doc={doc} competency={editing.competency} groupCode={editing.groupCode} onSave={save} onClose={() => setEditing(null)} />}
      {addingGroup && <GroupEditor doc={doc} onSave={save} onClose={() => setAddingGroup(false)} />}
    </>
  );
}
