#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "core/table_file.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/collections/collection.hpp"
#include "modules/sales/deals/deal_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"

namespace hearth::sales {

struct DunningFilter {
  std::optional<std::int64_t> project_id;
  std::optional<DunningStatus> status;  ///< default: open and promised
  std::optional<int> stage;
  bool mine = false;  ///< the caller's contracts
};

struct ContactInput {
  ContactKind kind = ContactKind::kCall;
  std::string note;
  std::optional<std::string> promised_on;  ///< the buyer promised to pay by then
};

/// One project's collections (回款): what was signed, paid, due to date, and overdue by age.
struct CollectionRow {
  std::int64_t project_id = 0;
  std::string project_name;
  std::int64_t contracts = 0;
  std::int64_t total_cents = 0;
  std::int64_t paid_cents = 0;
  Ageing ageing;
  std::int64_t overdue_contracts = 0;
};
struct Collections {
  std::string as_of;
  std::vector<CollectionRow> rows;
  CollectionRow total;
};
boost::json::object ToJson(const Collections& c);
Table TableOf(const Collections& c);

/// Collections (回款催收): each instalment's due date schedules a check; an instalment unpaid the
/// day after opens a dunning task for the contract's consultant (stage 1), raised on the 8th and
/// 31st day (stage 3 tells the project's managers too) and closed when the contract is paid up or
/// cancelled. The ageing report sums what is owed by age, per project.
class CollectionService {
 public:
  CollectionService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                    platform::Notifications& notifications, customers::CustomerService& customers,
                    inventory::InventoryService& inventory, DealService& deals);

  Result<platform::Listing<DunningTask>> List(const RequestContext& ctx, const DunningFilter& filter, const Page& page);
  Result<DunningTask> Get(const RequestContext& ctx, std::int64_t id);
  /// A contact with the buyer (the consultant's or a manager's); a promise to pay puts the task
  /// in `promised` until that date.
  Result<DunningNote> AddContact(const RequestContext& ctx, std::int64_t task_id, const ContactInput& input);
  Result<std::vector<DunningNote>> Contacts(const RequestContext& ctx, std::int64_t task_id);
  /// Signed contracts in scope (or one project), aged as of today.
  Result<Collections> Report(const RequestContext& ctx, std::optional<std::int64_t> project_id);

  /// The job each due date schedules: opens, raises or closes the contract's task.
  Result<void> OnCheckJob(db::Tx& tx, const platform::Job& job);
  static constexpr const char* kCheckJob = "sales.dunning_check";
  std::string Today() const { return ChinaToday(clock_.Now()); }
  /// A signed contract's due dates each schedule a check, and it is checked now (the signing, and
  /// the demo's contracts).
  /// The demo passes `notify` false: its history of late payers is not news to anyone.
  void Track(db::Tx& tx, const Contract& contract, bool notify = true);
  /// Checks the contract now (demo data, and a payment or cancellation).
  void Check(db::Tx& tx, std::int64_t tenant_id, std::int64_t contract_id, const std::optional<RequestContext>& ctx,
             bool notify = true);

 private:
  std::optional<DunningTask> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  std::optional<DunningTask> OpenOf(db::Tx& tx, std::int64_t contract_id);
  Result<DunningTask> TaskFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<DunningTask>& tasks);
  void Schedule(db::Tx& tx, std::int64_t tenant_id, std::int64_t contract_id, const std::string& on);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  platform::Notifications& notifications_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  DealService& deals_;
};

}  // namespace hearth::sales
