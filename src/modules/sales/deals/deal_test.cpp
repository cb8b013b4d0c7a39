// The deal chain's rules as tables: buyers' shares, payment plans, overdue sums, payments
// settling the earliest instalment first.
#include <gtest/gtest.h>

#include "modules/sales/deals/deal.hpp"

namespace hearth::sales {
namespace {

std::string Reason(const Result<void>& r, const std::string& field) {
  if (r) return "ok";
  for (const auto& f : r.error().fields) {
    if (f.field == field) return f.reason;
  }
  return "other:" + (r.error().fields.empty() ? std::string() : r.error().fields[0].field);
}

TEST(DealRules, BuyersSharesSumToOne) {
  struct Case {
    std::vector<Buyer> buyers;
    std::string field, reason;
  } cases[] = {
      {{{1, 1.0, ""}}, "buyers", "ok"},
      {{{1, 0.5, ""}, {2, 0.5, ""}}, "buyers", "ok"},
      {{{1, 1.0 / 3, ""}, {2, 1.0 / 3, ""}, {3, 1.0 / 3, ""}}, "buyers", "ok"},
      {{}, "buyers", "required"},
      {{{1, 0.5, ""}, {2, 0.4, ""}}, "buyers", "shares_not_one"},
      {{{1, 0.7, ""}, {2, 0.7, ""}}, "buyers", "shares_not_one"},
      {{{1, 0.5, ""}, {1, 0.5, ""}}, "buyers[1].customer_id", "duplicate"},
      {{{1, 0, ""}, {2, 1, ""}}, "buyers[0].share", "invalid_value"},
      {{{1, 1.5, ""}}, "buyers[0].share", "invalid_value"},
  };
  for (const auto& c : cases) EXPECT_EQ(Reason(CheckBuyers(c.buyers), c.field), c.reason) << c.buyers.size();
}

TEST(DealRules, PaymentPlanSumsToTheTotalInDateOrder) {
  using enum InstalmentKind;
  struct Case {
    std::vector<Instalment> plan;
    std::int64_t total;
    std::string field, reason;
  } cases[] = {
      {{{0, "2026-12-01", kDownPayment, 300, 0}, {0, "2027-01-15", kMortgage, 700, 0}}, 1000, "payment_plan", "ok"},
      {{{0, "2026-12-01", kDownPayment, 1000, 0}}, 1000, "payment_plan", "ok"},
      {{{0, "2026-12-01", kDownPayment, 300, 0}, {0, "2027-01-15", kMortgage, 600, 0}}, 1000, "payment_plan", "does_not_sum"},
      {{{0, "2026-12-01", kDownPayment, 300, 0}, {0, "2027-01-15", kMortgage, 800, 0}}, 1000, "payment_plan", "does_not_sum"},
      {{}, 1000, "payment_plan", "required"},
      {{{0, "2027-01-15", kDownPayment, 300, 0}, {0, "2026-12-01", kMortgage, 700, 0}}, 1000, "payment_plan[1].due_on", "out_of_order"},
      {{{0, "2026-13-01", kDownPayment, 1000, 0}}, 1000, "payment_plan[0].due_on", "invalid_format"},
      {{{0, "2026-12-01", kDownPayment, 1100, 0}, {0, "2026-12-02", kMortgage, -100, 0}}, 1000, "payment_plan", "does_not_sum"},
      {{{0, "2026-12-01", kDownPayment, 0, 0}, {0, "2026-12-02", kMortgage, 1000, 0}}, 1000, "payment_plan[0].amount_cents", "invalid_value"},
  };
  for (const auto& c : cases) EXPECT_EQ(Reason(CheckPlan(c.plan, c.total), c.field), c.reason) << c.plan.size();
}

TEST(DealRules, PaymentsSettleTheEarliestInstalmentFirstAndOverdueCountsWhatIsLate) {
  using enum InstalmentKind;
  std::vector<Instalment> plan{{1, "2026-11-01", kDownPayment, 300, 0}, {2, "2026-12-01", kInstallment, 200, 0},
                               {3, "2027-03-01", kMortgage, 500, 0}};
  EXPECT_EQ(OverdueCents(plan, "2026-10-31"), 0);
  EXPECT_EQ(OverdueCents(plan, "2026-11-02"), 300);
  EXPECT_EQ(OverdueCents(plan, "2026-12-02"), 500);
  EXPECT_TRUE(ApplyPayment(plan, 350));
  EXPECT_EQ(plan[0].paid_cents, 300);
  EXPECT_EQ(plan[1].paid_cents, 50);
  EXPECT_EQ(OverdueCents(plan, "2026-12-02"), 150);
  EXPECT_FALSE(ApplyPayment(plan, 651)) << "more than is left";
  EXPECT_EQ(plan[2].paid_cents, 0) << "a refused payment changes nothing";
  EXPECT_FALSE(ApplyPayment(plan, 0));
  EXPECT_TRUE(ApplyPayment(plan, 650));
  EXPECT_EQ(OverdueCents(plan, "2028-01-01"), 0);
}

TEST(DealRules, ADiscountComesOffWhatIsLeftToPayTheLastInstalmentFirst) {
  using enum InstalmentKind;
  std::vector<Instalment> plan{{1, "2026-11-01", kDownPayment, 300, 300}, {2, "2026-12-01", kInstallment, 200, 50},
                               {3, "2027-03-01", kMortgage, 500, 0}};
  EXPECT_FALSE(ApplyDiscount(plan, 651)) << "more than the 650 left";
  EXPECT_EQ(plan[2].amount_cents, 500);
  EXPECT_TRUE(ApplyDiscount(plan, 600));
  EXPECT_EQ(plan[2].amount_cents, 0);
  EXPECT_EQ(plan[1].amount_cents, 100) << "150 unpaid, 100 taken";
  EXPECT_EQ(plan[0].amount_cents, 300) << "paid lines keep their amount";
  EXPECT_FALSE(ApplyDiscount(plan, 0));
}

TEST(DealRules, TodayIsChinaTime) {
  EXPECT_EQ(ChinaToday(Timestamp{1764950400000 - 1}), "2025-12-05") << "2025-12-05T15:59:59.999Z is 23:59 in China";
  EXPECT_EQ(ChinaToday(Timestamp{1764950400000}), "2025-12-06") << "16:00 UTC is midnight in China";
}

}  // namespace
}  // namespace hearth::sales
