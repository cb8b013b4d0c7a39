#pragma once
// The routes of the delivery module's parts, each defined in its folder's *_routes.cpp and mounted
// by BuildManifest (delivery_routes.cpp). Private to the module.
#include "http/router.hpp"
#include "modules/delivery/delivery_module.hpp"

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

/// Where owners open their links: the page's own origin when the browser names it (the staff app's
/// writes carry it, checked against the host), else this server's host.
std::string OriginOf(const http::Request& req);

/// An owner's page behind a link: the token is the credential, so guessing is slowed down per
/// address (30 unknown tokens in 15 minutes, then 429 until the window passes).
Result<http::Response> GuardLink(platform::LoginThrottle& links, Timestamp now, http::Request& req, const http::Handler& handle);

}  // namespace hearth::delivery
