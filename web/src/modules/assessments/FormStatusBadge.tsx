import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR = { pending: 'gray', draft: 'yellow', submitted: 'green' } as const;

export function FormStatusBadge({ status }: { status: 'pending' | 'draft' | 'submitted' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="form-status" data-status={status}>
      {t(`assessment.formStatus.${status}`)}
    </Badge>
  );
}
