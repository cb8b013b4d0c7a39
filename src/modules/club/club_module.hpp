#pragma once
#include "db/database.hpp"
#include "modules/club/events/event_service.hpp"
#include "modules/club/members/club_service.hpp"
#include "modules/club/rates/rates_service.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/sales/sales_module.hpp"
#include "modules/surveys/surveys_module.hpp"
#include "platform/manifest.hpp"
#include "platform/platform_module.hpp"

namespace hearth::club {

/// The owners' club (万客会): members, tiers, the points ledger. It stands after surveys: a member
/// earns points when a contract they sign is signed (DealService::AddContractHook), when someone
/// they referred signs (ReferralService::AddEarnedHook) and when they answer a survey
/// (WaveService::AddAnswerHook); none of those modules knows it (docs/adr/0016-club.md).
struct ClubModule {
  ClubModule(db::Database& db, const Clock& clock, platform::Platform& platform, customers::CustomersModule& customers,
             inventory::InventoryModule& inventory, sales::SalesModule& sales, surveys::SurveysModule& surveys);
  db::Database& db;
  const Clock& clock;
  customers::CustomerService& customers;  ///< the demo's members
  sales::DealService& deals;              ///< the demo's purchases
  ClubService members;
  EventService events;
  RatesService rates;
};

/// `hearth demo`, the club part: owners enrolled, their purchases, referrals and answers earned,
/// some points redeemed.
Result<void> AddDemoClub(ClubModule& module, platform::Demo& demo);

/// The routes of the events and offers (events/event_routes.cpp).
void AddEventRoutes(platform::Manifest& m, EventService& s);

/// What the module adds to the server (routes, tables, the nightly job); it must outlive the server.
platform::Manifest BuildManifest(ClubModule& module);

}  // namespace hearth::club
