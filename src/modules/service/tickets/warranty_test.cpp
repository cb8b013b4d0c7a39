#include "modules/service/tickets/warranty.hpp"

#include <gtest/gtest.h>

namespace hearth::service {
namespace {

Timestamp China(const std::string& date) { return *ParseRfc3339(date + "T10:00:00+08:00"); }

TEST(Warranty, StatutoryPeriodsFromCompletionAcceptance) {
  auto leak = FindWarranty("waterproofing", "2025-06-30", China("2030-06-30"));
  ASSERT_TRUE(leak);
  EXPECT_EQ(leak->until, "2030-06-30");
  EXPECT_TRUE(leak->in_warranty) << "the last day is covered";
  EXPECT_EQ(leak->responsible, "contractor");
  auto late = FindWarranty("waterproofing", "2025-06-30", China("2030-07-01"));
  EXPECT_FALSE(late->in_warranty);
  EXPECT_EQ(late->responsible, "customer");
  EXPECT_EQ(FindWarranty("fitout", "2024-02-29", China("2025-01-01"))->until, "2026-02-28");
  EXPECT_EQ(FindWarranty("electrical", "2025-06-30", China("2026-01-01"))->period, "2年");
  // Two heating seasons: the first is the one starting after completion.
  EXPECT_EQ(FindWarranty("heating_cooling", "2025-06-30", China("2026-01-01"))->until, "2027-03-15");
  EXPECT_EQ(FindWarranty("heating_cooling", "2025-12-01", China("2026-01-01"))->until, "2028-03-15");
  EXPECT_EQ(FindWarranty("structure", "2025-06-30", China("2070-01-01"))->until, "2075-06-30");
  EXPECT_FALSE(FindWarranty("paint", "2025-06-30", China("2026-01-01")));
  EXPECT_FALSE(FindWarranty("fitout", "2025-13-01", China("2026-01-01")));
}

}  // namespace
}  // namespace hearth::service
