import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './AppLayout';
import { FullPageSpin, RequireAuth, RequireRole } from './RequireAuth';
import { NotFoundPage } from './NotFoundPage';
import { kAdminRoles } from './auth/authContext';
import { kServiceWriteRoles } from '../modules/service/access';
import { useAuth } from './auth/useAuth';
import { LoginPage } from '../modules/platform/pages/LoginPage';
import { HomePage } from '../modules/platform/pages/HomePage';

// Module and administration pages are loaded on first visit.
const OrgUnitsPage = lazy(() => import('../modules/platform/pages/OrgUnitsPage'));
const UsersPage = lazy(() => import('../modules/platform/pages/UsersPage'));
const AuditLogPage = lazy(() => import('../modules/platform/pages/AuditLogPage'));
const CustomersPage = lazy(() => import('../modules/customers/pages/CustomersPage'));
const CustomerPage = lazy(() => import('../modules/customers/pages/CustomerPage'));
const CustomerImportPage = lazy(() => import('../modules/customers/pages/CustomerImportPage'));
const ProjectsPage = lazy(() => import('../modules/inventory/pages/ProjectsPage'));
const ProjectPage = lazy(() => import('../modules/inventory/pages/ProjectPage'));
const UnitPage = lazy(() => import('../modules/inventory/pages/UnitPage'));
const TicketsPage = lazy(() => import('../modules/service/pages/TicketsPage'));
const NewTicketPage = lazy(() => import('../modules/service/pages/NewTicketPage'));
const TicketPage = lazy(() => import('../modules/service/pages/TicketPage'));
const TicketCategoriesPage = lazy(() => import('../modules/service/pages/admin/TicketCategoriesPage'));
const RoutingRulesPage = lazy(() => import('../modules/service/pages/admin/RoutingRulesPage'));
const SlaPoliciesPage = lazy(() => import('../modules/service/pages/admin/SlaPoliciesPage'));
const BusinessCalendarPage = lazy(() => import('../modules/service/pages/admin/BusinessCalendarPage'));
const MassAlertsPage = lazy(() => import('../modules/service/pages/MassAlertsPage'));
const TicketReportPage = lazy(() => import('../modules/service/pages/TicketReportPage'));
const PublicTicketPage = lazy(() => import('../modules/service/pages/PublicTicketPage'));
const CallbacksPage = lazy(() => import('../modules/service/pages/CallbacksPage'));
const CasesPage = lazy(() => import('../modules/service/pages/CasesPage'));
const StandardAnswersPage = lazy(() => import('../modules/service/pages/admin/StandardAnswersPage'));
const DepartmentMembersPage = lazy(() => import('../modules/service/pages/admin/DepartmentMembersPage'));

function LoginRoute() {
  const { status } = useAuth();
  return status === 'signed_in' ? <Navigate to="/" replace /> : <LoginPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      {/* The customer's page of a ticket, reached by a link: no login, no menu. */}
      <Route
        path="/t/:token"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicTicketPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="customers" element={<CustomersPage />} />
        <Route path="customers/import" element={<CustomerImportPage />} />
        <Route path="customers/:id" element={<CustomerPage />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<ProjectPage />} />
        <Route path="units/:id" element={<UnitPage />} />
        <Route path="tickets" element={<TicketsPage />} />
        <Route path="tickets/new" element={<NewTicketPage />} />
        <Route path="tickets/:id" element={<TicketPage />} />
        <Route
          path="callbacks"
          element={
            <RequireRole roles={kServiceWriteRoles}>
              <CallbacksPage />
            </RequireRole>
          }
        />
        <Route path="cases" element={<CasesPage />} />
        <Route path="mass-alerts" element={<MassAlertsPage />} />
        <Route path="reports/tickets" element={<TicketReportPage />} />
        <Route
          path="admin/org-units"
          element={
            <RequireRole roles={kAdminRoles}>
              <OrgUnitsPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole roles={kAdminRoles}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireRole roles={kAdminRoles}>
              <AuditLogPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/ticket-categories"
          element={
            <RequireRole roles={kAdminRoles}>
              <TicketCategoriesPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/routing-rules"
          element={
            <RequireRole roles={kAdminRoles}>
              <RoutingRulesPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/sla-policies"
          element={
            <RequireRole roles={kAdminRoles}>
              <SlaPoliciesPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/standard-answers"
          element={
            <RequireRole roles={kAdminRoles}>
              <StandardAnswersPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/department-members"
          element={
            <RequireRole roles={kAdminRoles}>
              <DepartmentMembersPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/calendar"
          element={
            <RequireRole roles={kAdminRoles}>
              <BusinessCalendarPage />
            </RequireRole>
          }
        />
        <Route path="admin" element={<Navigate to="/admin/org-units" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
