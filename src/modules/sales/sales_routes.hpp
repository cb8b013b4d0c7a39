#pragma once
// The routes of the sales module's parts, each defined in its folder's *_routes.cpp and mounted
// by BuildManifest (sales_routes.cpp). Private to the module.
#include "modules/sales/sales_module.hpp"

namespace hearth::sales {

/// A report as JSON, or with ?format=csv|xlsx as a file named `name`.csv|xlsx (400 for another
/// format).
Result<http::Response> ReportAnswer(const http::Request& req, boost::json::object json, const std::function<Table()>& table,
                                    const std::string& name);

void AddLeadRoutes(platform::Manifest& m, LeadService& leads);
void AddDealRoutes(platform::Manifest& m, DealService& deals);
void AddReferralRoutes(platform::Manifest& m, ReferralService& referrals);
void AddPriceRoutes(platform::Manifest& m, PriceService& prices);
void AddConsentRoutes(platform::Manifest& m, ConsentService& consents);
void AddCollectionRoutes(platform::Manifest& m, CollectionService& collections);
void AddDisputeRoutes(platform::Manifest& m, DisputeService& disputes);

}  // namespace hearth::sales
