import { Tabs } from '@mantine/core';
import { IconList, IconTable, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IndexOnlyRoutes } from '../../ui/IndexOnlyRoutes';
import { PageHeader } from '../../ui/PageHeader';
import { PositionList } from './PositionList';
import { PositionMatrix } from './PositionMatrix';
import { ProfileTemplates } from './ProfileTemplates';

/** /positions: the positions of the caller's agencies, and the positions x competencies matrix. */
export default function PositionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = params.get('view');
  const tab = view === 'matrix' || view === 'templates' ? view : 'list';
  return (
    <IndexOnlyRoutes>
      <PageHeader title={t('positions.title')} subtitle={t('positions.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'list' ? { view: value } : {})} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list" leftSection={<IconList size={16} />} data-testid="positions-tab-list">
            {t('positions.tabs.list')}
          </Tabs.Tab>
          <Tabs.Tab value="matrix" leftSection={<IconTable size={16} />} data-testid="positions-tab-matrix">
            {t('positions.tabs.matrix')}
          </Tabs.Tab>
          <Tabs.Tab value="templates" leftSection={<IconTemplate size={16} />} data-testid="positions-tab-templates">
            {t('positions.tabs.templates')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <PositionList />
        </Tabs.Panel>
        <Tabs.Panel value="matrix">
          <PositionMatrix />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <ProfileTemplates />
        </Tabs.Panel>
      </Tabs>
    </IndexOnlyRoutes>
  );
}
