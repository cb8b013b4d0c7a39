// The surveys module's manifest: its tables, the sending job, and the routes of each part.
#include "modules/surveys/surveys_routes.hpp"

#include "http/conventions.hpp"

namespace hearth::surveys {

Result<http::Response> TableAnswer(const http::Request& req, const Result<Table>& table, const std::string& name) {
  const std::string format = req.Query("format").value_or("csv");
  if (format != "csv" && format != "xlsx") return http::BadQuery("format", "invalid_value", "format is csv or xlsx");
  if (!table) return tl::unexpected(table.error());
  http::Response res{http::kOk,
                     format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     TableFile(*table, format, name, req.context.request_id), {}};
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
  return res;
}

platform::Manifest BuildManifest(SurveysModule& module) {
  platform::Manifest m{.name = "surveys", .folder = "modules/surveys", .tables = {
      {"surveys"}, {"survey_versions"}, {"survey_waves"}, {"survey_invitations"}, {"survey_responses"}, {"survey_opt_outs"}}};
  // One answer per invitation, whatever the race.
  m.constraints.push_back({"uq_survey_responses_invitation", {"answers", "already_answered", ErrorCode::kConflict, "already_answered"}});
  m.demo = [&module](platform::Demo& demo) { return AddDemoSurveys(module, demo); };
  AddBuilderRoutes(m, module.surveys, module.waves);
  AddWaveRoutes(m, module.waves, module.links);
  AddResultsRoutes(m, module.results);
  WaveService& waves = module.waves;
  m.jobs.push_back({WaveService::kSendJob, [&waves](db::Tx& tx, const platform::Job& job) { return waves.OnSendJob(tx, job); }});
  return m;
}

}  // namespace hearth::surveys
