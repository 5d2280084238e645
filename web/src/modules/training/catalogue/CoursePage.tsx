import { useState } from 'react';
import { formatDate, formatPercent } from '../../../format/format';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { QueryError } from '../../../ui/QueryError';
import { apiErrorText } from './apiErrorText';
import { catalogueApi, catalogueKeys, formatDong } from './catalogueApi';
import { CourseForm } from './CourseForm';

/** One course version: what it raises (with the scale's level names), prerequisites, versions, and its sessions. */
export default function CoursePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const course = useQuery({ queryKey: catalogueKeys.course(id), queryFn: ({ signal }) => catalogueApi.course(id, signal) });
  const status = useMutation({
    mutationFn: (to: 'publish' | 'retire') => (to === 'publish' ? catalogueApi.publishCourse(id) : catalogueApi.retireCourse(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
  if (course.error) return <QueryError error={course.error} onRetry={course.refetch} />;
  if (!course.data) return <Skeleton h={400} />;
  const c = course.data;
  const levelName = (level: number) => {
    const found = c.levels.find((l) => l.level === level);
    return found ? t('catalogue.course.levelName', { level, name: found.name[lang] }) : String(level);
  };
  const date = formatDate;

  return (
    <Stack gap="md" data-testid="course-page">
      <Anchor component={Link} to="/training/catalogue" size="sm">
        {t('catalogue.course.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="outline">{c.code}</Badge>
            <Badge>{t('catalogue.course.version', { version: c.version })}</Badge>
            <Badge color={c.status === 'active' ? 'green' : 'gray'}>{t(`catalogue.status.${c.status}`)}</Badge>
          </Group>
          <Title order={1} size="h2" data-testid="course-title">
            {lang === 'en' && c.titleEn ? c.titleEn : c.title}
          </Title>
          <Text c="dimmed">{c.institutionName}</Text>
        </Stack>
        {c.canEdit && c.status !== 'retired' && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setEditing(true)} data-testid="course-edit">
              {t('catalogue.course.edit')}
            </Button>
            {c.status === 'draft' && (
              <Button onClick={() => status.mutate('publish')} loading={status.isPending}>
                {t('catalogue.course.publish')}
              </Button>
            )}
            <Button color="red" variant="subtle" onClick={() => status.mutate('retire')} loading={status.isPending}>
              {t('catalogue.course.retire')}
            </Button>
          </Group>
        )}
      </Group>
      {status.error && <Alert color="red">{apiErrorText(status.error)}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('catalogue.format')}
          </Text>
          <Text>{t(`catalogue.formats.${c.format}`)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('catalogue.hours')}
          </Text>
          <Text>{c.hours}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('catalogue.cost')}
          </Text>
          <Text data-testid="course-cost">{formatDong(c.costPerSeat)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t('catalogue.course.completion')}
          </Text>
          <Text size="sm">{t('catalogue.course.minAttendance', { share: formatPercent(c.minAttendance, currentLanguage(), 0) })}</Text>
          <Text size="sm">{c.passScore === null ? t('catalogue.course.noPassScore') : t('catalogue.course.passScore', { score: c.passScore })}</Text>
        </Paper>
      </SimpleGrid>
      {c.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>}
      <Paper withBorder p="md">
        <Text fw={500} mb="xs">
          {t('catalogue.competencies')} — {c.frameworkName[lang]}
        </Text>
        <Table data-testid="course-competencies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.code')}</Table.Th>
              <Table.Th>{t('catalogue.competency')}</Table.Th>
              <Table.Th>{t('catalogue.course.from')}</Table.Th>
              <Table.Th>{t('catalogue.course.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.competencies.map((k) => (
              <Table.Tr key={k.competencyId}>
                <Table.Td>{k.code}</Table.Td>
                <Table.Td>{k.name[lang]}</Table.Td>
                <Table.Td>{k.fromLevel === 0 ? '0' : levelName(k.fromLevel)}</Table.Td>
                <Table.Td>{levelName(k.toLevel)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Text fw={500} mb="xs">
            {t('catalogue.course.prerequisites')}
          </Text>
          {c.prerequisites.length === 0 ? (
            <Text c="dimmed">{t('catalogue.course.noPrerequisites')}</Text>
          ) : (
            <List>
              {c.prerequisites.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`/training/catalogue/courses/${p.id}`}>
                    {p.code} — {p.title}
                  </Anchor>{' '}
                  <Text span c="dimmed" size="sm">
                    ({p.institutionName})
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Text fw={500} mb="xs">
            {t('catalogue.course.versions')}
          </Text>
          <List>
            {c.versions.map((v) => (
              <List.Item key={v.id}>
                <Anchor component={Link} to={`/training/catalogue/courses/${v.id}`} fw={v.id === c.id ? 700 : undefined}>
                  {t('catalogue.course.version', { version: v.version })}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {t(`catalogue.status.${v.status as 'draft' | 'active' | 'retired'}`)} · {date(String(v.createdAt))}
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      </SimpleGrid>
      {/* The sessions part of the training module serves this page (sessions engineer). */}
      <Anchor component={Link} to={`/training/sessions?courseId=${encodeURIComponent(c.id)}`} data-testid="course-sessions">
        {t('catalogue.course.sessions')}
      </Anchor>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('catalogue.course.edit')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <CourseForm
            institutionId={c.institutionId}
            course={c}
            onDone={(savedId) => {
              setEditing(false);
              if (savedId !== c.id) void navigate(`/training/catalogue/courses/${savedId}`);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
