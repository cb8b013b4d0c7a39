// HTTP of 报备 with consent: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

namespace {

using http::Request;
using http::Response;

Result<Response> PostConsent(Request& req, ConsentService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  ConsentInput c;
  auto project = in.Int("project_id", true);
  auto customer = in.Int("customer_id", true);
  auto method = in.Enum("method", kConsentMethods, true);
  c.consultant_id = in.Int("consultant_id");
  HEARTH_TRY(in.Finish());
  c.project_id = *project;
  c.customer_id = *customer;
  c.method = *method;
  return http::Render(s.Request(req.context, c), http::kCreated, [&s](const Consent& x) { return ToJson(x, s.StatusOf(x)); });
}

Result<Response> PostConfirm(Request& req, ConsentService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto code = in.String("code", {.required = true, .min_chars = 1, .max_chars = 12});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Confirm(req.context, id, *code), http::kOk, [&s](const Consent& x) { return ToJson(x, s.StatusOf(x)); });
}

/// What the public page may show: no phone, no ids but its own.
boost::json::object PublicJson(const Consent& c, std::string_view status) {
  return {{"project_name", c.project_name}, {"consultant_name", c.consultant_name},
          {"customer_name", c.customer_name}, {"status", status}, {"expires_at", FormatRfc3339(c.expires_at)}};
}

}  // namespace

void AddConsentRoutes(platform::Manifest& m, ConsentService& s) {
  m.Route({"POST", "/api/v1/lead-consents", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostConsent(r, s); });
  m.Route({"GET", "/api/v1/lead-consents/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, [&s](const Consent& x) { return ToJson(x, s.StatusOf(x)); });
  });
  m.Route({"POST", "/api/v1/lead-consents/{id}/confirm", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostConfirm(r, s); });
  // The customer's own phone, from the desk's QR code: no sign-in; the token is the key.
  m.Route({"GET", "/api/v1/public/lead-consents/{token}", http::kPublic}, [&s](Request& r) -> Result<Response> {
    return http::Render(s.Show(r.PathText("token")), http::kOk, [&s](const Consent& x) { return PublicJson(x, s.StatusOf(x)); });
  });
  m.Route({"POST", "/api/v1/public/lead-consents/{token}/agree", http::kPublic}, [&s](Request& r) -> Result<Response> {
    return http::Render(s.Agree(r.PathText("token")), http::kOk, [&s](const Consent& x) { return PublicJson(x, s.StatusOf(x)); });
  });
}

}  // namespace hearth::sales
