#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace hearth::service {

/// A date in China as days since 1970-01-01 (China has one time zone, UTC+8, and no summer time).
using ChinaDay = std::int64_t;

/// "2026-02-15" → its ChinaDay; nullopt when not a real date.
inline std::optional<ChinaDay> ParseChinaDay(std::string_view date) { return ParseIsoDate(date); }
inline std::string FormatChinaDay(ChinaDay day) { return FormatIsoDate(day); }

/// An exception to the weekly rhythm: a public holiday on a weekday (放假), or a weekend day
/// that is worked (调休上班).
struct CalendarDay {
  ChinaDay day = 0;
  bool working = false;
  std::string name;  ///< "春节", "国庆节调休上班"…
};

/// Working time of one region: Monday to Friday from `day_start_min` to `day_end_min` (minutes
/// after midnight, China time), except public holidays, plus make-up working days. SLA clocks
/// run only inside it (Vanke: a reply within 24 hours of working time).
class BusinessCalendar {
 public:
  BusinessCalendar(int day_start_min = 9 * 60, int day_end_min = 18 * 60);

  void Set(const CalendarDay& day) { exceptions_[day.day] = day.working; }
  bool IsWorkingDay(ChinaDay day) const;
  int day_start_min() const { return start_min_; }
  int day_end_min() const { return end_min_; }

  /// The instant `minutes` of working time after `from` (from itself when it is 0). From
  /// outside working hours the clock starts at the next opening.
  Timestamp Add(Timestamp from, std::int64_t minutes) const { return AddMs(from, minutes * 60'000); }
  Timestamp AddMs(Timestamp from, std::int64_t ms) const;
  /// Working time between two instants, in milliseconds (0 when `to` is not after `from`).
  std::int64_t WorkingMsBetween(Timestamp from, Timestamp to) const;

 private:
  int start_min_;
  int end_min_;
  std::map<ChinaDay, bool> exceptions_;
};

/// The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) for 2025 and
/// 2026: every holiday and every make-up working day.
const std::vector<CalendarDay>& OfficialChinaCalendar2025And2026();

}  // namespace hearth::service
