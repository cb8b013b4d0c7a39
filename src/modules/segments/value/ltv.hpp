#pragma once
// Customer lifetime value (客户终身价值): the seeds' customer cash-flow chart (Reichheld's
// loyalty effect) for one household, year by year from its first purchase — base profit, repeat
// purchases, referrals, service-cost savings and price premiums, discounted at a rate, less the
// cost of winning the household — with every assumption a company sets and every line explained.
// Pure: the service hands it a household's facts and homes (ltv_test.cpp).
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/segments/rules/facts.hpp"

namespace hearth::segments {

/// What a company assumes (value_assumptions; the group's defaults below). Rates are per year.
struct ValueAssumptions {
  double margin = 0.15;                  ///< 毛利率: the share of a home's price that is profit
  double discount_rate = 0.08;           ///< 折现率
  int horizon_years = 10;                ///< 测算年限: years counted after this year
  double repurchase_rate = 0.03;         ///< 再购买概率 when the household has not said
  double repurchase_rate_intent = 0.06;  ///< … when it said it would buy again
  double repurchase_rate_no = 0.01;      ///< … when it said it would not
  double referral_rate = 0.04;           ///< 推荐成交 per year (households) when it has not said
  double referral_rate_promoter = 0.10;  ///< … when it said it would recommend
  double referral_rate_detractor = 0.01; ///< … when it said it would not
  double referral_share = 0.5;           ///< the share of a referred sale's profit owed to the referrer
  std::int64_t referral_reward_cents = 500'000;     ///< 推荐奖励 paid per referred sale
  std::int64_t service_saving_cents = 80'000;       ///< 服务成本节约 per year for a satisfied owner
  double price_premium = 0.02;                      ///< 溢价: what a satisfied owner accepts over the list price
  std::int64_t acquisition_cost_cents = 3'000'000;  ///< 获客成本 of a household
  std::int64_t acquisition_cost_referred_cents = 1'000'000;  ///< … of one who came by referral
  std::string referred_channel = "老带新";          ///< the source channel that means "referred"

  boost::json::object ToJson() const;
  /// Reads what a client sends over `base` (keys not sent keep base's value); every fault named.
  static Result<ValueAssumptions> FromJson(const boost::json::object& o, const ValueAssumptions& base);
};

/// One year of a household's cash flow, in fen, before discounting.
struct ValueYear {
  int year = 0;          ///< calendar year
  int offset = 0;        ///< years since the first purchase (the discounting exponent)
  bool expected = false; ///< after this year: an expectation, not a record
  std::int64_t base = 0, repurchase = 0, referral = 0, saving = 0, premium = 0, acquisition = 0;
  std::int64_t discounted = 0;  ///< the year's sum discounted to the first purchase
};

/// The parts of a household's value, each discounted to the first purchase, in fen.
struct ValueParts {
  std::int64_t base = 0, repurchase = 0, referral = 0, saving = 0, premium = 0, acquisition = 0;
  std::int64_t Total() const { return base + repurchase + referral + saving + premium - acquisition; }
  ValueParts& operator+=(const ValueParts& o);
};

struct HouseholdValue {
  bool owner = false;        ///< false: no home bought yet (no value is computed)
  int first_year = 0;        ///< the calendar year of the first purchase
  std::int64_t average_price_cents = 0;
  double repurchase_rate = 0, referral_rate = 0;  ///< the rates this household's answers chose
  ValueParts parts;
  std::vector<ValueYear> years;
  std::vector<std::string> lines;  ///< the computation in words, one line per part
};

/// A household's value on `today` (YYYY-MM-DD) from its facts (FactsOf) and homes; `explain`:
/// with the lines in words (a segment's computation over a million households sums the parts only).
HouseholdValue ValueOf(const FactRow& facts, const std::vector<HomeRecord>& homes, const ValueAssumptions& a,
                       const std::string& today, bool explain = true);

}  // namespace hearth::segments
