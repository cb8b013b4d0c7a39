#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace hearth::delivery {

/// One hour of the handover day's calendar of a batch: how many households the desk receives
/// (`capacity`) and how many have booked (never more: seats are taken by a compare-and-set).
struct Slot {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t batch_id = 0;
  Timestamp starts_at;
  int capacity = 0;
  int booked = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};
/// With the slot's day and hour in China time and the seats `left`.
boost::json::object ToJson(const Slot& s);

/// What the centre opens for booking: the days from `from_on` to `to_on` (YYYY-MM-DD, China time)
/// that fall on one of `weekdays` (1 Monday … 7 Sunday; all when empty), each at `hours` (China
/// time, 7–21), `per_hour` households each.
struct SlotPlan {
  std::string from_on;
  std::string to_on;
  std::vector<int> weekdays;
  std::vector<int> hours;
  int per_hour = 0;
};

inline constexpr int kMaxPlanDays = 62;
inline constexpr int kMaxPerHour = 200;

/// The start (UTC) of every slot of the plan, in order, or the field that is wrong: from_on /
/// to_on invalid_format, to_on before_from_on or too_long (more than 62 days), hours required,
/// out_of_range or duplicate, weekdays out_of_range, per_hour out_of_range (1–200), and
/// weekdays no_day when no day of the range is one of them.
Result<std::vector<Timestamp>> SlotStarts(const SlotPlan& plan);

/// The day (YYYY-MM-DD) and hour of `t` in China time.
std::string ChinaDayOf(Timestamp t);
int ChinaHourOf(Timestamp t);

/// How a name shows on the owner's own page reached by a link that may be forwarded: its first
/// character and "**" ("钱语桐" → "钱**").
std::string InitialOnly(const std::string& name);

}  // namespace hearth::delivery
