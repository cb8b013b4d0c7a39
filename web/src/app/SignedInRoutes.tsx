import { lazy, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireRole } from './RequireAuth';
import { kAdminRoles } from './auth/authContext';
import { kServiceWriteRoles } from '../modules/service/access';
import { kSalesWriteRoles } from '../modules/sales/access';
import { kSegmentWriteRoles } from '../modules/segments/access';
import { AppLayout } from './AppLayout';
import { HomePage } from '../modules/platform/pages/HomePage';
import { loadMessages } from './i18n/i18nContext';

// The signed-in part of the app, a chunk of its own (AppRoutes.tsx loads it with the messages it
// needs): the frame (menu, header, bells) and the home page, then every other page loaded on first
// visit. The pages are declared here, below the frame, rather than in the entry: so the bundler
// knows the frame is there whenever a page loads, and puts what the frame shares with the pages in
// the frame's chunk instead of cutting it into many small chunks that the first screen would fetch
// one by one (scripts/first-screen.mjs weighs it).
//
// The frame and the home page have the messages of the entry and of the service module
// (loadFrameMessages); every other page waits for all the modules' too (loadMessages).
const page = (load: () => Promise<{ default: ComponentType }>) => lazy(() => Promise.all([load(), loadMessages()]).then(([m]) => m));

// The surveys module's pages are one chunk (modules/surveys/pages/SurveyPages.ts says why).
const surveyPages = () => import('../modules/surveys/pages/SurveyPages');
const SurveysPage = page(() => surveyPages().then((m) => ({ default: m.SurveysPage })));
const SurveyPage = page(() => surveyPages().then((m) => ({ default: m.SurveyPage })));
const SurveyWavePage = page(() => surveyPages().then((m) => ({ default: m.WavePage })));
const SurveyResultsPage = page(() => surveyPages().then((m) => ({ default: m.ResultsPage })));
const SurveyResultsRedirect = page(() => surveyPages().then((m) => ({ default: m.ResultsRedirect })));
// The segments module's pages are one chunk too (modules/segments/pages/SegmentPages.ts).
const segmentPages = () => import('../modules/segments/pages/SegmentPages');
const SegmentModelsPage = page(() => segmentPages().then((m) => ({ default: m.SegmentModelsPage })));
const SegmentModelPage = page(() => segmentPages().then((m) => ({ default: m.SegmentModelPage })));
const NewSegmentModelPage = page(() => segmentPages().then((m) => ({ default: m.NewModelPage })));
const EditSegmentModelPage = page(() => segmentPages().then((m) => ({ default: m.EditModelPage })));
const ValueAssumptionsPage = page(() => segmentPages().then((m) => ({ default: m.ValueAssumptionsPage })));
// The club's pages are one chunk too (modules/club/pages/ClubPages.ts).
const clubPages = () => import('../modules/club/pages/ClubPages');
const ClubMembersPage = page(() => clubPages().then((m) => ({ default: m.MembersPage })));
const ClubMemberPage = page(() => clubPages().then((m) => ({ default: m.MemberPage })));
const ClubSettingsPage = page(() => clubPages().then((m) => ({ default: m.ClubSettingsPage })));
const ClubEventsPage = page(() => clubPages().then((m) => ({ default: m.EventsPage })));
const ClubEventPage = page(() => clubPages().then((m) => ({ default: m.EventPage })));
const ClubOffersPage = page(() => clubPages().then((m) => ({ default: m.OffersPage })));
// The campaigns' pages are one chunk too (modules/campaigns/pages/CampaignPages.ts).
const campaignPages = () => import('../modules/campaigns/pages/CampaignPages');
const CampaignsPage = page(() => campaignPages().then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = page(() => campaignPages().then((m) => ({ default: m.CampaignPage })));
const NewCampaignPage = page(() => campaignPages().then((m) => ({ default: m.NewCampaignPage })));
const EditCampaignPage = page(() => campaignPages().then((m) => ({ default: m.EditCampaignPage })));
const NotFoundPage = page(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const OrgUnitsPage = page(() => import('../modules/platform/pages/OrgUnitsPage'));
const UsersPage = page(() => import('../modules/platform/pages/UsersPage'));
const AuditLogPage = page(() => import('../modules/platform/pages/AuditLogPage'));
const CustomersPage = page(() => import('../modules/customers/pages/CustomersPage'));
const CustomerPage = page(() => import('../modules/customers/pages/CustomerPage'));
const CustomerImportPage = page(() => import('../modules/customers/pages/CustomerImportPage'));
const ProjectsPage = page(() => import('../modules/inventory/pages/ProjectsPage'));
const ProjectPage = page(() => import('../modules/inventory/pages/ProjectPage'));
const UnitPage = page(() => import('../modules/inventory/pages/UnitPage'));
const TicketsPage = page(() => import('../modules/service/pages/TicketsPage'));
const NewTicketPage = page(() => import('../modules/service/pages/NewTicketPage'));
const TicketPage = page(() => import('../modules/service/pages/TicketPage'));
const TicketCategoriesPage = page(() => import('../modules/service/pages/admin/TicketCategoriesPage'));
const RoutingRulesPage = page(() => import('../modules/service/pages/admin/RoutingRulesPage'));
const SlaPoliciesPage = page(() => import('../modules/service/pages/admin/SlaPoliciesPage'));
const BusinessCalendarPage = page(() => import('../modules/service/pages/admin/BusinessCalendarPage'));
const MassAlertsPage = page(() => import('../modules/service/pages/MassAlertsPage'));
const TicketReportPage = page(() => import('../modules/service/pages/TicketReportPage'));
const CallbacksPage = page(() => import('../modules/service/pages/CallbacksPage'));
const CasesPage = page(() => import('../modules/service/pages/CasesPage'));
const StandardAnswersPage = page(() => import('../modules/service/pages/admin/StandardAnswersPage'));
const DepartmentMembersPage = page(() => import('../modules/service/pages/admin/DepartmentMembersPage'));
const LeadsPage = page(() => import('../modules/sales/pages/LeadsPage'));
const LeadPage = page(() => import('../modules/sales/pages/LeadPage'));
const RegisterPage = page(() => import('../modules/sales/pages/RegisterPage'));
const DealPage = page(() => import('../modules/sales/pages/DealPage'));
const ContractsPage = page(() => import('../modules/sales/pages/ContractsPage'));
const ContractPage = page(() => import('../modules/sales/pages/ContractPage'));
const SalesSettingsPage = page(() => import('../modules/sales/pages/SalesSettingsPage'));
const ChangeApprovalsPage = page(() => import('../modules/sales/pages/ChangeApprovalsPage'));
const ReferralsPage = page(() => import('../modules/sales/pages/ReferralsPage'));
const PricesPage = page(() => import('../modules/sales/pages/PricesPage'));
const SalesReportsPage = page(() => import('../modules/sales/pages/SalesReportsPage'));
const BatchesPage = page(() => import('../modules/delivery/pages/BatchesPage'));
const BatchPage = page(() => import('../modules/delivery/pages/BatchPage'));
const OpenDaysPage = page(() => import('../modules/delivery/pages/OpenDaysPage'));
const HandoverDeskPage = page(() => import('../modules/delivery/pages/HandoverDeskPage'));
const HandoverPage = page(() => import('../modules/delivery/pages/HandoverPage'));
const JourneyTasksPage = page(() => import('../modules/delivery/pages/JourneyTasksPage'));
const JourneyScoresPage = page(() => import('../modules/delivery/pages/JourneyScoresPage'));
const PlaybookPage = page(() => import('../modules/delivery/pages/PlaybookPage'));
const DisclosuresPage = page(() => import('../modules/delivery/pages/DisclosuresPage'));
const AfterDeliveryPage = page(() => import('../modules/delivery/pages/AfterDeliveryPage'));
const JourneyFundPage = page(() => import('../modules/delivery/pages/JourneyFundPage'));
const FundStatementPage = page(() => import('../modules/delivery/pages/FundStatementPage'));
const FourYearPage = page(() => import('../modules/delivery/pages/FourYearPage'));
const CertificatesPage = page(() => import('../modules/delivery/pages/CertificatesPage'));
const ProjectReportPage = page(() => import('../modules/delivery/pages/ProjectReportPage'));
const DeliveryCalendarPage = page(() => import('../modules/delivery/pages/DeliveryCalendarPage'));

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
  { path: 'sales/leads', Page: LeadsPage },
  { path: 'sales/leads/:id', Page: LeadPage },
  { path: 'sales/register', Page: RegisterPage, roles: kSalesWriteRoles },
  { path: 'sales/deal', Page: DealPage, roles: kSalesWriteRoles },
  { path: 'sales/contracts', Page: ContractsPage },
  { path: 'sales/contracts/:id', Page: ContractPage },
  { path: 'sales/approvals', Page: ChangeApprovalsPage, roles: kAdminRoles },
  { path: 'sales/referrals', Page: ReferralsPage },
  { path: 'sales/prices', Page: PricesPage },
  { path: 'sales/reports', Page: SalesReportsPage },
  { path: 'sales/settings', Page: SalesSettingsPage },
  { path: 'delivery/batches', Page: BatchesPage },
  { path: 'delivery/batches/:id', Page: BatchPage },
  { path: 'delivery/open-days', Page: OpenDaysPage },
  { path: 'delivery/desk', Page: HandoverDeskPage },
  { path: 'delivery/certificates', Page: CertificatesPage },
  { path: 'delivery/report', Page: ProjectReportPage },
  { path: 'delivery/calendar', Page: DeliveryCalendarPage },
  { path: 'delivery/handovers/:id', Page: HandoverPage },
  { path: 'journey/tasks', Page: JourneyTasksPage },
  { path: 'journey/scores', Page: JourneyScoresPage },
  { path: 'journey/playbook', Page: PlaybookPage },
  { path: 'journey/disclosures', Page: DisclosuresPage },
  { path: 'journey/after-delivery', Page: AfterDeliveryPage },
  { path: 'journey/fund', Page: JourneyFundPage },
  { path: 'journey/fund/statement', Page: FundStatementPage },
  { path: 'journey/four-year', Page: FourYearPage },
  { path: 'surveys', Page: SurveysPage },
  { path: 'surveys/results', Page: SurveyResultsPage },
  { path: 'surveys/results/:id', Page: SurveyResultsPage },
  { path: 'surveys/waves/:id', Page: SurveyWavePage },
  { path: 'surveys/:id', Page: SurveyPage },
  { path: 'surveys/:id/results', Page: SurveyResultsRedirect },
  { path: 'segments', Page: SegmentModelsPage },
  { path: 'segments/new', Page: NewSegmentModelPage, roles: kSegmentWriteRoles },
  { path: 'segments/:id', Page: SegmentModelPage },
  { path: 'segments/:id/edit', Page: EditSegmentModelPage, roles: kSegmentWriteRoles },
  { path: 'segments/value-assumptions', Page: ValueAssumptionsPage },
  { path: 'club/members', Page: ClubMembersPage },
  { path: 'club/members/:id', Page: ClubMemberPage },
  { path: 'club/settings', Page: ClubSettingsPage },
  { path: 'club/events', Page: ClubEventsPage },
  { path: 'club/events/:id', Page: ClubEventPage },
  { path: 'club/offers', Page: ClubOffersPage },
  { path: 'campaigns', Page: CampaignsPage },
  { path: 'campaigns/new', Page: NewCampaignPage, roles: kAdminRoles },
  { path: 'campaigns/:id', Page: CampaignPage },
  { path: 'campaigns/:id/edit', Page: EditCampaignPage, roles: kAdminRoles },
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

/** Every path but /login and /t/… and /consent/…, for a signed-in user (AppRoutes puts RequireAuth around it). */
export function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
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
        <Route path="sales" element={<Navigate to="/sales/leads" replace />} />
        <Route path="delivery" element={<Navigate to="/delivery/batches" replace />} />
        <Route path="journey" element={<Navigate to="/journey/tasks" replace />} />
        <Route path="club" element={<Navigate to="/club/members" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
