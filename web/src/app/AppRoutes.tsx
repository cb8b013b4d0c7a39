import { lazy, Suspense, type ComponentType } from 'react';
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

/** The signed-in pages by path (under the frame); `roles`: only for users holding one of them, others get a 403. */
const kPages: { path: string; Page: ComponentType; roles?: readonly string[] }[] = [
  { path: 'customers', Page: CustomersPage },
  { path: 'customers/import', Page: CustomerImportPage },
  { path: 'customers/:id', Page: CustomerPage },
  { path: 'projects', Page: ProjectsPage },
  { path: 'projects/:id', Page: ProjectPage },
  { path: 'units/:id', Page: UnitPage },
  { path: 'tickets', Page: TicketsPage },
  { path: 'tickets/new', Page: NewTicketPage },
  { path: 'tickets/:id', Page: TicketPage },
  { path: 'callbacks', Page: CallbacksPage, roles: kServiceWriteRoles },
  { path: 'cases', Page: CasesPage },
  { path: 'mass-alerts', Page: MassAlertsPage },
  { path: 'reports/tickets', Page: TicketReportPage },
  { path: 'admin/org-units', Page: OrgUnitsPage, roles: kAdminRoles },
  { path: 'admin/users', Page: UsersPage, roles: kAdminRoles },
  { path: 'admin/audit', Page: AuditLogPage, roles: kAdminRoles },
  { path: 'admin/ticket-categories', Page: TicketCategoriesPage, roles: kAdminRoles },
  { path: 'admin/routing-rules', Page: RoutingRulesPage, roles: kAdminRoles },
  { path: 'admin/sla-policies', Page: SlaPoliciesPage, roles: kAdminRoles },
  { path: 'admin/standard-answers', Page: StandardAnswersPage, roles: kAdminRoles },
  { path: 'admin/department-members', Page: DepartmentMembersPage, roles: kAdminRoles },
  { path: 'admin/calendar', Page: BusinessCalendarPage, roles: kAdminRoles },
];

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
        {kPages.map(({ path, Page, roles }) => (
          <Route
            key={path}
            path={path}
            element={
              roles ? (
                <RequireRole roles={roles}>
                  <Page />
                </RequireRole>
              ) : (
                <Page />
              )
            }
          />
        ))}
        <Route path="admin" element={<Navigate to="/admin/org-units" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
