// HTTP of 老带新: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

namespace {

using http::Request;
using http::Response;

Result<Response> PostReferral(Request& req, ReferralService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  ReferralInput r;
  auto referrer = in.Int("referrer_id", true);
  auto referee = in.Int("referee_id", true);
  auto project = in.Int("project_id", true);
  r.consultant_id = in.Int("consultant_id");
  auto intent = in.Enum("intent", kIntents);
  auto note = in.String("note", {.max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  r.referrer_id = *referrer;
  r.referee_id = *referee;
  r.project_id = *project;
  r.intent = intent.value_or(Intent::kB);
  r.note = note.value_or("");
  return http::Render(s.Create(req.context, r), http::kCreated, [](const Referral& x) { return ToJson(x); });
}

Result<Response> PostPay(Request& req, ReferralService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  auto note = in.String("note", {.max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Pay(req.context, id, note.value_or(""), version), http::kOk,
                      [](const Referral& x) { return ToJson(x); });
}

}  // namespace

void AddReferralRoutes(platform::Manifest& m, ReferralService& s) {
  m.Route({"POST", "/api/v1/referrals", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostReferral(r, s); });
  m.Route({"GET", "/api/v1/referrals", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    ReferralFilter f;
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.status, http::QueryEnum(r, "status", kReferralStatuses));
    HEARTH_ASSIGN(f.referrer_id, http::QueryInt(r, "referrer_id"));
    HEARTH_ASSIGN(f.customer_id, http::QueryInt(r, "customer_id"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.List(r.context, f, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Referral& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/referrals/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, [](const Referral& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/referrals/{id}/pay", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostPay(r, s); });
}

}  // namespace hearth::sales
