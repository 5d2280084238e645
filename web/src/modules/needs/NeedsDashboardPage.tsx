import { useCallback, useEffect, useMemo } from 'react';
import { Button, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser';
import { PageHeader } from '../../ui/PageHeader';
import { BreakdownTable } from './BreakdownTable';
import { GapHeatmap } from './GapHeatmap';
import { HeadlineFigures } from './HeadlineFigures';
import { breakdownXlsxUrl, needsApi, needsKeys, reportPdfUrl, type BreakdownParams, type BreakdownRow } from './needsApi';
import { NeedsFilterBar } from './NeedsFilterBar';
import { NeedsEmpty, NeedsQueryError } from './NeedsStates';
import { drillTarget, filtersToSearch, gapScaleMax } from './needsView';
import { TargetGroupsTab } from './TargetGroupsTab';
import { NeedsBreadcrumbs, useBreadcrumbTrail, type Crumb } from './trail';
import { TrendChart } from './TrendChart';
import { useNeedsCycles } from './useNeedsCycles';
import { useNeedsFilters } from './useNeedsFilters';
import { useNeedsText } from './useNeedsText';

/** /needs: the heatmap and table of one level (country, province, agency), the trend, and the target groups. */
export function NeedsDashboardPage() {
  const { tn } = useNeedsText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const { filters, update } = useNeedsFilters();
  const cycles = useNeedsCycles();
  const cycle = filters.cycle ?? cycles.newest;
  const isNational = user.role === 'national_admin';
  const mayPlan = isNational || user.role === 'hr_officer';
  // Without an id, the agency level is the user's own agency (as the server assumes).
  const agencyId = filters.level === 'agency' ? (filters.id ?? user.agency.id) : undefined;
  // Leaders see the tables but not the target groups (the server refuses them too).
  const tab = mayPlan ? filters.tab : 'overview';

  // Write the defaults into the address so what is on screen is what a copied link shows.
  useEffect(() => {
    if (!cycles.newest) return;
    const params = new URLSearchParams(location.search);
    if (!params.get('cycle') || !params.get('level') || (filters.level === 'agency' && !filters.id)) {
      update({ cycle, id: filters.level === 'agency' ? agencyId : filters.id });
    }
  }, [cycles.newest, location.search, filters.level, filters.id, cycle, agencyId, update]);

  const params: BreakdownParams | null = cycle
    ? {
        cycleId: cycle,
        level: filters.level,
        id: filters.level === 'country' ? undefined : (filters.id ?? undefined),
        columns: filters.columns,
        geography: filters.geography,
      }
    : null;
  const breakdown = useQuery({
    queryKey: needsKeys.breakdown(params),
    queryFn: ({ signal }) => needsApi.breakdown(params!, signal),
    // Fetched on the groups tab too: it names the scope (and refuses one out of reach).
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
  // Who meets the profile is counted per agency subtree: there is no province figure.
  const trend = useQuery({
    queryKey: needsKeys.trend(agencyId),
    queryFn: ({ signal }) => needsApi.trend(agencyId, signal),
    enabled: cycle !== null && filters.level !== 'province' && tab === 'overview',
  });

  const root: Crumb = isNational
    ? { label: tn('crumbs.country'), to: `/needs${filtersToSearch({ cycle, level: 'country' })}` }
    : { label: user.agency.name, to: `/needs${filtersToSearch({ cycle, level: 'agency', id: user.agency.id })}` };
  const above = useBreadcrumbTrail(root);
  const data = breakdown.data;
  const current =
    filters.level === 'country'
      ? tn('crumbs.country')
      : (data?.title.name ?? (agencyId === user.agency.id ? user.agency.name : breakdown.error ? tn('notFound.title') : '…'));

  // Two units of different eras may share a name (old and new Đà Nẵng): their codes tell them apart.
  const sharedNames = useMemo(() => {
    const seen = new Map<string, number>();
    for (const row of data?.rows ?? []) seen.set(row.name, (seen.get(row.name) ?? 0) + 1);
    return new Set([...seen].filter(([, count]) => count > 1).map(([name]) => name));
  }, [data]);
  const labelOf = useCallback(
    (row: BreakdownRow) => {
      if (!row.name.trim() || row.name === '—') return tn('table.unassigned');
      if (data?.level === 'agency' && row.key === data.title.id) return `${row.name} (${tn('table.ownStaff')})`;
      return sharedNames.has(row.name) ? `${row.name} (${row.key})` : row.name;
    },
    [data, tn, sharedNames],
  );

  const here = location.pathname + location.search;
  const linkOf = useCallback(
    (row: BreakdownRow) => {
      const to = drillTarget(row.drill, { ...filters, cycle });
      return to ? { to, state: { trail: [...above, { label: current, to: here }] } } : null;
    },
    [filters, cycle, above, current, here],
  );
  const onRowClick = useCallback(
    (row: BreakdownRow) => {
      const link = linkOf(row);
      if (link) void navigate(link.to, { state: link.state });
    },
    [linkOf, navigate],
  );

  const scaleMax = useMemo(() => gapScaleMax((data?.rows ?? []).flatMap((r) => Object.values(r.cells).map((c) => c.meanGap))), [data]);
  const point = trend.data?.items.find((p) => p.cycle.id === cycle);
  const hasRows = (data?.rows.length ?? 0) > 0;

  const actions = tab === 'overview' && params && hasRows && (
    <>
      <Button
        component="a"
        href={breakdownXlsxUrl(params)}
        download
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        data-testid="needs-export-excel"
      >
        {tn('actions.excel')}
      </Button>
      {mayPlan && filters.level === 'agency' && (
        <Button
          component="a"
          href={reportPdfUrl(params.cycleId, agencyId)}
          target="_blank"
          rel="noopener"
          variant="default"
          leftSection={<IconFileTypePdf size={16} />}
          data-testid="needs-export-pdf"
        >
          {tn('actions.pdf')}
        </Button>
      )}
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} data-testid="needs-print">
        {tn('actions.print')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        title={tn('title')}
        subtitle={tn('subtitle')}
        actions={
          <div className="needs-no-print" style={{ display: 'contents' }}>
            {actions}
          </div>
        }
      />
      {cycles.error && <NeedsQueryError error={cycles.error} onRetry={cycles.refetch} />}
      {cycles.isPending && <Skeleton h={320} radius="md" />}
      {cycles.data && cycles.data.items.length === 0 && (
        <NeedsEmpty testId="needs-no-cycles" title={tn('empty.noCyclesTitle')} body={tn('empty.noCyclesBody')} />
      )}
      {cycles.data && cycles.data.items.length > 0 && (
        <>
          <NeedsFilterBar cycles={cycles.data.items} cycle={cycle} filters={filters} onChange={update} cycleOnly={tab === 'groups'} />
          <NeedsBreadcrumbs crumbs={above} current={current} cycle={cycle} />
          <Tabs value={tab} onChange={(tab) => update({ tab: tab === 'groups' ? 'groups' : 'overview' })} keepMounted={false}>
            {mayPlan && (
              <Tabs.List mb="md" className="needs-no-print">
                <Tabs.Tab value="overview" data-testid="needs-tab-overview">
                  {tn('tabs.overview')}
                </Tabs.Tab>
                <Tabs.Tab value="groups" data-testid="needs-tab-groups">
                  {tn('tabs.groups')}
                </Tabs.Tab>
              </Tabs.List>
            )}
            <Tabs.Panel value="overview">
              {breakdown.error && <NeedsQueryError error={breakdown.error} onRetry={breakdown.refetch} />}
              {breakdown.isPending && !breakdown.error && <Skeleton h={360} radius="md" />}
              {data && !breakdown.error && !hasRows && (
                <NeedsEmpty testId="needs-no-results" title={tn('empty.noResultsTitle')} body={tn('empty.noResultsBody')} />
              )}
              {data && !breakdown.error && hasRows && (
                // Busy while the previous choice's figures stand in for the new one's (screen readers, and tests, wait).
                <Stack gap="md" style={{ opacity: breakdown.isPlaceholderData ? 0.6 : 1 }} aria-busy={breakdown.isPlaceholderData} data-testid="needs-report">
                  <Text className="needs-print-only" fw={600}>
                    {tn('table.scope', { scope: current, cycle: cycles.data.items.find((c) => c.id === cycle)?.name ?? '' })}
                  </Text>
                  <HeadlineFigures point={filters.level === 'province' ? undefined : point} total={data.total} />
                  <GapHeatmap breakdown={data} labelOf={labelOf} scaleMax={scaleMax} onRowClick={onRowClick} />
                  <BreakdownTable breakdown={data} labelOf={labelOf} scaleMax={scaleMax} linkOf={linkOf} onRowClick={onRowClick} />
                  {filters.level !== 'province' && trend.data && <TrendChart points={trend.data.items} />}
                </Stack>
              )}
            </Tabs.Panel>
            {mayPlan && <Tabs.Panel value="groups">{cycle && <TargetGroupsTab cycleId={cycle} agencyId={agencyId} scopeName={current} />}</Tabs.Panel>}
          </Tabs>
        </>
      )}
    </>
  );
}
