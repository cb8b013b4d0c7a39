#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/delivery/batches/batch_service.hpp"
#include "modules/delivery/owner_links.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/audit.hpp"
#include "platform/messages.hpp"
#include "platform/org_service.hpp"

namespace hearth::delivery {

/// A household's sign-up for a site open day, and its check-in on the day.
struct Signup {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t open_day_id = 0;
  std::int64_t project_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t party_size = 1;
  std::string note;
  std::string status;  ///< signed_up | checked_in | cancelled
  std::optional<Timestamp> checked_in_at;
  std::optional<std::int64_t> checked_in_by;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string customer_name = {};
  std::string unit_code = {};
  std::string created_by_name = {};
  std::optional<std::string> checked_in_by_name = std::nullopt;
};
boost::json::object ToJson(const Signup& s);

/// One household's sign-up link of an open day (`parent_id`), as the centre follows them: sent,
/// opened, signed up.
struct SignupInvite : NamedLink {
  std::optional<Signup> signup = std::nullopt;  ///< the household's sign-up that is not cancelled
};
boost::json::object ToJson(const SignupInvite& i);

/// What sending an open day's links did: one per household of the project's contracted units of the
/// day's decoration not yet signed up (skipped: signed_up, no_owner, no_phone).
using SignupInviteRun = LinkRun;

/// The owner's page behind a link: the day, its room, their household's sign-up.
struct PublicSignup {
  std::string project_name;
  std::string project_address;
  std::string unit_code;
  std::string owner;  ///< the owner's initial ("钱**")
  OpenDay day;
  std::optional<Signup> signup;  ///< not cancelled
};
boost::json::object ToJson(const PublicSignup& p, const std::string& today);

/// 工地开放日 sign-ups: an owner's household signs up (at the desk or on the phone) for an open day
/// of its project, taking a place while the day has room (a compare-and-set on the day's count:
/// 409 open_day_full), once per household (409 already_signed_up); on the day it checks in. Both
/// are on the owner's timeline. A vetoed or past open day takes no sign-ups.
///
/// Owners may also sign up themselves: the centre sends each household a link by SMS (through the
/// message gateway); the owner opens it without logging in and signs up or cancels, under the same
/// rules as the desk.
class SignupService {
 public:
  SignupService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::MessageGateway& messages,
                customers::CustomerService& customers, inventory::InventoryService& inventory, BatchService& batches);

  Timestamp Now() const { return clock_.Now(); }
  std::string Today() const;  ///< in China, the day open days are kept in

  Result<Signup> SignUp(const RequestContext& ctx, std::int64_t open_day_id, std::int64_t unit_id,
                        std::optional<std::int64_t> customer_id, std::int64_t party_size, const std::string& note);
  Result<platform::Listing<Signup>> Signups(const RequestContext& ctx, std::int64_t open_day_id, const Page& page);
  Result<Signup> CheckIn(const RequestContext& ctx, std::int64_t id);
  Result<Signup> Cancel(const RequestContext& ctx, std::int64_t id);

  /// Sends the links of an open day that takes sign-ups: `origin` is the address owners open.
  Result<SignupInviteRun> SendInvites(const RequestContext& ctx, std::int64_t open_day_id, const std::string& origin);
  Result<std::vector<SignupInvite>> Invites(const RequestContext& ctx, std::int64_t open_day_id);
  /// The owner's page, sign-up and cancellation (no login: 404 for an unknown or expired token).
  Result<PublicSignup> PublicView(const std::string& token);
  Result<PublicSignup> PublicSignUp(const std::string& token, std::int64_t party_size, const std::string& remote_address);
  Result<PublicSignup> PublicCancel(const std::string& token, const std::string& remote_address);

 private:
  Result<Signup> SignUpIn(db::Tx& tx, const RequestContext& ctx, std::int64_t open_day_id, std::int64_t unit_id,
                          std::optional<std::int64_t> customer_id, std::int64_t party_size, const std::string& note);
  Result<Signup> CancelIn(db::Tx& tx, const RequestContext& ctx, std::int64_t id);
  std::optional<Signup> LiveOfUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t open_day_id, std::int64_t unit_id);
  std::optional<SignupInvite> FindByToken(db::Tx& tx, const std::string& token);
  Result<PublicSignup> ViewIn(db::Tx& tx, const SignupInvite& invite, const Actor& owner);
  Result<std::pair<Signup, OpenDay>> SignupFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Signup>& signups);
  Signup Reload(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::MessageGateway& messages_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  BatchService& batches_;
  OwnerLinkStore links_{"open_day_invites", "open_day_id", inventory_, customers_, messages_};
};

}  // namespace hearth::delivery
