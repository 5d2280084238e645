import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IndexOnlyRoutes } from '../../ui/IndexOnlyRoutes';
import { PageHeader } from '../../ui/PageHeader';
import { AgenciesPanel } from './AgenciesPanel';
import { UnitsBrowser } from './UnitsBrowser';
import { UnitChangesPanel } from './UnitChangesPanel';
import { useCurrentUser } from '../../auth/CurrentUser';

/** /org: administrative units as of a date, the agency tree with its history, and (national administrator) official unit changes. */
export default function OrgPage() {
  const { t } = useTranslation();
  // Only the national administrator corrects the national geography (the server checks it too).
  const national = useCurrentUser().role === 'national_admin';
  // The tab is in the address (?tab=agencies, ?tab=unit-changes) so a link opens it.
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = asked === 'agencies' || (asked === 'unit-changes' && national) ? asked : 'units';
  return (
    <IndexOnlyRoutes>
      <PageHeader title={t('org.title')} subtitle={t('org.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'units' ? { tab: value } : {})} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="units" data-testid="org-tab-units">
            {t('org.tabs.units')}
          </Tabs.Tab>
          <Tabs.Tab value="agencies" data-testid="org-tab-agencies">
            {t('org.tabs.agencies')}
          </Tabs.Tab>
          {national && (
            <Tabs.Tab value="unit-changes" data-testid="org-tab-unit-changes">
              {t('org.tabs.unitChanges')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="units">
          <UnitsBrowser />
        </Tabs.Panel>
        <Tabs.Panel value="agencies">
          <AgenciesPanel />
        </Tabs.Panel>
        {national && (
          <Tabs.Panel value="unit-changes">
            <UnitChangesPanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </IndexOnlyRoutes>
  );
}
