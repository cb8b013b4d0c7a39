// HTTP of 产权办理: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;

Result<Response> PostStep(Request& req, TitleService& s) {
  HEARTH_ASSIGN(auto unit, req.PathId("unit_id"));
  const auto stage = kTitleStages.Parse(req.PathText("stage"));
  if (!stage || *stage == TitleStage::kNotStarted) return FailField("stage", "invalid_value");
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto on = in.String("on", {.required = true, .max_chars = 10});
  auto number = in.String("certificate_no", {.max_chars = 64});
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  const auto today = s.Today();
  return http::Render(s.Advance(req.context, unit, *stage, *on, number, note.value_or(""), version), http::kOk,
                      [today](const TitleCertificate& x) { return ToJson(x, today); });
}

}  // namespace

void AddTitleRoutes(platform::Manifest& m, TitleService& s) {
  m.Route({"GET", "/api/v1/title-certificates", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    TitleFilter f;
    HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
    if (!project) return http::BadQuery("project_id", "required", "project_id is required");
    f.project_id = *project;
    HEARTH_ASSIGN(f.stage, http::QueryEnum(r, "stage", kTitleStages));
    f.overdue_only = r.Query("overdue").value_or("") == "true";
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.List(r.context, f, page));
    const auto today = s.Today();
    boost::json::array items;
    for (const auto& t : list.items) items.push_back(ToJson(t, today));
    boost::json::object stages;
    for (std::size_t i = 0; i < kTitleStages.size(); ++i) {
      const auto stage = static_cast<TitleStage>(i);
      stages[WordOf(stage)] = list.by_stage.contains(stage) ? list.by_stage.at(stage) : 0;
    }
    boost::json::object body{{"items", std::move(items)},
                             {"next_cursor", list.next_cursor ? boost::json::value(*list.next_cursor) : boost::json::value(nullptr)},
                             {"summary", boost::json::object{{"sold", list.sold}, {"overdue", list.overdue}, {"by_stage", std::move(stages)}}}};
    return http::Json(http::kOk, body);
  });
  m.Route({"GET", "/api/v1/title-certificates/{unit_id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto unit, r.PathId("unit_id"));
    const auto today = s.Today();
    return http::Render(s.Get(r.context, unit), http::kOk, [today](const TitleCertificate& x) { return ToJson(x, today); });
  });
  m.Route({"POST", "/api/v1/title-certificates/{unit_id}/steps/{stage}", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostStep(r, s); });
}

}  // namespace hearth::delivery
