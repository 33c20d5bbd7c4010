import { Route } from 'react-router-dom';
import { HouseholdVisitFormPage } from './HouseholdVisitFormPage';
import { HouseholdVisitPage } from './HouseholdVisitPage';
import { ShelterVisitFormPage } from './ShelterVisitFormPage';
import { ShelterVisitPage } from './ShelterVisitPage';

/** Shelter visits and household monitoring visits; mounted by App inside its <Routes>. */
export const visitRoutes = (
  <>
    <Route path="/shelters/:shelterId/visits/new" element={<ShelterVisitFormPage />} />
    <Route path="/shelter-visits/:id" element={<ShelterVisitPage />} />
    <Route path="/shelter-visits/:id/edit" element={<ShelterVisitFormPage />} />
    <Route path="/households/:householdId/visits/new" element={<HouseholdVisitFormPage />} />
    <Route path="/household-visits/:id" element={<HouseholdVisitPage />} />
    <Route path="/household-visits/:id/edit" element={<HouseholdVisitFormPage />} />
  </>
);
