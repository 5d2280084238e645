import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useFormat } from '../../format/useFormat';
import { todayIso } from '../../ui/dates';
import { useFormErrors } from '../../ui/useFormErrors';
import { planningApi, planningKeys, type CourseChoice } from './planningApi';
import { usePlanningText } from './planningText';

const courseLabel = (c: CourseChoice, language: string) => `${c.code} — ${language === 'en' && c.titleEn ? c.titleEn : c.title}`;

/**
 * A course of the active catalogue. The server searches (without diacritics, over the whole catalogue, not
 * only the first page), so the box shows its answer as it is; the chosen course stays an option.
 */
function CoursePicker({ value, onChange, error }: { value: CourseChoice | null; onChange: (course: CourseChoice | null) => void; error?: string }) {
  const { tp } = usePlanningText();
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  // Once a course is chosen the box shows its label: searching for that would hide the other courses.
  const q = value && typed === courseLabel(value, i18n.language) ? '' : typed;
  const found = useQuery({
    queryKey: planningKeys.courses(q),
    queryFn: ({ signal }) => planningApi.courses(q, signal),
    placeholderData: keepPreviousData,
  });
  const items = found.data?.items ?? [];
  const options = value && !items.some((c) => c.id === value.id) ? [value, ...items] : items;
  return (
    <Select
      label={tp('openingsPage.course')}
      placeholder={tp('openingsPage.courseSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: shown }) => shown}
      data={options.map((c) => ({ value: c.id, label: courseLabel(c, i18n.language) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((c) => c.id === id) ?? null)}
      nothingFoundMessage={found.isFetching ? '…' : t('common.none')}
      required
      error={error}
      data-testid="opening-course"
    />
  );
}

/** HR declares a class to open: course, code, dates, seats, minimum class size, opening cost (issue 15, item 1). */
export function OpeningForm() {
  const { tp } = usePlanningText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [course, setCourse] = useState<CourseChoice | null>(null);
  const [code, setCode] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso(30));
  const [endsOn, setEndsOn] = useState(todayIso(32));
  const [seats, setSeats] = useState<number | string>(30);
  const [minClass, setMinClass] = useState<number | string>(15);
  const [openingCost, setOpeningCost] = useState<number | string>(0);
  const [costPerSeat, setCostPerSeat] = useState<number | string>('');
  const declare = useMutation({
    mutationFn: () =>
      planningApi.declareOpening({
        courseId: course?.id ?? '',
        code: code.trim(),
        startsOn,
        endsOn,
        seats: Number(seats),
        minClass: Number(minClass),
        openingCost: Number(openingCost),
        ...(costPerSeat === '' ? {} : { costPerSeat: Number(costPerSeat) }),
      }),
    onSuccess: async () => {
      setCode('');
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
    },
  });
  const { errorFor, general } = useFormErrors(declare.error, {
    courseId: course?.id ?? '',
    code,
    startsOn,
    endsOn,
    seats,
    minClass,
    openingCost,
    costPerSeat,
  });
  // The server's "already exists" is about any record; on this form it can only be the class code.
  const codeTaken = isApiError(declare.error) && declare.error.code === 'already_exists' && errorFor('code') !== undefined;
  // Checked as typed, at the field (the server refuses them too, with the same field named).
  const minAboveSeats = seats !== '' && minClass !== '' && Number(minClass) > Number(seats);
  const endsBeforeStarts = startsOn !== '' && endsOn !== '' && endsOn < startsOn;
  const ready = course !== null && code.trim() !== '' && startsOn !== '' && endsOn !== '' && seats !== '' && minClass !== '' && openingCost !== '';
  // Dong are whole numbers, grouped the reader's way: 4.000.000 in Vietnamese, 4,000,000 in English.
  const money = format.language === 'en' ? { thousandSeparator: ',', decimalSeparator: '.' } : { thousandSeparator: '.', decimalSeparator: ',' };

  return (
    <Paper withBorder p="md" data-testid="opening-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !minAboveSeats && !endsBeforeStarts) declare.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {tp('openingsPage.declare')}
          </Title>
          <CoursePicker value={course} onChange={setCourse} error={errorFor('courseId', tp('openingsPage.course'))} />
          <TextInput
            label={tp('openingsPage.code')}
            description={tp('openingsPage.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            maxLength={50}
            required
            error={codeTaken ? tp('openingsPage.codeTaken') : errorFor('code', tp('openingsPage.code'))}
            data-testid="opening-code"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={tp('openingsPage.startsOn')}
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              required
              error={errorFor('startsOn', tp('openingsPage.startsOn'))}
              data-testid="opening-starts"
            />
            <TextInput
              type="date"
              label={tp('openingsPage.endsOn')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              required
              error={endsBeforeStarts ? tp('openingsPage.endsBeforeStarts') : errorFor('endsOn', tp('openingsPage.endsOn'))}
              data-testid="opening-ends"
            />
            <NumberInput
              label={tp('openingsPage.seats')}
              value={seats}
              onChange={setSeats}
              min={1}
              max={10_000}
              allowDecimal={false}
              allowNegative={false}
              required
              error={errorFor('seats', tp('openingsPage.seats'))}
              data-testid="opening-seats"
            />
            <NumberInput
              label={tp('openingsPage.minClass')}
              value={minClass}
              onChange={setMinClass}
              min={1}
              max={10_000}
              allowDecimal={false}
              allowNegative={false}
              required
              error={minAboveSeats ? tp('openingsPage.minAboveSeats') : errorFor('minClass', tp('openingsPage.minClass'))}
              data-testid="opening-min-class"
            />
            <NumberInput
              label={tp('openingsPage.openingCost')}
              value={openingCost}
              onChange={setOpeningCost}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...money}
              required
              error={errorFor('openingCost', tp('openingsPage.openingCost'))}
              data-testid="opening-cost"
            />
            <NumberInput
              label={tp('openingsPage.costPerSeat')}
              description={course ? tp('openingsPage.costPerSeatHint', { price: format.dong(course.costPerSeat) }) : undefined}
              value={costPerSeat}
              onChange={setCostPerSeat}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...money}
              error={errorFor('costPerSeat', tp('openingsPage.costPerSeat'))}
              data-testid="opening-cost-per-seat"
            />
          </SimpleGrid>
          {general && !codeTaken && (
            <Alert color="red" data-testid="opening-error">
              {general}
            </Alert>
          )}
          {declare.isSuccess && !declare.isPending && (
            <Alert color="green" role="status" data-testid="opening-declared">
              {tp('openingsPage.declared', { code: declare.data.code })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={declare.isPending} disabled={!ready || minAboveSeats || endsBeforeStarts} data-testid="opening-submit">
              {tp('openingsPage.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
