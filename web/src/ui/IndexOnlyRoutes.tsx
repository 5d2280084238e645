import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from './NotFoundPage';

/**
 * A module that is one page (its route ends in `/*` so it may grow nested pages): its own address shows the
 * page, any address below it the not-found page with the way back, rather than the module page under a wrong URL.
 */
export function IndexOnlyRoutes({ children }: { children: ReactNode }) {
  return (
    <Routes>
      <Route index element={children} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
