#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/delivery/batches/batch.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/service/config/config_service.hpp"
#include "platform/attachments.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"

namespace hearth::delivery {

struct BatchInput {
  std::int64_t project_id = 0;
  std::string name;
  std::vector<std::int64_t> unit_ids;
  std::string planned_on;
};

struct BatchFilter {
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> unit_id;  ///< the batch holding this unit (a unit is in one batch)
  std::optional<BatchStatus> status;
};

struct InspectionInput {
  InspectionKind kind = InspectionKind::kRiskCheck;
  std::string on;
  std::string note;
};

struct FindingInput {
  std::int64_t unit_id = 0;
  std::string location;
  std::optional<std::int64_t> category_id;
  std::optional<std::string> category;  ///< a name or path of the ticket category tree
  Severity severity = Severity::kMinor;
  std::string description;
};

struct FindingFilter {
  std::optional<std::int64_t> batch_id;
  std::optional<std::int64_t> inspection_id;
  std::optional<std::int64_t> unit_id;
  std::optional<FindingStatus> status;
  std::optional<Severity> severity;
};

struct OpenDay {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string on;
  std::string decoration;  ///< raw | finished
  std::string note;
  std::string status;      ///< scheduled | vetoed
  std::optional<std::string> veto_reason;
  std::optional<std::int64_t> vetoed_by;
  std::optional<Timestamp> vetoed_at;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<std::int64_t> capacity = std::nullopt;  ///< households; none: no limit
  std::int64_t signed_up = 0;                           ///< households signed up (not cancelled)
  std::int64_t checked_in = 0;
  std::optional<std::string> prep_held_on = std::nullopt;  ///< the preparation meeting (筹备会)
  std::optional<std::string> prep_note = std::nullopt;
  std::string project_name = {};
  std::optional<std::string> vetoed_by_name = std::nullopt;
};
/// The preparation meeting of an open day is held this many days before it (the seeds: two months).
inline constexpr int kOpenDayPrepDays = 60;
/// `held` when its day has come and it was not vetoed (as of `today`); `prep` its preparation
/// meeting: due on the day kOpenDayPrepDays before, `held`, `due` (within a fortnight), `late`
/// (its day passed, not held) or `upcoming`.
boost::json::object ToJson(const OpenDay& d, const std::string& today);

/// Delivery batches and their gates: inspections and their findings, site open days, and the
/// release, which open blocking findings refuse (409 open_risks) unless a manager overrides them
/// with a reason (audited).
class BatchService {
 public:
  BatchService(db::Database& db, const Clock& clock, platform::AuditLog& audit, inventory::InventoryService& inventory,
               service::ConfigService& config);

  std::string Today() const;
  Result<Batch> Create(const RequestContext& ctx, const BatchInput& input);
  Result<Batch> Get(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Batch>> List(const RequestContext& ctx, const BatchFilter& filter, const Page& page);
  Result<Batch> Release(const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& override_reason,
                        std::optional<std::int64_t> expected_version);

  Result<Inspection> AddInspection(const RequestContext& ctx, std::int64_t batch_id, const InspectionInput& input);
  Result<Inspection> GetInspection(const RequestContext& ctx, std::int64_t id);
  Result<std::vector<Inspection>> Inspections(const RequestContext& ctx, std::int64_t batch_id);

  Result<Finding> AddFinding(const RequestContext& ctx, std::int64_t inspection_id, const FindingInput& input);
  Result<Finding> GetFinding(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Finding>> Findings(const RequestContext& ctx, const FindingFilter& filter, const Page& page);
  Result<Finding> CloseFinding(const RequestContext& ctx, std::int64_t id, const std::string& note,
                               std::optional<std::int64_t> expected_version);

  /// Photos of a finding (platform attachments owned by "delivery_finding").
  Result<platform::Attachment> AddPhoto(const RequestContext& ctx, std::int64_t finding_id, std::string_view file_name,
                                        std::string_view bytes);
  /// Removes a photo of an open finding (409 invalid_transition once it is closed).
  Result<void> RemovePhoto(const RequestContext& ctx, std::int64_t finding_id, std::int64_t id);
  Result<std::vector<platform::Attachment>> Photos(const RequestContext& ctx, std::int64_t finding_id);
  Result<std::pair<platform::Attachment, std::string>> Photo(const RequestContext& ctx, std::int64_t finding_id, std::int64_t id);

  Result<OpenDay> CreateOpenDay(const RequestContext& ctx, std::int64_t project_id, const std::string& on,
                                const std::string& decoration, const std::string& note,
                                std::optional<std::int64_t> capacity = std::nullopt);
  Result<OpenDay> GetOpenDay(const RequestContext& ctx, std::int64_t id);
  /// Records the open day's preparation meeting (held on `held_on`, not after today).
  Result<OpenDay> RecordPrep(const RequestContext& ctx, std::int64_t id, const std::string& held_on, const std::string& note);
  /// The open day, 404 outside the actor's scope (the sign-ups' part, in its transaction), named.
  Result<OpenDay> OpenDayFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  /// The open days (of every project of the group) whose preparation meeting falls due within a
  /// fortnight or is late, not held, the day neither vetoed nor past, and not reminded yet; marks
  /// them reminded, so that the daily job tells the centre once.
  std::vector<OpenDay> TakePrepReminders(db::Tx& tx, std::int64_t tenant_id);
  Result<platform::Listing<OpenDay>> OpenDays(const RequestContext& ctx, std::optional<std::int64_t> project_id,
                                              const Page& page);
  Result<OpenDay> VetoOpenDay(const RequestContext& ctx, std::int64_t id, const std::string& reason);

  /// The planned day of each batched unit of a project, and the project's open days that were not
  /// vetoed (the journey's milestones; no scope check).
  std::map<std::int64_t, std::string> PlannedDays(db::Tx& tx, std::int64_t project_id);
  std::vector<std::string> OpenDayDates(db::Tx& tx, std::int64_t project_id);
  /// A company's gates due in [first, last] (days since 1970-01-01, up to `today`), passed or not,
  /// for the 6+2 audit: (batch name, gate) of every batch of the projects under `path_prefix`.
  std::vector<std::pair<std::string, Gate>> GatesDue(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                     std::int64_t first, std::int64_t last);
  /// The batch holding a unit, if any (no scope check: the handover found the unit in scope).
  std::optional<Batch> BatchOfUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id);
  /// The batch, 404 outside the actor's scope (for the module's other parts, in their transaction).
  Result<Batch> BatchFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  /// The batch of the group, without a scope check (the owner's booking link names it).
  std::optional<Batch> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  /// The units of a batch, by id.
  std::vector<std::int64_t> UnitIdsOf(db::Tx& tx, std::int64_t batch_id);

 private:
  Result<std::pair<Inspection, Batch>> InspectionFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  Result<Finding> FindingFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  void Complete(db::Tx& tx, Batch& b);  // names, counts and gates
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Finding>& findings);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<OpenDay>& days);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  inventory::InventoryService& inventory_;
  service::ConfigService& config_;
  platform::AttachmentStore photos_;
};

}  // namespace hearth::delivery
