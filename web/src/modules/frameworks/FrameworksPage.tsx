import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { FrameworkListPage } from './FrameworkListPage';
import { FrameworkVersionPage } from './FrameworkVersionPage';

/** /frameworks: the list of frameworks, and one version's browser at /frameworks/versions/:versionId. */
export default function FrameworksPage() {
  return (
    <Routes>
      <Route index element={<FrameworkListPage />} />
      <Route path="versions/:versionId" element={<FrameworkVersionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
