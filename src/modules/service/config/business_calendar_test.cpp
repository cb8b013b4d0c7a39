#include "modules/service/config/business_calendar.hpp"

#include <gtest/gtest.h>

namespace hearth::service {
namespace {

/// "2026-11-20 17:00" China time.
Timestamp China(const std::string& local) { return *ParseRfc3339(local.substr(0, 10) + "T" + local.substr(11) + ":00+08:00"); }

BusinessCalendar Official() {
  BusinessCalendar calendar;  // 09:00–18:00
  for (const auto& day : OfficialChinaCalendar2025And2026()) calendar.Set(day);
  return calendar;
}

TEST(BusinessCalendar, CountsOnlyWorkingHoursAcrossAWeekend) {
  const auto calendar = Official();
  EXPECT_EQ(calendar.Add(China("2026-11-20 17:00"), 120), China("2026-11-23 10:00")) << "Friday evening to Monday";
  EXPECT_EQ(calendar.Add(China("2026-11-22 12:00"), 60), China("2026-11-23 10:00")) << "from a Sunday";
  EXPECT_EQ(calendar.Add(China("2026-11-23 07:30"), 30), China("2026-11-23 09:30")) << "before opening";
  EXPECT_EQ(calendar.Add(China("2026-11-23 09:00"), 24 * 60), China("2026-11-25 15:00"))
      << "Vanke's 24 working hours: 9 + 9 + 6";
  EXPECT_EQ(calendar.Add(China("2026-11-23 11:00"), 0), China("2026-11-23 11:00"));
  EXPECT_EQ(calendar.WorkingMsBetween(China("2026-11-20 17:00"), China("2026-11-23 10:00")), 2 * 3'600'000);
  EXPECT_EQ(calendar.WorkingMsBetween(China("2026-11-23 10:00"), China("2026-11-20 17:00")), 0);
}

TEST(BusinessCalendar, SkipsHolidaysAndWorksMakeUpDays) {
  const auto calendar = Official();
  // National Day 2026: 1–7 October off; Saturday 10 October is worked.
  EXPECT_EQ(calendar.Add(China("2026-09-30 17:00"), 120), China("2026-10-08 10:00"));
  EXPECT_EQ(calendar.Add(China("2026-10-09 17:00"), 120), China("2026-10-10 10:00"));
  // Spring Festival 2026: 15–23 February off, Saturdays 14 and 28 February worked.
  EXPECT_TRUE(calendar.IsWorkingDay(*ParseChinaDay("2026-02-14")));
  EXPECT_FALSE(calendar.IsWorkingDay(*ParseChinaDay("2026-02-16")));
  EXPECT_EQ(calendar.Add(China("2026-02-13 17:00"), 120), China("2026-02-14 10:00"));
  EXPECT_EQ(calendar.Add(China("2026-02-14 17:00"), 120), China("2026-02-24 10:00"));
  // 2025: New Year's Day on a Wednesday; Sunday 26 January worked before the Spring Festival.
  EXPECT_FALSE(calendar.IsWorkingDay(*ParseChinaDay("2025-01-01")));
  EXPECT_TRUE(calendar.IsWorkingDay(*ParseChinaDay("2025-01-26")));
  EXPECT_EQ(calendar.WorkingMsBetween(China("2026-09-30 17:00"), China("2026-10-08 10:00")), 2 * 3'600'000);
}

TEST(BusinessCalendar, DatesAndHours) {
  EXPECT_EQ(FormatChinaDay(*ParseChinaDay("2026-02-28")), "2026-02-28");
  EXPECT_FALSE(ParseChinaDay("2026-02-30"));
  EXPECT_FALSE(ParseChinaDay("2026-2-3"));
  BusinessCalendar short_days(8 * 60 + 30, 12 * 60);  // 08:30–12:00
  EXPECT_EQ(short_days.Add(China("2026-11-23 11:00"), 90), China("2026-11-24 09:00"));
  EXPECT_EQ(OfficialChinaCalendar2025And2026().size(), 33u + 39u);
}

}  // namespace
}  // namespace hearth::service
