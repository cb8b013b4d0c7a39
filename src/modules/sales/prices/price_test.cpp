// Price lists as tables: adjustments (调价), discount schemes (折扣方案) and the floor (底价).
#include <gtest/gtest.h>

#include "modules/sales/prices/price.hpp"

namespace hearth::sales {
namespace {

TEST(Prices, AnAdjustmentRoundsEachUnitToWholeYuan) {
  using enum AdjustMethod;
  struct Case {
    std::int64_t before;
    double area;
    AdjustMethod method;
    std::int64_t value;
    std::optional<std::int64_t> after;
    const char* why;
  } cases[] = {
      {300000000, 89, kPercent, 300, 309000000, "+3%"},
      {300000000, 89, kPercent, -250, 292500000, "-2.5%"},
      {300012345, 89, kPercent, 100, 303012500, "rounded to the yuan"},
      {300000000, 89, kPerM2, 50000, 304450000, "+¥500/m² on 89 m²"},
      {300000000, 89, kPerM2, -50000, 295550000, "-¥500/m²"},
      {300000000, 89.5, kSetPerM2, 3500000, 313250000, "¥35,000/m² on 89.5 m²"},
      {0, 89, kSetPerM2, 3500000, 311500000, "an unpriced unit gets its first price"},
      {100000, 89, kPerM2, -10000, std::nullopt, "never zero or below"},
  };
  for (const auto& c : cases) EXPECT_EQ(Adjusted(c.before, c.area, c.method, c.value), c.after) << c.why;
  EXPECT_TRUE(CheckAdjustment(kPercent, 5000));
  EXPECT_FALSE(CheckAdjustment(kPercent, 5001));
  EXPECT_FALSE(CheckAdjustment(kPercent, 0));
  EXPECT_FALSE(CheckAdjustment(kSetPerM2, 0));
  EXPECT_EQ(CheckAdjustment(kPerM2, -10000001).error().fields.at(0).field, "value");
}

DiscountScheme Scheme(std::int64_t bp, std::int64_t amount, bool stackable = true) {
  DiscountScheme d;
  d.name = "x";
  d.percent_off_bp = bp;
  d.amount_off_cents = amount;
  d.stackable = stackable;
  return d;
}

TEST(Prices, SchemesTakePercentagesFirstThenAmounts) {
  auto p = PriceWithSchemes(300000000, {Scheme(0, 5000000), Scheme(200, 0), Scheme(100, 0)}, "2026-11-20");
  ASSERT_TRUE(p);
  // 3,000,000 × 0.98 = 2,940,000; × 0.99 = 2,910,600; − 50,000 = 2,860,600 (yuan).
  EXPECT_EQ(p->price_cents, 286060000);
  EXPECT_EQ(p->off_cents, (std::vector<std::int64_t>{5000000, 6000000, 2940000}));
  EXPECT_EQ(PriceWithSchemes(300000000, {}, "2026-11-20")->price_cents, 300000000);
  EXPECT_EQ(PriceWithSchemes(100, {Scheme(0, 5000000)}, "2026-11-20")->price_cents, 0) << "never below zero";
}

TEST(Prices, ASchemeOutsideItsLimitsNamesWhy) {
  auto reason = [](DiscountScheme d, std::vector<DiscountScheme> others = {}) {
    others.insert(others.begin(), d);
    auto p = PriceWithSchemes(300000000, others, "2026-11-20");
    return p ? std::string("ok") : p.error().fields.at(0).reason;
  };
  DiscountScheme d = Scheme(200, 0);
  EXPECT_EQ(reason(d), "ok");
  d.active = false;
  EXPECT_EQ(reason(d), "inactive");
  d = Scheme(200, 0);
  d.valid_from = "2026-11-21";
  EXPECT_EQ(reason(d), "not_yet_valid");
  d.valid_from = "2026-11-20";
  d.valid_to = "2026-11-20";
  EXPECT_EQ(reason(d), "ok") << "both days included";
  d.valid_to = "2026-11-19";
  d.valid_from.reset();
  EXPECT_EQ(reason(d), "expired");
  d = Scheme(200, 0);
  d.max_uses = 20;
  d.uses = 20;
  EXPECT_EQ(reason(d), "exhausted");
  EXPECT_EQ(reason(Scheme(200, 0, false), {Scheme(100, 0)}), "not_stackable");
  EXPECT_EQ(reason(Scheme(200, 0, false)), "ok") << "alone it is fine";
}

TEST(Prices, BelowTheFloorWaitsForAManager) {
  EXPECT_EQ(FloorOf(300000000, 95), 285000000);
  EXPECT_EQ(FloorOf(333, 95), 317) << "rounded up";
  using enum PriceApproval;
  EXPECT_EQ(ApprovalFor(300000000, 285000000, 285000000), kNone) << "at the floor";
  EXPECT_EQ(ApprovalFor(300000000, 285000000, 284999999), kPending);
  EXPECT_EQ(ApprovalFor(0, 0, 100), kNone) << "an unpriced unit has no floor";
  DiscountScheme d = Scheme(200, 100);
  EXPECT_EQ(CheckScheme(d).error().fields.at(0).reason, "one_of_percent_or_amount");
  d = Scheme(0, 0);
  EXPECT_EQ(CheckScheme(d).error().fields.at(0).field, "percent_off_bp");
  d = Scheme(6000, 0);
  EXPECT_EQ(CheckScheme(d).error().fields.at(0).reason, "out_of_range");
  d = Scheme(200, 0);
  d.valid_from = "2026-12-01";
  d.valid_to = "2026-11-01";
  EXPECT_EQ(CheckScheme(d).error().fields.at(0).reason, "before_valid_from");
  EXPECT_TRUE(CheckScheme(Scheme(200, 0)));
}

}  // namespace
}  // namespace hearth::sales
