import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/CurrentUser';
import { IndexOnlyRoutes } from '../../ui/IndexOnlyRoutes';
import { PageHeader } from '../../ui/PageHeader';
import { Text } from '@mantine/core';
import { ProfileReport } from '../assessments/ProfileReport';

/** /me: my competency profile from the latest consolidated assessment. */
export default function MyProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <IndexOnlyRoutes>
      <PageHeader title={t('assessment.myProfile')} subtitle={t('assessment.myProfileSubtitle')} />
      {user.personId ? <ProfileReport personId={user.personId} mine /> : <Text c="dimmed">{t('assessment.noStaffRecord')}</Text>}
    </IndexOnlyRoutes>
  );
}
