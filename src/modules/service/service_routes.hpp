#pragma once
// The routes of the service module's parts, each defined in its folder's *_routes.cpp and mounted
// by BuildManifest (service_routes.cpp). Private to the module.
#include "modules/service/service_module.hpp"

namespace hearth::service {

void AddTicketRoutes(platform::Manifest& m, TicketService& s, TicketAttachments& files, platform::LoginThrottle& links);
void AddConfigRoutes(platform::Manifest& m, ConfigService& s);
void AddMassAlertRoutes(platform::Manifest& m, MassAlertService& alerts);
void AddReportRoutes(platform::Manifest& m, TicketReports& reports);
void AddKnowledgeRoutes(platform::Manifest& m, KnowledgeService& knowledge);
void AddWorkOrderRoutes(platform::Manifest& m, WorkOrderService& work_orders);
void AddTelephonyRoutes(platform::Manifest& m, Telephony& telephony);

}  // namespace hearth::service
