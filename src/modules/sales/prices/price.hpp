#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace hearth::sales {

/// 调价方案: how a batch changes each unit's list price. `percent`: by `value` basis points (±);
/// `per_m2`: by `value` fen per m² (±); `set_per_m2`: to `value` fen per m².
enum class AdjustMethod { kPercent, kPerM2, kSetPerM2 };
inline constexpr Vocabulary<AdjustMethod, 3> kAdjustMethods{{"percent", "per_m2", "set_per_m2"}};
constexpr std::string_view WordOf(AdjustMethod v) { return kAdjustMethods.Name(v); }

/// draft (computed, nothing changed) → applied (the units' prices changed) or cancelled.
enum class AdjustmentStatus { kDraft, kApplied, kCancelled };
inline constexpr Vocabulary<AdjustmentStatus, 3> kAdjustmentStatuses{{"draft", "applied", "cancelled"}};
constexpr std::string_view WordOf(AdjustmentStatus v) { return kAdjustmentStatuses.Name(v); }

/// A scheme applied to a subscription, with what it took off.
struct AppliedDiscount {
  std::int64_t scheme_id = 0;
  std::string name;
  std::int64_t off_cents = 0;
};

/// A subscription's price against the floor: none needed, waiting for a manager, decided.
enum class PriceApproval { kNone, kPending, kApproved, kRejected };
inline constexpr Vocabulary<PriceApproval, 4> kPriceApprovals{{"none", "pending", "approved", "rejected"}};
constexpr std::string_view WordOf(PriceApproval v) { return kPriceApprovals.Name(v); }

/// One unit's change in a batch.
struct AdjustmentLine {
  std::int64_t unit_id = 0;
  std::string unit_code;
  double area_m2 = 0;
  std::int64_t before_cents = 0;
  std::int64_t after_cents = 0;
};

/// 调价方案: a batch of the project's unsold units (one building or all), drafted, then applied by a
/// manager in one transaction; its lines are the units' price history.
struct Adjustment {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string name;
  std::string reason;
  AdjustMethod method = AdjustMethod::kPercent;
  std::int64_t value = 0;
  std::optional<std::string> building;
  std::int64_t units = 0;
  std::int64_t before_cents = 0;
  std::int64_t after_cents = 0;
  AdjustmentStatus status = AdjustmentStatus::kDraft;
  std::int64_t created_by = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<Timestamp> decided_at;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<AdjustmentLine> lines = {};
  std::string created_by_name = {};
  std::optional<std::string> decided_by_name = {};
};
boost::json::object ToJson(const Adjustment& a, bool with_lines);

/// The unit's new list price, rounded to whole yuan; nullopt when it would not be positive.
std::optional<std::int64_t> Adjusted(std::int64_t before_cents, double area_m2, AdjustMethod method, std::int64_t value);
/// 422 naming `value` for a change outside ±50% (percent), ±¥100,000/m² (per_m2) or a price per
/// m² outside ¥1–¥1,000,000 (set_per_m2).
Result<void> CheckAdjustment(AdjustMethod method, std::int64_t value);

/// 折扣方案: a percentage or an amount off the list price, within dates and a number of uses.
struct DiscountScheme {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string name;
  std::int64_t percent_off_bp = 0;   ///< basis points off (200 = 2%, 九八折)
  std::int64_t amount_off_cents = 0; ///< fen off, after the percentages
  std::optional<std::string> valid_from;  ///< YYYY-MM-DD, China dates, both included
  std::optional<std::string> valid_to;
  std::optional<std::int64_t> max_uses;
  std::int64_t uses = 0;
  bool stackable = true;  ///< may be combined with other schemes
  bool active = true;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};
boost::json::object ToJson(const DiscountScheme& d);
/// 422 naming the field: a name, exactly one of 1–5000 bp or a positive amount,
/// dates in order, max_uses ≥ 1.
Result<void> CheckScheme(const DiscountScheme& d);

/// What the chosen schemes make of a list price: percentages multiply, then amounts; each scheme's
/// share of the discount.
struct SchemePrice {
  std::int64_t price_cents = 0;
  std::vector<std::int64_t> off_cents;  ///< per scheme, in the order given
};
/// 422 naming discount_scheme_ids[i]: inactive, not_yet_valid, expired, exhausted, not_stackable.
Result<SchemePrice> PriceWithSchemes(std::int64_t list_cents, const std::vector<DiscountScheme>& schemes,
                                     std::string_view today);
/// 底价: `percent` of the list price, rounded up to the fen.
std::int64_t FloorOf(std::int64_t list_cents, int percent);
/// Whether a price needs a manager: below the floor of a priced unit.
PriceApproval ApprovalFor(std::int64_t list_cents, std::int64_t floor_cents, std::int64_t price_cents);

}  // namespace hearth::sales
