// HTTP of 判客 disputes: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

namespace {

using http::Request;
using http::Response;

Result<Response> PostDecision(Request& req, DisputeService& s, bool uphold) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto note = in.String("note", {.required = true, .min_chars = 1, .max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Decide(req.context, id, uphold, *note), http::kOk, [](const Dispute& d) { return ToJson(d); });
}

}  // namespace

void AddDisputeRoutes(platform::Manifest& m, DisputeService& s) {
  m.Route({"POST", "/api/v1/leads/{id}/disputes", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    auto reason = in.String("reason", {.required = true, .min_chars = 1, .max_chars = 1000, .multiline = true});
    HEARTH_TRY(in.Finish());
    return http::Render(s.File(r.context, id, *reason), http::kCreated, [](const Dispute& d) { return ToJson(d); });
  });
  m.Route({"GET", "/api/v1/lead-disputes", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto status, http::QueryEnum(r, "status", kDisputeStatuses));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.List(r.context, status, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Dispute& d) { return ToJson(d); });
  });
  m.Route({"POST", "/api/v1/lead-disputes/{id}/uphold", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostDecision(r, s, true); });
  m.Route({"POST", "/api/v1/lead-disputes/{id}/reject", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostDecision(r, s, false); });
}

}  // namespace hearth::sales
