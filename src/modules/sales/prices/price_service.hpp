#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/leads/lead_service.hpp"
#include "modules/sales/prices/price.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"

namespace hearth::sales {

/// POST /api/v1/price-adjustments: which unsold units (one building or all) and how.
struct AdjustmentInput {
  std::int64_t project_id = 0;
  std::string name;
  std::string reason;
  AdjustMethod method = AdjustMethod::kPercent;
  std::int64_t value = 0;
  std::optional<std::string> building;
};

/// PATCH /api/v1/discount-schemes/{id}: the fields sent.
struct SchemePatch {
  std::optional<std::string> name;
  std::optional<bool> active;
  std::optional<bool> stackable;
  std::optional<std::optional<std::string>> valid_to;
  std::optional<std::optional<std::int64_t>> max_uses;
};

/// A unit's list price over time: each applied adjustment that changed it.
struct PriceChange {
  std::int64_t adjustment_id = 0;
  std::string name;
  std::int64_t before_cents = 0;
  std::int64_t after_cents = 0;
  Timestamp at;
  std::string by_name;
};

/// What a subscription's price is measured against (the deal chain asks, in its transaction).
struct Pricing {
  std::int64_t list_price_cents = 0;
  std::int64_t scheme_price_cents = 0;
  std::int64_t floor_cents = 0;
  PriceApproval approval = PriceApproval::kNone;
  std::vector<AppliedDiscount> discounts;
};

/// Price lists (价格表): adjustment batches with their history, discount schemes with their limits,
/// and the floor that sends a subscription to a manager. Anyone who sells drafts a batch and reads
/// schemes; a manager applies batches and keeps the schemes.
class PriceService {
 public:
  PriceService(db::Database& db, const Clock& clock, platform::AuditLog& audit, inventory::InventoryService& inventory,
               LeadService& leads);

  Result<Adjustment> Draft(const RequestContext& ctx, const AdjustmentInput& input);
  Result<Adjustment> GetAdjustment(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Adjustment>> ListAdjustments(const RequestContext& ctx, std::int64_t project_id, const Page& page);
  /// A manager applies a draft: every unit's price changes in one transaction, or none (409
  /// prices_changed naming the units whose price or status moved since the draft).
  Result<Adjustment> Apply(const RequestContext& ctx, std::int64_t id);
  Result<Adjustment> CancelAdjustment(const RequestContext& ctx, std::int64_t id);
  Result<std::vector<PriceChange>> History(const RequestContext& ctx, std::int64_t unit_id);

  Result<DiscountScheme> CreateScheme(const RequestContext& ctx, const DiscountScheme& input);
  Result<std::vector<DiscountScheme>> Schemes(const RequestContext& ctx, std::int64_t project_id);
  Result<DiscountScheme> UpdateScheme(const RequestContext& ctx, std::int64_t id, const SchemePatch& patch,
                                      std::optional<std::int64_t> expected_version);

  // For the deal chain, in the caller's transaction.
  /// Prices a subscription of `unit` at `price_cents` with the chosen schemes: checks each scheme
  /// (422 naming discount_scheme_ids[i]) and takes one of its uses; below the floor it is pending.
  Result<Pricing> PriceSubscription(db::Tx& tx, const Actor& actor, const inventory::Unit& unit, std::int64_t price_cents,
                                    const std::vector<std::int64_t>& scheme_ids, std::string_view today);
  void RecordDiscounts(db::Tx& tx, std::int64_t tenant_id, std::int64_t subscription_id, const Pricing& pricing, Timestamp now);
  /// The schemes' uses return when the subscription is cancelled or its price refused.
  void ReleaseDiscounts(db::Tx& tx, std::int64_t subscription_id);
  std::vector<AppliedDiscount> DiscountsOf(db::Tx& tx, std::int64_t subscription_id);

 private:
  std::optional<Adjustment> FindAdjustment(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, bool with_lines);
  Result<Adjustment> AdjustmentFor(db::Tx& tx, const Actor& actor, std::int64_t id, bool with_lines);
  std::optional<DiscountScheme> FindScheme(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<DiscountScheme> SchemeFor(db::Tx& tx, const Actor& actor, std::int64_t id);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  inventory::InventoryService& inventory_;
  LeadService& leads_;
};

}  // namespace hearth::sales
