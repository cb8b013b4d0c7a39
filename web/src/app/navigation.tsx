import type { ReactNode } from 'react';
import { CrownOutlined, KeyOutlined, RiseOutlined, BranchesOutlined, BankOutlined, CustomerServiceOutlined, ContactsOutlined, HomeOutlined, NotificationOutlined, PieChartOutlined, SettingOutlined, SmileOutlined } from '@ant-design/icons';
import type { MessageKey } from './i18n/messages';
import type { Me, Permission } from '../modules/platform/types';
import { kAdminRoles, mayDo } from './auth/authContext';
import { kCustomerWriteRoles } from '../modules/customers/access';
import { kServiceWriteRoles } from '../modules/service/access';
import { kSalesWriteRoles } from '../modules/sales/access';

/**
 * The left menu. A leaf's key is its route path; a group's key is any unique name.
 * `roles`: shown only to users holding one of them; `permission`: only to users granted it (both
 * inherited by children).
 * Business modules (customers, property, tickets, …) add their entries between Home and
 * Administration as their pages land; there are no entries for pages that do not exist.
 * Icons mark the first level only (the groups and Home), as antd's admin layouts do: a leaf's
 * words say what it is, and the icons' drawings are a third of the frame's chunk.
 */
export interface NavEntry {
  key: string;
  label: MessageKey;
  icon?: ReactNode;
  roles?: readonly string[];
  permission?: Permission;
  children?: NavEntry[];
  /** Other path prefixes whose pages belong under this leaf (e.g. a unit's page under 楼盘). */
  also?: readonly string[];
}

export const kNavigation: NavEntry[] = [
  { key: '/', label: 'nav.home', icon: <HomeOutlined /> },
  {
    key: 'customers',
    label: 'nav.customers',
    icon: <ContactsOutlined />,
    children: [
      { key: '/customers', label: 'nav.customerProfiles' },
      { key: '/customers/import', label: 'nav.customerImport', roles: kCustomerWriteRoles },
    ],
  },
  {
    key: 'property',
    label: 'nav.property',
    icon: <BankOutlined />,
    children: [{ key: '/projects', label: 'nav.projects', also: ['/units'] }],
  },
  {
    key: 'sales',
    label: 'nav.sales',
    icon: <RiseOutlined />,
    children: [
      { key: '/sales/leads', label: 'nav.salesLeads', also: ['/sales/deal'] },
      { key: '/sales/register', label: 'nav.salesRegister', roles: kSalesWriteRoles },
      { key: '/sales/contracts', label: 'nav.salesContracts' },
      { key: '/sales/referrals', label: 'nav.salesReferrals' },
      { key: '/sales/prices', label: 'nav.salesPrices' },
      { key: '/sales/reports', label: 'nav.salesReports' },
      { key: '/sales/approvals', label: 'nav.salesApprovals', roles: kAdminRoles },
      { key: '/sales/settings', label: 'nav.salesSettings' },
    ],
  },
  {
    key: 'delivery',
    label: 'nav.delivery',
    icon: <KeyOutlined />,
    permission: 'delivery.work',
    children: [
      { key: '/delivery/batches', label: 'nav.deliveryBatches', also: ['/delivery/report'] },
      { key: '/delivery/open-days', label: 'nav.openDays' },
      { key: '/delivery/desk', label: 'nav.handoverDesk', also: ['/delivery/handovers'] },
      { key: '/delivery/calendar', label: 'nav.deliveryCalendar' },
      { key: '/delivery/certificates', label: 'nav.titleCertificates' },
    ],
  },
  {
    // The 6+2 journey: the task queue and the disclosures are everyone's who reads records (a
    // consultant completes the sales team's touches and records acknowledgements); the audit score,
    // the playbook, the after-delivery care and the 四年之约 plan are customer relations'; the 一路同行
    // fund is read by the staff of its company and its projects.
    key: 'journey',
    label: 'nav.journey',
    icon: <BranchesOutlined />,
    children: [
      { key: '/journey/tasks', label: 'nav.journeyTasks', permission: 'record.read' },
      { key: '/journey/scores', label: 'nav.journeyScores', permission: 'delivery.work' },
      { key: '/journey/playbook', label: 'nav.journeyPlaybook', permission: 'delivery.work' },
      { key: '/journey/disclosures', label: 'nav.disclosures', permission: 'record.read' },
      { key: '/journey/after-delivery', label: 'nav.afterDelivery', permission: 'delivery.work' },
      { key: '/journey/fund', label: 'nav.journeyFund', permission: 'record.read' },
      { key: '/journey/four-year', label: 'nav.fourYear', permission: 'delivery.work' },
    ],
  },
  {
    // 满意度调查: customer relations build the questionnaires and send the waves; whoever reads records
    // (sales, viewers) reads the results.
    key: 'surveys',
    label: 'nav.surveys',
    icon: <SmileOutlined />,
    permission: 'record.read',
    children: [
      { key: '/surveys', label: 'nav.surveyList' },
      { key: '/surveys/results', label: 'nav.surveyResults' },
    ],
  },
  {
    // 客户细分: managers define the models and compute them; whoever reads records reads the shares
    // (the customer page shows each customer's segment).
    key: 'segments',
    label: 'nav.segments',
    icon: <PieChartOutlined />,
    permission: 'record.read',
    children: [
      { key: '/segments', label: 'nav.segmentModels' },
      { key: '/segments/value-assumptions', label: 'nav.valueAssumptions' },
    ],
  },
  {
    // 万客会: whoever reads records sees the members and the rules; those who write records enrol
    // customers and move points (adjustments: managers), the group's managers set the rules. 活动:
    // those who write records hold them and sign members up; 合作商家优惠: managers keep them.
    key: 'club',
    label: 'nav.club',
    icon: <CrownOutlined />,
    permission: 'record.read',
    children: [
      { key: '/club/members', label: 'nav.clubMembers' },
      { key: '/club/events', label: 'nav.clubEvents' },
      { key: '/club/offers', label: 'nav.clubOffers' },
      { key: '/club/settings', label: 'nav.clubSettings' },
    ],
  },
  {
    // 营销活动: managers make and send the campaigns; whoever reads records sees them and their
    // results (the customer page's 营销偏好 card records opt-outs).
    key: '/campaigns',
    label: 'nav.campaigns',
    icon: <NotificationOutlined />,
    permission: 'record.read',
  },
  {
    key: 'service',
    label: 'nav.service',
    icon: <CustomerServiceOutlined />,
    children: [
      { key: '/tickets', label: 'nav.tickets' },
      { key: '/callbacks', label: 'nav.callbacks', roles: kServiceWriteRoles },
      { key: '/tickets/new', label: 'nav.incomingCall', roles: kServiceWriteRoles },
      { key: '/mass-alerts', label: 'nav.massAlerts' },
      { key: '/cases', label: 'nav.cases' },
      { key: '/reports/tickets', label: 'nav.ticketReport' },
    ],
  },
  {
    key: 'admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    roles: kAdminRoles,
    children: [
      { key: '/admin/org-units', label: 'nav.orgUnits' },
      { key: '/admin/users', label: 'nav.users' },
      { key: '/admin/audit', label: 'nav.audit' },
      { key: '/admin/ticket-categories', label: 'nav.ticketCategories' },
      { key: '/admin/routing-rules', label: 'nav.routingRules' },
      { key: '/admin/sla-policies', label: 'nav.slaPolicies' },
      { key: '/admin/standard-answers', label: 'nav.standardAnswers' },
      { key: '/admin/department-members', label: 'nav.departmentMembers' },
      { key: '/admin/calendar', label: 'nav.calendar' },
    ],
  },
];

/** The entries this user may see. */
export function visibleNavigation(entries: readonly NavEntry[], me: Pick<Me, 'roles' | 'permissions'> | null): NavEntry[] {
  const roles: readonly string[] = me?.roles ?? [];
  return entries
    .filter((entry) => !entry.roles || entry.roles.some((role) => roles.includes(role)))
    .filter((entry) => !entry.permission || (me !== null && mayDo(me, entry.permission)))
    .map((entry) => (entry.children ? { ...entry, children: visibleNavigation(entry.children, me) } : entry));
}

/** The chain of entries leading to the leaf that best matches `path` (menu selection, breadcrumb). */
export function navTrail(entries: readonly NavEntry[], path: string): NavEntry[] {
  let best: NavEntry[] = [];
  let bestLength = -1;
  const matches = (key: string) => key === path || (key !== '/' && path.startsWith(`${key}/`));
  const walk = (list: readonly NavEntry[], trail: NavEntry[]) => {
    for (const entry of list) {
      const next = [...trail, entry];
      if (entry.children) {
        walk(entry.children, next);
        continue;
      }
      const length = Math.max(...[entry.key, ...(entry.also ?? [])].map((key) => (matches(key) ? key.length : -1)));
      if (length > bestLength) {
        best = next;
        bestLength = length;
      }
    }
  };
  walk(entries, []);
  return best;
}
