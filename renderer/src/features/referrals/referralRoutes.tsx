import { Route } from 'react-router-dom';
import { VisitListPage } from '../dashboard/VisitListPage';
import { FollowUpListPage } from '../followUps/FollowUpListPage';
import { ReferralDetailPage } from './ReferralDetailPage';
import { ReferralFormPage } from './ReferralFormPage';
import { ReferralListPage } from './ReferralListPage';

/** Referrals, follow-ups and the dashboard's visit list; App.tsx places this fragment inside its <Routes>. */
export const referralRoutes = (
  <>
    <Route path="/referrals" element={<ReferralListPage />} />
    <Route path="/referrals/new" element={<ReferralFormPage />} />
    <Route path="/referrals/:id" element={<ReferralDetailPage />} />
    <Route path="/follow-ups" element={<FollowUpListPage />} />
    {/* The list behind the dashboard's "visits this month" figures. */}
    <Route path="/dashboard/visits" element={<VisitListPage />} />
  </>
);
