#include "modules/segments/value/ltv.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace hearth::segments {
namespace {

constexpr const char* kToday = "2026-12-07";

/// A hand-made household: its homes (delivery date, price in yuan) and what it said.
struct Household {
  const char* who = "";
  std::vector<std::pair<std::optional<std::string>, std::int64_t>> homes = {};
  std::optional<bool> satisfied = {};
  std::optional<bool> rebuy = {};
  std::optional<bool> recommend = {};
  int referrals = 0;
  std::string channel = "来访";
};

HouseholdValue ValueOfHousehold(const Household& h, const ValueAssumptions& a = {}) {
  PersonRecord p;
  p.source_channel = h.channel;
  std::vector<HomeRecord> homes;
  for (const auto& [delivered, yuan] : h.homes) homes.push_back({1, 98.0, yuan * 100, delivered});
  Opinions o;
  o.satisfied = h.satisfied;
  o.would_rebuy = h.rebuy;
  o.would_recommend = h.recommend;
  o.referrals = h.referrals;
  return ValueOf(FactsOf(p, homes, o, kToday), homes, a, kToday);
}

/// The parts computed by hand (a spreadsheet of the same years at the default assumptions), in fen.
struct Worked {
  Household household;
  int first_year;
  std::int64_t base, repurchase, referral, saving, premium, acquisition, total;
};

TEST(LifetimeValue, HouseholdsAsWorkedByHand) {
  const Worked cases[] = {
      // ¥3,000,000 × 15% now; 10 years of 3% × ¥450,000 and 4% × (¥225,000 − ¥5,000), at 8%.
      {{"a first buyer who has said nothing", {{"2026-03-01", 3000000}}}, 2026, 45000000, 9058609, 5904871, 0, 0, 3000000, 56963480},
      // Two homes (2020 and 2024), satisfied, would rebuy (6%) and recommend; two referrals in six
      // years (1/3 a year beats the promoters' 10%); came by referral (¥10,000 to win).
      {{"a loyal owner who came by referral and refers",
        {{"2020-06-01", 3000000}, {"2024-05-01", 2000000}}, true, true, true, 2, "老带新"},
       2020, 45000000, 31564996, 48724500, 338279, 1268547, 1000000, 125896322},
      // Would neither rebuy (1%) nor recommend (1%); not satisfied: no saving, no premium.
      {{"an unhappy owner", {{"2023-09-01", 2500000}}, false, false, false}, 2023, 37500000, 1997506, 972118, 0, 0, 3000000, 37469624},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.household.who);
    const HouseholdValue v = ValueOfHousehold(c.household);
    ASSERT_TRUE(v.owner);
    EXPECT_EQ(v.first_year, c.first_year);
    // Each year is rounded to the fen before it is summed: a few fen either way.
    EXPECT_NEAR(v.parts.base, c.base, 10);
    EXPECT_NEAR(v.parts.repurchase, c.repurchase, 10);
    EXPECT_NEAR(v.parts.referral, c.referral, 10);
    EXPECT_NEAR(v.parts.saving, c.saving, 10);
    EXPECT_NEAR(v.parts.premium, c.premium, 10);
    EXPECT_EQ(v.parts.acquisition, c.acquisition);
    EXPECT_NEAR(v.parts.Total(), c.total, 60);
    EXPECT_EQ(v.lines.size(), 7u);
  }
}

TEST(LifetimeValue, YearsRecordedThenExpected) {
  const auto v = ValueOfHousehold({"owner since 2020", {{"2020-06-01", 3000000}, {"2024-05-01", 2000000}}});
  ASSERT_EQ(v.years.size(), 17u);  // 2020…2026 recorded, 2027…2036 expected
  EXPECT_EQ(v.years.front().year, 2020);
  EXPECT_FALSE(v.years[6].expected);
  EXPECT_TRUE(v.years[7].expected);
  EXPECT_EQ(v.years.back().year, 2036);
  EXPECT_EQ(v.years[4].repurchase, 30000000);  // the 2024 home: ¥2,000,000 × 15%
  EXPECT_EQ(v.years[0].acquisition, 3000000);
  EXPECT_EQ(v.average_price_cents, 250000000);
}

TEST(LifetimeValue, NotYetDeliveredCountsFromThisYearAndNoBuyerHasNoValue) {
  const auto bought = ValueOfHousehold({"signed, not handed over", {{std::nullopt, 2000000}}});
  EXPECT_TRUE(bought.owner);
  EXPECT_EQ(bought.first_year, 2026);
  const auto prospect = ValueOfHousehold({"a visitor"});
  EXPECT_FALSE(prospect.owner);
  EXPECT_EQ(prospect.parts.Total(), 0);
  EXPECT_TRUE(prospect.years.empty());
}

TEST(LifetimeValue, AssumptionsMoveTheValueTheWayTheySay) {
  const Household h{"a satisfied owner", {{"2022-06-01", 3000000}}, true, true, true};
  const auto at8 = ValueOfHousehold(h);
  ValueAssumptions dearer;
  dearer.discount_rate = 0.12;
  EXPECT_LT(ValueOfHousehold(h, dearer).parts.Total(), at8.parts.Total());
  ValueAssumptions longer;
  longer.horizon_years = 20;
  EXPECT_GT(ValueOfHousehold(h, longer).parts.Total(), at8.parts.Total());
  ValueAssumptions no_margin;
  no_margin.margin = 0;
  EXPECT_EQ(ValueOfHousehold(h, no_margin).parts.base, 0);
  const Household unsatisfied{"the same owner, not satisfied", {{"2022-06-01", 3000000}}, false, true, true};
  EXPECT_EQ(ValueOfHousehold(unsatisfied).parts.saving, 0);
  EXPECT_GT(at8.parts.saving, 0);
}

struct Refused {
  const char* json;
  const char* field;
  const char* reason;
};

TEST(LifetimeValue, AssumptionsAreCheckedByField) {
  const Refused cases[] = {
      {R"({"margin": 1.5})", "margin", "out_of_range"},
      {R"({"margin": "15%"})", "margin", "must_be_number"},
      {R"({"discount_rate": -0.1})", "discount_rate", "out_of_range"},
      {R"({"horizon_years": 0})", "horizon_years", "out_of_range"},
      {R"({"horizon_years": 2.5})", "horizon_years", "must_be_integer"},
      {R"({"acquisition_cost_cents": -1})", "acquisition_cost_cents", "out_of_range"},
      {R"({"service_saving_cents": 800.5})", "service_saving_cents", "must_be_integer"},
      {R"({"referred_channel": ""})", "referred_channel", "out_of_range"},
      {R"({"interest": 0.1})", "interest", "unknown_field"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    const auto r = ValueAssumptions::FromJson(boost::json::parse(c.json).as_object(), {});
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, c.field);
    EXPECT_EQ(r.error().fields[0].reason, c.reason);
  }
  const auto ok = ValueAssumptions::FromJson(boost::json::parse(R"({"margin": 0.2, "horizon_years": 15})").as_object(), {});
  ASSERT_TRUE(ok);
  EXPECT_DOUBLE_EQ(ok->margin, 0.2);
  EXPECT_EQ(ok->horizon_years, 15);
  EXPECT_DOUBLE_EQ(ok->discount_rate, 0.08);  // not sent: kept
  const auto round_trip = ValueAssumptions::FromJson(ok->ToJson(), {});
  ASSERT_TRUE(round_trip);
  EXPECT_EQ(boost::json::serialize(round_trip->ToJson()), boost::json::serialize(ok->ToJson()));
}

}  // namespace
}  // namespace hearth::segments
