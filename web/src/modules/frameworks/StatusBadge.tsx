import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VersionStatus } from './frameworksApi';

const COLOR: Record<VersionStatus, string> = { draft: 'yellow', published: 'green', retired: 'gray' };

export function StatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLOR[status]} data-testid={`status-${status}`}>
      {t(`frameworks.status.${status}`)}
    </Badge>
  );
}
