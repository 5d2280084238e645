import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, FileButton, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Route, Routes } from 'react-router';
import i18n from '../../i18n';
import { useCurrentUser } from '../../auth/CurrentUser';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { BudgetPanel } from './BudgetPanel';
import { OpeningsPage } from './OpeningsPage';
import { registerPlanningMessages } from './planning.i18n';
import { planningApi, planningKeys, type PlanCheck, type SeatInput } from './planningApi';
import { usePlanningText, type PlanningKey } from './planningText';

registerPlanningMessages(i18n);

const seatKey = (s: SeatInput) => `${s.personId}|${s.sessionId}`;

/** /planning/*: the annual plans, and the classes to open they may choose (declared on their own page). */
export default function PlanningPage() {
  return (
    <Routes>
      <Route index element={<PlansPage />} />
      <Route path="openings" element={<OpeningsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The agency's annual plan: create, solve with progress and cancel, read why, edit with live checks, approve. */
function PlansPage() {
  const { tp } = usePlanningText();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const canWrite = user.role === 'hr_officer' || user.role === 'national_admin';
  const plans = useQuery({ queryKey: planningKeys.plans, queryFn: ({ signal }) => planningApi.plans(signal) });
  const [selected, setSelected] = useState<string | null>(null);
  const planId = selected ?? plans.data?.items[0]?.id ?? null;
  const [form, setForm] = useState({ name: '', year: new Date().getFullYear(), budget: 100_000_000, hoursLimit: 80 });
  const create = useMutation({
    mutationFn: () => planningApi.create({ name: form.name, year: form.year, budget: form.budget, inputs: { hoursLimit: form.hoursLimit } }),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
      setSelected(plan.id);
    },
  });

  return (
    <>
      <PageHeader
        title={tp('title')}
        subtitle={tp('subtitle')}
        actions={
          <Button component={Link} to="/planning/openings" variant="light" data-testid="planning-openings-link">
            {tp('openingsPage.link')}
          </Button>
        }
      />
      <Stack gap="md">
        {plans.error && <QueryError error={plans.error} onRetry={plans.refetch} />}
        <Group align="flex-end">
          <Select
            label={tp('plans')}
            data-testid="planning-select"
            data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} — ${p.name}` }))}
            value={planId}
            onChange={setSelected}
            placeholder={tp('none')}
            w={360}
          />
        </Group>
        {canWrite && (
          <Paper withBorder p="md">
            <Group align="flex-end">
              <TextInput
                label={tp('name')}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                data-testid="planning-name"
                w={280}
              />
              <NumberInput
                label={tp('year')}
                value={form.year}
                min={2000}
                max={2100}
                onChange={(v) => typeof v === 'number' && setForm({ ...form, year: v })}
                w={100}
              />
              <NumberInput
                label={tp('budget')}
                value={form.budget}
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                onChange={(v) => typeof v === 'number' && setForm({ ...form, budget: v })}
                data-testid="planning-budget"
                w={200}
              />
              <NumberInput
                label={tp('hoursLimit')}
                value={form.hoursLimit}
                min={0}
                max={2000}
                onChange={(v) => typeof v === 'number' && setForm({ ...form, hoursLimit: v })}
                w={160}
              />
              <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!form.name.trim()} data-testid="planning-create">
                {tp('create')}
              </Button>
            </Group>
            {create.error && <QueryError error={create.error} />}
          </Paper>
        )}
        {planId && <PlanPanel key={planId} planId={planId} canWrite={canWrite} />}
        <BudgetPanel />
      </Stack>
    </>
  );
}

function PlanPanel({ planId, canWrite }: { planId: string; canWrite: boolean }) {
  const { tp, num, pct } = usePlanningText();
  const queryClient = useQueryClient();
  const plan = useQuery({ queryKey: [...planningKeys.all, 'plan', planId], queryFn: ({ signal }) => planningApi.plan(planId, signal) });
  const [runId, setRunId] = useState<string | null>(null);
  const run = useQuery({
    queryKey: planningKeys.run(planId, runId ?? ''),
    queryFn: ({ signal }) => planningApi.run(planId, runId!, signal),
    enabled: !!runId,
    // Polled while the job runs: the page shows the incumbent, the bound and the gap as they move.
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 1_000 : false),
  });
  const solve = useMutation({ mutationFn: () => planningApi.solve(planId), onSuccess: (r) => setRunId(r.id) });
  const cancel = useMutation({ mutationFn: () => planningApi.cancel(planId, runId!) });
  const approve = useMutation({
    mutationFn: () => planningApi.approve(planId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planningKeys.all }),
  });
  const runState = run.data ?? solve.data;
  useEffect(() => {
    if (runState?.status === 'done') void queryClient.invalidateQueries({ queryKey: [...planningKeys.all, 'plan', planId] });
  }, [runState?.status, planId, queryClient]);
  const latest = plan.data?.latestVersion ?? null;
  const draft = plan.data?.status === 'draft';

  return (
    <Stack gap="md">
      {plan.error && <QueryError error={plan.error} />}
      {canWrite && draft && (
        <Group>
          <Button onClick={() => solve.mutate()} loading={solve.isPending} data-testid="planning-solve">
            {tp('solve')}
          </Button>
          {runState && (runState.status === 'running' || runState.status === 'queued') && (
            <Button variant="default" onClick={() => cancel.mutate()} data-testid="planning-cancel">
              {tp('cancel')}
            </Button>
          )}
        </Group>
      )}
      {solve.error && <QueryError error={solve.error} />}
      {runState && (runState.status === 'running' || runState.status === 'queued') && (
        <Alert color="blue" data-testid="planning-progress">
          {tp('progress', {
            phase: runState.phase ? tp(`phases.${runState.phase}` as PlanningKey, { defaultValue: runState.phase }) : '…',
            incumbent: num(runState.incumbent),
            bound: num(runState.bound),
            gap: pct(runState.gap),
          })}
        </Alert>
      )}
      {runState?.status === 'failed' && runState.error && (
        <Alert color="red" title={tp('runFailed')} data-testid="planning-run-error">
          {runState.error.message} {JSON.stringify(runState.error.details)}
        </Alert>
      )}
      {runState?.status === 'cancelled' && <Alert color="yellow">{tp('runCancelled')}</Alert>}
      {plan.data?.status === 'approved' && (
        <Alert color="green" data-testid="planning-approved">
          {tp('approved', { version: plan.data.approvedVersion })} {approve.data && tp('approvedResult', approve.data)}
        </Alert>
      )}
      {approve.error && <QueryError error={approve.error} />}
      {latest && <VersionPanel planId={planId} number={latest} editable={canWrite && draft} onApprove={() => approve.mutate()} approving={approve.isPending} />}
    </Stack>
  );
}

function VersionPanel({
  planId,
  number,
  editable,
  onApprove,
  approving,
}: {
  planId: string;
  number: number;
  editable: boolean;
  onApprove: () => void;
  approving: boolean;
}) {
  const { tp, num, pct, pctWhole } = usePlanningText();
  const queryClient = useQueryClient();
  const version = useQuery({ queryKey: planningKeys.version(planId, number), queryFn: ({ signal }) => planningApi.version(planId, number, signal) });
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const kept = useMemo(
    () => (version.data?.seats ?? []).filter((s) => !dropped.has(seatKey(s))).map(({ personId, sessionId }) => ({ personId, sessionId })),
    [version.data, dropped],
  );
  const check = useMutation({ mutationFn: () => planningApi.check(planId, kept) });
  const save = useMutation({
    mutationFn: () => planningApi.save(planId, kept),
    onSuccess: async () => {
      setDropped(new Set());
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
    },
  });
  const importFile = useMutation({
    mutationFn: (file: File) => planningApi.import(planId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planningKeys.all }),
  });
  // Every change of the kept seats is re-checked on the server (≤ 50 ms for a plan of 100,000 seats).
  useEffect(() => {
    if (dropped.size > 0) check.mutate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-check when the edit changes, not when the mutation object does
  }, [dropped]);
  if (version.error) return <QueryError error={version.error} />;
  const v = version.data;
  if (!v) return null;
  return (
    <Stack gap="md">
      <Title order={3}>{tp('version', { number: v.number, source: tp(`sources.${v.source}` as PlanningKey) })}</Title>
      <Text data-testid="planning-figures">
        {tp('figures', { benefit: num(v.benefit), cost: num(v.cost, 0), bound: num(v.bound), gap: pct(v.check.gapToBound), greedy: num(v.greedyBenefit) })}
      </Text>
      {v.summary.benefitPer10Million !== null && <Text size="sm">{tp('shadowPrice', { value: num(v.summary.benefitPer10Million) })}</Text>}
      <Group>
        <Anchor href={planningApi.xlsxUrl(planId, v.number)} data-testid="planning-xlsx">
          {tp('exportXlsx')}
        </Anchor>
        {editable && (
          <FileButton onChange={(f) => f && importFile.mutate(f)} accept=".xlsx">
            {(props) => (
              <Button variant="default" size="xs" loading={importFile.isPending} {...props}>
                {tp('importXlsx')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {importFile.error && <QueryError error={importFile.error} />}
      <Title order={4}>{tp('seats')}</Title>
      <Table striped data-testid="planning-seats">
        <Table.Thead>
          <Table.Tr>
            {editable && <Table.Th>{tp('keep')}</Table.Th>}
            <Table.Th>{tp('person')}</Table.Th>
            <Table.Th>{tp('session')}</Table.Th>
            <Table.Th>{tp('course')}</Table.Th>
            <Table.Th>{tp('cost')}</Table.Th>
            <Table.Th>{tp('benefit')}</Table.Th>
            <Table.Th>{tp('perMillion')}</Table.Th>
            <Table.Th>{tp('why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.seats.map((s) => (
            <Table.Tr key={seatKey(s)}>
              {editable && (
                <Table.Td>
                  <Checkbox
                    aria-label={`${tp('keep')} ${s.fullName} ${s.sessionCode}`}
                    checked={!dropped.has(seatKey(s))}
                    onChange={(e) => {
                      const next = new Set(dropped);
                      if (e.currentTarget.checked) next.delete(seatKey(s));
                      else next.add(seatKey(s));
                      setDropped(next);
                    }}
                  />
                </Table.Td>
              )}
              <Table.Td>
                {s.fullName} ({s.staffCode})
              </Table.Td>
              <Table.Td>
                {s.sessionCode}
                {s.opening && (
                  <Text size="xs" c="dimmed">
                    {tp('openingSeat')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.courseTitle}</Table.Td>
              <Table.Td>{num(s.cost, 0)}</Table.Td>
              <Table.Td>{num(s.benefit)}</Table.Td>
              <Table.Td>{num(s.benefitPerMillion)}</Table.Td>
              <Table.Td>
                {s.reasons.map((r) => (
                  <Text key={r.competency} size="xs">
                    {tp('reason', {
                      competency: r.competency,
                      from: r.assessedLevel,
                      to: r.assessedLevel + r.levels,
                      levels: r.levels,
                      criticality: r.criticality,
                      weight: r.weight,
                    })}
                  </Text>
                ))}
                {s.reasons[0] && s.reasons[0].realisation < 1 && (
                  <Text size="xs" c="dimmed">
                    {tp('measuredShare', { share: pctWhole(s.reasons[0].realisation) })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <EditChecks
          check={check.data ?? null}
          error={check.error ?? save.error}
          onSave={() => save.mutate()}
          saving={save.isPending}
          dirty={dropped.size > 0}
        />
      )}
      {v.openings.length > 0 && (
        <>
          <Title order={4}>{tp('openings')}</Title>
          <Table data-testid="planning-openings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tp('session')}</Table.Th>
                <Table.Th>{tp('course')}</Table.Th>
                <Table.Th>{tp('openingCost')}</Table.Th>
                <Table.Th>{tp('openingChosen')}</Table.Th>
                <Table.Th>{tp('openingState')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.openings.map((o) => (
                <Table.Tr key={o.sessionId}>
                  <Table.Td>{o.code}</Table.Td>
                  <Table.Td>{o.courseTitle}</Table.Td>
                  <Table.Td>{num(o.openingCost, 0)}</Table.Td>
                  <Table.Td>{tp('openingCount', { chosen: o.chosen, minClass: o.minClass, seats: o.seats })}</Table.Td>
                  <Table.Td>{tp(o.opens ? 'openingOpens' : 'openingStaysClosed')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {v.leftOut.length > 0 && (
        <>
          <Title order={4}>{tp('leftOut')}</Title>
          <Table data-testid="planning-left-out">
            <Table.Tbody>
              {v.leftOut.map((l) => (
                <Table.Tr key={l.personId}>
                  <Table.Td>{l.fullName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{tp(`limits.${l.limit}` as PlanningKey)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Title order={4}>{tp('byGroup')}</Title>
      <Table data-testid="planning-by-group">
        <Table.Tbody>
          {v.summary.byGroup.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{g.label}</Table.Td>
              <Table.Td>
                {tp('levels')}: {num(g.levels)}
              </Table.Td>
              <Table.Td>
                {tp('benefit')}: {num(g.benefit)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <Group>
          <Button color="green" onClick={onApprove} loading={approving} disabled={dropped.size > 0} data-testid="planning-approve">
            {tp('approve')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function EditChecks({ check, error, onSave, saving, dirty }: { check: PlanCheck | null; error: unknown; onSave: () => void; saving: boolean; dirty: boolean }) {
  const { tp, num, pct } = usePlanningText();
  if (!dirty) return null;
  return (
    <Paper withBorder p="md" data-testid="planning-check">
      {check && check.violations.length === 0 && <Text c="green">{tp('checkOk', { benefit: num(check.benefit), gap: pct(check.gapToBound) })}</Text>}
      {check?.violations.map((violation, i) => (
        <Text key={i} c="red">
          {tp('violation', {
            limit: tp(`limits.${violation.limit}` as PlanningKey),
            limitValue: num(violation.limitValue),
            actual: num(violation.actual),
            by: num(violation.by),
          })}
        </Text>
      ))}
      {error ? <QueryError error={error} /> : null}
      <Button mt="sm" onClick={onSave} loading={saving} disabled={!check || check.violations.length > 0} data-testid="planning-save">
        {tp('saveEdit')}
      </Button>
    </Paper>
  );
}
