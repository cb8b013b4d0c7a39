// HTTP of the open days' sign-ups and check-ins: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;

Result<Response> PostSignup(Request& req, SignupService& s) {
  HEARTH_ASSIGN(auto day, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto unit = in.Int("unit_id", true);
  auto customer = in.Int("customer_id");
  auto party = in.Int("party_size");
  auto note = in.String("note", {.max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.SignUp(req.context, day, *unit, customer, party.value_or(1), note.value_or("")), http::kCreated,
                      [](const Signup& x) { return ToJson(x); });
}

}  // namespace

void AddSignupRoutes(platform::Manifest& m, SignupService& s) {
  m.Route({"POST", "/api/v1/open-days/{id}/signups", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> { return PostSignup(r, s); });
  m.Route({"GET", "/api/v1/open-days/{id}/signups", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto day, r.PathId("id"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.Signups(r.context, day, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Signup& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/open-day-signups/{id}/check-in", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.CheckIn(r.context, id), http::kOk, [](const Signup& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/open-day-signups/{id}/cancel", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Cancel(r.context, id), http::kOk, [](const Signup& x) { return ToJson(x); });
  });
}

}  // namespace hearth::delivery
