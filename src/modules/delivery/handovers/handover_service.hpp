#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/delivery/batches/batch_service.hpp"
#include "modules/delivery/booking/slot.hpp"
#include "modules/delivery/handovers/handover.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/service/tickets/ticket_service.hpp"
#include "platform/audit.hpp"

namespace hearth::delivery {

struct HandoverInput {
  std::int64_t unit_id = 0;
  Timestamp slot_at;
  /// A slot of the batch's calendar: its seat is taken (409 slot_full when none is left) and its
  /// start is the booking's time. Without it, a slot of the calendar starting at `slot_at` is
  /// taken the same way; a time outside the calendar books no seat.
  std::optional<std::int64_t> slot_id;
  std::string booked_via = "staff";  ///< staff | owner
  std::optional<std::int64_t> customer_id;  ///< who comes for the keys; the unit's first owner when absent
  std::string note;
};

struct HandoverFilter {
  std::optional<std::string> on;  ///< the slot's day, YYYY-MM-DD in China time
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> batch_id;
  std::optional<HandoverStatus> status;
};

/// A defect found at the inspection with the owner: a repair ticket.
struct Defect {
  std::string location;
  std::optional<std::string> category;
  std::string description;
};

/// The body of POST /handovers/{id}/steps/{step}: what each step records.
struct StepInput {
  std::string note;
  // identity: who came, and for an agent (代理人) the power of attorney.
  std::optional<std::string> attendee;         ///< owner | agent
  std::optional<std::string> agent_name;
  std::optional<std::string> power_of_attorney;  ///< the number or reference of the 委托书
  // fees
  std::optional<std::int64_t> fees_cents;
  std::optional<std::string> receipt_no;
  // inspection
  std::vector<Defect> defects;
  // keys: meter readings
  std::optional<double> water_m3;
  std::optional<double> electricity_kwh;
  std::optional<double> gas_m3;
  std::optional<int> key_count;
};

/// The handover day (集中交付): a slot per unit, the six steps in order, defects found at the
/// inspection opened as repair tickets, and the keys, which deliver the unit.
class HandoverService {
 public:
  HandoverService(db::Database& db, const Clock& clock, platform::AuditLog& audit, customers::CustomerService& customers,
                  inventory::InventoryService& inventory, service::TicketService& tickets, BatchService& batches);

  Result<Handover> Create(const RequestContext& ctx, const HandoverInput& input);
  Result<Handover> Get(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Handover>> List(const RequestContext& ctx, const HandoverFilter& filter, const Page& page);
  Result<Handover> Step(const RequestContext& ctx, std::int64_t id, HandoverStep step, const StepInput& input);
  Result<Handover> Cancel(const RequestContext& ctx, std::int64_t id, const std::string& reason);
  /// Moves a booked handover to another time or slot (its seat goes back, the new one is taken).
  Result<Handover> Reschedule(const RequestContext& ctx, std::int64_t id, std::optional<std::int64_t> slot_id,
                              std::optional<Timestamp> slot_at);

  /// The same in the caller's transaction (the owner's booking link).
  Result<Handover> CreateIn(db::Tx& tx, const RequestContext& ctx, const HandoverInput& input);
  Result<Handover> RescheduleIn(db::Tx& tx, const RequestContext& ctx, std::int64_t id, std::optional<std::int64_t> slot_id,
                                std::optional<Timestamp> slot_at);
  /// The unit's handover that is not cancelled, if any (no scope check).
  std::optional<Handover> OpenOfUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id);

 private:
  Result<Handover> HandoverFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  void Complete(db::Tx& tx, std::vector<Handover>& handovers, bool with_steps);
  /// The slot a booking of a unit of `batch_id` takes (see HandoverInput::slot_id), its seat taken;
  /// nullopt for a time outside the calendar.
  Result<std::optional<Slot>> TakeSeat(db::Tx& tx, std::int64_t tenant_id, std::optional<std::int64_t> batch_id,
                                       std::optional<std::int64_t> slot_id, Timestamp slot_at);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  service::TicketService& tickets_;
  BatchService& batches_;
};

}  // namespace hearth::delivery
