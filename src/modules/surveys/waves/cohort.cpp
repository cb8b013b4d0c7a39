#include "modules/surveys/waves/cohort.hpp"

#include <fmt/format.h>

namespace hearth::surveys {

namespace {

/// The same day `years` earlier ("2026-02-28" → "2025-02-28"; a 29 February stays a date string
/// that sorts between the 28th and 1 March, which is what the comparisons need).
std::string YearsBefore(const std::string& day, int years) {
  return fmt::format("{:04}", std::stoi(day.substr(0, 4)) - years) + day.substr(4);
}

}  // namespace

std::optional<Cohort> CohortOf(std::string_view status, const std::optional<std::string>& delivered_on, const std::string& today) {
  if (status == "contracted") return Cohort::kProspective;
  if (status != "delivered" || !delivered_on || delivered_on->size() != 10 || today.size() != 10) return std::nullopt;
  if (*delivered_on > YearsBefore(today, 1)) return Cohort::kRunIn;
  if (*delivered_on > YearsBefore(today, 2)) return Cohort::kStable;
  return Cohort::kOld;
}

}  // namespace hearth::surveys
