#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/delivery/batches/batch_service.hpp"
#include "modules/delivery/booking/slot.hpp"
#include "modules/delivery/handovers/handover_service.hpp"
#include "modules/delivery/owner_links.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/audit.hpp"
#include "platform/messages.hpp"

namespace hearth::delivery {

/// One owner's booking link of a batch (`parent_id`), as the centre follows them: sent, opened, booked.
struct Invite : NamedLink {
  std::optional<Handover> handover = {};  ///< the unit's booking, if any
};
boost::json::object ToJson(const Invite& i);

/// What sending a batch's links did (skipped: booked, delivered, not_contracted, no_owner, no_phone).
using InviteRun = LinkRun;

/// The owner's page behind a link: their unit, the batch's open slots, their booking.
struct PublicBooking {
  std::string project_name;
  std::string project_address;
  std::string unit_code;
  std::string owner;  ///< the owner's initial ("钱**")
  std::string planned_on;
  std::vector<Slot> slots;             ///< from tomorrow on, in time order
  std::optional<Handover> handover;    ///< the unit's booking that is not cancelled
};
boost::json::object ToJson(const PublicBooking& b);

/// The handover day's calendar (slots per day and hour with a capacity) and the owners' booking
/// links: a link per owner of a released batch sent by SMS through the message gateway; the owner
/// opens it without logging in, sees the free slots and books or moves their handover (a seat
/// taken by a compare-and-set, so a slot is never overbooked).
class BookingService {
 public:
  BookingService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::MessageGateway& messages,
                 customers::CustomerService& customers, inventory::InventoryService& inventory, BatchService& batches,
                 HandoverService& handovers);

  Timestamp Now() const { return clock_.Now(); }
  Result<std::vector<Slot>> AddSlots(const RequestContext& ctx, std::int64_t batch_id, const SlotPlan& plan);
  Result<std::vector<Slot>> Slots(const RequestContext& ctx, std::int64_t batch_id);
  Result<Slot> SetCapacity(const RequestContext& ctx, std::int64_t slot_id, int capacity, std::optional<std::int64_t> expected_version);

  /// Sends the links of a released batch: `origin` is the address owners open ("https://crm.example.com").
  Result<InviteRun> SendInvites(const RequestContext& ctx, std::int64_t batch_id, const std::string& origin);
  Result<std::vector<Invite>> Invites(const RequestContext& ctx, std::int64_t batch_id);

  /// The owner's page and booking (no login: the token is the credential; 404 for an unknown or
  /// expired one).
  Result<PublicBooking> PublicView(const std::string& token);
  Result<PublicBooking> PublicBook(const std::string& token, std::int64_t slot_id, const std::string& remote_address);

  /// How long a link lasts.
  static constexpr std::int64_t kLinkDays = 90;

 private:
  std::optional<Invite> FindByToken(db::Tx& tx, const std::string& token);
  Result<PublicBooking> ViewIn(db::Tx& tx, const Invite& invite, const Actor& owner);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::MessageGateway& messages_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  BatchService& batches_;
  HandoverService& handovers_;
  OwnerLinkStore links_{"handover_invites", "batch_id", inventory_, customers_, messages_};
};

}  // namespace hearth::delivery
