// HTTP of the delivery reports: the project's special report and the delivery calendar.
#include "core/json.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

void AddReportRoutes(platform::Manifest& m, ReportService& s) {
  using http::Request;
  using http::Response;
  m.Route({"GET", "/api/v1/delivery-reports/{project_id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, r.PathId("project_id"));
    return http::Render(s.ProjectReport(r.context, project), http::kOk, [](const boost::json::object& o) { return o; });
  });
  m.Route({"GET", "/api/v1/delivery-calendar", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    const auto from = r.Query("from"), to = r.Query("to");
    if (!from) return http::BadQuery("from", "required", "from is a day, YYYY-MM-DD");
    if (!to) return http::BadQuery("to", "required", "to is a day, YYYY-MM-DD");
    HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
    return http::Render(s.Calendar(r.context, *from, *to, project), http::kOk, [](const boost::json::object& o) { return o; });
  });
}

}  // namespace hearth::delivery
