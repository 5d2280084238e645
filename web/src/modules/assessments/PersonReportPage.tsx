import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ProfileReport } from './ProfileReport';

/** A person's report for their leader or HR (the server decides who may read it). */
export function PersonReportPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  return (
    <>
      <PageHeader title={t('assessment.reportTitle')} />
      <ProfileReport personId={personId} />
    </>
  );
}
