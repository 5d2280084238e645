import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { StaffListPage } from './StaffListPage';
import { PersonDetailPage } from './PersonDetailPage';
import { StaffImportPage } from './StaffImportPage';

/** /people: the register, the import wizard at /people/import, one person at /people/:id. */
export default function PeoplePage() {
  return (
    <Routes>
      <Route index element={<StaffListPage />} />
      <Route path="import" element={<StaffImportPage />} />
      <Route path=":id" element={<PersonDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
