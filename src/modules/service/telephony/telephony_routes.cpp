// HTTP of screen-pop: the agent's seat and the telephone system's webhook. No SQL, no rules.
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/service/service_routes.hpp"

namespace hearth::service {

namespace {

using http::Request;
using http::Response;

boost::json::object SeatJson(const std::optional<std::string>& extension) {
  return {{"extension", extension ? boost::json::value(*extension) : nullptr}};
}

}  // namespace

void AddTelephonyRoutes(platform::Manifest& m, Telephony& t) {
  m.Route({"GET", "/api/v1/telephony/seat", http::kSignedIn}, [&t](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto seat, t.Seat(r.context));
    return http::Json(http::kOk, SeatJson(seat));
  });
  m.Route({"PUT", "/api/v1/telephony/seat", http::kSignedIn}, [&t](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    auto extension = in.String("extension", {.required = true, .max_chars = 16});
    HEARTH_TRY(in.Finish());
    HEARTH_ASSIGN(auto seat, t.TakeSeat(r.context, *extension));
    return http::Json(http::kOk, SeatJson(seat));
  });
  m.Route({"DELETE", "/api/v1/telephony/seat", http::kSignedIn}, [&t](Request& r) -> Result<Response> {
    HEARTH_TRY(t.LeaveSeat(r.context));
    return http::NoContent();
  });
  // The telephone system, not a person: signed with the shared secret instead of a session.
  m.Route({"POST", "/api/v1/telephony/{group_id}/calls", http::kPublic}, [&t](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto group_id, r.PathId("group_id"));
    const auto signature = r.Header("x-hearth-signature");
    HEARTH_ASSIGN(auto pop, t.IncomingCall(group_id, r.body, signature ? std::string(*signature) : ""));
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? boost::json::value(*v) : nullptr; };
    return http::Json(http::kAccepted, {{"call_id", pop.call_id}, {"user_id", opt(pop.user_id)},
                                        {"customer_id", opt(pop.customer_id)}, {"delivered", pop.delivered}});
  });
}

}  // namespace hearth::service
