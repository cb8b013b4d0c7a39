// HTTP of the service centre's ticket reports: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/service/service_routes.hpp"

namespace hearth::service {

namespace {

using http::Request;
using http::Response;

Result<Response> GetReport(Request& req, TicketReports& reports) {
  ReportPeriod period;
  if (auto month = req.Query("month")) {
    int half = 0;
    if (auto h = req.Query("half")) {
      if (*h != "1" && *h != "2") {
        return http::BadQuery("half", "invalid_value", "half is 1 or 2");
      }
      half = *h == "1" ? 1 : 2;
    }
    auto p = MonthPeriod(*month, half);
    if (!p) return http::BadQuery("month", "invalid_format", "month is YYYY-MM");
    period = *p;
  } else {
    auto from = ParseChinaDay(req.Query("from").value_or(""));
    auto to = ParseChinaDay(req.Query("to").value_or(""));
    if (!from) return http::BadQuery("from", "invalid_format", "from is YYYY-MM-DD");
    if (!to) return http::BadQuery("to", "invalid_format", "to is YYYY-MM-DD");
    period = {*from, *to, std::nullopt};
  }
  HEARTH_ASSIGN(auto project, http::QueryInt(req, "project_id"));
  HEARTH_ASSIGN(auto report, reports.Report(req.context, period, project));
  return http::Json(http::kOk, std::move(report));
}

}  // namespace

void AddReportRoutes(platform::Manifest& m, TicketReports& reports) {
  m.Route({"GET", "/api/v1/reports/tickets", Permission::kRecordRead, http::BodyLimit::kJson, true}, [&reports](Request& r) -> Result<http::Response> { return GetReport(r, reports); });
}

}  // namespace hearth::service
