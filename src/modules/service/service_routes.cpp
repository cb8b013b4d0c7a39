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

Response PostTicket(Request& req, TicketService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  TicketInput t;
  auto kind = in.Enum("kind", kTicketKinds, true);
  auto channel = in.Enum("channel", kTicketChannels, true);
  auto customer = in.Int("customer_id", true);
  t.unit_id = in.Int("unit_id");
  t.project_id = in.Int("project_id");
  t.category_id = in.Int("category_id");
  auto title = in.String("title", {.required = true, .max_chars = 200});
  auto description = in.String("description", {.max_chars = 5000});
  auto grade = in.Enum("grade", kTicketGrades);
  if (auto done = in.Finish({"kind", "channel", "customer_id", "unit_id", "project_id", "category_id", "title",
                             "description", "grade"});
      !done) {
    return http::ErrorResponse(done.error());
  }
  t.kind = *kind;
  t.channel = *channel;
  t.customer_id = *customer;
  t.title = *title;
  t.description = description.value_or("");
  t.grade = grade.value_or("general");
  auto created = s.Create(req.context, t);
  if (!created) return http::ErrorResponse(created.error());
  return http::Json(http::kCreated, ToJson(*created, s.Now()));
}

Response ListTickets(Request& req, TicketService& s) {
  auto page = http::PageOf(req);
  if (!page) return http::ErrorResponse(page.error());
  TicketFilter f;
  auto text = [&](const char* key, const std::vector<std::string>* allowed) -> Result<std::optional<std::string>> {
    auto v = req.Query(key);
    if (!v || v->empty()) return std::optional<std::string>();
    if (allowed && std::find(allowed->begin(), allowed->end(), *v) == allowed->end()) {
      return tl::unexpected(Error{ErrorCode::kBadRequest, "bad_request", std::string(key) + " is not one of its values",
                                  {{key, "invalid_value"}}, {}});
    }
    return v;
  };
  static const std::vector<std::string> kStatuses{"new",      "assigned", "in_progress", "on_hold",
                                                  "resolved", "reopened", "closed",      "cancelled"};
  HEARTH_ASSIGN_OR_RESPOND(f.status, text("status", &kStatuses));
  HEARTH_ASSIGN_OR_RESPOND(f.kind, text("kind", &kTicketKinds));
  HEARTH_ASSIGN_OR_RESPOND(f.grade, text("grade", &kTicketGrades));
  HEARTH_ASSIGN_OR_RESPOND(f.department, text("department", &kDepartments));
  HEARTH_ASSIGN_OR_RESPOND(f.project_id, http::QueryInt(req, "project_id"));
  HEARTH_ASSIGN_OR_RESPOND(f.customer_id, http::QueryInt(req, "customer_id"));
  HEARTH_ASSIGN_OR_RESPOND(f.unit_id, http::QueryInt(req, "unit_id"));
  HEARTH_ASSIGN_OR_RESPOND(f.assignee_id, http::QueryInt(req, "assignee_id"));
  HEARTH_ASSIGN_OR_RESPOND(auto breached, text("breached", nullptr));
  if (breached) {
    if (*breached != "true" && *breached != "false") {
      return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "breached is true or false",
                                       {{"breached", "invalid_value"}}, {}});
    }
    f.breached = *breached == "true";
  }
  auto list = s.List(req.context, f, *page);
  if (!list) return http::ErrorResponse(list.error());
  const Timestamp now = s.Now();
  return http::ListResponse(list->items, list->next_cursor, [&](const Ticket& t) { return ToJson(t, now); });
}

Response PostAction(Request& req, TicketService& s, const std::string& action) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto version = http::IfMatchVersion(req);
  if (!version) return http::ErrorResponse(version.error());
  boost::json::object empty;
  auto body = req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
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
  if (auto done = in.Finish({"department", "assignee_id", "round_robin", "resolution", "responsibility", "satisfaction",
                             "comment", "reason", "text"});
      !done) {
    return http::ErrorResponse(done.error());
  }
  auto t = s.Act(req.context, *id, action, a, *version);
  if (!t) return http::ErrorResponse(t.error());
  return http::Json(http::kOk, ToJson(*t, s.Now()));
}

Response PostRule(Request& req, TicketService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  RoutingRule r;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  auto position = in.Int("position");
  r.kind = in.Enum("kind", kTicketKinds);
  r.category_id = in.Int("category_id");
  r.grade = in.Enum("grade", kTicketGrades);
  r.project_id = in.Int("project_id");
  r.unit_status = in.Enum("unit_status", {"available", "pledged", "subscribed", "contracted", "delivered"});
  auto department = in.Enum("department", kDepartments, true);
  r.org_unit_id = in.Int("org_unit_id");
  auto active = in.Bool("active");
  if (auto done = in.Finish({"name", "position", "kind", "category_id", "grade", "project_id", "unit_status",
                             "department", "org_unit_id", "active"});
      !done) {
    return http::ErrorResponse(done.error());
  }
  r.name = *name;
  r.position = static_cast<int>(position.value_or(100));
  r.department = *department;
  r.active = active.value_or(true);
  return http::Render(s.CreateRule(req.context, r), http::kCreated, RuleJson);
}

Response PostPolicy(Request& req, TicketService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  SlaPolicy p;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  p.kind = in.Enum("kind", kTicketKinds);
  p.grade = in.Enum("grade", kTicketGrades);
  p.category_id = in.Int("category_id");
  auto response = in.Int("response_minutes", true);
  auto resolve = in.Int("resolve_minutes", true);
  if (response && (*response < 1 || *response > 100000)) in.Invalid("response_minutes", "out_of_range");
  if (resolve && (*resolve < 1 || *resolve > 1000000)) in.Invalid("resolve_minutes", "out_of_range");
  if (auto done = in.Finish({"name", "kind", "grade", "category_id", "response_minutes", "resolve_minutes"}); !done) {
    return http::ErrorResponse(done.error());
  }
  p.name = *name;
  p.response_minutes = static_cast<int>(*response);
  p.resolve_minutes = static_cast<int>(*resolve);
  return http::Render(s.CreatePolicy(req.context, p), http::kCreated, PolicyJson);
}

Response PostCategory(Request& req, TicketService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  Category c;
  auto name = in.String("name", {.required = true, .max_chars = 50});
  c.parent_id = in.Int("parent_id");
  auto position = in.Int("position");
  c.warranty = in.Enum("warranty", kWarrantyTypes);
  if (auto done = in.Finish({"name", "parent_id", "position", "warranty"}); !done) return http::ErrorResponse(done.error());
  c.name = *name;
  c.position = static_cast<int>(position.value_or(0));
  return http::Render(s.CreateCategory(req.context, c), http::kCreated, CategoryJson);
}

Response PatchCategory(Request& req, TicketService& s) {
  auto patch = http::ReadPatch(req);
  if (!patch) return http::ErrorResponse(patch.error());
  http::BodyReader in(patch->body);
  auto name = in.String("name", {.max_chars = 50});
  auto position = in.Int("position");
  auto active = in.Bool("active");
  if (auto done = in.Finish({"name", "position", "active"}); !done) return http::ErrorResponse(done.error());
  if (name && name->empty()) return http::ErrorResponse(FailField("name", "required").value());
  std::optional<int> pos;
  if (position) pos = static_cast<int>(*position);
  return http::Render(s.UpdateCategory(req.context, patch->id, name, pos, active, patch->version), http::kOk,
                      CategoryJson);
}

Response PatchCalendar(Request& req, TicketService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto start = in.String("day_start", {.required = true, .max_chars = 5});
  auto end = in.String("day_end", {.required = true, .max_chars = 5});
  if (start && !MinutesOf(*start)) in.Invalid("day_start", "invalid_format");
  if (end && !MinutesOf(*end)) in.Invalid("day_end", "invalid_format");
  if (auto done = in.Finish({"day_start", "day_end"}); !done) return http::ErrorResponse(done.error());
  return http::Render(s.SetHours(req.context, req.PathText("region"), *MinutesOf(*start), *MinutesOf(*end)), http::kOk,
                      CalendarJson);
}

Response PutCalendarDay(Request& req, TicketService& s) {
  auto day = ParseChinaDay(req.PathText("day"));
  if (!day) return http::ErrorResponse(FailField("day", "invalid_format").value());
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto working = in.Bool("working", true);
  auto name = in.String("name", {.max_chars = 50});
  if (auto done = in.Finish({"working", "name"}); !done) return http::ErrorResponse(done.error());
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

Response PostPublicConfirm(Request& req, TicketService& s) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto satisfaction = in.Int("satisfaction", true);
  auto comment = in.String("comment", {.max_chars = 1000});
  if (satisfaction && (*satisfaction < 1 || *satisfaction > 5)) in.Invalid("satisfaction", "out_of_range");
  if (auto done = in.Finish({"satisfaction", "comment"}); !done) return http::ErrorResponse(done.error());
  auto t = s.PublicConfirm(req.PathText("token"), static_cast<int>(*satisfaction), comment.value_or(""),
                           req.remote_address);
  if (!t) return http::ErrorResponse(t.error());
  auto view = s.PublicView(req.PathText("token"));
  if (!view) return http::ErrorResponse(view.error());
  return http::Json(http::kOk, PublicJson(view->first, view->second));
}

Response AlertDecision(Request& req, MassAlertService& alerts, bool close) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  boost::json::object empty;
  auto body = req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto grade = close ? std::optional<std::string>() : in.Enum("grade", kTicketGrades);
  auto note = in.String("note", {.max_chars = 2000});
  if (auto done = in.Finish(close ? std::initializer_list<std::string_view>{"note"}
                                  : std::initializer_list<std::string_view>{"grade", "note"});
      !done) {
    return http::ErrorResponse(done.error());
  }
  auto result = close ? alerts.Close(req.context, *id, note) : alerts.Acknowledge(req.context, *id, grade, note);
  return http::Render(std::move(result), http::kOk, [](const MassAlert& a) { return ToJson(a); });
}

boost::json::object SettingsJson(const MassSettings& s) {
  return {{"mass_threshold", s.threshold}, {"mass_window_hours", s.window_hours}};
}

Response GetReport(Request& req, TicketReports& reports) {
  ReportPeriod period;
  if (auto month = req.Query("month")) {
    int half = 0;
    if (auto h = req.Query("half")) {
      if (*h != "1" && *h != "2") {
        return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "half is 1 or 2", {{"half", "invalid_value"}}, {}});
      }
      half = *h == "1" ? 1 : 2;
    }
    auto p = MonthPeriod(*month, half);
    if (!p) return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "month is YYYY-MM", {{"month", "invalid_format"}}, {}});
    period = *p;
  } else {
    auto from = ParseChinaDay(req.Query("from").value_or(""));
    auto to = ParseChinaDay(req.Query("to").value_or(""));
    if (!from) return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "from is YYYY-MM-DD", {{"from", "invalid_format"}}, {}});
    if (!to) return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "to is YYYY-MM-DD", {{"to", "invalid_format"}}, {}});
    period = {*from, *to, std::nullopt};
  }
  HEARTH_ASSIGN_OR_RESPOND(auto project, http::QueryInt(req, "project_id"));
  auto report = reports.Report(req.context, period, project);
  if (!report) return http::ErrorResponse(report.error());
  return http::Json(http::kOk, std::move(*report));
}

Response PostFileCase(Request& req, KnowledgeService& k) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto title = in.String("title", {.max_chars = 200});
  auto problem = in.String("problem", {.required = true, .max_chars = 5000});
  auto solution = in.String("solution", {.required = true, .max_chars = 5000});
  if (auto done = in.Finish({"title", "problem", "solution"}); !done) return http::ErrorResponse(done.error());
  return http::Render(k.FileCase(req.context, *id, title, *problem, *solution), http::kCreated,
                      [](const TicketCase& c) { return ToJson(c); });
}

Response PostAnswer(Request& req, KnowledgeService& k) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  StandardAnswer a;
  a.category_id = in.Int("category_id");
  a.kind = in.Enum("kind", kTicketKinds);
  auto title = in.String("title", {.required = true, .max_chars = 100});
  auto text = in.String("body", {.required = true, .max_chars = 5000});
  if (auto done = in.Finish({"category_id", "kind", "title", "body"}); !done) return http::ErrorResponse(done.error());
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

Response PostWorkOrder(Request& req, WorkOrderService& w) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto contractor = in.String("contractor", {.required = true, .max_chars = 100});
  auto plan = in.String("plan", {.required = true, .max_chars = 5000});
  auto appointment = in.String("appointment_at", {.required = true, .max_chars = 40});
  std::optional<Timestamp> at;
  if (appointment && !(at = ParseRfc3339(*appointment))) in.Invalid("appointment_at", "invalid_format");
  if (auto done = in.Finish({"contractor", "plan", "appointment_at"}); !done) return http::ErrorResponse(done.error());
  return http::Render(w.Create(req.context, *id, {*contractor, *plan, *at}), http::kCreated,
                      [](const WorkOrder& x) { return ToJson(x); });
}

Response PostWorkOrderAction(Request& req, WorkOrderService& w, const std::string& action) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  boost::json::object empty;
  auto body = req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto appointment = in.String("appointment_at", {.max_chars = 40});
  std::optional<Timestamp> at;
  if (appointment && !(at = ParseRfc3339(*appointment))) in.Invalid("appointment_at", "invalid_format");
  auto cost = in.Int("cost_fen");
  auto charge_to = in.Enum("charge_to", {"contractor", "developer", "owner"});
  auto note = in.String("note", {.max_chars = 2000});
  if (auto done = in.Finish({"appointment_at", "cost_fen", "charge_to", "note"}); !done) return http::ErrorResponse(done.error());
  return http::Render(w.Act(req.context, *id, action, at, cost, charge_to, note), http::kOk,
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

Response PostAttachment(Request& req, TicketAttachments& files) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  const std::string name = req.Query("file_name").value_or("");
  auto added = files.Add(req.context, *id, name, req.body);
  if (!added) return http::ErrorResponse(added.error());
  return http::Json(http::kCreated, platform::ToJson(*added));
}

Response GetAttachment(Request& req, TicketAttachments& files) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto file_id = req.PathId("file_id");
  if (!file_id) return http::ErrorResponse(file_id.error());
  auto found = files.Content(req.context, *id, *file_id);
  if (!found) return http::ErrorResponse(found.error());
  Response res;
  res.content_type = found->first.content_type;
  res.body = std::move(found->second);
  // A stored file never changes (a new upload is a new id), so the browser may keep it.
  res.headers.emplace_back("Cache-Control", "private, max-age=31536000, immutable");
  res.headers.emplace_back("ETag", "\"" + found->first.sha256 + "\"");
  res.headers.emplace_back("Content-Disposition", "inline; filename*=" + EncodeFileName(found->first.file_name));
  return res;
}

}  // namespace

void Register(http::Router& router, ServiceModule& module) {
  db::RegisterConstraint("uq_ticket_categories_name", {"name", "taken", ErrorCode::kConflict, "conflict"});
  db::RegisterConstraint("uq_ticket_cases_ticket", {"ticket_id", "taken", ErrorCode::kConflict, "conflict"});
  TicketService& s = module.tickets;
  router.Add({"POST", "/api/v1/tickets"}, [&s](Request& r) { return PostTicket(r, s); });
  router.Add({"GET", "/api/v1/tickets"}, [&s](Request& r) { return ListTickets(r, s); });
  router.Add({"GET", "/api/v1/tickets/{id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto t = s.Get(r.context, *id);
    if (!t) return http::ErrorResponse(t.error());
    return http::Json(http::kOk, ToJson(*t, s.Now()));
  });
  router.Add({"GET", "/api/v1/tickets/{id}/events"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto events = s.Events(r.context, *id);
    if (!events) return http::ErrorResponse(events.error());
    return http::ListResponse(*events, std::nullopt, [](const TicketEvent& e) { return ToJson(e); });
  });
  for (const std::string& action : kTicketActions) {
    router.Add({"POST", "/api/v1/tickets/{id}/" + action}, [&s, action](Request& r) { return PostAction(r, s, action); });
  }
  router.Add({"POST", "/api/v1/tickets/{id}/share"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto token = s.Share(r.context, *id);
    if (!token) return http::ErrorResponse(token.error());
    return http::Json(http::kOk, {{"token", *token}, {"url", "/t/" + *token}});
  });
  // The customer's page: the token is the credential. Guessing is slowed down per address: 30
  // unknown tokens in 15 minutes, then 429 until the window passes.
  platform::LoginThrottle& links = module.public_links;
  auto guarded = [&links, &s](Request& r, const std::function<Response(Request&)>& handle) -> Response {
    const Timestamp now = s.Now();
    if (!links.Allowed("", r.remote_address, now)) {
      return http::ErrorResponse(Error{ErrorCode::kRateLimited, "rate_limited", "too many unknown links; try again later", {}, {}});
    }
    Response res = handle(r);
    if (res.status == 404) links.RecordFailure("", r.remote_address, now);
    return res;
  };
  router.Add({"GET", "/api/v1/public/tickets/{token}", false}, [&s, guarded](Request& r) {
    return guarded(r, [&s](Request& req) {
      auto view = s.PublicView(req.PathText("token"));
      if (!view) return http::ErrorResponse(view.error());
      return http::Json(http::kOk, PublicJson(view->first, view->second));
    });
  });
  router.Add({"POST", "/api/v1/public/tickets/{token}/confirm", false}, [&s, guarded](Request& r) {
    return guarded(r, [&s](Request& req) { return PostPublicConfirm(req, s); });
  });
  router.Add({"GET", "/api/v1/reports/tickets", true, true}, [&module](Request& r) { return GetReport(r, module.reports); });
  TicketAttachments& files = module.attachments;
  router.Add({"POST", "/api/v1/tickets/{id}/attachments", true, true}, [&files](Request& r) { return PostAttachment(r, files); });
  router.Add({"GET", "/api/v1/tickets/{id}/attachments"}, [&files](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::RenderList(files.List(r.context, *id), [](const platform::Attachment& a) { return platform::ToJson(a); });
  });
  router.Add({"GET", "/api/v1/tickets/{id}/attachments/{file_id}", true, true},
             [&files](Request& r) { return GetAttachment(r, files); });
  router.Add({"DELETE", "/api/v1/tickets/{id}/attachments/{file_id}"}, [&files](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto file_id = r.PathId("file_id");
    if (!file_id) return http::ErrorResponse(file_id.error());
    return http::RenderNoContent(files.Remove(r.context, *id, *file_id));
  });
  WorkOrderService& work_orders = module.work_orders;
  router.Add({"POST", "/api/v1/tickets/{id}/work-orders"}, [&work_orders](Request& r) { return PostWorkOrder(r, work_orders); });
  router.Add({"GET", "/api/v1/tickets/{id}/work-orders"}, [&work_orders](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto list = work_orders.OfTicket(r.context, *id);
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(*list, std::nullopt, [](const WorkOrder& w) { return ToJson(w); });
  });
  for (const std::string action : {"approve", "visit", "accept", "reject", "cancel"}) {
    router.Add({"POST", "/api/v1/work-orders/{id}/" + action},
               [&work_orders, action](Request& r) { return PostWorkOrderAction(r, work_orders, action); });
  }
  KnowledgeService& knowledge = module.knowledge;
  router.Add({"POST", "/api/v1/tickets/{id}/file-case"}, [&knowledge](Request& r) { return PostFileCase(r, knowledge); });
  router.Add({"GET", "/api/v1/cases"}, [&knowledge](Request& r) {
    HEARTH_ASSIGN_OR_RESPOND(auto category, http::QueryInt(r, "category_id"));
    auto list = knowledge.Cases(r.context, category, r.Query("q"));
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(*list, std::nullopt, [](const TicketCase& c) { return ToJson(c); });
  });
  router.Add({"GET", "/api/v1/standard-answers"}, [&knowledge](Request& r) {
    HEARTH_ASSIGN_OR_RESPOND(auto category, http::QueryInt(r, "category_id"));
    auto kind = r.Query("kind");
    if (kind && std::find(kTicketKinds.begin(), kTicketKinds.end(), *kind) == kTicketKinds.end()) {
      return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "kind is not a ticket kind", {{"kind", "invalid_value"}}, {}});
    }
    auto list = knowledge.Answers(r.context, category, kind);
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(*list, std::nullopt, [](const StandardAnswer& a) { return ToJson(a); });
  });
  router.Add({"POST", "/api/v1/standard-answers"}, [&knowledge](Request& r) { return PostAnswer(r, knowledge); });
  router.Add({"DELETE", "/api/v1/standard-answers/{id}"}, [&knowledge](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::RenderNoContent(knowledge.DeleteAnswer(r.context, *id));
  });
  router.Add({"GET", "/api/v1/departments/{department}/members"}, [&s](Request& r) {
    auto list = s.Members(r.context, r.PathText("department"));
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(*list, std::nullopt, MemberJson);
  });
  router.Add({"PUT", "/api/v1/departments/{department}/members"}, [&s](Request& r) {
    auto body = r.JsonObject();
    if (!body) return http::ErrorResponse(body.error());
    http::BodyReader in(*body);
    auto ids = in.IntArray("user_ids", true, 500);
    if (auto done = in.Finish({"user_ids"}); !done) return http::ErrorResponse(done.error());
    auto list = s.SetMembers(r.context, r.PathText("department"), *ids);
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(*list, std::nullopt, MemberJson);
  });
  MassAlertService& alerts = module.alerts;
  router.Add({"GET", "/api/v1/mass-alerts"}, [&alerts](Request& r) {
    auto page = http::PageOf(r);
    if (!page) return http::ErrorResponse(page.error());
    auto status = r.Query("status");
    if (status && *status != "open" && *status != "acknowledged" && *status != "closed") {
      return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "status is open, acknowledged or closed",
                                       {{"status", "invalid_value"}}, {}});
    }
    auto list = alerts.List(r.context, status, *page);
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(list->items, list->next_cursor, [](const MassAlert& a) { return ToJson(a); });
  });
  router.Add({"GET", "/api/v1/mass-alerts/{id}"}, [&alerts](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::Render(alerts.Get(r.context, *id), http::kOk, [](const MassAlert& a) { return ToJson(a); });
  });
  router.Add({"POST", "/api/v1/mass-alerts/{id}/acknowledge"}, [&alerts](Request& r) { return AlertDecision(r, alerts, false); });
  router.Add({"POST", "/api/v1/mass-alerts/{id}/close"}, [&alerts](Request& r) { return AlertDecision(r, alerts, true); });
  router.Add({"GET", "/api/v1/service-settings"}, [&alerts](Request& r) {
    return http::Render(alerts.Settings(r.context), http::kOk, SettingsJson);
  });
  router.Add({"PUT", "/api/v1/service-settings"}, [&alerts](Request& r) {
    auto body = r.JsonObject();
    if (!body) return http::ErrorResponse(body.error());
    http::BodyReader in(*body);
    auto threshold = in.Int("mass_threshold", true);
    auto window = in.Int("mass_window_hours", true);
    if (auto done = in.Finish({"mass_threshold", "mass_window_hours"}); !done) return http::ErrorResponse(done.error());
    return http::Render(alerts.SetSettings(r.context, {static_cast<int>(*threshold), static_cast<int>(*window)}),
                        http::kOk, SettingsJson);
  });
  router.Add({"GET", "/api/v1/ticket-categories"}, [&s](Request& r) { return http::RenderList(s.Categories(r.context), CategoryJson); });
  router.Add({"POST", "/api/v1/ticket-categories"}, [&s](Request& r) { return PostCategory(r, s); });
  router.Add({"PATCH", "/api/v1/ticket-categories/{id}"}, [&s](Request& r) { return PatchCategory(r, s); });
  router.Add({"GET", "/api/v1/routing-rules"}, [&s](Request& r) { return http::RenderList(s.Rules(r.context), RuleJson); });
  router.Add({"POST", "/api/v1/routing-rules"}, [&s](Request& r) { return PostRule(r, s); });
  router.Add({"DELETE", "/api/v1/routing-rules/{id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::RenderNoContent(s.DeleteRule(r.context, *id));
  });
  router.Add({"GET", "/api/v1/sla-policies"}, [&s](Request& r) { return http::RenderList(s.Policies(r.context), PolicyJson); });
  router.Add({"POST", "/api/v1/sla-policies"}, [&s](Request& r) { return PostPolicy(r, s); });
  router.Add({"DELETE", "/api/v1/sla-policies/{id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::RenderNoContent(s.DeletePolicy(r.context, *id));
  });
  router.Add({"GET", "/api/v1/calendars/{region}"}, [&s](Request& r) {
    return http::Render(s.Calendar(r.context, r.PathText("region")), http::kOk, CalendarJson);
  });
  router.Add({"PATCH", "/api/v1/calendars/{region}"}, [&s](Request& r) { return PatchCalendar(r, s); });
  router.Add({"PUT", "/api/v1/calendars/{region}/days/{day}"}, [&s](Request& r) { return PutCalendarDay(r, s); });
  router.Add({"DELETE", "/api/v1/calendars/{region}/days/{day}"}, [&s](Request& r) {
    auto day = ParseChinaDay(r.PathText("day"));
    if (!day) return http::ErrorResponse(FailField("day", "invalid_format").value());
    return http::Render(s.DeleteDay(r.context, r.PathText("region"), *day), http::kOk, CalendarJson);
  });

  // Who may call what (checked before the handler; the services check again, with the org scope).
  std::vector<http::AccessRule> access{
      {"POST", "/api/v1/tickets", Permission::kRecordWrite},
      {"GET", "/api/v1/tickets", Permission::kRecordRead},
      {"GET", "/api/v1/tickets/{id}", Permission::kRecordRead},
      {"GET", "/api/v1/tickets/{id}/events", Permission::kRecordRead},
      {"POST", "/api/v1/tickets/{id}/share", Permission::kRecordWrite},
      {"GET", "/api/v1/reports/tickets", Permission::kRecordRead},
      {"POST", "/api/v1/tickets/{id}/attachments", Permission::kRecordWrite},
      {"GET", "/api/v1/tickets/{id}/attachments", Permission::kRecordRead},
      {"GET", "/api/v1/tickets/{id}/attachments/{file_id}", Permission::kRecordRead},
      {"DELETE", "/api/v1/tickets/{id}/attachments/{file_id}", Permission::kRecordWrite},
      {"POST", "/api/v1/tickets/{id}/work-orders", Permission::kRecordWrite},
      {"GET", "/api/v1/tickets/{id}/work-orders", Permission::kRecordRead},
      {"POST", "/api/v1/tickets/{id}/file-case", Permission::kRecordWrite},
      {"GET", "/api/v1/cases", Permission::kRecordRead},
      {"GET", "/api/v1/standard-answers", Permission::kRecordRead},
      {"POST", "/api/v1/standard-answers", Permission::kServiceConfig},
      {"DELETE", "/api/v1/standard-answers/{id}", Permission::kServiceConfig},
      {"GET", "/api/v1/departments/{department}/members", Permission::kRecordRead},
      {"PUT", "/api/v1/departments/{department}/members", Permission::kServiceConfig},
      {"GET", "/api/v1/mass-alerts", Permission::kRecordRead},
      {"GET", "/api/v1/mass-alerts/{id}", Permission::kRecordRead},
      {"POST", "/api/v1/mass-alerts/{id}/acknowledge", Permission::kRecordWrite},
      {"POST", "/api/v1/mass-alerts/{id}/close", Permission::kRecordWrite},
      {"GET", "/api/v1/service-settings", Permission::kRecordRead},
      {"PUT", "/api/v1/service-settings", Permission::kServiceConfig},
      {"GET", "/api/v1/ticket-categories", Permission::kRecordRead},
      {"POST", "/api/v1/ticket-categories", Permission::kServiceConfig},
      {"PATCH", "/api/v1/ticket-categories/{id}", Permission::kServiceConfig},
      {"GET", "/api/v1/routing-rules", Permission::kRecordRead},
      {"POST", "/api/v1/routing-rules", Permission::kServiceConfig},
      {"DELETE", "/api/v1/routing-rules/{id}", Permission::kServiceConfig},
      {"GET", "/api/v1/sla-policies", Permission::kRecordRead},
      {"POST", "/api/v1/sla-policies", Permission::kServiceConfig},
      {"DELETE", "/api/v1/sla-policies/{id}", Permission::kServiceConfig},
      {"GET", "/api/v1/calendars/{region}", Permission::kRecordRead},
      {"PATCH", "/api/v1/calendars/{region}", Permission::kServiceConfig},
      {"PUT", "/api/v1/calendars/{region}/days/{day}", Permission::kServiceConfig},
      {"DELETE", "/api/v1/calendars/{region}/days/{day}", Permission::kServiceConfig},
  };
  for (const std::string& action : kTicketActions) access.push_back({"POST", "/api/v1/tickets/{id}/" + action, Permission::kRecordWrite});
  for (const char* action : {"approve", "visit", "accept", "reject", "cancel"}) {
    access.push_back({"POST", std::string("/api/v1/work-orders/{id}/") + action, Permission::kRecordWrite});
  }
  router.Declare(access);
}

}  // namespace hearth::service
