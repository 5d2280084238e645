import { Route, Routes } from 'react-router';
import i18n from '../../i18n';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { AgencyPeoplePage } from './AgencyPeoplePage';
import { registerNeedsMessages } from './needs.i18n';
import { NeedsDashboardPage } from './NeedsDashboardPage';
import { PersonNeedsPage } from './PersonNeedsPage';
import './needs-print.css';

// The module's texts join the shared catalogue when its chunk loads, before any of its pages render.
registerNeedsMessages(i18n);

/** /needs: the dashboard (country, province, agency), an agency's people, and one person's gaps. */
export default function NeedsPage() {
  return (
    <Routes>
      <Route index element={<NeedsDashboardPage />} />
      <Route path="agencies/:agencyId/people" element={<AgencyPeoplePage />} />
      <Route path="people/:personId" element={<PersonNeedsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
