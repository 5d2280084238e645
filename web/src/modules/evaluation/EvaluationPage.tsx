import { useCurrentUser } from '../../auth/CurrentUser';
import { ComingSoon } from '../../ui/ComingSoon';
import { IndexOnlyRoutes } from '../../ui/IndexOnlyRoutes';
import { QualityPage } from './QualityPage';

/**
 * /evaluation: after training (issue 16). The annual quality classification is
 * built (HR and administrators); reaction, learning, follow-ups and
 * effectiveness — what training institutions will see here — come next.
 */
export default function EvaluationPage() {
  const user = useCurrentUser();
  return <IndexOnlyRoutes>{user.role === 'trainer' ? <ComingSoon module="evaluation" /> : <QualityPage />}</IndexOnlyRoutes>;
}
