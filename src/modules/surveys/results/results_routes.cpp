// HTTP of the results: the indices, the score card, the drivers, intent against behaviour, the export.
#include "http/conventions.hpp"
#include "modules/surveys/surveys_routes.hpp"

namespace hearth::surveys {

namespace {

using http::Request;
using http::Response;

Result<ResultsFilter> FilterOf(const Request& r) {
  ResultsFilter f;
  HEARTH_ASSIGN(f.wave_id, http::QueryInt(r, "wave_id"));
  HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
  HEARTH_ASSIGN(auto cohort, http::QueryEnum(r, "cohort", kCohorts));
  if (cohort) f.cohort = std::string(kCohorts.Name(*cohort));
  HEARTH_ASSIGN(auto by, http::QueryEnum(r, "by", std::vector<std::string>{"project", "cohort", "company", "wave"}));
  f.by = by.value_or("");
  return f;
}

}  // namespace

void AddResultsRoutes(platform::Manifest& m, ResultsService& s) {
  auto json = [](Result<boost::json::object> x) { return http::Render(x, http::kOk, [](const boost::json::object& o) { return o; }); };
  m.Route({"GET", "/api/v1/surveys/{id}/results", Permission::kRecordRead}, [&s, json](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto f, FilterOf(r));
    return json(s.Results(r.context, id, f));
  });
  m.Route({"GET", "/api/v1/surveys/{id}/scorecard", Permission::kRecordRead}, [&s, json](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto f, FilterOf(r));
    return json(s.Scorecard(r.context, id, f));
  });
  m.Route({"GET", "/api/v1/surveys/{id}/drivers", Permission::kRecordRead}, [&s, json](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto f, FilterOf(r));
    return json(s.Drivers(r.context, id, f));
  });
  m.Route({"GET", "/api/v1/surveys/{id}/intent", Permission::kRecordRead}, [&s, json](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto f, FilterOf(r));
    HEARTH_ASSIGN(auto months, http::QueryInt(r, "months"));
    if (months && (*months < 1 || *months > 60)) return http::BadQuery("months", "out_of_range", "months is 1 to 60");
    return json(s.Intent(r.context, id, f, static_cast<int>(months.value_or(12))));
  });
  m.Route({"GET", "/api/v1/surveys/{id}/responses/export", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto f, FilterOf(r));
    return TableAnswer(r, s.Responses(r.context, id, f), "survey-" + std::to_string(id) + "-responses");
  });
}

}  // namespace hearth::surveys
