#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "platform/event_hub.hpp"

namespace hearth::service {

/// What a call put through to an agent's extension became (the webhook's answer).
struct CallPop {
  std::string call_id;
  std::optional<std::int64_t> user_id;      ///< the agent at the extension, when one is seated
  std::optional<std::int64_t> customer_id;  ///< the caller, when known and visible to that agent
  int delivered = 0;                        ///< screens it was shown on
};

/// Screen-pop (来电弹屏): an agent takes a seat (the extension their telephone answers at); the
/// telephone system tells Hearth of each call it puts through (a webhook signed with a shared
/// secret); Hearth finds the caller and opens them on that agent's screens at once (the
/// `call` event of GET /api/v1/events): the customer with their homes and open tickets, or the
/// new-customer form with the number filled in.
class Telephony {
 public:
  Telephony(db::Database& db, const Clock& clock, customers::CustomerService& customers, platform::EventHub& events,
            std::string secret)
      : db_(db), clock_(clock), customers_(customers), events_(events), secret_(std::move(secret)) {}

  /// The caller's extension, if seated.
  Result<std::optional<std::string>> Seat(const RequestContext& ctx);
  /// Seats the caller at `extension` (1–16 letters or digits), taking it from whoever had it;
  /// roles that cannot work tickets get 403.
  Result<std::string> TakeSeat(const RequestContext& ctx, const std::string& extension);
  Result<void> LeaveSeat(const RequestContext& ctx);

  /// A call the telephone system puts through (POST /api/v1/telephony/{group_id}/calls):
  /// `signature` is the X-Hearth-Signature header, "sha256=" and the hex HMAC-SHA256 of `body`
  /// under the shared secret (401 when it does not match; 403 when no secret is configured).
  Result<CallPop> IncomingCall(std::int64_t group_id, const std::string& body, const std::string& signature);

  /// "sha256=<hex>" of `body` under `secret` (what the telephone system sends; tests sign with it).
  static std::string Sign(const std::string& secret, const std::string& body);

 private:
  db::Database& db_;
  const Clock& clock_;
  customers::CustomerService& customers_;
  platform::EventHub& events_;
  std::string secret_;
};

}  // namespace hearth::service
