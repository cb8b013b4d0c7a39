#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/vocabulary.hpp"

namespace hearth::delivery {

/// 产权办理: the steps of a unit's property certificate, in order. `kNotStarted` is a unit sold with
/// none recorded.
enum class TitleStage { kNotStarted, kDocuments, kTaxPaid, kSubmitted, kIssued, kHandedOver };
inline constexpr Vocabulary<TitleStage, 6> kTitleStages{{"not_started", "documents", "tax_paid", "submitted", "issued", "handed_over"}};
inline constexpr Vocabulary<TitleStage, 6> kTitleStageLabels{{"未启动", "资料收齐", "契税完税", "递件受理", "已出证", "已领证"}};
constexpr std::string_view WordOf(TitleStage v) { return kTitleStages.Name(v); }

/// Days after the keys within which the certificate is promised to be issued (the purchase
/// contracts' usual clause); a delivered unit past them without one is overdue.
inline constexpr int kTitlePromiseDays = 365;

/// Whether `next` may be recorded after `current`: only the step right after it (pure).
bool NextTitleStage(TitleStage current, TitleStage next);

/// Whether a unit is overdue as of `today` (days since 1970-01-01): delivered on `delivered_on` more
/// than kTitlePromiseDays ago and its certificate not yet issued.
bool TitleOverdue(TitleStage stage, std::optional<std::int64_t> delivered_on, std::int64_t today);

}  // namespace hearth::delivery
