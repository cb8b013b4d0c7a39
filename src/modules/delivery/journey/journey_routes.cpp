// HTTP of the 6+2 journey: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;

Result<Response> PatchTouch(Request& req, JourneyService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  TouchPatch p;
  p.company_id = in.Int("company_id");
  p.name = in.String("name", {.min_chars = 1, .max_chars = 100});
  p.description = in.String("description", {.max_chars = 1000, .multiline = true});
  p.standard = in.Bool("standard");
  p.trigger = in.Enum("trigger", kTriggers);
  if (auto offset = in.Int("offset_days")) {
    if (*offset < -3650 || *offset > 3650) in.Invalid("offset_days", "out_of_range");
    p.offset_days = static_cast<int>(*offset);
  }
  p.team = in.Enum("team", kTeams);
  p.active = in.Bool("active");
  HEARTH_TRY(in.Finish());
  return http::Render(s.UpdateTouch(req.context, id, p), http::kOk, [](const Touch& t) { return ToJson(t); });
}

Result<Response> PostComplete(Request& req, JourneyService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto evidence = in.String("evidence", {.max_chars = 1000, .multiline = true});
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  const std::string today = s.Today();
  return http::Render(s.Complete(req.context, id, evidence.value_or(""), note.value_or("")), http::kOk,
                      [&today](const JourneyTask& t) { return ToJson(t, today); });
}

}  // namespace

void AddJourneyRoutes(platform::Manifest& m, JourneyService& s) {
  m.Route({"GET", "/api/v1/journey/playbook", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto company, http::QueryInt(r, "company_id"));
    HEARTH_ASSIGN(auto touches, s.Playbook(r.context, company));
    return http::ListResponse(touches, std::nullopt, [](const Touch& t) { return ToJson(t); });
  });
  m.Route({"PATCH", "/api/v1/journey/playbook/{id}", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PatchTouch(r, s); });
  m.Route({"POST", "/api/v1/journey/make", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    return http::Render(s.Make(r.context), http::kOk, [](const MakeReport& x) {
      return boost::json::object{{"from", x.from}, {"through", x.through}, {"homes", x.homes}, {"created", x.created}};
    });
  });
  m.Route({"GET", "/api/v1/journey-tasks", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    TaskFilter f;
    HEARTH_ASSIGN(f.state, http::QueryEnum(r, "state", {"open", "due", "missed", "done"}));
    HEARTH_ASSIGN(f.team, http::QueryEnum(r, "team", kTeams));
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.customer_id, http::QueryInt(r, "customer_id"));
    HEARTH_ASSIGN(auto step, http::QueryInt(r, "step"));
    if (step && (*step < 1 || *step > 8)) return http::BadQuery("step", "out_of_range", "step is 1 to 8");
    if (step) f.step = static_cast<int>(*step);
    if (auto touch = r.Query("touch")) {
      if (touch->empty() || touch->size() > 40) return http::BadQuery("touch", "invalid_format", "touch is a touch's code");
      f.touch = std::string(*touch);
    }
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto found, s.Tasks(r.context, f, page));
    const std::string today = s.Today();
    boost::json::array items;
    for (const auto& t : found.list.items) items.push_back(ToJson(t, today));
    boost::json::object body{{"items", std::move(items)},
                             {"next_cursor", found.list.next_cursor ? boost::json::value(*found.list.next_cursor) : boost::json::value(nullptr)},
                             {"total", found.total ? boost::json::value(*found.total) : boost::json::value(nullptr)},
                             {"total_capped", found.total_capped}};
    return http::Json(http::kOk, body);
  });
  m.Route({"POST", "/api/v1/journey-tasks/{id}/complete", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostComplete(r, s); });
  m.Route({"GET", "/api/v1/customers/{id}/journey", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.CustomerJourney(r.context, id), http::kOk, [](const boost::json::object& o) { return o; });
  });
  m.Route({"GET", "/api/v1/journey/after-delivery", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(auto items, s.AfterDelivery(r.context, project));
    boost::json::object body{{"items", std::move(items)}, {"next_cursor", nullptr}};
    return http::Json(http::kOk, body);
  });
  m.Route({"GET", "/api/v1/journey/four-year-plan", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto company, http::QueryInt(r, "company_id"));
    HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
    return http::Render(s.FourYearPlan(r.context, company, project), http::kOk, [](const boost::json::object& o) { return o; });
  });
  m.Route({"GET", "/api/v1/journey/scores", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    const auto period = r.Query("period");
    if (!period || !QuarterOf(*period)) return http::BadQuery("period", "invalid_format", "period is a quarter like 2026Q4");
    HEARTH_ASSIGN(auto scores, s.Scores(r.context, *period));
    boost::json::object body{{"items", std::move(scores)}, {"next_cursor", nullptr}};
    return http::Json(http::kOk, body);
  });
}

}  // namespace hearth::delivery
