import { Tabs } from '@mantine/core';
import { useCurrentUser } from '../../auth/CurrentUser';
import { IndexOnlyRoutes } from '../../ui/IndexOnlyRoutes';
import { LearningGainsPanel } from './LearningGainsPanel';
import { QualityPage } from './QualityPage';
import { useReactionText } from './reactionText';
import { SurveyResultsPanel } from './SurveyResultsPanel';

/**
 * /evaluation: after training (issue 16). HR and administrators: the annual
 * quality classification, the trainees' surveys (aggregates only) and the
 * learning gains; institutions: their courses' surveys and gains; leaders:
 * the classification and their staff's gains.
 */
export default function EvaluationPage() {
  const user = useCurrentUser();
  const { tr } = useReactionText();
  const quality = user.role !== 'trainer';
  const surveys = user.role !== 'leader';
  return (
    <IndexOnlyRoutes>
      <Tabs defaultValue={quality ? 'quality' : 'surveys'} keepMounted={false}>
        <Tabs.List mb="md">
          {quality && <Tabs.Tab value="quality">{tr('tabs.quality')}</Tabs.Tab>}
          {surveys && (
            <Tabs.Tab value="surveys" data-testid="tab-surveys">
              {tr('tabs.surveys')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="learning" data-testid="tab-learning">
            {tr('tabs.learning')}
          </Tabs.Tab>
        </Tabs.List>
        {quality && (
          <Tabs.Panel value="quality">
            <QualityPage />
          </Tabs.Panel>
        )}
        {surveys && (
          <Tabs.Panel value="surveys">
            <SurveyResultsPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="learning">
          <LearningGainsPanel />
        </Tabs.Panel>
      </Tabs>
    </IndexOnlyRoutes>
  );
}
