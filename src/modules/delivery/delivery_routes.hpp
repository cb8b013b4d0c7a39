#pragma once
// The routes of the delivery module's parts, each defined in its folder's *_routes.cpp and mounted
// by BuildManifest (delivery_routes.cpp). Private to the module.
#include "http/router.hpp"
#include "modules/delivery/delivery_module.hpp"
#include "platform/public_links.hpp"

namespace hearth::delivery {

void AddDisclosureRoutes(platform::Manifest& m, DisclosureService& disclosures);
void AddBatchRoutes(platform::Manifest& m, BatchService& batches);
void AddSignupRoutes(platform::Manifest& m, SignupService& signups, platform::LoginThrottle& links);
void AddHandoverRoutes(platform::Manifest& m, HandoverService& handovers);
void AddBookingRoutes(platform::Manifest& m, BookingService& booking, platform::LoginThrottle& links);
void AddJourneyRoutes(platform::Manifest& m, JourneyService& journey);
void AddFundRoutes(platform::Manifest& m, FundService& fund);
void AddTitleRoutes(platform::Manifest& m, TitleService& titles);
void AddReportRoutes(platform::Manifest& m, ReportService& reports);

using platform::GuardLink;
using platform::OriginOf;

}  // namespace hearth::delivery
