// HTTP of leads and attribution: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

namespace {

using http::Request;
using http::Response;

Result<Response> PostLead(Request& req, LeadService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  LeadInput l;
  auto project = in.Int("project_id", true);
  auto customer = in.Int("customer_id", true);
  auto source = in.Enum("source", kLeadSources, true);
  auto intent = in.Enum("intent", kIntents);
  l.budget_cents = in.Int("budget_cents");
  auto needs = in.String("needs", {.max_chars = 500, .multiline = true});
  l.consultant_id = in.Int("consultant_id");
  l.age_band = in.Enum("age_band", kAgeBands);
  l.household = in.Enum("household", kHouseholds);
  l.need_type = in.Enum("need_type", kNeedTypes);
  HEARTH_TRY(in.Finish());
  l.project_id = *project;
  l.customer_id = *customer;
  l.source = *source;
  l.intent = intent.value_or(Intent::kC);
  l.needs = needs.value_or("");
  const Timestamp now = s.Now();
  HEARTH_ASSIGN(auto registered, s.Register(req.context, l));
  return http::Json(registered.created ? http::kCreated : http::kOk, ToJson(registered.lead, now));
}

Result<Response> ListLeads(Request& req, LeadService& s) {
  LeadFilter f;
  HEARTH_ASSIGN(auto pool, http::QueryBool(req, "pool"));
  HEARTH_ASSIGN(auto mine, http::QueryBool(req, "mine"));
  HEARTH_ASSIGN(auto due, http::QueryBool(req, "due"));
  HEARTH_ASSIGN(f.project_id, http::QueryInt(req, "project_id"));
  HEARTH_ASSIGN(f.consultant_id, http::QueryInt(req, "consultant_id"));
  HEARTH_ASSIGN(f.customer_id, http::QueryInt(req, "customer_id"));
  HEARTH_ASSIGN(f.status, http::QueryEnum(req, "status", kLeadStatuses));
  HEARTH_ASSIGN(auto page, http::PageOf(req));
  f.pool = pool.value_or(false);
  f.mine = mine.value_or(false);
  f.due = due.value_or(false);
  const Timestamp now = s.Now();
  HEARTH_ASSIGN(auto list, s.List(req.context, f, page));
  return http::ListResponse(list.items, list.next_cursor, [now](const Lead& l) { return ToJson(l, now); });
}

Result<Response> PostFollowUp(Request& req, LeadService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto kind = in.Enum("kind", kFollowUpKinds, true);
  auto note = in.String("note", {.max_chars = 2000, .multiline = true});
  auto next = in.String("next_at", {.max_chars = 40});
  std::optional<Timestamp> next_at;
  if (next && !(next_at = ParseRfc3339(*next))) in.Invalid("next_at", "invalid_format");
  HEARTH_TRY(in.Finish());
  return http::Render(s.AddFollowUp(req.context, id, *kind, note.value_or(""), next_at), http::kCreated,
                      [](const FollowUp& f) { return ToJson(f); });
}

Result<Response> PutSettings(Request& req, LeadService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto call = in.Int("call_days", true);
  auto visit = in.Int("visit_days", true);
  auto follow = in.Int("follow_up_days", true);
  auto limit = in.Int("max_active_leads", true);
  auto reward = in.Int("referral_reward_cents");
  auto floor = in.Int("floor_percent");
  HEARTH_TRY(in.Finish({"project_id", "version"}));
  // The fields added later keep their value when a client leaves them out.
  HEARTH_ASSIGN(const SalesSettings current, s.Settings(req.context, id));
  auto narrow = [](std::int64_t v) { return static_cast<int>(std::clamp<std::int64_t>(v, -1, 1000000)); };
  SalesSettings settings{id, narrow(*call), narrow(*visit), narrow(*follow), narrow(*limit),
                         reward.value_or(current.referral_reward_cents),
                         floor ? narrow(*floor) : current.floor_percent, 1};
  return http::Render(s.SetSettings(req.context, id, settings, version), http::kOk,
                      [](const SalesSettings& x) { return ToJson(x); });
}

Result<Response> GetFunnel(Request& req, LeadService& s) {
  HEARTH_ASSIGN(auto project, http::QueryInt(req, "project_id"));
  HEARTH_ASSIGN(auto by, http::QueryEnum(req, "by", kFunnelBy));
  // The last 30 days (China dates) unless asked.
  constexpr std::int64_t kDay = 24LL * 3600 * 1000, kOffset = 8LL * 3600 * 1000;
  const std::int64_t today = (s.Now().ms + kOffset) / kDay;
  const std::string to = req.Query("to").value_or(FormatIsoDate(today));
  const std::string from = req.Query("from").value_or(FormatIsoDate(today - 29));
  HEARTH_ASSIGN(const Funnel funnel, s.FunnelOf(req.context, project, from, to, by.value_or(FunnelBy::kChannel)));
  return ReportAnswer(req, ToJson(funnel), [&funnel] { return TableOf(funnel); }, "funnel");
}

Result<Response> GetProfile(Request& req, LeadService& s) {
  HEARTH_ASSIGN(auto project, http::QueryInt(req, "project_id"));
  constexpr std::int64_t kDay = 24LL * 3600 * 1000, kOffset = 8LL * 3600 * 1000;
  const std::int64_t today = (s.Now().ms + kOffset) / kDay;
  const std::string to = req.Query("to").value_or(FormatIsoDate(today));
  const std::string from = req.Query("from").value_or(FormatIsoDate(today - 29));
  HEARTH_ASSIGN(const VisitorProfile profile, s.ProfileOf(req.context, project, from, to));
  return ReportAnswer(req, ToJson(profile), [&profile] { return TableOf(profile); }, "visitor-profile");
}

}  // namespace

void AddLeadRoutes(platform::Manifest& m, LeadService& s) {
  m.Route({"POST", "/api/v1/leads", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> { return PostLead(r, s); });
  m.Route({"GET", "/api/v1/leads", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> { return ListLeads(r, s); });
  m.Route({"GET", "/api/v1/leads/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    const Timestamp now = s.Now();
    return http::Render(s.Get(r.context, id), http::kOk, [now](const Lead& l) { return ToJson(l, now); });
  });
  m.Route({"POST", "/api/v1/leads/{id}/follow-ups", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostFollowUp(r, s); });
  m.Route({"GET", "/api/v1/leads/{id}/follow-ups", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, s.FollowUps(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const FollowUp& f) { return ToJson(f); });
  });
  m.Route({"POST", "/api/v1/leads/{id}/claim", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    const Timestamp now = s.Now();
    return http::Render(s.Claim(r.context, id), http::kOk, [now](const Lead& l) { return ToJson(l, now); });
  });
  m.Route({"GET", "/api/v1/sales/funnel", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> { return GetFunnel(r, s); });
  m.Route({"GET", "/api/v1/sales/visitor-profile", Permission::kRecordRead},
          [&s](Request& r) -> Result<Response> { return GetProfile(r, s); });
  m.Route({"GET", "/api/v1/projects/{id}/sales-settings", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Settings(r.context, id), http::kOk, [](const SalesSettings& x) { return ToJson(x); });
  });
  m.Route({"PUT", "/api/v1/projects/{id}/sales-settings", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PutSettings(r, s); });
}

}  // namespace hearth::sales
