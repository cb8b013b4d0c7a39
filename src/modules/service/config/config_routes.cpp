// HTTP of the service centre's configuration: parse → use case → JSON. No SQL, no rules.
#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/service/service_routes.hpp"

namespace hearth::service {

namespace {

using http::Request;
using http::Response;

boost::json::object RuleJson(const RoutingRule& r) {
  return {{"id", r.id},
          {"position", r.position},
          {"name", r.name},
          {"kind", JsonOr(r.kind)},
          {"category_id", JsonOr(r.category_id)},
          {"grade", JsonOr(r.grade)},
          {"project_id", JsonOr(r.project_id)},
          {"unit_status", JsonOr(r.unit_status)},
          {"department", kDepartments.Name(r.department)},
          {"org_unit_id", JsonOr(r.org_unit_id)},
          {"active", r.active}};
}

boost::json::object PolicyJson(const SlaPolicy& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kind", JsonOr(p.kind)},
          {"grade", JsonOr(p.grade)},
          {"category_id", JsonOr(p.category_id)},
          {"response_minutes", p.response_minutes},
          {"resolve_minutes", p.resolve_minutes}};
}

boost::json::object CategoryJson(const Category& c) {
  return {{"id", c.id},         {"parent_id", JsonOr(c.parent_id)}, {"name", c.name},   {"position", c.position},
          {"active", c.active}, {"warranty", JsonOr(c.warranty)},   {"version", c.version}};
}

std::string ClockText(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::optional<int> MinutesOf(const std::string& hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (hhmm[i] < '0' || hhmm[i] > '9') return std::nullopt;
  }
  const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0'), m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

boost::json::object CalendarJson(const CalendarRow& c) {
  boost::json::array days;
  for (const auto& d : c.days) {
    days.push_back(boost::json::object{{"day", FormatChinaDay(d.day)}, {"working", d.working}, {"name", d.name}});
  }
  return {{"region", c.region}, {"day_start", ClockText(c.day_start_min)}, {"day_end", ClockText(c.day_end_min)},
          {"version", c.version}, {"days", std::move(days)}};
}

/// The body of POST and PUT /api/v1/routing-rules (PUT replaces every field).
Result<RoutingRule> ReadRule(Request& req) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  RoutingRule r;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  auto position = in.Int("position");
  r.kind = in.Enum("kind", kTicketKinds);
  r.category_id = in.Int("category_id");
  r.grade = in.Enum("grade", kTicketGrades);
  r.project_id = in.Int("project_id");
  r.unit_status = in.Enum("unit_status", inventory::kUnitStatuses);
  auto department = in.Enum("department", kDepartments, true);
  r.org_unit_id = in.Int("org_unit_id");
  auto active = in.Bool("active");
  HEARTH_TRY(in.Finish());
  r.name = *name;
  r.position = static_cast<int>(position.value_or(100));
  r.department = *department;
  r.active = active.value_or(true);
  return r;
}

/// The body of POST and PUT /api/v1/sla-policies.
Result<SlaPolicy> ReadPolicy(Request& req) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  SlaPolicy p;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  p.kind = in.Enum("kind", kTicketKinds);
  p.grade = in.Enum("grade", kTicketGrades);
  p.category_id = in.Int("category_id");
  auto response = in.Int("response_minutes", true);
  auto resolve = in.Int("resolve_minutes", true);
  if (response && (*response < 1 || *response > 100000)) in.Invalid("response_minutes", "out_of_range");
  if (resolve && (*resolve < 1 || *resolve > 1000000)) in.Invalid("resolve_minutes", "out_of_range");
  HEARTH_TRY(in.Finish());
  p.name = *name;
  p.response_minutes = static_cast<int>(*response);
  p.resolve_minutes = static_cast<int>(*resolve);
  return p;
}

Result<Response> PostCategory(Request& req, ConfigService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  Category c;
  auto name = in.String("name", {.required = true, .max_chars = 50});
  c.parent_id = in.Int("parent_id");
  auto position = in.Int("position");
  c.warranty = in.Enum("warranty", kWarrantyTypes);
  HEARTH_TRY(in.Finish());
  c.name = *name;
  c.position = static_cast<int>(position.value_or(0));
  return http::Render(s.CreateCategory(req.context, c), http::kCreated, CategoryJson);
}

Result<Response> PatchCategory(Request& req, ConfigService& s) {
  HEARTH_ASSIGN(auto patch, http::ReadPatch(req));
  http::BodyReader in(patch.body);
  auto name = in.String("name", {.max_chars = 50});
  auto position = in.Int("position");
  auto active = in.Bool("active");
  HEARTH_TRY(in.Finish());
  if (name && name->empty()) return FailField("name", "required");
  std::optional<int> pos;
  if (position) pos = static_cast<int>(*position);
  return http::Render(s.UpdateCategory(req.context, patch.id, name, pos, active, patch.version), http::kOk,
                      CategoryJson);
}

Result<Response> PatchCalendar(Request& req, ConfigService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto start = in.String("day_start", {.required = true, .max_chars = 5});
  auto end = in.String("day_end", {.required = true, .max_chars = 5});
  if (start && !MinutesOf(*start)) in.Invalid("day_start", "invalid_format");
  if (end && !MinutesOf(*end)) in.Invalid("day_end", "invalid_format");
  HEARTH_TRY(in.Finish());
  return http::Render(s.SetHours(req.context, req.PathText("region"), *MinutesOf(*start), *MinutesOf(*end)), http::kOk,
                      CalendarJson);
}

Result<Response> PutCalendarDay(Request& req, ConfigService& s) {
  auto day = ParseChinaDay(req.PathText("day"));
  if (!day) return FailField("day", "invalid_format");
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto working = in.Bool("working", true);
  auto name = in.String("name", {.max_chars = 50});
  HEARTH_TRY(in.Finish());
  return http::Render(s.PutDay(req.context, req.PathText("region"), {*day, *working, name.value_or("")}), http::kOk,
                      CalendarJson);
}

/// The department a path names; 404 for a word that is not one.
Result<Department> DepartmentOf(const Request& req) {
  const auto department = kDepartments.Parse(req.PathText("department"));
  if (!department) return NotFound("no such department");
  return *department;
}

boost::json::object MemberJson(const ConfigService::Member& m) {
  return {{"user_id", m.user_id},
          {"username", m.username},
          {"display_name", m.display_name},
          {"last_assigned_at", JsonTime(m.last_assigned_at)}};
}

}  // namespace

void AddConfigRoutes(platform::Manifest& m, ConfigService& s) {
  m.Route({"GET", "/api/v1/departments/{department}/members", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(const Department department, DepartmentOf(r));
    HEARTH_ASSIGN(auto list, s.Members(r.context, department));
    return http::ListResponse(list, std::nullopt, MemberJson);
  });
  m.Route({"PUT", "/api/v1/departments/{department}/members", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(const Department department, DepartmentOf(r));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    auto ids = in.IntArray("user_ids", true, 500);
    HEARTH_TRY(in.Finish());
    HEARTH_ASSIGN(auto list, s.SetMembers(r.context, department, *ids));
    return http::ListResponse(list, std::nullopt, MemberJson);
  });
  m.Route({"GET", "/api/v1/ticket-categories", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return http::RenderList(s.Categories(r.context), CategoryJson); });
  m.Route({"POST", "/api/v1/ticket-categories", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PostCategory(r, s); });
  m.Route({"PATCH", "/api/v1/ticket-categories/{id}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PatchCategory(r, s); });
  m.Route({"GET", "/api/v1/routing-rules", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return http::RenderList(s.Rules(r.context), RuleJson); });
  m.Route({"POST", "/api/v1/routing-rules", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto rule, ReadRule(r));
    return http::Render(s.CreateRule(r.context, std::move(rule)), http::kCreated, RuleJson);
  });
  m.Route({"PUT", "/api/v1/routing-rules/{id}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto rule, ReadRule(r));
    return http::Render(s.UpdateRule(r.context, id, std::move(rule)), http::kOk, RuleJson);
  });
  m.Route({"DELETE", "/api/v1/routing-rules/{id}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderNoContent(s.DeleteRule(r.context, id));
  });
  m.Route({"GET", "/api/v1/sla-policies", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return http::RenderList(s.Policies(r.context), PolicyJson); });
  m.Route({"POST", "/api/v1/sla-policies", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto policy, ReadPolicy(r));
    return http::Render(s.CreatePolicy(r.context, std::move(policy)), http::kCreated, PolicyJson);
  });
  m.Route({"PUT", "/api/v1/sla-policies/{id}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto policy, ReadPolicy(r));
    return http::Render(s.UpdatePolicy(r.context, id, std::move(policy)), http::kOk, PolicyJson);
  });
  m.Route({"DELETE", "/api/v1/sla-policies/{id}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderNoContent(s.DeletePolicy(r.context, id));
  });
  m.Route({"GET", "/api/v1/calendars/{region}", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    return http::Render(s.Calendar(r.context, r.PathText("region")), http::kOk, CalendarJson);
  });
  m.Route({"PATCH", "/api/v1/calendars/{region}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PatchCalendar(r, s); });
  m.Route({"PUT", "/api/v1/calendars/{region}/days/{day}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PutCalendarDay(r, s); });
  m.Route({"DELETE", "/api/v1/calendars/{region}/days/{day}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    auto day = ParseChinaDay(r.PathText("day"));
    if (!day) return FailField("day", "invalid_format");
    return http::Render(s.DeleteDay(r.context, r.PathText("region"), *day), http::kOk, CalendarJson);
  });
}

}  // namespace hearth::service
