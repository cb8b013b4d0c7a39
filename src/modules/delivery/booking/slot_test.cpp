#include "modules/delivery/booking/slot.hpp"

#include <gtest/gtest.h>

namespace hearth::delivery {
namespace {

TEST(HandoverSlots, PlansAreCheckedFieldByField) {
  struct Case {
    SlotPlan plan;
    std::string field;  // empty: accepted
    std::string reason;
  };
  const Case cases[] = {
      {{"2026-12-19", "2026-12-20", {}, {9, 10}, 6}, "", ""},
      {{"2026-12-1", "2026-12-20", {}, {9}, 6}, "from_on", "invalid_format"},
      {{"2026-12-19", "2026-02-30", {}, {9}, 6}, "to_on", "invalid_format"},
      {{"2026-12-19", "2026-12-18", {}, {9}, 6}, "to_on", "before_from_on"},
      {{"2026-12-01", "2027-01-31", {}, {9}, 6}, "", ""},  // 62 days
      {{"2026-12-01", "2027-02-01", {}, {9}, 6}, "to_on", "too_long"},
      {{"2026-12-19", "2026-12-20", {}, {}, 6}, "hours", "required"},
      {{"2026-12-19", "2026-12-20", {}, {9, 9}, 6}, "hours", "duplicate"},
      {{"2026-12-19", "2026-12-20", {}, {6, 9}, 6}, "hours", "out_of_range"},
      {{"2026-12-19", "2026-12-20", {}, {21, 22}, 6}, "hours", "out_of_range"},
      {{"2026-12-19", "2026-12-20", {0}, {9}, 6}, "weekdays", "out_of_range"},
      {{"2026-12-19", "2026-12-20", {1, 2}, {9}, 6}, "weekdays", "no_day"},  // a Saturday and a Sunday
      {{"2026-12-19", "2026-12-20", {}, {9}, 0}, "per_hour", "out_of_range"},
      {{"2026-12-19", "2026-12-20", {}, {9}, 201}, "per_hour", "out_of_range"},
  };
  for (const auto& c : cases) {
    const auto starts = SlotStarts(c.plan);
    SCOPED_TRACE(c.plan.from_on + " " + c.plan.to_on + " " + c.field);
    if (c.field.empty()) {
      EXPECT_TRUE(starts.has_value());
    } else {
      ASSERT_FALSE(starts.has_value());
      ASSERT_EQ(starts.error().fields.size(), 1u);
      EXPECT_EQ(starts.error().fields[0].field, c.field);
      EXPECT_EQ(starts.error().fields[0].reason, c.reason);
    }
  }
}

TEST(HandoverSlots, StartsAreChinaHoursOfTheChosenWeekdays) {
  // 2026-12-18 is a Friday: weekends only gives Saturday 19 and Sunday 20, 9:00 and 14:00 China time.
  const auto starts = SlotStarts({"2026-12-18", "2026-12-21", {6, 7}, {14, 9}, 8});
  ASSERT_TRUE(starts.has_value());
  ASSERT_EQ(starts->size(), 4u);
  EXPECT_EQ(FormatRfc3339((*starts)[0]), "2026-12-19T01:00:00Z");
  EXPECT_EQ(FormatRfc3339((*starts)[1]), "2026-12-19T06:00:00Z");
  EXPECT_EQ(FormatRfc3339((*starts)[3]), "2026-12-20T06:00:00Z");
  EXPECT_EQ(ChinaDayOf((*starts)[0]), "2026-12-19");
  EXPECT_EQ(ChinaHourOf((*starts)[1]), 14);
  // 23:30 UTC is the next morning in China.
  EXPECT_EQ(ChinaDayOf(*ParseRfc3339("2026-12-18T23:30:00Z")), "2026-12-19");
  EXPECT_EQ(ChinaHourOf(*ParseRfc3339("2026-12-18T23:30:00Z")), 7);
}

TEST(HandoverSlots, ALinkShowsTheOwnersInitialOnly) {
  EXPECT_EQ(InitialOnly("钱语桐"), "钱**");
  EXPECT_EQ(InitialOnly("Li Lei"), "L**");
  EXPECT_EQ(InitialOnly(""), "");
}

}  // namespace
}  // namespace hearth::delivery
