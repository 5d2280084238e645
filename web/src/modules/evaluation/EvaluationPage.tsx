import { QualityPage } from './QualityPage';
import { EvaluationTabs } from './effectiveness/EvaluationTabs';

/**
 * /evaluation: after training (issue 16): the annual quality classification
 * (HR and administrators), the effectiveness of training and the follow-ups
 * (effectiveness/), which training institutions also see for their courses.
 */
export default function EvaluationPage() {
  return <EvaluationTabs quality={<QualityPage />} />;
}
