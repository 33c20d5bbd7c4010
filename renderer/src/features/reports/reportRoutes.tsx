import { Route } from 'react-router-dom';
import { ReportsPage } from './ReportsPage';

/** Routes of the reports feature: the Reports page (period summary and the outbox). */
export const reportRoutes = (
  <>
    <Route path="/reports" element={<ReportsPage />} />
  </>
);

// The benchmark entry (npm run bench) exists only when the page is opened with ?bench=1, and is
// loaded on demand so it never weighs on a normal start.
if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench')) {
  void import('./bench/pageBench').then((m) => m.installPageBench());
}

// Likewise the import fault test's hooks (e2e/importFault.spec.ts), only with ?faulttest=1.
if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('faulttest')) {
  void import('../../testHooks/importFaultHook').then((m) => m.installImportFaultHook());
}
