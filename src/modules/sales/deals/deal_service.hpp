#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "db/group_writer.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/deals/deal.hpp"
#include "modules/sales/leads/lead_service.hpp"
#include "modules/sales/prices/price_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"
#include "platform/org_service.hpp"

namespace hearth::sales {

struct PledgeInput {
  std::int64_t project_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t amount_cents = 0;
  std::optional<std::int64_t> unit_id;  ///< the unit hoped for: it shows as 认筹 on the board
  std::optional<std::int64_t> lead_id;
};

struct SubscriptionInput {
  std::int64_t unit_id = 0;
  std::vector<Buyer> buyers;
  std::int64_t price_cents = 0;
  std::int64_t deposit_cents = 0;
  std::optional<std::int64_t> lead_id;
  std::optional<std::int64_t> pledge_id;
  std::vector<std::int64_t> discount_scheme_ids;  ///< the project's schemes offered to the buyer
};

/// GET /api/v1/subscriptions: one project's, or the price approvals waiting in scope.
struct SubscriptionFilter {
  std::optional<std::int64_t> project_id;
  std::optional<PriceApproval> approval;
};

struct ContractInput {
  std::int64_t subscription_id = 0;
  std::string contract_no;
  std::string signed_on;
  std::int64_t total_cents = 0;
  std::vector<Instalment> plan;
};

struct PaymentInput {
  std::int64_t amount_cents = 0;
  std::string paid_on;
  PaymentMethod method = PaymentMethod::kBankTransfer;
};

/// POST /api/v1/contracts/{id}/changes: what the change would do, by kind.
struct ChangeInput {
  ChangeKind kind = ChangeKind::kCancel;
  std::string reason;
  std::optional<std::int64_t> new_unit_id;     ///< change_unit
  std::vector<Buyer> buyers;                    ///< rename
  std::optional<std::int64_t> discount_cents;   ///< discount
};

struct ContractFilter {
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> customer_id;
  bool overdue = false;  ///< only contracts with an instalment due and unpaid
};

/// The deal chain: pledge (认筹) → subscription (认购) → contract (签约) → payments (回款). Each
/// step moves the unit through the inventory in its own transaction: of any number of
/// concurrent subscriptions to one unit exactly one succeeds (a compare-and-set on the unit and a
/// unique index on its open subscription). The contract's buyers become the unit's owners.
class DealService {
 public:
  DealService(db::Database& db, const Clock& clock, platform::AuditLog& audit, customers::CustomerService& customers,
              inventory::InventoryService& inventory, LeadService& leads, PriceService& prices,
              platform::Notifications& notifications);

  Result<Pledge> CreatePledge(const RequestContext& ctx, const PledgeInput& input);
  Result<Pledge> GetPledge(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Pledge>> ListPledges(const RequestContext& ctx, std::int64_t project_id, const Page& page);
  /// 退筹: an active pledge is refunded; the unit it held is for sale again.
  Result<Pledge> RefundPledge(const RequestContext& ctx, std::int64_t id);

  /// 409 unit_unavailable (with unit_status) when the unit is not available or pledged. A price
  /// below the project's floor holds the unit with `approval` pending until a manager decides.
  Result<Subscription> Subscribe(const RequestContext& ctx, const SubscriptionInput& input);
  Result<Subscription> GetSubscription(const RequestContext& ctx, std::int64_t id);
  /// 422 project_id required unless the filter asks for an approval state.
  Result<platform::Listing<Subscription>> ListSubscriptions(const RequestContext& ctx, const SubscriptionFilter& filter,
                                                            const Page& page);
  /// A manager's decision on a price below the floor: approved, it may be signed; refused, the
  /// subscription is cancelled and the unit is for sale again. 409 invalid_transition otherwise.
  Result<Subscription> DecidePrice(const RequestContext& ctx, std::int64_t id, bool approve, const std::string& note);
  /// 退订 before a contract: the unit is for sale again.
  Result<Subscription> CancelSubscription(const RequestContext& ctx, std::int64_t id, const std::string& reason);

  /// 409 subscription_closed for a subscription already signed or cancelled; 403 for another
  /// consultant's subscription unless the caller manages sales.
  Result<Contract> Sign(const RequestContext& ctx, const ContractInput& input);
  Result<Contract> GetContract(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Contract>> ListContracts(const RequestContext& ctx, const ContractFilter& filter,
                                                    const Page& page);
  /// 422 amount_cents exceeds_balance when more than is left to pay.
  Result<std::pair<Payment, Contract>> Pay(const RequestContext& ctx, std::int64_t contract_id, const PaymentInput& input);
  Result<std::vector<Payment>> Payments(const RequestContext& ctx, std::int64_t contract_id);

  /// A change order waits for a manager: 409 contract_closed for a cancelled contract, 409
  /// change_pending while another waits; the kind's fields are checked now and again when approved.
  Result<ChangeOrder> RequestChange(const RequestContext& ctx, std::int64_t contract_id, const ChangeInput& input);
  Result<std::vector<ChangeOrder>> ChangesOf(const RequestContext& ctx, std::int64_t contract_id);
  /// The approvals queue (pending first by default), in scope.
  Result<platform::Listing<ChangeOrder>> ListChanges(const RequestContext& ctx, std::optional<ChangeStatus> status,
                                                     const Page& page);
  /// A manager's or administrator's decision (403 otherwise); an approval applies the change in
  /// the same transaction: 退房 frees the unit and ends the ownership, 换房 moves the deal and the
  /// owners to an available unit, 更名 replaces the buyers and owners, 折扣 lowers what is left.
  Result<ChangeOrder> DecideChange(const RequestContext& ctx, std::int64_t id, bool approve, const std::string& note);

  std::string Today() const { return ChinaToday(clock_.Now()); }

  /// Another part's step when a contract is signed, cancelled (退房) or paid, in its transaction
  /// (referrals earn their reward on signing; collections schedule and close dunning).
  enum class ContractEvent { kSigned, kCancelled, kPaid };
  using ContractHook = std::function<void(db::Tx&, const RequestContext&, const Contract&, ContractEvent)>;
  void AddContractHook(ContractHook hook) { contract_hooks_.push_back(std::move(hook)); }
  /// A later module's condition on signing, checked in the signing transaction before anything is
  /// written (the delivery module's 不利因素公示: 409 disclosure_unacknowledged).
  using SignCheck = std::function<Result<void>(db::Tx&, const Actor&, std::int64_t project_id,
                                               const std::vector<std::int64_t>& buyer_ids)>;
  void AddSignCheck(SignCheck check) { sign_checks_.push_back(std::move(check)); }
  /// The contract with its plan and buyers (no scope check; other parts' jobs).
  std::optional<Contract> ContractOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) { return FindContract(tx, tenant_id, id); }
  /// A signed contract's home and buyers, for later modules' milestones (the 6+2 journey).
  struct SignedHome {
    std::int64_t contract_id = 0;
    std::int64_t project_id = 0;
    std::int64_t org_unit_id = 0;
    std::int64_t unit_id = 0;
    std::string signed_on;
    std::int64_t customer_id = 0;  ///< one row per buyer
  };
  /// The signed contracts of the group after `after_contract_id`, a page of at most `limit`
  /// contracts (one row per buyer), in contract order; no scope check (jobs).
  std::vector<SignedHome> SignedHomes(db::Tx& tx, std::int64_t tenant_id, std::int64_t after_contract_id, int limit);
  /// The signed contracts of which the customer is a buyer (no scope check).
  std::vector<SignedHome> SignedHomesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id);
  /// The days each of `customer_ids` signed a contract as a buyer, by customer (the surveys check
  /// stated intent to rebuy against it; no scope check).
  std::map<std::int64_t, std::vector<std::string>> SignedOnOf(db::Tx& tx, std::int64_t tenant_id,
                                                              const std::vector<std::int64_t>& customer_ids);
  /// Whether the customer is a buyer of an open subscription or a signed contract in the project.
  bool HasOpenDeal(db::Tx& tx, std::int64_t project_id, std::int64_t customer_id);

 private:
  std::optional<Pledge> FindPledge(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  std::optional<Subscription> FindSubscription(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  std::optional<Contract> FindContract(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<Pledge> PledgeFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  Result<Subscription> SubscriptionFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  Result<Contract> ContractFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  void NameBuyers(db::Tx& tx, std::int64_t tenant_id, std::vector<Buyer>& buyers);
  std::optional<ChangeOrder> FindChange(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<void> CheckChange(db::Tx& tx, const Actor& actor, const Contract& c, const ChangeInput& in);
  Result<void> ApplyChange(db::Tx& tx, const RequestContext& ctx, const Contract& c, const ChangeOrder& change);
  /// Cancels an active subscription in the caller's transaction: the unit is for sale again and
  /// the schemes' uses return.
  Result<void> Release(db::Tx& tx, const RequestContext& ctx, const Subscription& s, const std::string& why);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  LeadService& leads_;
  PriceService& prices_;
  platform::Notifications& notifications_;
  std::vector<ContractHook> contract_hooks_;
  std::vector<SignCheck> sign_checks_;
  /// Subscriptions are written together (group commit): on a launch day many consultants race
  /// for the same units, and half the attempts are refused, each in a savepoint of its own.
  db::GroupWriter<Subscription> subscriptions_{db_, 64, /*refusals_expected=*/true};
};

}  // namespace hearth::sales
