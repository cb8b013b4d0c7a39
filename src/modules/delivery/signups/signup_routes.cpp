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

/// The staff's side of the links and the owner's page behind one.
void AddSignupLinkRoutes(platform::Manifest& m, SignupService& s, platform::LoginThrottle& links) {
  m.Route({"POST", "/api/v1/open-days/{id}/invitations", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.SendInvites(r.context, id, OriginOf(r)), http::kOk, [](const SignupInviteRun& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/open-days/{id}/invitations", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto invites, s.Invites(r.context, id));
    return http::ListResponse(invites, std::nullopt, [](const SignupInvite& x) { return ToJson(x); });
  });
  auto guarded = [&links, &s](Request& r, const http::Handler& handle) { return GuardLink(links, s.Now(), r, handle); };
  auto render = [&s](Result<PublicSignup> view) {
    const std::string today = s.Today();
    return http::Render(std::move(view), http::kOk, [&today](const PublicSignup& p) { return ToJson(p, today); });
  };
  m.Route({"GET", "/api/v1/public/open-day-signups/{token}", http::kPublic}, [&s, guarded, render](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) { return render(s.PublicView(req.PathText("token"))); });
  });
  m.Route({"POST", "/api/v1/public/open-day-signups/{token}", http::kPublic}, [&s, guarded, render](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) -> Result<Response> {
      HEARTH_ASSIGN(auto body, req.JsonObject());
      http::BodyReader in(body);
      const auto party = in.Int("party_size", true);
      HEARTH_TRY(in.Finish());
      return render(s.PublicSignUp(req.PathText("token"), *party, req.remote_address));
    });
  });
  m.Route({"POST", "/api/v1/public/open-day-signups/{token}/cancel", http::kPublic}, [&s, guarded, render](Request& r) -> Result<Response> {
    return guarded(r, [&](Request& req) { return render(s.PublicCancel(req.PathText("token"), req.remote_address)); });
  });
}

}  // namespace

void AddSignupRoutes(platform::Manifest& m, SignupService& s, platform::LoginThrottle& links) {
  AddSignupLinkRoutes(m, s, links);
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
