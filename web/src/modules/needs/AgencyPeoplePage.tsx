import { useEffect, useState } from 'react';
import { Anchor, Badge, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser';
import { intlLocale } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { needsApi, needsKeys } from './needsApi';
import { NeedsFilterBar } from './NeedsFilterBar';
import { NeedsEmpty, NeedsQueryError } from './NeedsStates';
import { filtersToSearch, formatCount, formatGap, personPath, readFilters } from './needsView';
import { NeedsBreadcrumbs, useBreadcrumbTrail, type Crumb } from './trail';
import { useNeedsCycles } from './useNeedsCycles';
import { useNeedsText } from './useNeedsText';

/** /needs/agencies/:agencyId/people: the agency's own staff with their needs, searchable by name. */
export function AgencyPeoplePage() {
  const { tn } = useNeedsText();
  const user = useCurrentUser();
  const location = useLocation();
  const { agencyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const cycles = useNeedsCycles();
  const cycle = params.get('cycle') || cycles.newest;
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);
  const locale = intlLocale();

  // The search goes to the address too (replacing the entry), so a filtered list can be shared.
  useEffect(() => {
    if (debounced.trim() === q) return;
    const next = new URLSearchParams(params);
    if (debounced.trim()) next.set('q', debounced.trim());
    else next.delete('q');
    setParams(next, { replace: true, state: location.state as unknown });
  }, [debounced, q, params, setParams, location.state]);

  const people = useQuery({
    queryKey: needsKeys.agencyPeople(agencyId, cycle, q),
    queryFn: ({ signal }) => needsApi.agencyPeople(agencyId, cycle!, q, signal),
    enabled: cycle !== null,
    placeholderData: keepPreviousData,
  });

  const isNational = user.role === 'national_admin';
  const root: Crumb = isNational
    ? { label: tn('crumbs.country'), to: `/needs${filtersToSearch({ cycle, level: 'country' })}` }
    : { label: user.agency.name, to: `/needs${filtersToSearch({ cycle, level: 'agency', id: user.agency.id })}` };
  const fromHistory = useBreadcrumbTrail(root);
  const agencyName = people.data?.agency.name;
  // From a shared link there is no trail: root, then the agency's own table.
  const agencyCrumb: Crumb | null = agencyName ? { label: agencyName, to: `/needs${filtersToSearch({ cycle, level: 'agency', id: agencyId })}` } : null;
  const above = location.state ? fromHistory : [...fromHistory, ...(agencyCrumb && agencyCrumb.to !== root.to ? [agencyCrumb] : [])];
  const here = location.pathname + location.search;
  const current = tn('crumbs.people');
  const filters = readFilters(params, isNational);

  const onCycle = (patch: { cycle?: string | null }) => {
    const next = new URLSearchParams(params);
    if (patch.cycle) next.set('cycle', patch.cycle);
    setParams(next, { replace: true, state: location.state as unknown });
  };

  const list = people.data?.people ?? [];
  return (
    <>
      <PageHeader title={agencyName ? tn('people.title', { agency: agencyName }) : tn('crumbs.people')} subtitle={tn('people.subtitle')} />
      {cycles.error && <NeedsQueryError error={cycles.error} onRetry={cycles.refetch} />}
      {cycles.data && cycles.data.items.length === 0 && (
        <NeedsEmpty testId="needs-no-cycles" title={tn('empty.noCyclesTitle')} body={tn('empty.noCyclesBody')} />
      )}
      {cycles.data && cycles.data.items.length > 0 && (
        <>
          <NeedsFilterBar cycles={cycles.data.items} cycle={cycle} filters={filters} onChange={onCycle} cycleOnly />
          <NeedsBreadcrumbs crumbs={above} current={current} cycle={cycle} />
          {people.error ? (
            <NeedsQueryError error={people.error} onRetry={people.refetch} />
          ) : (
            <Paper withBorder radius="md" p="md" className="needs-print-block">
              <Stack gap="md">
                <TextInput
                  className="needs-no-print"
                  label={tn('people.search')}
                  placeholder={tn('people.searchPlaceholder')}
                  leftSection={<IconSearch size={16} />}
                  value={search}
                  onChange={(event) => setSearch(event.currentTarget.value)}
                  maw={420}
                  data-testid="needs-people-search"
                />
                {people.isPending && <Skeleton h={240} radius="md" />}
                {people.data && list.length === 0 && (
                  <Text c="dimmed" ta="center" py="xl" data-testid="needs-people-empty">
                    {q ? tn('people.noMatch', { q }) : tn('people.empty')}
                  </Text>
                )}
                {list.length > 0 && (
                  <>
                    <Text size="sm" c="dimmed" data-testid="needs-people-count">
                      {tn('people.count', { count: list.length })}
                    </Text>
                    <Table.ScrollContainer minWidth={640} className="needs-print-overflow">
                      <Table
                        striped
                        highlightOnHover
                        verticalSpacing="sm"
                        data-testid="needs-people-table"
                        style={{ opacity: people.isPlaceholderData ? 0.6 : 1 }}
                      >
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col">{tn('people.fullName')}</Table.Th>
                            <Table.Th scope="col">{tn('people.staffCode')}</Table.Th>
                            <Table.Th scope="col" ta="right">
                              {tn('people.competencies')}
                            </Table.Th>
                            <Table.Th scope="col" ta="right">
                              {tn('people.needs')}
                            </Table.Th>
                            <Table.Th scope="col" ta="right" title={tn('people.sumWeightedNeedHint')}>
                              {tn('people.sumWeightedNeed')}
                            </Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {list.map((person) => (
                            <Table.Tr key={person.personId} data-testid="needs-person-row">
                              <Table.Th scope="row" fw={500}>
                                <Anchor
                                  component={Link}
                                  to={personPath(person.personId, cycle)}
                                  state={{ trail: [...above, { label: current, to: here }] }}
                                  aria-label={tn('people.open', { name: person.fullName })}
                                  size="sm"
                                >
                                  {person.fullName}
                                </Anchor>
                              </Table.Th>
                              <Table.Td>{person.staffCode}</Table.Td>
                              <Table.Td ta="right">{formatCount(person.competencies, locale)}</Table.Td>
                              <Table.Td ta="right">
                                <Badge variant="light" color={person.needs > 0 ? 'orange' : 'green'}>
                                  {formatCount(person.needs, locale)}
                                </Badge>
                              </Table.Td>
                              <Table.Td ta="right">{formatGap(person.sumWeightedNeed, locale)}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </>
                )}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </>
  );
}
