// HTTP of collections: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

namespace {

using http::Request;
using http::Response;

Result<Response> PostContact(Request& req, CollectionService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  ContactInput c;
  auto kind = in.Enum("kind", kContactKinds, true);
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  c.promised_on = in.String("promised_on", {.max_chars = 10});
  HEARTH_TRY(in.Finish());
  c.kind = *kind;
  c.note = note.value_or("");
  return http::Render(s.AddContact(req.context, id, c), http::kCreated, [](const DunningNote& n) { return ToJson(n); });
}

}  // namespace

void AddCollectionRoutes(platform::Manifest& m, CollectionService& s) {
  m.Route({"GET", "/api/v1/dunning-tasks", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    DunningFilter f;
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.status, http::QueryEnum(r, "status", kDunningStatuses));
    HEARTH_ASSIGN(auto stage, http::QueryInt(r, "stage"));
    if (stage && (*stage < 1 || *stage > 3)) return http::BadQuery("stage", "invalid_value", "stage is 1, 2 or 3");
    if (stage) f.stage = static_cast<int>(*stage);
    HEARTH_ASSIGN(auto mine, http::QueryBool(r, "mine"));
    f.mine = mine.value_or(false);
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.List(r.context, f, page));
    return http::ListResponse(list.items, list.next_cursor, [&s](const DunningTask& t) { return ToJson(t, s.Today()); });
  });
  m.Route({"GET", "/api/v1/dunning-tasks/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, [&s](const DunningTask& t) { return ToJson(t, s.Today()); });
  });
  m.Route({"GET", "/api/v1/dunning-tasks/{id}/contacts", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, s.Contacts(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const DunningNote& n) { return ToJson(n); });
  });
  m.Route({"POST", "/api/v1/dunning-tasks/{id}/contacts", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostContact(r, s); });
  m.Route({"GET", "/api/v1/sales/collections", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(const Collections report, s.Report(r.context, project));
    return ReportAnswer(r, ToJson(report), [&report] { return TableOf(report); }, "collections");
  });
}

}  // namespace hearth::sales
