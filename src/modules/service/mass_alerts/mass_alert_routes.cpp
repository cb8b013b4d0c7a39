// HTTP of the service centre's mass complaint alerts: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/service/service_routes.hpp"

namespace hearth::service {

namespace {

using http::Request;
using http::Response;

Result<Response> AlertDecision(Request& req, MassAlertService& alerts, bool close) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  auto grade = close ? std::optional<TicketGrade>() : in.Enum("grade", kTicketGrades);
  auto note = in.String("note", {.max_chars = 2000, .multiline = true});
  HEARTH_TRY(in.Finish(close ? std::initializer_list<std::string_view>{"note"} : std::initializer_list<std::string_view>{"grade", "note"}));
  auto result = close ? alerts.Close(req.context, id, note) : alerts.Acknowledge(req.context, id, grade, note);
  return http::Render(std::move(result), http::kOk, [](const MassAlert& a) { return ToJson(a); });
}

boost::json::object SettingsJson(const MassSettings& s) {
  return {{"mass_threshold", s.threshold}, {"mass_window_hours", s.window_hours}};
}

}  // namespace

void AddMassAlertRoutes(platform::Manifest& m, MassAlertService& alerts) {
  m.Route({"GET", "/api/v1/mass-alerts", Permission::kRecordRead}, [&alerts](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto status, http::QueryEnum(r, "status", kMassAlertStatuses));
    HEARTH_ASSIGN(auto list, alerts.List(r.context, status, page));
    return http::ListResponse(list.items, list.next_cursor, [](const MassAlert& a) { return ToJson(a); });
  });
  m.Route({"GET", "/api/v1/mass-alerts/{id}", Permission::kRecordRead}, [&alerts](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(alerts.Get(r.context, id), http::kOk, [](const MassAlert& a) { return ToJson(a); });
  });
  m.Route({"POST", "/api/v1/mass-alerts/{id}/acknowledge", Permission::kRecordWrite}, [&alerts](Request& r) -> Result<http::Response> { return AlertDecision(r, alerts, false); });
  m.Route({"POST", "/api/v1/mass-alerts/{id}/close", Permission::kRecordWrite}, [&alerts](Request& r) -> Result<http::Response> { return AlertDecision(r, alerts, true); });
  m.Route({"GET", "/api/v1/service-settings", Permission::kRecordRead}, [&alerts](Request& r) -> Result<http::Response> {
    return http::Render(alerts.Settings(r.context), http::kOk, SettingsJson);
  });
  m.Route({"PUT", "/api/v1/service-settings", Permission::kServiceConfig}, [&alerts](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    auto threshold = in.Int("mass_threshold", true);
    auto window = in.Int("mass_window_hours", true);
    HEARTH_TRY(in.Finish());
    return http::Render(alerts.SetSettings(r.context, {static_cast<int>(*threshold), static_cast<int>(*window)}),
                        http::kOk, SettingsJson);
  });
}

}  // namespace hearth::service
