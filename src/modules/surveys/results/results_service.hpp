#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "core/table_file.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/delivery/journey/journey_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/deals/deal_service.hpp"
#include "modules/sales/referrals/referral_service.hpp"
#include "modules/surveys/builder/survey_service.hpp"

namespace hearth::surveys {

struct ResultsFilter {
  std::optional<std::int64_t> wave_id;
  std::optional<std::int64_t> project_id;
  std::optional<std::string> cohort;
  std::string by;  ///< "" | project | cohort | company | wave
};

/// What the answers say, over the responses of the caller's projects: the indices per respondent
/// (satisfaction, rebuy, recommend, NPS, loyalty = all three at once) with their counts and 95%
/// intervals, by project, cohort, company or wave (the trend); the score card per project × cohort
/// × experience item; which items move overall satisfaction most; and whether those who said they
/// would recommend or rebuy did so, as Hearth recorded it.
class ResultsService {
 public:
  ResultsService(db::Database& db, const Clock& clock, customers::CustomerService& customers, inventory::InventoryService& inventory,
                 sales::DealService& deals, sales::ReferralService& referrals, SurveyService& surveys);

  Result<boost::json::object> Results(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& filter);
  Result<boost::json::object> Scorecard(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& filter);
  Result<boost::json::object> Drivers(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& filter);
  /// Of the respondents who said they would recommend (rebuy), the share who referred someone
  /// (signed a contract) within `months` of answering, against those who said they would not.
  Result<boost::json::object> Intent(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& filter, int months);
  /// The responses, one row each with every question's answer (for CSV and XLSX), at most kMaxExportRows.
  Result<Table> Responses(const RequestContext& ctx, std::int64_t survey_id, const ResultsFilter& filter);

  /// The 6+2 audit's customer evaluation: each answer to a survey's satisfaction question made in
  /// [from, to) for the projects under `path_like` (no scope check; the journey's scores).
  std::vector<delivery::JourneyService::Evaluated> Evaluations(db::Tx& tx, std::int64_t tenant_id, const std::string& path_like,
                                                               Timestamp from, Timestamp to);

  /// The indices of the latest answer of each customer in [first, last] who answered a survey
  /// (the segments' satisfied, rebuy, recommend and NPS facts; no scope check).
  struct Opinion {
    std::optional<bool> satisfied, rebuy, recommend;
    std::optional<int> nps;
  };
  std::map<std::int64_t, Opinion> OpinionsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first, std::int64_t last);

  static constexpr std::int64_t kMaxExportRows = 100000;

 private:
  db::Database& db_;
  const Clock& clock_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  sales::DealService& deals_;
  sales::ReferralService& referrals_;
  SurveyService& surveys_;
};

}  // namespace hearth::surveys
