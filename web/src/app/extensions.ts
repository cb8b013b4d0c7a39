// The composition root of the modules' extensions (shared/registry.ts): each module's additions to
// another module's pages are put in place here, once, before the first render. A module that adds
// to another imports only that module's extension points; the extended module imports neither.
import { customerSections, customerTabs, timelineRefLinks } from '../modules/customers/extensionPoints';
import { auditEntityLinks, homeFigures, homeSections, notificationLinks } from '../modules/platform/extensionPoints';
import { customerAuditLink } from '../modules/customers/extensions';
import { projectLinks, unitSections } from '../modules/inventory/extensionPoints';
import { customerUnitsTab, projectAuditLink, unitAuditLink, unitTimelineLink } from '../modules/inventory/extensions';
import {
  customerTicketsTab,
  customerWorkOrdersTab,
  openMassAlertsFigure,
  supervisorSection,
  ticketAuditLink,
  ticketNotificationLink,
  ticketTimelineLink,
  workListSection,
} from '../modules/service/extensions';
import {
  contractAuditLink,
  contractTimelineLink,
  customerSalesTab,
  dunningNotificationLink,
  leadAuditLink,
  leadNotificationLink,
  leadTimelineLink,
  referralNotificationLink,
  unitPriceHistorySection,
} from '../modules/sales/extensions';
import {
  customerJourneyTab,
  deliveryBatchAuditLink,
  journeyAuditLink,
  journeyFundAuditLink,
  openDayNotificationLink,
  projectCalendarLink,
  projectCertificatesLink,
  projectReportLink,
  projectTimelineLink,
} from '../modules/delivery/extensions';
import { surveyAuditLink, surveyTimelineLink } from '../modules/surveys/extensions';
import { customerSegmentsSection, customerValueSection, segmentModelAuditLink } from '../modules/segments/extensions';
import { clubEventAuditLink, clubMemberAuditLink, clubMemberTimelineLink, clubOfferAuditLink, clubSettingsAuditLink, customerClubSection } from '../modules/club/extensions';
import { campaignAuditLink, campaignTimelineLink, customerMarketingSection } from '../modules/campaigns/extensions';

export function registerExtensions(): void {
  customerTabs.add(customerUnitsTab);
  customerTabs.add(customerSalesTab);
  customerTabs.add(customerTicketsTab);
  customerTabs.add(customerWorkOrdersTab);
  customerTabs.add(customerJourneyTab);
  customerSections.add(customerValueSection);
  customerSections.add(customerSegmentsSection);
  customerSections.add(customerClubSection);
  customerSections.add(customerMarketingSection);
  timelineRefLinks.add(unitTimelineLink);
  timelineRefLinks.add(ticketTimelineLink);
  timelineRefLinks.add(leadTimelineLink);
  timelineRefLinks.add(surveyTimelineLink);
  timelineRefLinks.add(contractTimelineLink);
  timelineRefLinks.add(projectTimelineLink);
  timelineRefLinks.add(clubMemberTimelineLink);
  timelineRefLinks.add(campaignTimelineLink);
  homeFigures.add(openMassAlertsFigure);
  homeSections.add(workListSection);
  homeSections.add(supervisorSection);
  notificationLinks.add(ticketNotificationLink);
  notificationLinks.add(leadNotificationLink);
  notificationLinks.add(referralNotificationLink);
  notificationLinks.add(dunningNotificationLink);
  notificationLinks.add(openDayNotificationLink);
  auditEntityLinks.add(customerAuditLink);
  auditEntityLinks.add(unitAuditLink);
  auditEntityLinks.add(projectAuditLink);
  auditEntityLinks.add(ticketAuditLink);
  auditEntityLinks.add(leadAuditLink);
  auditEntityLinks.add(contractAuditLink);
  auditEntityLinks.add(deliveryBatchAuditLink);
  auditEntityLinks.add(journeyAuditLink);
  auditEntityLinks.add(journeyFundAuditLink);
  auditEntityLinks.add(surveyAuditLink);
  auditEntityLinks.add(segmentModelAuditLink);
  auditEntityLinks.add(clubMemberAuditLink);
  auditEntityLinks.add(clubSettingsAuditLink);
  auditEntityLinks.add(clubEventAuditLink);
  auditEntityLinks.add(clubOfferAuditLink);
  auditEntityLinks.add(campaignAuditLink);
  unitSections.add(unitPriceHistorySection);
  projectLinks.add(projectReportLink);
  projectLinks.add(projectCalendarLink);
  projectLinks.add(projectCertificatesLink);
}
