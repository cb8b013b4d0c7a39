import type { ReactNode } from 'react';
import { AlertOutlined, KeyOutlined, FileTextOutlined, FormOutlined, ProfileOutlined, RiseOutlined, SafetyOutlined, BookOutlined, MessageOutlined, SnippetsOutlined, UsergroupAddOutlined, BarChartOutlined, ApartmentOutlined, BranchesOutlined, CalendarOutlined, FieldTimeOutlined, TagsOutlined, AuditOutlined, BankOutlined, CustomerServiceOutlined, PhoneOutlined, UnorderedListOutlined, CloudUploadOutlined, ContactsOutlined, HomeOutlined, IdcardOutlined, SettingOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
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
      { key: '/customers', label: 'nav.customerProfiles', icon: <IdcardOutlined /> },
      { key: '/customers/import', label: 'nav.customerImport', icon: <CloudUploadOutlined />, roles: kCustomerWriteRoles },
    ],
  },
  {
    key: 'property',
    label: 'nav.property',
    icon: <BankOutlined />,
    children: [{ key: '/projects', label: 'nav.projects', icon: <ShopOutlined />, also: ['/units'] }],
  },
  {
    key: 'sales',
    label: 'nav.sales',
    icon: <RiseOutlined />,
    children: [
      { key: '/sales/leads', label: 'nav.salesLeads', icon: <ProfileOutlined />, also: ['/sales/deal'] },
      { key: '/sales/register', label: 'nav.salesRegister', icon: <FormOutlined />, roles: kSalesWriteRoles },
      { key: '/sales/contracts', label: 'nav.salesContracts', icon: <FileTextOutlined /> },
      { key: '/sales/referrals', label: 'nav.salesReferrals', icon: <UsergroupAddOutlined /> },
      { key: '/sales/prices', label: 'nav.salesPrices', icon: <TagsOutlined /> },
      { key: '/sales/reports', label: 'nav.salesReports', icon: <BarChartOutlined /> },
      { key: '/sales/approvals', label: 'nav.salesApprovals', icon: <AuditOutlined />, roles: kAdminRoles },
      { key: '/sales/settings', label: 'nav.salesSettings', icon: <SafetyOutlined /> },
    ],
  },
  {
    key: 'delivery',
    label: 'nav.delivery',
    icon: <KeyOutlined />,
    permission: 'delivery.work',
    children: [
      { key: '/delivery/batches', label: 'nav.deliveryBatches', icon: <ProfileOutlined />, also: ['/delivery/report'] },
      { key: '/delivery/open-days', label: 'nav.openDays', icon: <CalendarOutlined /> },
      { key: '/delivery/desk', label: 'nav.handoverDesk', icon: <FieldTimeOutlined />, also: ['/delivery/handovers'] },
      { key: '/delivery/calendar', label: 'nav.deliveryCalendar', icon: <CalendarOutlined /> },
      { key: '/delivery/certificates', label: 'nav.titleCertificates', icon: <FileTextOutlined /> },
    ],
  },
  {
    // The 6+2 journey: the task queue and the disclosures are everyone's who reads records (a
    // consultant completes the sales team's touches and records acknowledgements); the audit score,
    // the playbook, the after-delivery care and the 四年之约 plan are customer relations'; the 一路同行
    // fund is read by the staff of its company and its projects. Its icons are the menu's own already
    // (the first screen's weight, scripts/first-screen.mjs).
    key: 'journey',
    label: 'nav.journey',
    icon: <BranchesOutlined />,
    children: [
      { key: '/journey/tasks', label: 'nav.journeyTasks', icon: <UnorderedListOutlined />, permission: 'record.read' },
      { key: '/journey/scores', label: 'nav.journeyScores', icon: <BarChartOutlined />, permission: 'delivery.work' },
      { key: '/journey/playbook', label: 'nav.journeyPlaybook', icon: <BookOutlined />, permission: 'delivery.work' },
      { key: '/journey/disclosures', label: 'nav.disclosures', icon: <AlertOutlined />, permission: 'record.read' },
      { key: '/journey/after-delivery', label: 'nav.afterDelivery', icon: <PhoneOutlined />, permission: 'delivery.work' },
      { key: '/journey/fund', label: 'nav.journeyFund', icon: <BankOutlined />, permission: 'record.read' },
      { key: '/journey/four-year', label: 'nav.fourYear', icon: <CalendarOutlined />, permission: 'delivery.work' },
    ],
  },
  {
    key: 'service',
    label: 'nav.service',
    icon: <CustomerServiceOutlined />,
    children: [
      { key: '/tickets', label: 'nav.tickets', icon: <UnorderedListOutlined /> },
      { key: '/callbacks', label: 'nav.callbacks', icon: <MessageOutlined />, roles: kServiceWriteRoles },
      { key: '/tickets/new', label: 'nav.incomingCall', icon: <PhoneOutlined />, roles: kServiceWriteRoles },
      { key: '/mass-alerts', label: 'nav.massAlerts', icon: <AlertOutlined /> },
      { key: '/cases', label: 'nav.cases', icon: <BookOutlined /> },
      { key: '/reports/tickets', label: 'nav.ticketReport', icon: <BarChartOutlined /> },
    ],
  },
  {
    key: 'admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    roles: kAdminRoles,
    children: [
      { key: '/admin/org-units', label: 'nav.orgUnits', icon: <ApartmentOutlined /> },
      { key: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
      { key: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined /> },
      { key: '/admin/ticket-categories', label: 'nav.ticketCategories', icon: <TagsOutlined /> },
      { key: '/admin/routing-rules', label: 'nav.routingRules', icon: <BranchesOutlined /> },
      { key: '/admin/sla-policies', label: 'nav.slaPolicies', icon: <FieldTimeOutlined /> },
      { key: '/admin/standard-answers', label: 'nav.standardAnswers', icon: <SnippetsOutlined /> },
      { key: '/admin/department-members', label: 'nav.departmentMembers', icon: <UsergroupAddOutlined /> },
      { key: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
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
