// Collections as tables: dunning stages by days overdue, and what is owed by age.
#include <gtest/gtest.h>

#include "modules/sales/collections/collection.hpp"

namespace hearth::sales {
namespace {

TEST(Collections, TheStageRisesWithTheDaysOverdue) {
  struct Case {
    std::int64_t days;
    int stage;
  } cases[] = {{1, 1}, {7, 1}, {8, 2}, {30, 2}, {31, 3}, {400, 3}};
  for (const auto& c : cases) EXPECT_EQ(DunningStage(c.days), c.stage) << c.days << " days";
  EXPECT_EQ(NextStageDay(1), 8);
  EXPECT_EQ(NextStageDay(2), 31);
  EXPECT_EQ(NextStageDay(3), std::nullopt);
}

TEST(Collections, WhatIsOwedIsAgedFromEachInstalmentsDueDate) {
  const std::vector<Instalment> plan{
      {1, "2026-06-01", InstalmentKind::kDownPayment, 100, 100},  // paid
      {2, "2026-08-01", InstalmentKind::kInstallment, 200, 50},   // 111 days before 11-20: 150 left
      {3, "2026-09-15", InstalmentKind::kInstallment, 300, 0},    // 66 days
      {4, "2026-10-10", InstalmentKind::kInstallment, 400, 0},    // 41 days
      {5, "2026-11-19", InstalmentKind::kInstallment, 500, 0},    // 1 day
      {6, "2026-11-20", InstalmentKind::kMortgage, 600, 0},       // due today: not overdue
  };
  const Ageing a = AgeOf(plan, "2026-11-20");
  EXPECT_EQ(a.d90_plus, 150);
  EXPECT_EQ(a.d61_90, 300);
  EXPECT_EQ(a.d31_60, 400);
  EXPECT_EQ(a.d1_30, 500);
  EXPECT_EQ(a.not_due, 600);
  EXPECT_EQ(a.overdue(), 1350);
  EXPECT_EQ(a.overdue(), OverdueCents(plan, "2026-11-20")) << "the same overdue as the contract's";
  EXPECT_EQ(OldestOverdue(plan, "2026-11-20"), "2026-08-01");
  EXPECT_EQ(OldestOverdue(plan, "2026-06-01"), std::nullopt);
  EXPECT_EQ(DaysBetween("2026-08-01", "2026-11-20"), 111);
}

}  // namespace
}  // namespace hearth::sales
