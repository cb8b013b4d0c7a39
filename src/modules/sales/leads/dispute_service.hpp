#pragma once
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/leads/lead_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"

namespace hearth::sales {

enum class DisputeStatus { kPending, kUpheld, kRejected };
inline constexpr Vocabulary<DisputeStatus, 3> kDisputeStatuses{{"pending", "upheld", "rejected"}};
constexpr std::string_view WordOf(DisputeStatus v) { return kDisputeStatuses.Name(v); }

/// 判客争议: a consultant claims a lead another holds.
struct Dispute {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t lead_id = 0;
  std::int64_t claimant_id = 0;
  std::int64_t holder_id = 0;
  std::string reason;
  DisputeStatus status = DisputeStatus::kPending;
  std::optional<std::int64_t> decided_by;
  std::optional<Timestamp> decided_at;
  std::string decision_note;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // For people, when read.
  std::string customer_name = {};
  std::string project_name = {};
  std::string claimant_name = {};
  std::string holder_name = {};
  std::optional<std::string> decided_by_name = {};
};
boost::json::object ToJson(const Dispute& d);

/// Disputes over attribution, decided by a manager and audited: an upheld claim moves the lead to
/// the claimant with fresh protection; both consultants are told.
class DisputeService {
 public:
  DisputeService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::Notifications& notifications,
                 inventory::InventoryService& inventory, LeadService& leads);

  /// 422 lead_id own_lead for one's own lead; 409 dispute_pending while another waits.
  Result<Dispute> File(const RequestContext& ctx, std::int64_t lead_id, const std::string& reason);
  Result<platform::Listing<Dispute>> List(const RequestContext& ctx, std::optional<DisputeStatus> status, const Page& page);
  /// A manager's or administrator's decision (403 otherwise; 409 invalid_transition once decided).
  Result<Dispute> Decide(const RequestContext& ctx, std::int64_t id, bool uphold, const std::string& note);

 private:
  std::optional<Dispute> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Dispute>& disputes);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::Notifications& notifications_;
  inventory::InventoryService& inventory_;
  LeadService& leads_;
};

}  // namespace hearth::sales
