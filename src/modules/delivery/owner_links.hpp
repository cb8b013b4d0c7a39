#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/messages.hpp"

namespace hearth::delivery {

/// A link sent to an owner by SMS for one unit of a parent record: the booking of a batch's
/// handover (handover_invites), the sign-up for an open day (open_day_invites). The token is the
/// credential; only its SHA-256 is kept, and a new link of the unit replaces the old.
struct OwnerLink {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t parent_id = 0;  ///< the batch or the open day
  std::int64_t unit_id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> message_id;
  Timestamp created_at;
  Timestamp expires_at;
  std::optional<Timestamp> opened_at;
};

/// A link as the centre's lists show it: with the unit's code and the owner's name.
struct NamedLink : OwnerLink {
  std::string unit_code = {};
  std::string customer_name = {};
};

/// What sending a parent's links did: one link per owner, and why the other units got none.
struct LinkRun {
  struct Sent {
    std::int64_t unit_id = 0;
    std::string unit_code;
    std::string customer_name;
    std::string url;  ///< the owner's link, to pass on by another channel too
  };
  struct Skipped {
    std::int64_t unit_id = 0;
    std::string unit_code;
    std::string reason;
  };
  std::vector<Sent> sent;
  std::vector<Skipped> skipped;
};
boost::json::object ToJson(const LinkRun& r);

/// What a link's SMS says and where it leads.
struct LinkMessage {
  std::string origin;       ///< the address owners open ("https://crm.example.com")
  std::string path;         ///< the owner's page, before the token ("/b/")
  std::string purpose;      ///< in the message log ("handover_booking")
  std::string ref_type;     ///< what the logged message refers to ("handover_invite"), the link's id
  std::int64_t org_unit_id = 0;  ///< whose staff see it in the log
  /// The words around the link, for the owner and the unit named.
  std::function<std::string(const std::string& owner_name, const std::string& unit_code, const std::string& link)> text;
};

/// The links of one kind, in `table` under `parent_column`.
class OwnerLinkStore {
 public:
  OwnerLinkStore(std::string_view table, std::string_view parent_column, inventory::InventoryService& inventory,
                 customers::CustomerService& customers, platform::MessageGateway& messages);

  /// Sends the unit's (first) owner a new link by SMS, the log keeping the token masked, and notes
  /// it in `run`; or notes why not (no_owner, no_phone).
  void SendTo(db::Tx& tx, const Actor& actor, const inventory::Unit& unit, std::int64_t parent_id, Timestamp now, Timestamp expires,
              const LinkMessage& message, LinkRun& run) const;

  /// A new link of the unit (its old one forgotten): the row's id and the token to send.
  std::pair<std::int64_t, std::string> Issue(db::Tx& tx, std::int64_t tenant_id, std::int64_t parent_id, std::int64_t unit_id,
                                             std::int64_t customer_id, std::int64_t created_by, Timestamp now, Timestamp expires) const;
  /// The SMS that carried it, in the message log.
  void SetMessage(db::Tx& tx, std::int64_t id, std::int64_t message_id) const;
  /// The link of `token`; none for a token unknown, malformed or expired at `now`.
  std::optional<OwnerLink> Find(db::Tx& tx, const std::string& token, Timestamp now) const;
  /// Remembers the first time the owner opened it.
  void Opened(db::Tx& tx, std::int64_t id, Timestamp now) const;
  /// The parent's links, by unit, with their units' codes and owners' names (two reads for the whole list).
  std::vector<NamedLink> OfParent(db::Tx& tx, std::int64_t tenant_id, std::int64_t parent_id) const;

 private:
  std::string by_token_, of_parent_, forget_, insert_, set_message_, opened_;
  inventory::InventoryService& inventory_;
  customers::CustomerService& customers_;
  platform::MessageGateway& messages_;
};

}  // namespace hearth::delivery
