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

Response PostLogin(Request& req, AuthService& auth, const CookieSettings& cookies) {
  // A login form on another site would sign the browser into the attacker's account.
  if (!SameOrigin(req)) {
    return http::ErrorResponse(Error{ErrorCode::kPermissionDenied, "csrf_failed", "the request came from another site", {}, {}});
  }
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto username = in.String("username", {.required = true, .max_chars = 64});
  auto password = in.String("password", {.required = true, .max_chars = 128});
  if (auto done = in.Finish({"username", "password"}); !done) return http::ErrorResponse(done.error());
  auto result = auth.Login(req.context, *username, *password);
  if (!result) return http::ErrorResponse(result.error());
  const User& u = result->user;
  Response res = http::Json(http::kOk, {{"token", result->token},
                                        {"user",
                                         {{"id", u.id},
                                          {"username", u.username},
                                          {"display_name", u.display_name},
                                          {"roles", RolesJson(u.roles)},
                                          {"org_unit_id", u.org_unit_id}}}});
  res.headers = SessionCookies(result->token, cookies, req.https);
  return res;
}

Response GetMe(Request& req, UserService& users) {
  const Actor& actor = req.actor();
  auto me = users.Me(req.context);
  if (!me) return http::ErrorResponse(me.error());
  const auto& [user, unit_name, unit_kind] = *me;
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

Response PostOrgUnit(Request& req, OrgService& orgs) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  CreateOrgUnit cmd;
  auto name = in.String("name", {.required = true, .max_chars = 100});
  auto kind = in.Enum("kind", {"group", "region", "city", "project"}, true);
  cmd.parent_id = in.Int("parent_id", true);
  if (auto done = in.Finish({"name", "kind", "parent_id"}); !done) return http::ErrorResponse(done.error());
  cmd.name = *name;
  cmd.kind = *kind;
  return http::Render(orgs.Create(req.context, cmd), http::kCreated, [](const OrgUnit& u) { return ToJson(u); });
}

Response PatchOrgUnit(Request& req, OrgService& orgs) {
  auto patch = http::ReadPatch(req);
  if (!patch) return http::ErrorResponse(patch.error());
  http::BodyReader in(patch->body);
  auto name = in.String("name", {.required = true, .max_chars = 100});
  if (auto done = in.Finish({"name"}); !done) return http::ErrorResponse(done.error());
  return http::Render(orgs.Rename(req.context, patch->id, *name, patch->version), http::kOk,
                      [](const OrgUnit& u) { return ToJson(u); });
}

Response PostUser(Request& req, UserService& users) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto username = in.String("username", {.required = true, .max_chars = 64});
  auto password = in.String("password", {.required = true, .max_chars = 128});
  auto display_name = in.String("display_name", {.required = true, .max_chars = 100});
  auto roles = in.StringArray("roles", true, 6, 20);
  auto org_unit_id = in.Int("org_unit_id");
  auto phone = in.String("phone", {.max_chars = 32});
  auto email = in.String("email", {.max_chars = 254});
  if (auto done = in.Finish({"username", "password", "display_name", "roles", "org_unit_id", "phone", "email"}); !done) {
    return http::ErrorResponse(done.error());
  }
  CreateUser cmd{*username, *password, *display_name, *roles, org_unit_id, phone, email};
  const bool unmasked = UserService::SeesPersonalData(req.context);
  return http::Render(users.Create(req.context, cmd), http::kCreated,
                      [&](const User& u) { return ToJson(u, unmasked); });
}

Response PatchUser(Request& req, UserService& users) {
  auto patch = http::ReadPatch(req);
  if (!patch) return http::ErrorResponse(patch.error());
  http::BodyReader in(patch->body);
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
  if (auto done = in.Finish({"display_name", "roles", "org_unit_id", "disabled", "locked", "password", "phone", "email"});
      !done) {
    return http::ErrorResponse(done.error());
  }
  const bool unmasked = UserService::SeesPersonalData(req.context);
  return http::Render(users.Update(req.context, patch->id, cmd, patch->version), http::kOk,
                      [&](const User& u) { return ToJson(u, unmasked); });
}

Response GetUser(Request& req, UserService& users) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto user = users.Get(req.context, *id);
  if (!user) return http::ErrorResponse(user.error());
  const bool unmasked = UserService::SeesPersonalData(req.context);
  if (unmasked) users.NoteUnmaskedRead(req.context, {&*user});
  return http::Json(http::kOk, ToJson(*user, unmasked));
}

Response ListUsers(Request& req, UserService& users) {
  auto page = http::PageOf(req);
  if (!page) return http::ErrorResponse(page.error());
  UserFilter filter;
  filter.q = req.Query("q");
  if (filter.q && (filter.q->empty() || filter.q->size() > 100)) filter.q.reset();
  auto org = http::QueryInt(req, "org_unit_id");
  if (!org) return http::ErrorResponse(org.error());
  filter.org_unit_id = *org;
  auto list = users.List(req.context, filter, *page);
  if (!list) return http::ErrorResponse(list.error());
  const bool unmasked = UserService::SeesPersonalData(req.context);
  if (unmasked) {
    std::vector<const User*> shown;
    for (const auto& u : list->items) shown.push_back(&u);
    users.NoteUnmaskedRead(req.context, shown);
  }
  return http::ListResponse(list->items, list->next_cursor, [&](const User& u) { return ToJson(u, unmasked); });
}

Response ListAudit(Request& req, AuditLog& audit) {
  auto page = http::PageOf(req);
  if (!page) return http::ErrorResponse(page.error());
  AuditFilter filter;
  filter.action = req.Query("action");
  filter.entity_type = req.Query("entity_type");
  auto entity_id = http::QueryInt(req, "entity_id");
  if (!entity_id) return http::ErrorResponse(entity_id.error());
  auto actor_id = http::QueryInt(req, "actor_id");
  if (!actor_id) return http::ErrorResponse(actor_id.error());
  filter.entity_id = *entity_id;
  filter.actor_id = *actor_id;
  if (filter.action && filter.action->empty()) filter.action.reset();
  if (filter.entity_type && filter.entity_type->empty()) filter.entity_type.reset();
  auto list = audit.List(req.context, filter, *page);
  if (!list) return http::ErrorResponse(list.error());
  return http::ListResponse(list->first, list->second, [](const AuditEntry& e) { return ToJson(e); });
}

}  // namespace

void RegisterRoutes(http::Router& router, Platform& p) {
  router.Add({"POST", "/api/v1/auth/login", false, true}, [&p](Request& r) { return PostLogin(r, p.auth, p.cookies); });
  router.Add({"POST", "/api/v1/auth/logout"}, [&p](Request& r) {
    auto done = p.auth.Logout(r.context);
    if (!done) return http::ErrorResponse(done.error());
    Response res = http::NoContent();
    res.headers = ClearedSessionCookies(p.cookies, r.https);
    return res;
  });
  router.Add({"GET", "/api/v1/me"}, [&p](Request& r) { return GetMe(r, p.users); });
  router.Add({"GET", "/api/v1/roles"}, [](Request&) { return GetRoles(); });
  router.Add({"GET", "/api/v1/org-units"}, [&p](Request& r) {
    auto page = http::PageOf(r);
    if (!page) return http::ErrorResponse(page.error());
    auto list = p.orgs.List(r.context, *page);
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(list->items, list->next_cursor, [](const OrgUnit& u) { return ToJson(u); });
  });
  router.Add({"POST", "/api/v1/org-units"}, [&p](Request& r) { return PostOrgUnit(r, p.orgs); });
  router.Add({"GET", "/api/v1/org-units/{id}"}, [&p](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::Render(p.orgs.Get(r.context, *id), http::kOk, [](const OrgUnit& u) { return ToJson(u); });
  });
  router.Add({"PATCH", "/api/v1/org-units/{id}"}, [&p](Request& r) { return PatchOrgUnit(r, p.orgs); });
  router.Add({"GET", "/api/v1/users"}, [&p](Request& r) { return ListUsers(r, p.users); });
  router.Add({"POST", "/api/v1/users", true, true}, [&p](Request& r) { return PostUser(r, p.users); });
  router.Add({"GET", "/api/v1/users/{id}"}, [&p](Request& r) { return GetUser(r, p.users); });
  router.Add({"PATCH", "/api/v1/users/{id}", true, true}, [&p](Request& r) { return PatchUser(r, p.users); });
  router.Add({"GET", "/api/v1/audit-log"}, [&p](Request& r) { return ListAudit(r, p.audit); });
  router.Add({"GET", "/api/v1/notifications"}, [&p](Request& r) {
    auto page = http::PageOf(r);
    if (!page) return http::ErrorResponse(page.error());
    auto mine = p.notifications.Mine(r.context, r.Query("unread").value_or("") == "true", *page);
    if (!mine) return http::ErrorResponse(mine.error());
    return http::ListResponse(mine->first, mine->second, [](const Notifications::Item& n) { return ToJson(n); });
  });
  router.Add({"POST", "/api/v1/notifications/{id}/read"}, [&p](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto done = p.notifications.Read(r.context, *id);
    if (!done) return http::ErrorResponse(done.error());
    return http::Response{http::kNoContent, "application/json", "", {}};
  });
  // Permissions, checked before the handler (the services check again, with the org scope); nullopt: any signed-in user.
  const std::vector<http::AccessRule> access{
      {"POST", "/api/v1/auth/logout", std::nullopt},
      {"GET", "/api/v1/me", std::nullopt},
      {"GET", "/api/v1/roles", std::nullopt},
      {"GET", "/api/v1/org-units", Permission::kOrgRead},
      {"POST", "/api/v1/org-units", Permission::kOrgWrite},
      {"GET", "/api/v1/org-units/{id}", Permission::kOrgRead},
      {"PATCH", "/api/v1/org-units/{id}", Permission::kOrgWrite},
      {"GET", "/api/v1/users", Permission::kUserRead},
      {"POST", "/api/v1/users", Permission::kUserWrite},
      {"GET", "/api/v1/users/{id}", Permission::kUserRead},
      {"PATCH", "/api/v1/users/{id}", Permission::kUserWrite},
      {"GET", "/api/v1/audit-log", Permission::kAuditRead},
      {"GET", "/api/v1/notifications", std::nullopt},
      {"POST", "/api/v1/notifications/{id}/read", std::nullopt},
  };
  router.Declare(access);
}

}  // namespace hearth::platform
