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
#include "modules/sales/leads/lead.hpp"
#include "modules/sales/prices/price.hpp"

namespace hearth::sales {

/// 认筹: active until it becomes a subscription (converted) or is refunded.
enum class PledgeStatus { kActive, kConverted, kRefunded };
inline constexpr Vocabulary<PledgeStatus, 3> kPledgeStatuses{{"active", "converted", "refunded"}};
constexpr std::string_view WordOf(PledgeStatus v) { return kPledgeStatuses.Name(v); }

/// 认购: active until signed (contracted) or cancelled (退订: the unit is for sale again).
enum class SubscriptionStatus { kActive, kContracted, kCancelled };
inline constexpr Vocabulary<SubscriptionStatus, 3> kSubscriptionStatuses{{"active", "contracted", "cancelled"}};
constexpr std::string_view WordOf(SubscriptionStatus v) { return kSubscriptionStatuses.Name(v); }

enum class ContractStatus { kSigned, kCancelled };
inline constexpr Vocabulary<ContractStatus, 2> kContractStatuses{{"signed", "cancelled"}};
constexpr std::string_view WordOf(ContractStatus v) { return kContractStatuses.Name(v); }

/// 首付, 分期, 按揭 (the bank's loan, paid out to the developer).
enum class InstalmentKind { kDownPayment, kInstallment, kMortgage };
inline constexpr Vocabulary<InstalmentKind, 3> kInstalmentKinds{{"down_payment", "installment", "mortgage"}};
constexpr std::string_view WordOf(InstalmentKind v) { return kInstalmentKinds.Name(v); }

enum class PaymentMethod { kBankTransfer, kPos, kCash, kMortgageLoan, kProvidentFund };
inline constexpr Vocabulary<PaymentMethod, 5> kPaymentMethods{
    {"bank_transfer", "pos", "cash", "mortgage_loan", "provident_fund"}};
constexpr std::string_view WordOf(PaymentMethod v) { return kPaymentMethods.Name(v); }

struct Pledge {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> lead_id;
  std::int64_t consultant_id = 0;
  std::int64_t amount_cents = 0;
  std::int64_t queue_no = 0;
  PledgeStatus status = PledgeStatus::kActive;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string customer_name;
  std::optional<std::string> unit_code;
};
boost::json::object ToJson(const Pledge& p);

/// A buyer of a subscription and later of the contract, with their share of the unit.
struct Buyer {
  std::int64_t customer_id = 0;
  double share = 1;
  std::string name;
};

struct Subscription {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> lead_id;
  std::optional<std::int64_t> pledge_id;
  std::int64_t consultant_id = 0;
  std::int64_t price_cents = 0;
  std::int64_t deposit_cents = 0;
  SubscriptionStatus status = SubscriptionStatus::kActive;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<Buyer> buyers;
  std::string unit_code;
  std::string consultant_name;
  // Against the price list when subscribed: the list price, what the schemes made of it, the floor.
  std::int64_t list_price_cents = 0;
  std::int64_t scheme_price_cents = 0;
  std::int64_t floor_cents = 0;
  PriceApproval approval = PriceApproval::kNone;
  std::optional<std::int64_t> approval_by = {};
  std::optional<Timestamp> approval_at = {};
  std::string approval_note = {};
  std::vector<AppliedDiscount> discounts = {};
};
boost::json::object ToJson(const Subscription& s);

/// One line of a contract's payment plan.
struct Instalment {
  int seq = 0;
  std::string due_on;  ///< YYYY-MM-DD
  InstalmentKind kind = InstalmentKind::kInstallment;
  std::int64_t amount_cents = 0;
  std::int64_t paid_cents = 0;
};

struct Contract {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t subscription_id = 0;
  std::string contract_no;
  std::string signed_on;
  std::int64_t total_cents = 0;
  std::int64_t paid_cents = 0;
  ContractStatus status = ContractStatus::kSigned;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<Instalment> plan;
  std::vector<Buyer> buyers;
  std::string unit_code;
};
/// With `overdue_cents` as of `today` (YYYY-MM-DD, China time).
boost::json::object ToJson(const Contract& c, std::string_view today);

struct Payment {
  std::int64_t id = 0;
  std::int64_t contract_id = 0;
  std::int64_t amount_cents = 0;
  std::string paid_on;
  PaymentMethod method = PaymentMethod::kBankTransfer;
  std::string receipt_no;
  std::int64_t actor_id = 0;
  Timestamp created_at;
};
boost::json::object ToJson(const Payment& p);

/// 换房, 更名, 退房, 折扣.
enum class ChangeKind { kChangeUnit, kRename, kCancel, kDiscount };
inline constexpr Vocabulary<ChangeKind, 4> kChangeKinds{{"change_unit", "rename", "cancel", "discount"}};
inline constexpr Vocabulary<ChangeKind, 4> kChangeKindLabels{{"换房", "更名", "退房", "折扣"}};
constexpr std::string_view WordOf(ChangeKind v) { return kChangeKinds.Name(v); }

enum class ChangeStatus { kPending, kApproved, kRejected };
inline constexpr Vocabulary<ChangeStatus, 3> kChangeStatuses{{"pending", "approved", "rejected"}};
constexpr std::string_view WordOf(ChangeStatus v) { return kChangeStatuses.Name(v); }

/// A change order of a signed contract; only an approved one changes it.
struct ChangeOrder {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t contract_id = 0;
  ChangeKind kind = ChangeKind::kCancel;
  std::string reason;
  std::optional<std::int64_t> new_unit_id;
  std::optional<std::string> buyers_json;  ///< rename: the new buyers as JSON
  std::optional<std::int64_t> discount_cents;
  ChangeStatus status = ChangeStatus::kPending;
  std::int64_t requested_by = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<Timestamp> decided_at;
  std::string decision_note;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<Buyer> buyers = {};     ///< rename: read from buyers_json
  std::string contract_no = {};
  std::string requested_by_name = {};
  std::optional<std::string> new_unit_code = {};
};
boost::json::object ToJson(const ChangeOrder& c);

/// Takes `discount_cents` off the unpaid instalments, the last first; false (plan unchanged) when
/// it is more than what is left to pay.
bool ApplyDiscount(std::vector<Instalment>& plan, std::int64_t discount_cents);

/// 1–10 distinct buyers whose shares, each in (0, 1], sum to 1 (422 naming "buyers").
Result<void> CheckBuyers(const std::vector<Buyer>& buyers);
/// 1–120 instalments with valid dates in order and positive amounts that sum to `total_cents`
/// (422 naming "payment_plan" or the line).
Result<void> CheckPlan(const std::vector<Instalment>& plan, std::int64_t total_cents);
/// What is due before `today` and not paid.
std::int64_t OverdueCents(const std::vector<Instalment>& plan, std::string_view today);
/// Settles `amount_cents` on the earliest unpaid instalments first; false (plan unchanged) when
/// it is more than what is left to pay.
bool ApplyPayment(std::vector<Instalment>& plan, std::int64_t amount_cents);

}  // namespace hearth::sales
