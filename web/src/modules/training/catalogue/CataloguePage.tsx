import { useState } from 'react';
import { formatNumber } from '../../../format/format';
import { Link } from 'react-router';
import { useDebouncedValue } from '@mantine/hooks';
import { Anchor, Badge, Group, Paper, Select, Skeleton, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { LabelledPagination } from '../../../ui/LabelledPagination';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { foldedFilter } from '../../../ui/foldText';
import { COURSE_FORMATS, catalogueApi, catalogueKeys, formatDong, type CourseFormat, type CourseQuery } from './catalogueApi';

const PAGE = 25;

/** The active catalogue: search without diacritics, filters, one row per course with the levels it raises. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [competencyId, setCompetencyId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const query: CourseQuery = {
    q: q || undefined,
    institutionId: institutionId ?? undefined,
    format: (format as CourseFormat | null) ?? undefined,
    groupId: groupId ?? undefined,
    competencyId: competencyId ?? undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useQuery({
    queryKey: catalogueKeys.courses(query),
    queryFn: ({ signal }) => catalogueApi.courses(query, signal),
    placeholderData: keepPreviousData,
  });
  const institutions = useQuery({ queryKey: catalogueKeys.institutions, queryFn: ({ signal }) => catalogueApi.institutions(signal) });
  const framework = useQuery({ queryKey: catalogueKeys.framework(undefined), queryFn: ({ signal }) => catalogueApi.framework(undefined, signal) });
  const version = framework.data?.version;
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader title={t('catalogue.title')} subtitle={t('catalogue.subtitle')} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <TextInput
          label={t('catalogue.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={380}
          data-testid="catalogue-search"
        />
        <FilterSelect
          label={t('catalogue.institution')}
          searchable
          value={institutionId}
          onChange={reset(setInstitutionId)}
          data={(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: lang === 'en' && i.nameEn ? i.nameEn : i.name }))}
          w={260}
          testId="catalogue-institution"
        />
        <FilterSelect
          label={t('catalogue.format')}
          value={format}
          onChange={reset(setFormat)}
          data={COURSE_FORMATS.map((f) => ({ value: f, label: t(`catalogue.formats.${f}`) }))}
          w={200}
          testId="catalogue-format"
        />
        <FilterSelect
          label={t('catalogue.group')}
          value={groupId}
          onChange={(v) => {
            reset(setGroupId)(v);
            setCompetencyId(null);
          }}
          data={(version?.groups ?? []).map((g) => ({ value: g.id, label: `${g.code} — ${g.name[lang]}` }))}
          w={260}
          testId="catalogue-group"
        />
        <FilterSelect
          label={t('catalogue.competency')}
          searchable
          value={competencyId}
          onChange={reset(setCompetencyId)}
          data={(version?.competencies ?? [])
            .filter((c) => !groupId || c.groupId === groupId)
            .map((c) => ({ value: c.id, label: `${c.code} — ${c.name[lang]}` }))}
          w={300}
          testId="catalogue-competency"
        />
      </Group>
      {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
      {list.isPending && <Skeleton h={300} />}
      {list.data && (
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover data-testid="catalogue-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalogue.code')}</Table.Th>
                  <Table.Th>{t('catalogue.courseTitle')}</Table.Th>
                  <Table.Th>{t('catalogue.institution')}</Table.Th>
                  <Table.Th>{t('catalogue.format')}</Table.Th>
                  <Table.Th ta="right">{t('catalogue.hours')}</Table.Th>
                  <Table.Th ta="right">{t('catalogue.cost')}</Table.Th>
                  <Table.Th>{t('catalogue.competencies')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id} data-testid="catalogue-row">
                    <Table.Td>{c.code}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/catalogue/courses/${c.id}`}>
                        {lang === 'en' && c.titleEn ? c.titleEn : c.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.institutionName}</Table.Td>
                    <Table.Td>{t(`catalogue.formats.${c.format}`)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(c.hours, lang === 'en' ? 'en' : 'vi', 1)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatDong(c.costPerSeat)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.competencies.map((k) => (
                          <Tooltip key={k.competencyId} label={k.name[lang]}>
                            <Badge variant="light" size="sm">
                              {k.code} {t('catalogue.levels', { from: k.fromLevel, to: k.toLevel })}
                            </Badge>
                          </Tooltip>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.items.length === 0 && (
            <Text c="dimmed" mt="sm">
              {t('catalogue.empty')}
            </Text>
          )}
          <Group justify="space-between" mt="sm">
            <Text size="sm" c="dimmed" data-testid="catalogue-total">
              {t('catalogue.total', { count: list.data.total })}
            </Text>
            {list.data.total > PAGE && <LabelledPagination value={page} onChange={setPage} total={Math.ceil(list.data.total / PAGE)} size="sm" />}
          </Group>
        </Paper>
      )}
    </>
  );
}

/** One of the catalogue's filters: clearable, "any" when empty, searchable without diacritics when asked. */
function FilterSelect(props: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  data: Array<{ value: string; label: string }>;
  w: number;
  testId: string;
  searchable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={props.label}
      placeholder={t('catalogue.any')}
      clearable
      searchable={props.searchable ?? false}
      filter={props.searchable ? foldedFilter : undefined}
      value={props.value}
      onChange={props.onChange}
      data={props.data}
      w={props.w}
      data-testid={props.testId}
    />
  );
}
