import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, NativeSelect } from '@mantine/core';
import { IconAlertTriangle, IconLockOpen, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { assessmentApi, type Expert, type Subject } from './assessmentApi';

type AddedSource = 'peer' | 'subordinate' | 'leader' | 'expert';

/**
 * One person's raters: the role chosen here is this person's (not shared by
 * every row), a removal asks first, and a second direct leader is added only
 * after the server's warning is confirmed.
 */
export function SubjectRaters({
  cycleId,
  subject,
  people,
  experts,
  onChange,
}: {
  cycleId: string;
  subject: Subject;
  people: { value: string; label: string }[];
  experts: Expert[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<AddedSource>('peer');
  const [rater, setRater] = useState('');
  const [removing, setRemoving] = useState<Subject['raters'][number] | null>(null);
  const [secondLeader, setSecondLeader] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const candidates =
    source === 'expert'
      ? experts.map((e) => ({ value: e.id, label: `${e.displayName} (${e.agencyName})` }))
      : people.filter((p) => p.value !== subject.personId);
  // Experts are accounts (often without a staff record); everyone else is a person of the register.
  const add = async (allowSecondLeader = false) => {
    setFailure(null);
    try {
      await assessmentApi.addRater(
        cycleId,
        subject.personId,
        source === 'expert' ? { source, userId: rater } : { source, personId: rater, ...(allowSecondLeader && { allowSecondLeader }) },
      );
      setSecondLeader(false);
      setRater('');
      onChange();
    } catch (error) {
      if (isApiError(error) && error.code === 'assessment_second_leader') setSecondLeader(true);
      else setFailure(isApiError(error) ? error.message : String(error));
    }
  };
  const remove = async (id: string) => {
    setRemoving(null);
    await assessmentApi.removeRater(id).catch((error: unknown) => setFailure(isApiError(error) ? error.message : String(error)));
    onChange();
  };
  return (
    <>
      <Group gap={6} wrap="wrap">
        {subject.raters.map((r) => (
          <Badge
            key={r.id}
            variant="outline"
            color={!r.canSignIn ? 'orange' : r.status === 'submitted' ? 'green' : 'gray'}
            leftSection={!r.canSignIn ? <IconAlertTriangle size={12} aria-label={t('raters.noSignIn')} /> : undefined}
            title={!r.canSignIn ? t('raters.noSignIn') : undefined}
            data-testid={r.canSignIn ? 'rater' : 'rater-cannot-sign-in'}
            rightSection={
              r.status === 'submitted' ? (
                <ActionIcon size="xs" variant="transparent" aria-label={t('assessment.reopen')} onClick={() => void assessmentApi.reopen(r.id).then(onChange)}>
                  <IconLockOpen size={12} />
                </ActionIcon>
              ) : r.source !== 'self' ? (
                <ActionIcon size="xs" variant="transparent" aria-label={`${t('assessment.remove')}: ${r.raterName}`} onClick={() => setRemoving(r)}>
                  <IconTrash size={12} />
                </ActionIcon>
              ) : null
            }
          >
            {t(`assessment.sources.${r.source}`)}: {r.raterName}
          </Badge>
        ))}
      </Group>
      {removing && (
        <Alert color="red" variant="light" data-testid="remove-confirm">
          <Group justify="space-between" wrap="wrap">
            {t('raters.removeConfirm', { name: removing.raterName })}
            <Group gap="xs">
              <Button size="xs" color="red" onClick={() => void remove(removing.id)} data-testid="remove-yes">
                {t('raters.removeYes')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setRemoving(null)}>
                {t('raters.cancel')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      <Group gap="xs" wrap="wrap">
        <NativeSelect
          size="xs"
          aria-label={`${t('raters.role')}: ${subject.fullName}`}
          value={source}
          onChange={(e) => {
            setSource(e.currentTarget.value as AddedSource);
            setRater('');
            setSecondLeader(false);
          }}
          data={(['peer', 'subordinate', 'leader', 'expert'] as const).map((v) => ({ value: v, label: t(`assessment.sources.${v}`) }))}
          data-testid="rater-role"
        />
        <NativeSelect
          size="xs"
          aria-label={`${t('assessment.choosePerson')}: ${subject.fullName}`}
          value={rater}
          onChange={(e) => {
            setRater(e.currentTarget.value);
            setSecondLeader(false);
          }}
          data={[{ value: '', label: t('assessment.choosePerson') }, ...candidates]}
          data-testid="rater-person"
        />
        <Button size="xs" variant="light" disabled={!rater} onClick={() => void add()} data-testid="rater-add">
          {t('assessment.addRater')}
        </Button>
      </Group>
      {secondLeader && (
        <Alert color="yellow" variant="light" data-testid="second-leader">
          <Group justify="space-between" wrap="wrap">
            {t('raters.secondLeader', { name: subject.fullName })}
            <Button size="xs" variant="light" onClick={() => void add(true)}>
              {t('raters.addAnyway')}
            </Button>
          </Group>
        </Alert>
      )}
      {failure && <Alert color="red">{failure}</Alert>}
    </>
  );
}
