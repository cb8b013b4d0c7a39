#include <cctype>

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/service/service_module.hpp"

// HTTP of the service centre: parse → service → JSON. No SQL, no rules.
namespace hearth::service {

namespace {

using http::Request;
using http::Response;

template <typename T>
boost::json::value Opt(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object RuleJson(const RoutingRule& r) {
  return {{"id", r.id},
          {"position", r.position},
          {"name", r.name},
          {"kind", Opt(r.kind)},
          {"category_id", Opt(r.category_id)},
          {"grade", Opt(r.grade)},
          {"project_id", Opt(r.project_id)},
          {"unit_status", Opt(r.unit_status)},
          {"department", r.department},
          {"org_unit_id", Opt(r.org_unit_id)},
          {"active", r.active}};
}

boost::json::object PolicyJson(const SlaPolicy& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kind", Opt(p.kind)},
          {"grade", Opt(p.grade)},
          {"category_id", Opt(p.category_id)},
          {"response_minutes", p.response_minutes},
          {"resolve_minutes", p.resolve_minutes}};
}

boost::json::object CategoryJson(const Category& c) {
  return {{"id", c.id},         {"parent_id", Opt(c.parent_id)}, {"name", c.name},   {"position", c.position},
          {"active", c.active}, {"warranty", Opt(c.warranty)},   {"version", c.version}};
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

Result<Response> PostTicket(Request& req, TicketService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  TicketInput t;
  auto kind = in.Enum("kind", kTicketKinds, true);
  auto channel = in.Enum("channel", kTicketChannels, true);
  auto customer = in.Int("customer_id", true);
  t.unit_id = in.Int("unit_id");
  t.project_id = in.Int("project_id");
  t.category_id = in.Int("category_id");
  t.category = in.String("category", {.max_chars = 200});
  auto title = in.String("title", {.required = true, .max_chars = 200});
  auto description = in.String("description", {.max_chars = 5000});
  auto grade = in.Enum("grade", kTicketGrades);
  HEARTH_TRY(in.Finish());
  t.kind = *kind;
  t.channel = *channel;
  t.customer_id = *customer;
  t.title = *title;
  t.description = description.value_or("");
  t.grade = grade.value_or("general");
  HEARTH_ASSIGN(auto created, s.Create(req.context, t));
  return http::Json(http::kCreated, ToJson(created, s.Now()));
}

Result<Response> ListTickets(Request& req, TicketService& s) {
  HEARTH_ASSIGN(auto page, http::PageOf(req));
  TicketFilter f;
  HEARTH_ASSIGN(f.status, http::QueryEnum(req, "status", kTicketStatuses));
  HEARTH_ASSIGN(f.kind, http::QueryEnum(req, "kind", kTicketKinds));
  HEARTH_ASSIGN(f.grade, http::QueryEnum(req, "grade", kTicketGrades));
  HEARTH_ASSIGN(f.department, http::QueryEnum(req, "department", kDepartments));
  HEARTH_ASSIGN(f.project_id, http::QueryInt(req, "project_id"));
  HEARTH_ASSIGN(f.customer_id, http::QueryInt(req, "customer_id"));
  HEARTH_ASSIGN(f.unit_id, http::QueryInt(req, "unit_id"));
  HEARTH_ASSIGN(f.assignee_id, http::QueryInt(req, "assignee_id"));
  HEARTH_ASSIGN(f.breached, http::QueryBool(req, "breached"));
  HEARTH_ASSIGN(auto list, s.List(req.context, f, page));
  const Timestamp now = s.Now();
  return http::ListResponse(list.items, list.next_cursor, [&](const Ticket& t) { return ToJson(t, now); });
}

Result<Response> PostAction(Request& req, TicketService& s, const std::string& action) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  ActionInput a;
  a.department = in.Enum("department", kDepartments);
  a.assignee_id = in.Int("assignee_id");
  a.round_robin = in.Bool("round_robin").value_or(false);
  a.resolution = in.String("resolution", {.max_chars = 5000});
  a.responsibility = in.Enum("responsibility", kResponsibilities);
  if (auto sat = in.Int("satisfaction")) a.satisfaction = static_cast<int>(*sat);
  a.comment = in.String("comment", {.max_chars = 2000});
  a.reason = in.String("reason", {.max_chars = 2000});
  a.text = in.String("text", {.max_chars = 5000});
  HEARTH_TRY(in.Finish());
  HEARTH_ASSIGN(auto t, s.Act(req.context, id, action, a, version));
  return http::Json(http::kOk, ToJson(t, s.Now()));
}

Result<Response> PostRule(Request& req, TicketService& s) {
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
  return http::Render(s.CreateRule(req.context, r), http::kCreated, RuleJson);
}

Result<Response> PostPolicy(Request& req, TicketService& s) {
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
  return http::Render(s.CreatePolicy(req.context, p), http::kCreated, PolicyJson);
}

Result<Response> PostCategory(Request& req, TicketService& s) {
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

Result<Response> PatchCategory(Request& req, TicketService& s) {
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

Result<Response> PatchCalendar(Request& req, TicketService& s) {
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

Result<Response> PutCalendarDay(Request& req, TicketService& s) {
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

boost::json::object PublicJson(const Ticket& t, const std::vector<TicketEvent>& events) {
  boost::json::array progress;
  for (const auto& e : events) {
    progress.push_back(boost::json::object{{"at", FormatRfc3339(e.at)}, {"status", *e.to_status}});
  }
  return {{"id", t.id},
          {"kind", t.kind},
          {"title", t.title},
          {"status", t.status},
          {"created_at", FormatRfc3339(t.created_at)},
          {"response_due_at", FormatRfc3339(t.response_due_at)},
          {"resolve_due_at", FormatRfc3339(t.resolve_due_at)},
          {"resolved_at", t.resolved_at ? boost::json::value(FormatRfc3339(*t.resolved_at)) : boost::json::value(nullptr)},
          {"resolution", Opt(t.resolution)},
          {"satisfaction", Opt(t.satisfaction)},
          {"can_confirm", t.status == "resolved"},
          {"progress", std::move(progress)}};
}

Result<Response> PostPublicConfirm(Request& req, TicketService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto satisfaction = in.Int("satisfaction", true);
  auto comment = in.String("comment", {.max_chars = 1000});
  if (satisfaction && (*satisfaction < 1 || *satisfaction > 5)) in.Invalid("satisfaction", "out_of_range");
  HEARTH_TRY(in.Finish());
  auto t = s.PublicConfirm(req.PathText("token"), static_cast<int>(*satisfaction), comment.value_or(""),
                           req.remote_address);
  HEARTH_TRY(t);
  HEARTH_ASSIGN(auto view, s.PublicView(req.PathText("token")));
  return http::Json(http::kOk, PublicJson(view.first, view.second));
}

Result<Response> AlertDecision(Request& req, MassAlertService& alerts, bool close) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  auto grade = close ? std::optional<std::string>() : in.Enum("grade", kTicketGrades);
  auto note = in.String("note", {.max_chars = 2000});
  HEARTH_TRY(in.Finish(close ? std::initializer_list<std::string_view>{"note"} : std::initializer_list<std::string_view>{"grade", "note"}));
  auto result = close ? alerts.Close(req.context, id, note) : alerts.Acknowledge(req.context, id, grade, note);
  return http::Render(std::move(result), http::kOk, [](const MassAlert& a) { return ToJson(a); });
}

boost::json::object SettingsJson(const MassSettings& s) {
  return {{"mass_threshold", s.threshold}, {"mass_window_hours", s.window_hours}};
}

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

Result<Response> PostFileCase(Request& req, KnowledgeService& k) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto title = in.String("title", {.max_chars = 200});
  auto problem = in.String("problem", {.required = true, .max_chars = 5000});
  auto solution = in.String("solution", {.required = true, .max_chars = 5000});
  HEARTH_TRY(in.Finish());
  return http::Render(k.FileCase(req.context, id, title, *problem, *solution), http::kCreated,
                      [](const TicketCase& c) { return ToJson(c); });
}

Result<Response> PostAnswer(Request& req, KnowledgeService& k) {
  auto body = req.JsonObject();
  HEARTH_TRY(body);
  http::BodyReader in(*body);
  StandardAnswer a;
  a.category_id = in.Int("category_id");
  a.kind = in.Enum("kind", kTicketKinds);
  auto title = in.String("title", {.required = true, .max_chars = 100});
  auto text = in.String("body", {.required = true, .max_chars = 5000});
  HEARTH_TRY(in.Finish());
  a.title = *title;
  a.body = *text;
  return http::Render(k.CreateAnswer(req.context, a), http::kCreated, [](const StandardAnswer& x) { return ToJson(x); });
}

boost::json::object MemberJson(const TicketService::Member& m) {
  return {{"user_id", m.user_id},
          {"username", m.username},
          {"display_name", m.display_name},
          {"last_assigned_at", m.last_assigned_at ? boost::json::value(FormatRfc3339(*m.last_assigned_at))
                                                  : boost::json::value(nullptr)}};
}

Result<Response> PostWorkOrder(Request& req, WorkOrderService& w) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto contractor = in.String("contractor", {.required = true, .max_chars = 100});
  auto plan = in.String("plan", {.required = true, .max_chars = 5000});
  auto appointment = in.String("appointment_at", {.required = true, .max_chars = 40});
  std::optional<Timestamp> at;
  if (appointment && !(at = ParseRfc3339(*appointment))) in.Invalid("appointment_at", "invalid_format");
  HEARTH_TRY(in.Finish());
  return http::Render(w.Create(req.context, id, {*contractor, *plan, *at}), http::kCreated,
                      [](const WorkOrder& x) { return ToJson(x); });
}

Result<Response> PostWorkOrderAction(Request& req, WorkOrderService& w, const std::string& action) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  auto appointment = in.String("appointment_at", {.max_chars = 40});
  std::optional<Timestamp> at;
  if (appointment && !(at = ParseRfc3339(*appointment))) in.Invalid("appointment_at", "invalid_format");
  auto cost = in.Int("cost_fen");
  auto charge_to = in.Enum("charge_to", {"contractor", "developer", "owner"});
  auto note = in.String("note", {.max_chars = 2000});
  HEARTH_TRY(in.Finish());
  return http::Render(w.Act(req.context, id, action, at, cost, charge_to, note), http::kOk,
                      [](const WorkOrder& x) { return ToJson(x); });
}

/// RFC 5987 `filename*` value: UTF-8, percent-encoded but for unreserved characters.
std::string EncodeFileName(const std::string& name) {
  std::string out = "UTF-8''";
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

Result<Response> PostAttachment(Request& req, TicketAttachments& files) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  const std::string name = req.Query("file_name").value_or("");
  HEARTH_ASSIGN(auto added, files.Add(req.context, id, name, req.body));
  return http::Json(http::kCreated, platform::ToJson(added));
}

Result<Response> GetAttachment(Request& req, TicketAttachments& files) {
  auto id = req.PathId("id");
  HEARTH_TRY(id);
  HEARTH_ASSIGN(auto file_id, req.PathId("file_id"));
  HEARTH_ASSIGN(auto found, files.Content(req.context, *id, file_id));
  Response res;
  res.content_type = found.first.content_type;
  res.body = std::move(found.second);
  // A stored file never changes (a new upload is a new id), so the browser may keep it.
  res.headers.emplace_back("Cache-Control", "private, max-age=31536000, immutable");
  res.headers.emplace_back("ETag", "\"" + found.first.sha256 + "\"");
  res.headers.emplace_back("Content-Disposition", "inline; filename*=" + EncodeFileName(found.first.file_name));
  return res;
}

}  // namespace

platform::Manifest BuildManifest(ServiceModule& module) {
  platform::Manifest m{.name = "service", .folder = "modules/service", .tables = {
      {"ticket_categories"}, {"tickets"}, {"ticket_events"}, {"routing_rules"}, {"sla_policies"},
      {"business_calendars"},
      {"calendar_days", "calendar_id IN (SELECT id FROM business_calendars WHERE tenant_id = $1)"},
      {"service_settings"}, {"mass_alerts"},
      {"mass_alert_tickets", "alert_id IN (SELECT id FROM mass_alerts WHERE tenant_id = $1)"},
      {"ticket_cases"}, {"standard_answers"}, {"department_members"}, {"work_orders"}}};
  m.constraints.push_back({"uq_ticket_categories_name", {"name", "taken", ErrorCode::kConflict, "conflict"}});
  m.constraints.push_back({"uq_ticket_cases_ticket", {"ticket_id", "taken", ErrorCode::kConflict, "conflict"}});
  TicketService& s = module.tickets;
  // The deadline jobs a ticket enqueues: remind before the due time, breach at it, escalate after.
  for (int stage : {0, 1, 2}) {
    static constexpr const char* kKinds[] = {"ticket.remind", "ticket.breach", "ticket.escalate"};
    m.jobs.push_back({kKinds[stage], [&s, stage](db::Tx& tx, const platform::Job& job) { return s.OnDeadlineJob(tx, job, stage); }});
  }
  // Categories, routing rules, SLA policies and the calendar for every group that lacks them.
  m.seed = [&s] { return s.SeedDefaults(); };
  m.demo = [&module](platform::Demo& demo) { return AddDemoTickets(module, demo); };
  m.Route({"POST", "/api/v1/tickets", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostTicket(r, s); });
  m.Route({"GET", "/api/v1/tickets", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return ListTickets(r, s); });
  m.Route({"GET", "/api/v1/tickets/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto t, s.Get(r.context, id));
    return http::Json(http::kOk, ToJson(t, s.Now()));
  });
  m.Route({"GET", "/api/v1/tickets/{id}/events", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto events, s.Events(r.context, id));
    return http::ListResponse(events, std::nullopt, [](const TicketEvent& e) { return ToJson(e); });
  });
  for (const std::string& action : kTicketActions) {
    m.Route({"POST", "/api/v1/tickets/{id}/" + action, Permission::kRecordWrite}, [&s, action](Request& r) -> Result<http::Response> { return PostAction(r, s, action); });
  }
  m.Route({"POST", "/api/v1/tickets/{id}/share", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    auto token = s.Share(r.context, id);
    HEARTH_TRY(token);
    return http::Json(http::kOk, {{"token", *token}, {"url", "/t/" + *token}});
  });
  // The customer's page: the token is the credential. Guessing is slowed down per address: 30
  // unknown tokens in 15 minutes, then 429 until the window passes.
  platform::LoginThrottle& links = module.public_links;
  auto guarded = [&links, &s](Request& r, const http::Handler& handle) -> Result<Response> {
    const Timestamp now = s.Now();
    if (!links.Allowed("", r.remote_address, now)) {
      return Fail(ErrorCode::kRateLimited, "rate_limited", "too many unknown links; try again later");
    }
    auto res = handle(r);
    if (!res ? res.error().code == ErrorCode::kNotFound : res->status == 404) links.RecordFailure("", r.remote_address, now);
    return res;
  };
  m.Route({"GET", "/api/v1/public/tickets/{token}", http::kPublic}, [&s, guarded](Request& r) -> Result<http::Response> {
    return guarded(r, [&s](Request& req) -> Result<http::Response> {
      HEARTH_ASSIGN(auto view, s.PublicView(req.PathText("token")));
      return http::Json(http::kOk, PublicJson(view.first, view.second));
    });
  });
  m.Route({"POST", "/api/v1/public/tickets/{token}/confirm", http::kPublic}, [&s, guarded](Request& r) -> Result<http::Response> {
    return guarded(r, [&s](Request& req) -> Result<http::Response> { return PostPublicConfirm(req, s); });
  });
  m.Route({"GET", "/api/v1/reports/tickets", Permission::kRecordRead, http::BodyLimit::kJson, true}, [&module](Request& r) -> Result<http::Response> { return GetReport(r, module.reports); });
  TicketAttachments& files = module.attachments;
  m.Route({"POST", "/api/v1/tickets/{id}/attachments", Permission::kRecordWrite, http::BodyLimit::kAttachment, true}, [&files](Request& r) -> Result<http::Response> { return PostAttachment(r, files); });
  m.Route({"GET", "/api/v1/tickets/{id}/attachments", Permission::kRecordRead}, [&files](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderList(files.List(r.context, id), [](const platform::Attachment& a) { return platform::ToJson(a); });
  });
  m.Route({"GET", "/api/v1/tickets/{id}/attachments/{file_id}", Permission::kRecordRead, http::BodyLimit::kJson, true},
             [&files](Request& r) -> Result<http::Response> { return GetAttachment(r, files); });
  m.Route({"DELETE", "/api/v1/tickets/{id}/attachments/{file_id}", Permission::kRecordWrite}, [&files](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto file_id, r.PathId("file_id"));
    return http::RenderNoContent(files.Remove(r.context, id, file_id));
  });
  WorkOrderService& work_orders = module.work_orders;
  m.Route({"POST", "/api/v1/tickets/{id}/work-orders", Permission::kRecordWrite}, [&work_orders](Request& r) -> Result<http::Response> { return PostWorkOrder(r, work_orders); });
  m.Route({"GET", "/api/v1/tickets/{id}/work-orders", Permission::kRecordRead}, [&work_orders](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, work_orders.OfTicket(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const WorkOrder& w) { return ToJson(w); });
  });
  for (const std::string action : {"approve", "visit", "accept", "reject", "cancel"}) {
    m.Route({"POST", "/api/v1/work-orders/{id}/" + action, Permission::kRecordWrite},
               [&work_orders, action](Request& r) -> Result<http::Response> { return PostWorkOrderAction(r, work_orders, action); });
  }
  KnowledgeService& knowledge = module.knowledge;
  m.Route({"POST", "/api/v1/tickets/{id}/file-case", Permission::kRecordWrite}, [&knowledge](Request& r) -> Result<http::Response> { return PostFileCase(r, knowledge); });
  m.Route({"GET", "/api/v1/cases", Permission::kRecordRead}, [&knowledge](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto category, http::QueryInt(r, "category_id"));
    HEARTH_ASSIGN(auto list, knowledge.Cases(r.context, category, r.Query("q")));
    return http::ListResponse(list, std::nullopt, [](const TicketCase& c) { return ToJson(c); });
  });
  m.Route({"GET", "/api/v1/standard-answers", Permission::kRecordRead}, [&knowledge](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto category, http::QueryInt(r, "category_id"));
    HEARTH_ASSIGN(auto kind, http::QueryEnum(r, "kind", kTicketKinds));
    HEARTH_ASSIGN(auto list, knowledge.Answers(r.context, category, kind));
    return http::ListResponse(list, std::nullopt, [](const StandardAnswer& a) { return ToJson(a); });
  });
  m.Route({"POST", "/api/v1/standard-answers", Permission::kServiceConfig}, [&knowledge](Request& r) -> Result<http::Response> { return PostAnswer(r, knowledge); });
  m.Route({"DELETE", "/api/v1/standard-answers/{id}", Permission::kServiceConfig}, [&knowledge](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderNoContent(knowledge.DeleteAnswer(r.context, id));
  });
  m.Route({"GET", "/api/v1/departments/{department}/members", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto list, s.Members(r.context, r.PathText("department")));
    return http::ListResponse(list, std::nullopt, MemberJson);
  });
  m.Route({"PUT", "/api/v1/departments/{department}/members", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    auto ids = in.IntArray("user_ids", true, 500);
    HEARTH_TRY(in.Finish());
    HEARTH_ASSIGN(auto list, s.SetMembers(r.context, r.PathText("department"), *ids));
    return http::ListResponse(list, std::nullopt, MemberJson);
  });
  MassAlertService& alerts = module.alerts;
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
  m.Route({"GET", "/api/v1/ticket-categories", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return http::RenderList(s.Categories(r.context), CategoryJson); });
  m.Route({"POST", "/api/v1/ticket-categories", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PostCategory(r, s); });
  m.Route({"PATCH", "/api/v1/ticket-categories/{id}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PatchCategory(r, s); });
  m.Route({"GET", "/api/v1/routing-rules", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return http::RenderList(s.Rules(r.context), RuleJson); });
  m.Route({"POST", "/api/v1/routing-rules", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PostRule(r, s); });
  m.Route({"DELETE", "/api/v1/routing-rules/{id}", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderNoContent(s.DeleteRule(r.context, id));
  });
  m.Route({"GET", "/api/v1/sla-policies", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return http::RenderList(s.Policies(r.context), PolicyJson); });
  m.Route({"POST", "/api/v1/sla-policies", Permission::kServiceConfig}, [&s](Request& r) -> Result<http::Response> { return PostPolicy(r, s); });
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
  return m;
}

}  // namespace hearth::service
