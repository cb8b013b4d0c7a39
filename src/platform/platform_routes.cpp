#include <boost/json/array.hpp>

#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "platform/platform_module.hpp"
#include "platform/roles.hpp"

// HTTP of the platform: parse → service → JSON. No SQL, no rules.
namespace hearth::platform {

namespace {

using http::Request;
using http::Response;

boost::json::array RolesJson(const std::vector<std::string>& roles) {
  boost::json::array out;
  for (const auto& r : roles) out.emplace_back(r);
  return out;
}

Result<Response> PostLogin(Request& req, AuthService& auth, const CookieSettings& cookies) {
  // A login form on another site would sign the browser into the attacker's account.
  if (!SameOrigin(req)) {
    return tl::unexpected(Error{ErrorCode::kPermissionDenied, "csrf_failed", "the request came from another site", {}, {}});
  }
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto username = in.String("username", {.required = true, .max_chars = 64});
  auto password = in.String("password", {.required = true, .max_chars = 128});
  HEARTH_TRY(in.Finish());
  const auto cookie = req.Header("cookie");
  const std::string device = cookie ? CookieValue(*cookie, kDeviceCookie).value_or("") : "";
  HEARTH_ASSIGN(auto result, auth.Login(req.context, *username, *password, device));
  const User& u = result.user;
  Response res = http::Json(http::kOk, {{"token", result.token},
                                        {"user",
                                         {{"id", u.id},
                                          {"username", u.username},
                                          {"display_name", u.display_name},
                                          {"roles", RolesJson(u.roles)},
                                          {"org_unit_id", u.org_unit_id}}}});
  res.headers = SessionCookies(result.token, cookies, req.https);
  res.headers.push_back(DeviceCookie(result.device, cookies, req.https));
  return res;
}

Result<Response> GetMe(Request& req, UserService& users) {
  const Actor& actor = req.actor();
  HEARTH_ASSIGN(auto me, users.Me(req.context));
  const auto& [user, unit_name, unit_kind] = me;
  boost::json::object body = ToJson(user, true);  // one's own phone is not someone else's personal data
  body["org_unit"] = {{"id", user.org_unit_id}, {"name", unit_name}, {"kind", unit_kind}};
  boost::json::array perms;
  for (const auto& p : PermissionNames(actor.permissions)) perms.emplace_back(p);
  body["permissions"] = std::move(perms);
  return http::Json(http::kOk, std::move(body));
}

Response GetRoles() {
  boost::json::array items;
  for (const auto& role : BuiltInRoles()) {
    boost::json::array perms;
    for (const auto& p : PermissionNames(PermissionsOf({role}))) perms.emplace_back(p);
    items.push_back(boost::json::object{{"name", role}, {"permissions", std::move(perms)}});
  }
  return http::Json(http::kOk, {{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Result<Response> PostOrgUnit(Request& req, OrgService& orgs) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  CreateOrgUnit cmd;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  auto kind = in.Enum("kind", {"group", "region", "city", "project"}, true);
  cmd.parent_id = in.Int("parent_id", true);
  HEARTH_TRY(in.Finish());
  cmd.name = *name;
  cmd.kind = *kind;
  return http::Render(orgs.Create(req.context, cmd), http::kCreated, [](const OrgUnit& u) { return ToJson(u); });
}

Result<Response> PatchOrgUnit(Request& req, OrgService& orgs) {
  HEARTH_ASSIGN(auto patch, http::ReadPatch(req));
  http::BodyReader in(patch.body);
  auto name = in.String("name", {.required = true, .max_chars = 100});
  HEARTH_TRY(in.Finish());
  return http::Render(orgs.Rename(req.context, patch.id, *name, patch.version), http::kOk,
                      [](const OrgUnit& u) { return ToJson(u); });
}

Result<Response> PostUser(Request& req, UserService& users) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto username = in.String("username", {.required = true, .max_chars = 64});
  auto password = in.String("password", {.required = true, .max_chars = 128});
  auto display_name = in.String("display_name", {.required = true, .max_chars = 100});
  auto roles = in.StringArray("roles", true, 6, 20);
  auto org_unit_id = in.Int("org_unit_id");
  auto phone = in.String("phone", {.max_chars = 32});
  auto email = in.String("email", {.max_chars = 254});
  HEARTH_TRY(in.Finish());
  CreateUser cmd{*username, *password, *display_name, *roles, org_unit_id, phone, email};
  const bool unmasked = UserService::SeesPersonalData(req.context);
  return http::Render(users.Create(req.context, cmd), http::kCreated,
                      [&](const User& u) { return ToJson(u, unmasked); });
}

Result<Response> PatchUser(Request& req, UserService& users) {
  HEARTH_ASSIGN(auto patch, http::ReadPatch(req));
  http::BodyReader in(patch.body);
  UpdateUser cmd;
  cmd.display_name = in.String("display_name", {.required = in.Has("display_name"), .max_chars = 100});
  cmd.roles = in.StringArray("roles", in.Has("roles"), 6, 20);
  cmd.org_unit_id = in.Int("org_unit_id", in.Has("org_unit_id"));
  cmd.disabled = in.Bool("disabled", in.Has("disabled"));
  cmd.locked = in.Bool("locked", in.Has("locked"));
  cmd.password = in.String("password", {.required = in.Has("password"), .max_chars = 128});
  cmd.phone = in.String("phone", {.max_chars = 32});
  cmd.email = in.String("email", {.max_chars = 254});
  cmd.clear_phone = in.IsNull("phone");
  cmd.clear_email = in.IsNull("email");
  HEARTH_TRY(in.Finish());
  const bool unmasked = UserService::SeesPersonalData(req.context);
  return http::Render(users.Update(req.context, patch.id, cmd, patch.version), http::kOk,
                      [&](const User& u) { return ToJson(u, unmasked); });
}

Result<Response> GetUser(Request& req, UserService& users) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto user, users.Get(req.context, id));
  const bool unmasked = UserService::SeesPersonalData(req.context);
  if (unmasked) users.NoteUnmaskedRead(req.context, {&user});
  return http::Json(http::kOk, ToJson(user, unmasked));
}

Result<Response> ListUsers(Request& req, UserService& users) {
  HEARTH_ASSIGN(auto page, http::PageOf(req));
  UserFilter filter;
  filter.q = req.Query("q");
  if (filter.q && (filter.q->empty() || filter.q->size() > 100)) filter.q.reset();
  HEARTH_ASSIGN(auto org, http::QueryInt(req, "org_unit_id"));
  filter.org_unit_id = org;
  HEARTH_ASSIGN(auto list, users.List(req.context, filter, page));
  const bool unmasked = UserService::SeesPersonalData(req.context);
  if (unmasked) {
    std::vector<const User*> shown;
    for (const auto& u : list.items) shown.push_back(&u);
    users.NoteUnmaskedRead(req.context, shown);
  }
  return http::ListResponse(list.items, list.next_cursor, [&](const User& u) { return ToJson(u, unmasked); });
}

Result<Response> ListAudit(Request& req, AuditLog& audit) {
  HEARTH_ASSIGN(auto page, http::PageOf(req));
  AuditFilter filter;
  filter.action = req.Query("action");
  filter.entity_type = req.Query("entity_type");
  auto entity_id = http::QueryInt(req, "entity_id");
  HEARTH_TRY(entity_id);
  auto actor_id = http::QueryInt(req, "actor_id");
  HEARTH_TRY(actor_id);
  filter.entity_id = *entity_id;
  filter.actor_id = *actor_id;
  for (auto [key, bound] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
    if (auto text = req.Query(key); text && !text->empty()) {
      *bound = ParseRfc3339(*text);
      if (!*bound) return FailField(key, "invalid_format");
    }
  }
  if (filter.action && filter.action->empty()) filter.action.reset();
  if (filter.entity_type && filter.entity_type->empty()) filter.entity_type.reset();
  HEARTH_ASSIGN(auto list, audit.List(req.context, filter, page));
  return http::ListResponse(list.first, list.second, [](const AuditEntry& e) { return ToJson(e); });
}

}  // namespace

void AddRoutes(Manifest& m, Platform& p) {
  m.Route({"POST", "/api/v1/auth/login", http::kPublic, http::BodyLimit::kJson, true}, [&p](Request& r) -> Result<http::Response> { return PostLogin(r, p.auth, p.cookies); });
  m.Route({"POST", "/api/v1/auth/logout", http::kSignedIn}, [&p](Request& r) -> Result<http::Response> {
    HEARTH_TRY(p.auth.Logout(r.context));
    Response res = http::NoContent();
    res.headers = ClearedSessionCookies(p.cookies, r.https);
    return res;
  });
  m.Route({"GET", "/api/v1/me", http::kSignedIn}, [&p](Request& r) -> Result<http::Response> { return GetMe(r, p.users); });
  m.Route({"GET", "/api/v1/roles", http::kSignedIn}, [](Request&) { return GetRoles(); });
  // Server-sent events for the signed-in person (EventSource sends the session cookie): what
  // modules publish to them, e.g. `call` when the telephone system puts a call through.
  m.Route({"GET", "/api/v1/events", http::kSignedIn}, [&p](Request& r) -> Result<http::Response> {
    http::Response res;
    res.stream = p.events.Open(r.context.actor_ref());
    return res;
  });
  m.Route({"GET", "/api/v1/org-units", Permission::kOrgRead}, [&p](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, p.orgs.List(r.context, page));
    return http::ListResponse(list.items, list.next_cursor, [](const OrgUnit& u) { return ToJson(u); });
  });
  m.Route({"POST", "/api/v1/org-units", Permission::kOrgWrite}, [&p](Request& r) -> Result<http::Response> { return PostOrgUnit(r, p.orgs); });
  m.Route({"GET", "/api/v1/org-units/{id}", Permission::kOrgRead}, [&p](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(p.orgs.Get(r.context, id), http::kOk, [](const OrgUnit& u) { return ToJson(u); });
  });
  m.Route({"PATCH", "/api/v1/org-units/{id}", Permission::kOrgWrite}, [&p](Request& r) -> Result<http::Response> { return PatchOrgUnit(r, p.orgs); });
  m.Route({"GET", "/api/v1/users", Permission::kUserRead}, [&p](Request& r) -> Result<http::Response> { return ListUsers(r, p.users); });
  m.Route({"POST", "/api/v1/users", Permission::kUserWrite, http::BodyLimit::kJson, true}, [&p](Request& r) -> Result<http::Response> { return PostUser(r, p.users); });
  m.Route({"GET", "/api/v1/users/{id}", Permission::kUserRead}, [&p](Request& r) -> Result<http::Response> { return GetUser(r, p.users); });
  m.Route({"PATCH", "/api/v1/users/{id}", Permission::kUserWrite, http::BodyLimit::kJson, true}, [&p](Request& r) -> Result<http::Response> { return PatchUser(r, p.users); });
  m.Route({"GET", "/api/v1/audit-log", Permission::kAuditRead}, [&p](Request& r) -> Result<http::Response> { return ListAudit(r, p.audit); });
  m.Route({"GET", "/api/v1/notifications", http::kSignedIn}, [&p](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto mine, p.notifications.Mine(r.context, r.Query("unread").value_or("") == "true", page));
    return http::ListResponse(mine.first, mine.second, [](const Notifications::Item& n) { return ToJson(n); });
  });
  m.Route({"GET", "/api/v1/messages", Permission::kRecordRead}, [&p](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto ref_id, http::QueryInt(r, "ref_id"));
    HEARTH_ASSIGN(auto list, p.messages.Log(r.context, r.Query("purpose"), r.Query("ref_type"), ref_id, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Message& m) { return ToJson(m); });
  });
  m.Route({"POST", "/api/v1/notifications/{id}/read", http::kSignedIn}, [&p](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_TRY(p.notifications.Read(r.context, id));
    return http::Response{http::kNoContent, "application/json", "", {}};
  });
}

}  // namespace hearth::platform
