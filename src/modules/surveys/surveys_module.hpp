#pragma once
#include "db/database.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/delivery/delivery_module.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/sales/sales_module.hpp"
#include "modules/service/service_module.hpp"
#include "modules/surveys/builder/survey_service.hpp"
#include "modules/surveys/results/results_service.hpp"
#include "modules/surveys/waves/wave_service.hpp"
#include "platform/auth_service.hpp"
#include "platform/manifest.hpp"
#include "platform/platform_module.hpp"

namespace hearth::surveys {

/// Surveys (满意度调查): the questionnaire builder and its versions, waves sampled from the owners'
/// tenure cohorts with their invitations and the owners' answer page, and the results (indices per
/// respondent, score card, drivers, stated intent against recorded behaviour). It stands after
/// delivery: its answers are the 6+2 audit's customer evaluation (JourneyService::AddEvaluationSource).
struct SurveysModule {
  SurveysModule(db::Database& db, const Clock& clock, platform::Platform& platform, customers::CustomersModule& customers,
                inventory::InventoryModule& inventory, service::ServiceModule& service, sales::SalesModule& sales,
                delivery::DeliveryModule& delivery)
      : db(db),
        clock(clock),
        customers(customers.service),
        inventory(inventory.service),
        tickets(service.tickets),
        referrals(sales.referrals),
        surveys(db, clock, platform.audit, platform.orgs),
        waves(db, clock, platform.audit, platform.jobs, platform.messages, customers.service, inventory.service, service.tickets, surveys),
        results(db, clock, customers.service, inventory.service, sales.deals, sales.referrals, surveys) {
    delivery.journey.AddEvaluationSource([this](db::Tx& tx, std::int64_t tenant_id, const std::string& path_like, Timestamp from, Timestamp to) {
      return results.Evaluations(tx, tenant_id, path_like, from, to);
    });
  }
  db::Database& db;
  const Clock& clock;
  customers::CustomerService& customers;  ///< the demo's owners
  inventory::InventoryService& inventory;  ///< the demo's projects
  service::TicketService& tickets;         ///< the demo's call-back tickets
  sales::ReferralService& referrals;       ///< the demo's referrers answer as promoters
  // The module's parts, each in its folder (builder/, waves/, results/), in the order they depend on each other.
  SurveyService surveys;
  WaveService waves;
  ResultsService results;
  /// Unknown survey links per address (the answer page is public).
  platform::LoginThrottle links{{.unknown_names_per_address = 30}};
};

/// `hearth demo`, the surveys part (surveys_demo.cpp): the standard owner survey published, and
/// two waves of it over every project's cohorts, answered as owners answer.
Result<void> AddDemoSurveys(SurveysModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables, the sending job); it must outlive the server.
platform::Manifest BuildManifest(SurveysModule& module);

}  // namespace hearth::surveys
