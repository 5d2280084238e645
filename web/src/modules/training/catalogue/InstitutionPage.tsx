import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Select, Skeleton, Table, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { catalogueApi, catalogueKeys, formatDong } from './catalogueApi';
import { CourseForm } from './CourseForm';
import { LecturersPanel } from './LecturersPanel';
import { CatalogueFilePanel } from './CatalogueFilePanel';
import { ClientNeedsPanel } from './ClientNeedsPanel';
import { InstitutionForm } from './InstitutionForm';
import { InstitutionLinksPanel } from './InstitutionLinksPanel';
import { foldedFilter } from '../../../ui/foldText';

/** An institution's own pages: its courses (every version), lecturers, Excel import/export, its clients' needs. */
export default function InstitutionPage() {
  const { id: routeId } = useParams();
  const { t } = useTranslation();
  const institutions = useQuery({ queryKey: catalogueKeys.institutions, queryFn: ({ signal }) => catalogueApi.institutions(signal) });
  const id = routeId ?? institutions.data?.mine ?? null;
  if (institutions.error) return <QueryError error={institutions.error} onRetry={institutions.refetch} />;
  if (!institutions.data) return <Skeleton h={300} />;
  if (!id) {
    if (!institutions.data.canManage)
      return (
        <Alert color="yellow" data-testid="institution-none">
          {t('catalogue.inst.none')}
        </Alert>
      );
    return <InstitutionChooser items={institutions.data.items} />;
  }
  return <InstitutionView id={id} />;
}

/** The national administrator's entry: choose an institution, or create one. */
function InstitutionChooser({ items }: { items: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Group align="flex-end">
        <Select
          label={t('catalogue.inst.choose')}
          w={420}
          searchable
          filter={foldedFilter}
          data-testid="institution-choose"
          data={items.map((i) => ({ value: i.id, label: i.name }))}
          onChange={(v) => v && void navigate(`/training/institution/${v}`)}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="institution-new">
          {t('catalogue.instForm.new')}
        </Button>
      </Group>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('catalogue.instForm.new')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && <InstitutionForm institution={null} onDone={(id) => void navigate(`/training/institution/${id}`)} />}
      </Modal>
    </>
  );
}

function InstitutionView({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [creating, setCreating] = useState(false);
  const institution = useQuery({ queryKey: catalogueKeys.institution(id), queryFn: ({ signal }) => catalogueApi.institution(id, signal) });
  const courses = useQuery({ queryKey: catalogueKeys.institutionCourses(id), queryFn: ({ signal }) => catalogueApi.institutionCourses(id, signal) });
  if (institution.error) return <QueryError error={institution.error} onRetry={institution.refetch} />;
  if (!institution.data) return <Skeleton h={300} />;
  const inst = institution.data;
  const clients = inst.clients.map((c) => c.name).join('; ');

  return (
    <>
      <PageHeader
        title={lang === 'en' && inst.nameEn ? inst.nameEn : inst.name}
        subtitle={clients ? t('catalogue.inst.clients', { names: clients }) : t('catalogue.inst.noClients')}
      />
      <Tabs defaultValue="courses" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="courses" data-testid="institution-tab-courses">
            {t('catalogue.inst.courses')}
          </Tabs.Tab>
          <Tabs.Tab value="lecturers" data-testid="institution-tab-lecturers">
            {t('catalogue.inst.lecturers')}
          </Tabs.Tab>
          <Tabs.Tab value="file" data-testid="institution-tab-file">
            {t('catalogue.inst.file')}
          </Tabs.Tab>
          <Tabs.Tab value="needs" data-testid="institution-tab-needs">
            {t('catalogue.inst.needs')}
          </Tabs.Tab>
          {inst.canManageInstitution && (
            <Tabs.Tab value="settings" data-testid="institution-tab-settings">
              {t('catalogue.instForm.settings')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="courses">
          {inst.canManage && (
            <Button leftSection={<IconPlus size={16} />} mb="sm" onClick={() => setCreating(true)} data-testid="course-new">
              {t('catalogue.form.newCourse')}
            </Button>
          )}
          {courses.error && <QueryError error={courses.error} onRetry={courses.refetch} />}
          {courses.data && (
            <Paper withBorder p="md">
              <Table.ScrollContainer minWidth={700}>
                <Table striped data-testid="institution-courses">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('catalogue.code')}</Table.Th>
                      <Table.Th>{t('catalogue.courseTitle')}</Table.Th>
                      <Table.Th>{t('catalogue.format')}</Table.Th>
                      <Table.Th ta="right">{t('catalogue.hours')}</Table.Th>
                      <Table.Th ta="right">{t('catalogue.cost')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {courses.data.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          {c.code}{' '}
                          <Badge size="xs" variant="light" color={c.status === 'active' ? 'green' : 'gray'}>
                            v{c.version} · {t(`catalogue.status.${c.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/training/catalogue/courses/${c.id}`}>
                            {c.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`catalogue.formats.${c.format}`)}</Table.Td>
                        <Table.Td ta="right">{c.hours}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {formatDong(c.costPerSeat)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="sm" c="dimmed" mt="sm">
                {t('catalogue.total', { count: courses.data.total })}
              </Text>
            </Paper>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="lecturers">
          <LecturersPanel institutionId={id} canManage={inst.canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="file">
          <CatalogueFilePanel institutionId={id} canManage={inst.canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="needs">
          <ClientNeedsPanel institutionId={id} />
        </Tabs.Panel>
        {inst.canManageInstitution && (
          <Tabs.Panel value="settings">
            <InstitutionLinksPanel institution={inst} />
          </Tabs.Panel>
        )}
      </Tabs>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('catalogue.form.newCourse')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && <CourseForm institutionId={id} course={null} onDone={() => setCreating(false)} />}
      </Modal>
    </>
  );
}
