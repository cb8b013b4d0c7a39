#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/vocabulary.hpp"

namespace hearth::surveys {

/// The tenure cohorts Vanke's surveys split owners by: 准业主 (contract signed, not delivered),
/// 磨合期 (delivered under a year ago), 稳定期 (1–2 years), 老业主 (over 2 years).
enum class Cohort { kProspective, kRunIn, kStable, kOld };
inline constexpr Vocabulary<Cohort, 4> kCohorts{{"prospective", "run_in", "stable", "old"}};
inline constexpr Vocabulary<Cohort, 4> kCohortLabels{{"准业主", "磨合期", "稳定期", "老业主"}};

/// The cohort of an owner of a unit with `status` delivered on `delivered_on` (YYYY-MM-DD), on
/// `today`: none for a unit neither contracted nor delivered, or delivered without a known day.
std::optional<Cohort> CohortOf(std::string_view status, const std::optional<std::string>& delivered_on, const std::string& today);

}  // namespace hearth::surveys
