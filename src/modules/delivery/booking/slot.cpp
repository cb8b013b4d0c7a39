#include "modules/delivery/booking/slot.hpp"

#include <algorithm>
#include <set>

#include "core/json.hpp"

namespace hearth::delivery {

namespace {

constexpr std::int64_t kHourMs = 3600LL * 1000, kDayMs = 24 * kHourMs, kChinaOffsetMs = 8 * kHourMs;

}  // namespace

std::string ChinaDayOf(Timestamp t) { return FormatIsoDate((t.ms + kChinaOffsetMs) / kDayMs); }

int ChinaHourOf(Timestamp t) { return static_cast<int>(((t.ms + kChinaOffsetMs) % kDayMs) / kHourMs); }

boost::json::object ToJson(const Slot& s) {
  return {{"id", s.id},
          {"batch_id", s.batch_id},
          {"starts_at", FormatRfc3339(s.starts_at)},
          {"day", ChinaDayOf(s.starts_at)},
          {"hour", ChinaHourOf(s.starts_at)},
          {"capacity", s.capacity},
          {"booked", s.booked},
          {"left", std::max(0, s.capacity - s.booked)},
          {"version", s.version}};
}

Result<std::vector<Timestamp>> SlotStarts(const SlotPlan& plan) {
  const auto from = ParseIsoDate(plan.from_on);
  if (!from) return FailField("from_on", "invalid_format");
  const auto to = ParseIsoDate(plan.to_on);
  if (!to) return FailField("to_on", "invalid_format");
  if (*to < *from) return FailField("to_on", "before_from_on");
  if (*to - *from + 1 > kMaxPlanDays) return FailField("to_on", "too_long");
  if (plan.hours.empty()) return FailField("hours", "required");
  const std::set<int> hours(plan.hours.begin(), plan.hours.end());
  if (hours.size() != plan.hours.size()) return FailField("hours", "duplicate");
  if (*hours.begin() < 7 || *hours.rbegin() > 21) return FailField("hours", "out_of_range");
  const std::set<int> weekdays(plan.weekdays.begin(), plan.weekdays.end());
  if (!weekdays.empty() && (*weekdays.begin() < 1 || *weekdays.rbegin() > 7)) return FailField("weekdays", "out_of_range");
  if (plan.per_hour < 1 || plan.per_hour > kMaxPerHour) return FailField("per_hour", "out_of_range");
  std::vector<Timestamp> out;
  for (std::int64_t day = *from; day <= *to; ++day) {
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const int weekday = static_cast<int>(((day % 7) + 7 + 3) % 7) + 1;
    if (!weekdays.empty() && !weekdays.contains(weekday)) continue;
    for (int hour : hours) out.push_back(Timestamp{day * kDayMs + hour * kHourMs - kChinaOffsetMs});
  }
  if (out.empty()) return FailField("weekdays", "no_day");
  return out;
}

std::string InitialOnly(const std::string& name) {
  if (name.empty()) return "";
  // The first UTF-8 character: its lead byte and the continuation bytes (10xxxxxx) after it.
  std::size_t n = 1;
  while (n < name.size() && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) ++n;
  return name.substr(0, n) + "**";
}

}  // namespace hearth::delivery
