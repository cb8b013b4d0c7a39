#include "modules/service/config/business_calendar.hpp"

#include <algorithm>

namespace hearth::service {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kChinaOffsetMs = 8 * 3'600'000;
constexpr int kMaxDays = 3660;  // ten years: no SLA runs longer

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

BusinessCalendar::BusinessCalendar(int day_start_min, int day_end_min)
    : start_min_(std::clamp(day_start_min, 0, 24 * 60)), end_min_(std::clamp(day_end_min, start_min_, 24 * 60)) {}

bool BusinessCalendar::IsWorkingDay(ChinaDay day) const {
  if (auto it = exceptions_.find(day); it != exceptions_.end()) return it->second;
  const std::int64_t weekday = ((day % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
  return weekday < 5;
}

Timestamp BusinessCalendar::AddMs(Timestamp from, std::int64_t ms) const {
  if (ms <= 0) return from;
  std::int64_t remaining = ms;
  const std::int64_t local = from.ms + kChinaOffsetMs;
  ChinaDay day = FloorDiv(local, kDayMs);
  std::int64_t t = local - day * kDayMs;
  const std::int64_t open = start_min_ * std::int64_t{60'000}, close = end_min_ * std::int64_t{60'000};
  for (int guard = 0; guard < kMaxDays && close > open; ++guard, ++day, t = 0) {
    if (!IsWorkingDay(day)) continue;
    t = std::max(t, open);
    if (t >= close) continue;
    if (remaining <= close - t) return Timestamp{day * kDayMs + t + remaining - kChinaOffsetMs};
    remaining -= close - t;
  }
  return Timestamp{from.ms + static_cast<std::int64_t>(kMaxDays) * kDayMs};  // a calendar with no working time
}

std::int64_t BusinessCalendar::WorkingMsBetween(Timestamp from, Timestamp to) const {
  if (to.ms <= from.ms) return 0;
  const std::int64_t a = from.ms + kChinaOffsetMs, b = to.ms + kChinaOffsetMs;
  const ChinaDay first = FloorDiv(a, kDayMs), last = std::min(FloorDiv(b, kDayMs), first + kMaxDays);
  std::int64_t total = 0;
  for (ChinaDay day = first; day <= last; ++day) {
    if (!IsWorkingDay(day)) continue;
    const std::int64_t lo = std::max(a, day * kDayMs + start_min_ * std::int64_t{60'000});
    const std::int64_t hi = std::min(b, day * kDayMs + end_min_ * std::int64_t{60'000});
    if (hi > lo) total += hi - lo;
  }
  return total;
}

const std::vector<CalendarDay>& OfficialChinaCalendar2025And2026() {
  static const std::vector<CalendarDay> kDays = [] {
    std::vector<CalendarDay> days;
    auto holidays = [&](const char* from, const char* to, const char* name) {
      for (ChinaDay d = *ParseChinaDay(from); d <= *ParseChinaDay(to); ++d) days.push_back({d, false, name});
    };
    auto workday = [&](const char* date, const char* name) { days.push_back({*ParseChinaDay(date), true, name}); };
    // 国办发明电〔2024〕12号: 2025.
    holidays("2025-01-01", "2025-01-01", "元旦");
    holidays("2025-01-28", "2025-02-04", "春节");
    workday("2025-01-26", "春节调休上班");
    workday("2025-02-08", "春节调休上班");
    holidays("2025-04-04", "2025-04-06", "清明节");
    holidays("2025-05-01", "2025-05-05", "劳动节");
    workday("2025-04-27", "劳动节调休上班");
    holidays("2025-05-31", "2025-06-02", "端午节");
    holidays("2025-10-01", "2025-10-08", "国庆节、中秋节");
    workday("2025-09-28", "国庆节调休上班");
    workday("2025-10-11", "国庆节调休上班");
    // 国办发明电〔2025〕7号: 2026.
    holidays("2026-01-01", "2026-01-03", "元旦");
    workday("2026-01-04", "元旦调休上班");
    holidays("2026-02-15", "2026-02-23", "春节");
    workday("2026-02-14", "春节调休上班");
    workday("2026-02-28", "春节调休上班");
    holidays("2026-04-04", "2026-04-06", "清明节");
    holidays("2026-05-01", "2026-05-05", "劳动节");
    workday("2026-05-09", "劳动节调休上班");
    holidays("2026-06-19", "2026-06-21", "端午节");
    holidays("2026-09-25", "2026-09-27", "中秋节");
    holidays("2026-10-01", "2026-10-07", "国庆节");
    workday("2026-09-20", "国庆节调休上班");
    workday("2026-10-10", "国庆节调休上班");
    return days;
  }();
  return kDays;
}

}  // namespace hearth::service
