import { Route } from 'react-router-dom';
import { HouseholdDetailPage } from './HouseholdDetailPage';
import { HouseholdEditPage } from './HouseholdEditPage';
import { HouseholdListPage } from './HouseholdListPage';
import { HouseholdRegistrationPage } from './HouseholdRegistrationPage';

/** The households feature's pages, placed by App.tsx inside its <Routes>. */
export const householdRoutes = (
  <>
    <Route path="/households" element={<HouseholdListPage />} />
    <Route path="/households/new" element={<HouseholdRegistrationPage />} />
    <Route path="/households/:id" element={<HouseholdDetailPage />} />
    <Route path="/households/:id/edit" element={<HouseholdEditPage />} />
  </>
);
