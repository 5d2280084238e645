import { ComingSoon } from '../../ui/ComingSoon';

// Placeholder until the training module is built; replace this file with the real page.
export default function TrainingPage() {
  return <ComingSoon module="training" />;
}
