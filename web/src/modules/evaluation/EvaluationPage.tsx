import { ComingSoon } from '../../ui/ComingSoon';

// Placeholder until the evaluation module is built; replace this file with the real page.
export default function EvaluationPage() {
  return <ComingSoon module="evaluation" />;
}
