#include "modules/service/telephony/telephony.hpp"

#include <sodium.h>

#include <algorithm>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/body_reader.hpp"
#include "platform/directory.hpp"

namespace hearth::service {

namespace {

constexpr std::string_view kSeatOf = "SELECT extension FROM telephony_seats WHERE user_id = $1 AND tenant_id = $2";
constexpr std::string_view kLeave = "DELETE FROM telephony_seats WHERE user_id = $1 AND tenant_id = $2";
constexpr std::string_view kFree = "DELETE FROM telephony_seats WHERE extension = $1 AND tenant_id = $2";
constexpr std::string_view kTake =
    "INSERT INTO telephony_seats (tenant_id, extension, user_id, created_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kSeated = "SELECT user_id FROM telephony_seats WHERE extension = $1 AND tenant_id = $2";

bool ValidExtension(const std::string& e) {
  return !e.empty() && e.size() <= 16 &&
         std::all_of(e.begin(), e.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

std::string Telephony::Sign(const std::string& secret, const std::string& body) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string("sha256=") + hex;
}

Result<std::optional<std::string>> Telephony::Seat(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<std::optional<std::string>> {
    const auto rows = tx.Execute(kSeatOf, actor.user_id, actor.tenant_id);
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows.front().Text(0));
  });
}

Result<std::string> Telephony::TakeSeat(const RequestContext& ctx, const std::string& extension) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role does not answer calls");
  if (!ValidExtension(extension)) return FailField("extension", "invalid_format");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<std::string> {
    tx.Execute(kLeave, actor.user_id, actor.tenant_id);  // one seat per person
    tx.Execute(kFree, extension, actor.tenant_id);       // a shift takes over a desk
    tx.Execute(kTake, actor.tenant_id, extension, actor.user_id, now);
    return extension;
  });
}

Result<void> Telephony::LeaveSeat(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute(kLeave, actor.user_id, actor.tenant_id);
    return {};
  });
}

Result<CallPop> Telephony::IncomingCall(std::int64_t group_id, const std::string& body, const std::string& signature) {
  if (secret_.empty()) {
    return Forbidden("screen-pop is off: start the server with HEARTH_TELEPHONY_SECRET to accept calls");
  }
  const std::string expected = Sign(secret_, body);
  if (signature.size() != expected.size() ||
      sodium_memcmp(signature.data(), expected.data(), expected.size()) != 0) {
    return Fail(ErrorCode::kUnauthenticated, "bad_signature",
                "X-Hearth-Signature must be sha256= and the HMAC-SHA256 of the body under the shared secret");
  }
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object()) return Fail(ErrorCode::kBadRequest, "bad_request", "the body must be a JSON object");
  http::BodyReader in(parsed.as_object());
  auto call_id = in.String("call_id", {.required = true, .max_chars = 64});
  auto caller = in.String("caller", {.required = true, .max_chars = 32});
  auto extension = in.String("extension", {.required = true, .max_chars = 16});
  HEARTH_TRY(in.Finish());
  CallPop pop{*call_id, std::nullopt, std::nullopt, 0};
  auto seated = db_.Read([&](db::Tx& tx) -> std::optional<Actor> {
    const auto rows = tx.Execute(kSeated, *extension, group_id);
    if (rows.empty()) return std::nullopt;
    return platform::directory::ActorOf(tx, group_id, rows.front().Int(0));
  });
  if (!seated) return pop;  // nobody at that desk: nothing to show
  pop.user_id = seated->user_id;
  RequestContext as_agent;
  as_agent.actor = *seated;
  as_agent.request_id = "call:" + *call_id;
  boost::json::object event{{"call_id", *call_id}, {"caller", *caller}, {"extension", *extension},
                            {"at", FormatRfc3339(clock_.Now())}, {"customer_id", nullptr}, {"customer_name", nullptr}};
  if (auto found = customers_.FindByPhone(as_agent, *caller); found && *found) {
    pop.customer_id = (*found)->id;
    event["customer_id"] = (*found)->id;
    event["customer_name"] = (*found)->name;
  }
  pop.delivered = events_.Publish(seated->user_id, "call", boost::json::serialize(event));
  return pop;
}

}  // namespace hearth::service
