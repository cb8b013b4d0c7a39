// HTTP of the service centre's tickets: parse → use case → JSON. No SQL, no rules.
#include <cctype>

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
  auto description = in.String("description", {.max_chars = 5000, .multiline = true});
  auto grade = in.Enum("grade", kTicketGrades);
  HEARTH_TRY(in.Finish());
  t.kind = *kind;
  t.channel = *channel;
  t.customer_id = *customer;
  t.title = *title;
  t.description = description.value_or("");
  t.grade = grade.value_or(TicketGrade::kGeneral);
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
  HEARTH_ASSIGN(f.sla_state, http::QueryEnum(req, "sla_state", kSlaStates));
  HEARTH_ASSIGN(auto open, http::QueryBool(req, "open"));
  HEARTH_ASSIGN(auto mine, http::QueryBool(req, "mine"));
  f.open_only = open.value_or(false);
  f.mine = mine.value_or(false);
  if (auto order = req.Query("order"); order && !order->empty()) {
    if (*order != "newest" && *order != "oldest") return FailField("order", "invalid_value");
    f.oldest_first = *order == "oldest";
  }
  if (auto q = req.Query("q"); q && !q->empty()) {
    if (q->size() > 100) return FailField("q", "too_long");
    f.q = *q;
  }
  HEARTH_ASSIGN(auto list, s.List(req.context, f, page));
  const Timestamp now = s.Now();
  return http::ListResponse(list.items, list.next_cursor, [&](const Ticket& t) { return ToJson(t, now); });
}

Result<Response> PostAction(Request& req, TicketService& s, TicketAction action) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  ActionInput a;
  a.department = in.Enum("department", kDepartments);
  a.assignee_id = in.Int("assignee_id");
  a.round_robin = in.Bool("round_robin").value_or(false);
  a.resolution = in.String("resolution", {.max_chars = 5000, .multiline = true});
  a.responsibility = in.Enum("responsibility", kResponsibilities);
  if (auto sat = in.Int("satisfaction")) a.satisfaction = static_cast<int>(*sat);
  a.comment = in.String("comment", {.max_chars = 2000, .multiline = true});
  a.reason = in.String("reason", {.max_chars = 2000, .multiline = true});
  a.text = in.String("text", {.max_chars = 5000, .multiline = true});
  HEARTH_TRY(in.Finish());
  HEARTH_ASSIGN(auto t, s.Act(req.context, id, action, a, version));
  return http::Json(http::kOk, ToJson(t, s.Now()));
}

boost::json::object PublicJson(const Ticket& t, const std::vector<TicketEvent>& events) {
  boost::json::array progress;
  for (const auto& e : events) {
    progress.push_back(boost::json::object{{"at", FormatRfc3339(e.at)}, {"status", *e.to_status}});
  }
  return {{"id", t.id},
          {"kind", kTicketKinds.Name(t.kind)},
          {"title", t.title},
          {"status", kTicketStatuses.Name(t.status)},
          {"created_at", FormatRfc3339(t.created_at)},
          {"response_due_at", FormatRfc3339(t.response_due_at)},
          {"resolve_due_at", FormatRfc3339(t.resolve_due_at)},
          {"resolved_at", JsonTime(t.resolved_at)},
          {"resolution", JsonOr(t.resolution)},
          {"satisfaction", JsonOr(t.satisfaction)},
          {"can_confirm", t.status == TicketStatus::kResolved},
          {"progress", std::move(progress)}};
}

Result<Response> PostPublicConfirm(Request& req, TicketService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto satisfaction = in.Int("satisfaction", true);
  auto comment = in.String("comment", {.max_chars = 1000, .multiline = true});
  if (satisfaction && (*satisfaction < 1 || *satisfaction > 5)) in.Invalid("satisfaction", "out_of_range");
  HEARTH_TRY(in.Finish());
  auto t = s.PublicConfirm(req.PathText("token"), static_cast<int>(*satisfaction), comment.value_or(""),
                           req.remote_address);
  HEARTH_TRY(t);
  HEARTH_ASSIGN(auto view, s.PublicView(req.PathText("token")));
  return http::Json(http::kOk, PublicJson(view.first, view.second));
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

void AddTicketRoutes(platform::Manifest& m, TicketService& s, TicketAttachments& files,
                     platform::LoginThrottle& links) {
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
  for (const TicketAction action : kTicketActions.values()) {
    m.Route({"POST", "/api/v1/tickets/{id}/" + kTicketActions.Text(action), Permission::kRecordWrite},
            [&s, action](Request& r) -> Result<http::Response> { return PostAction(r, s, action); });
  }
  m.Route({"POST", "/api/v1/tickets/{id}/share", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    auto token = s.Share(r.context, id);
    HEARTH_TRY(token);
    return http::Json(http::kOk, {{"token", *token}, {"url", "/t/" + *token}});
  });
  // The customer's page: the token is the credential. Guessing is slowed down per address: 30
  // unknown tokens in 15 minutes, then 429 until the window passes.
  auto guarded = [&links, &s](Request& r, const http::Handler& handle) -> Result<Response> {
    const Timestamp now = s.Now();
    if (const auto wait = links.WaitOfAddress(r.remote_address, now); wait > 0) {
      return platform::HeldBack("too many unknown links", wait);
    }
    auto res = handle(r);
    if (!res ? res.error().code == ErrorCode::kNotFound : res->status == 404) links.RecordUnknownName(r.remote_address, now);
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
}

}  // namespace hearth::service
