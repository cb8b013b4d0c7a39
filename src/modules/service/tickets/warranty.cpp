#include "modules/service/tickets/warranty.hpp"

#include <algorithm>
#include <chrono>

namespace hearth::service {

const std::vector<std::string> kWarrantyTypes{"waterproofing", "electrical", "plumbing", "equipment",
                                              "fitout",        "heating_cooling", "structure"};

namespace {

using namespace std::chrono;

std::int64_t DayOf(const year_month_day& d) { return sys_days(d).time_since_epoch().count(); }

/// The same day `n` years later (29 February → 28 February).
year_month_day YearsLater(const year_month_day& d, int n) {
  year_month_day later{d.year() + years(n), d.month(), d.day()};
  if (!later.ok()) later = year_month_day{later.year(), later.month(), day{28}};
  return later;
}

}  // namespace

std::optional<WarrantyFinding> FindWarranty(std::string_view type, std::string_view completion_date, Timestamp reported) {
  if (std::find(kWarrantyTypes.begin(), kWarrantyTypes.end(), type) == kWarrantyTypes.end()) return std::nullopt;
  const auto completed = ParseIsoDate(completion_date);
  if (!completed) return std::nullopt;
  const year_month_day done{sys_days{days{*completed}}};
  WarrantyFinding w;
  w.type = std::string(type);
  w.completion_date = std::string(completion_date);
  year_month_day until;
  if (type == "waterproofing") {
    w.period = "5年";
    until = YearsLater(done, 5);
  } else if (type == "structure") {
    w.period = "设计合理使用年限（50年）";
    until = YearsLater(done, 50);
  } else if (type == "heating_cooling") {
    // Heating seasons run 15 November to 15 March; the first is the one that starts after completion.
    w.period = "2个采暖期、供冷期";
    const int first_start = done <= year_month_day{done.year(), November, day{15}} ? static_cast<int>(done.year())
                                                                                    : static_cast<int>(done.year()) + 1;
    until = year_month_day{year{first_start + 2}, March, day{15}};
  } else {
    w.period = "2年";
    until = YearsLater(done, 2);
  }
  w.until = FormatIsoDate(DayOf(until));
  // The day in China the defect was reported.
  const std::int64_t reported_day = (reported.ms + 8 * 3'600'000) / 86'400'000;
  w.in_warranty = reported_day <= DayOf(until);
  w.responsible = w.in_warranty ? "contractor" : "customer";
  return w;
}

boost::json::object ToJson(const WarrantyFinding& w) {
  return {{"type", w.type},         {"period", w.period},           {"completion_date", w.completion_date},
          {"until", w.until},       {"in_warranty", w.in_warranty}, {"responsible", w.responsible}};
}

}  // namespace hearth::service
