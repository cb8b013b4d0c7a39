// HTTP of delivery batches, inspections, findings and open days: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;


Result<boost::json::object> BodyOrEmpty(Request& req) {
  if (req.body.empty()) return boost::json::object{};
  return req.JsonObject();
}

Result<Response> PostBatch(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto project = in.Int("project_id", true);
  auto name = in.String("name", {.required = true, .min_chars = 1, .max_chars = 100});
  auto units = in.IntArray("unit_ids", true, 5000);
  auto planned = in.String("planned_on", {.required = true, .max_chars = 10});
  HEARTH_TRY(in.Finish());
  BatchInput b{*project, *name, *units, *planned};
  return http::Render(s.Create(req.context, b), http::kCreated, [](const Batch& x) { return ToJson(x, true); });
}

Result<Response> PostRelease(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  HEARTH_ASSIGN(auto body, BodyOrEmpty(req));
  http::BodyReader in(body);
  auto reason = in.String("override_reason", {.max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Release(req.context, id, reason, version), http::kOk, [](const Batch& x) { return ToJson(x, true); });
}

Result<Response> PostInspection(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto kind = in.Enum("kind", kInspectionKinds, true);
  auto on = in.String("on", {.required = true, .max_chars = 10});
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.AddInspection(req.context, id, {*kind, *on, note.value_or("")}), http::kCreated,
                      [](const Inspection& x) { return ToJson(x); });
}

Result<Response> PostFinding(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  FindingInput f;
  auto unit = in.Int("unit_id", true);
  auto location = in.String("location", {.required = true, .min_chars = 1, .max_chars = 100});
  f.category_id = in.Int("category_id");
  f.category = in.String("category", {.min_chars = 1, .max_chars = 200});
  auto severity = in.Enum("severity", kSeverities, true);
  auto description = in.String("description", {.required = true, .min_chars = 1, .max_chars = 2000, .multiline = true});
  HEARTH_TRY(in.Finish());
  f.unit_id = *unit;
  f.location = *location;
  f.severity = *severity;
  f.description = *description;
  return http::Render(s.AddFinding(req.context, id, f), http::kCreated, [](const Finding& x) { return ToJson(x); });
}

Result<Response> PostClose(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  HEARTH_ASSIGN(auto body, BodyOrEmpty(req));
  http::BodyReader in(body);
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.CloseFinding(req.context, id, note.value_or(""), version), http::kOk,
                      [](const Finding& x) { return ToJson(x); });
}

Result<Response> PostOpenDay(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto project = in.Int("project_id", true);
  auto on = in.String("on", {.required = true, .max_chars = 10});
  auto decoration = in.Enum("decoration", {"raw", "finished"}, true);
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  auto capacity = in.Int("capacity");
  HEARTH_TRY(in.Finish());
  const std::string today = s.Today();
  return http::Render(s.CreateOpenDay(req.context, *project, *on, *decoration, note.value_or(""), capacity), http::kCreated,
                      [&today](const OpenDay& x) { return ToJson(x, today); });
}

Result<Response> PostPrep(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto held = in.String("held_on", {.required = true, .max_chars = 10});
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  const std::string today = s.Today();
  return http::Render(s.RecordPrep(req.context, id, *held, note.value_or("")), http::kOk, [&today](const OpenDay& x) { return ToJson(x, today); });
}

Result<Response> PostVeto(Request& req, BatchService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto reason = in.String("reason", {.required = true, .min_chars = 1, .max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  const std::string today = s.Today();
  return http::Render(s.VetoOpenDay(req.context, id, *reason), http::kOk, [&today](const OpenDay& x) { return ToJson(x, today); });
}

}  // namespace

void AddBatchRoutes(platform::Manifest& m, BatchService& s) {
  m.Route({"POST", "/api/v1/delivery-batches", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostBatch(r, s); });
  m.Route({"GET", "/api/v1/delivery-batches", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    BatchFilter f;
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.unit_id, http::QueryInt(r, "unit_id"));
    HEARTH_ASSIGN(f.status, http::QueryEnum(r, "status", kBatchStatuses));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.List(r.context, f, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Batch& x) { return ToJson(x, false); });
  });
  m.Route({"GET", "/api/v1/delivery-batches/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, [](const Batch& x) { return ToJson(x, true); });
  });
  m.Route({"POST", "/api/v1/delivery-batches/{id}/release", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostRelease(r, s); });
  m.Route({"GET", "/api/v1/delivery-batches/{id}/inspections", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, s.Inspections(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const Inspection& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/delivery-batches/{id}/inspections", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostInspection(r, s); });
  m.Route({"GET", "/api/v1/inspections/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.GetInspection(r.context, id), http::kOk, [](const Inspection& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/inspections/{id}/findings", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostFinding(r, s); });
  m.Route({"GET", "/api/v1/findings", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    FindingFilter f;
    HEARTH_ASSIGN(f.batch_id, http::QueryInt(r, "batch_id"));
    HEARTH_ASSIGN(f.inspection_id, http::QueryInt(r, "inspection_id"));
    HEARTH_ASSIGN(f.unit_id, http::QueryInt(r, "unit_id"));
    HEARTH_ASSIGN(f.status, http::QueryEnum(r, "status", kFindingStatuses));
    HEARTH_ASSIGN(f.severity, http::QueryEnum(r, "severity", kSeverities));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.Findings(r.context, f, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Finding& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/findings/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.GetFinding(r.context, id), http::kOk, [](const Finding& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/findings/{id}/close", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostClose(r, s); });
  m.Route({"POST", "/api/v1/findings/{id}/photos", Permission::kDeliveryWork, http::BodyLimit::kAttachment, true},
          [&s](Request& r) -> Result<Response> {
            HEARTH_ASSIGN(auto id, r.PathId("id"));
            HEARTH_ASSIGN(auto added, s.AddPhoto(r.context, id, r.Query("file_name").value_or(""), r.body));
            return http::Json(http::kCreated, platform::ToJson(added));
          });
  m.Route({"GET", "/api/v1/findings/{id}/photos", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderList(s.Photos(r.context, id), [](const platform::Attachment& a) { return platform::ToJson(a); });
  });
  m.Route({"GET", "/api/v1/findings/{id}/photos/{file_id}", Permission::kRecordRead, http::BodyLimit::kJson, true},
          [&s](Request& r) -> Result<Response> {
            HEARTH_ASSIGN(auto id, r.PathId("id"));
            HEARTH_ASSIGN(auto file_id, r.PathId("file_id"));
            HEARTH_ASSIGN(auto found, s.Photo(r.context, id, file_id));
            Response res;
            res.content_type = found.first.content_type;
            res.body = std::move(found.second);
            res.headers.emplace_back("Cache-Control", "private, max-age=31536000, immutable");
            return res;
          });
  m.Route({"DELETE", "/api/v1/findings/{id}/photos/{file_id}", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto file_id, r.PathId("file_id"));
    return http::RenderNoContent(s.RemovePhoto(r.context, id, file_id));
  });
  m.Route({"POST", "/api/v1/open-days", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostOpenDay(r, s); });
  m.Route({"GET", "/api/v1/open-days", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.OpenDays(r.context, project, page));
    const std::string today = s.Today();
    return http::ListResponse(list.items, list.next_cursor, [&today](const OpenDay& x) { return ToJson(x, today); });
  });
  m.Route({"POST", "/api/v1/open-days/{id}/veto", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostVeto(r, s); });
  m.Route({"POST", "/api/v1/open-days/{id}/prep", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostPrep(r, s); });
  m.Route({"GET", "/api/v1/open-days/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    const std::string today = s.Today();
    return http::Render(s.GetOpenDay(r.context, id), http::kOk, [&today](const OpenDay& x) { return ToJson(x, today); });
  });
}

}  // namespace hearth::delivery
