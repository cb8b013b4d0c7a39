#include "platform/user_service.hpp"

#include "platform/user_repo.hpp"

#include <algorithm>
#include <regex>

#include "core/masking.hpp"
#include "core/phone.hpp"
#include "http/body_reader.hpp"
#include "platform/password.hpp"
#include "platform/roles.hpp"

namespace hearth::platform {

namespace {

bool ValidUsername(const std::string& s) {
  if (s.size() < 3 || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

bool ValidEmail(const std::string& s) {
  static const std::regex kEmail(R"(^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$)");
  return s.size() <= 254 && std::regex_match(s, kEmail);
}

// Returns the reason a password is refused, or "" when it is acceptable.
std::string PasswordProblem(const std::string& p) {
  if (http::Utf8Length(p) < 8) return "too_short";
  if (p.size() > 128) return "too_long";
  const bool letter = std::any_of(p.begin(), p.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  const bool digit = std::any_of(p.begin(), p.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (!letter || !digit) return "too_weak";
  return "";
}

bool GrantsAdmin(const std::vector<std::string>& roles) {
  return std::find(roles.begin(), roles.end(), "admin") != roles.end();
}

}  // namespace

boost::json::object ToJson(const User& u, bool unmasked) {
  boost::json::object o(12);
  o["id"] = u.id;
  o["username"] = u.username;
  o["display_name"] = u.display_name;
  boost::json::array roles;
  for (const auto& r : u.roles) roles.emplace_back(r);
  o["roles"] = std::move(roles);
  o["org_unit_id"] = u.org_unit_id;
  o["phone"] = u.phone ? boost::json::value(unmasked ? *u.phone : MaskPhone(*u.phone)) : nullptr;
  o["email"] = u.email ? boost::json::value(*u.email) : nullptr;
  o["disabled"] = u.disabled;
  o["locked"] = u.locked_at.has_value();
  o["locked_at"] = u.locked_at ? boost::json::value(FormatRfc3339(*u.locked_at)) : nullptr;
  o["version"] = u.version;
  o["created_at"] = FormatRfc3339(u.created_at);
  o["updated_at"] = FormatRfc3339(u.updated_at);
  return o;
}

Result<void> UserService::Validate(const CreateUser& cmd) const {
  std::vector<FieldError> bad;
  if (!ValidUsername(cmd.username)) bad.push_back({"username", "invalid_format"});
  if (auto p = PasswordProblem(cmd.password); !p.empty()) bad.push_back({"password", p});
  if (cmd.roles.empty()) bad.push_back({"roles", "required"});
  for (std::size_t i = 0; i < cmd.roles.size(); ++i) {
    if (!IsRole(cmd.roles[i])) bad.push_back({"roles[" + std::to_string(i) + "]", "invalid_value"});
  }
  if (cmd.phone && !NormalizePhone(*cmd.phone)) bad.push_back({"phone", "invalid_format"});
  if (cmd.email && !ValidEmail(*cmd.email)) bad.push_back({"email", "invalid_format"});
  if (!bad.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "some fields are not valid", bad);
  return {};
}

User UserService::Insert(db::Tx& tx, const RequestContext& ctx, const CreateUser& cmd, const OrgUnit& unit,
                         const std::string& password_hash) {
  User user;
  user.tenant_id = unit.tenant_id;
  user.org_unit_id = unit.id;
  user.username = cmd.username;
  user.display_name = cmd.display_name.empty() ? cmd.username : cmd.display_name;
  user.phone = cmd.phone ? NormalizePhone(*cmd.phone) : std::nullopt;
  user.email = cmd.email;
  user.roles = cmd.roles;
  user.created_at = clock_.Now();
  User created = repo_->Insert(tx, user, password_hash);
  audit_.Record(tx, ctx, "user.created", "user", created.id, nullptr, ToJson(created, true), unit.tenant_id);
  return created;
}

Result<User> UserService::CreateUnchecked(db::Tx& tx, const RequestContext& ctx, const CreateUser& cmd,
                                          const OrgUnit& unit) {
  HEARTH_TRY(Validate(cmd));
  return Insert(tx, ctx, cmd, unit, HashPassword(cmd.password, fast_hashing_));
}

Result<User> UserService::ResetPasswordUnchecked(const RequestContext& ctx, const std::string& username,
                                                 const std::string& password) {
  if (auto p = PasswordProblem(password); !p.empty()) return FailField("password", p);
  const std::string hash = HashPassword(password, fast_hashing_);
  auto reset = db_.Transact([&](db::Tx& tx) -> Result<User> {
    auto found = repo_->FindForLogin(tx, username);
    if (!found) return FailField("username", "not_found");
    User user = found->first;
    user.locked_at.reset();  // and the count of failures starts again
    const Timestamp now = clock_.Now();
    repo_->Update(tx, user, hash, std::nullopt, now);
    repo_->RevokeSessionsOf(tx, user.id, now);
    repo_->ForgetDevices(tx, user.id);
    audit_.Record(tx, ctx, "user.password_reset", "user", user.id, nullptr,
                  boost::json::object{{"by", "command line"}, {"unlocked", found->first.locked_at.has_value()}},
                  user.tenant_id);
    return *repo_->Find(tx, user.tenant_id, user.id);
  });
  if (reset) sessions_.Clear();
  return reset;
}

Result<User> UserService::Create(const RequestContext& ctx, const CreateUser& cmd) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kUserWrite)) return Forbidden("your role may not manage users");
  if (GrantsAdmin(cmd.roles) && !actor.IsAdmin()) return Forbidden("only an administrator may grant the admin role");
  HEARTH_TRY(Validate(cmd));
  // Hash outside the transaction: argon2id takes ~0.1 s and must not hold the write lock.
  const std::string hash = HashPassword(cmd.password, fast_hashing_);
  return db_.Transact([&](db::Tx& tx) -> Result<User> {
    auto unit = orgs_.FindInScope(tx, actor, cmd.org_unit_id.value_or(actor.org_unit_id));
    if (!unit) return FailField("org_unit_id", "not_found");
    return Insert(tx, ctx, cmd, *unit, hash);
  });
}

Result<User> UserService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kUserRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<User> {
    auto user = repo_->Find(tx, actor.tenant_id, id);
    if (!user) return NotFound("no such user");
    HEARTH_TRY(orgs_.FindInScope(tx, actor, user->org_unit_id));
    return *user;
  });
}

Result<std::tuple<User, std::string, std::string>> UserService::Me(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  auto me = db_.Read([&](db::Tx& tx) { return repo_->FindWithUnit(tx, actor.tenant_id, actor.user_id); });
  if (!me) return NotFound("the account no longer exists");
  return *me;
}

Result<Listing<User>> UserService::List(const RequestContext& ctx, const UserFilter& filter, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kUserRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Listing<User>> {
    Listing<User> out;
    out.items = repo_->List(tx, actor.tenant_id, actor.IsAdmin() ? "/" : actor.org_path, filter, page);
    out.next_cursor = TrimToPage(out.items, page, [](const User& u) { return u.id; });
    return out;
  });
}

Result<User> UserService::Update(const RequestContext& ctx, std::int64_t id, const UpdateUser& cmd,
                                 std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kUserWrite)) return Forbidden("your role may not manage users");
  std::vector<FieldError> bad;
  if (cmd.roles) {
    if (cmd.roles->empty()) bad.push_back({"roles", "required"});
    for (std::size_t i = 0; i < cmd.roles->size(); ++i) {
      if (!IsRole((*cmd.roles)[i])) bad.push_back({"roles[" + std::to_string(i) + "]", "invalid_value"});
    }
    if (GrantsAdmin(*cmd.roles) && !actor.IsAdmin()) return Forbidden("only an administrator may grant the admin role");
  }
  if (cmd.password) {
    if (auto p = PasswordProblem(*cmd.password); !p.empty()) bad.push_back({"password", p});
  }
  if (cmd.phone && !NormalizePhone(*cmd.phone)) bad.push_back({"phone", "invalid_format"});
  if (cmd.email && !ValidEmail(*cmd.email)) bad.push_back({"email", "invalid_format"});
  if (!bad.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "some fields are not valid", bad);
  std::optional<std::string> hash;
  if (cmd.password) hash = HashPassword(*cmd.password, fast_hashing_);

  auto updated = db_.Transact([&](db::Tx& tx) -> Result<User> {
    auto found = repo_->Find(tx, actor.tenant_id, id);
    if (!found) return NotFound("no such user");
    HEARTH_TRY(orgs_.FindInScope(tx, actor, found->org_unit_id));
    if (GrantsAdmin(found->roles) && !actor.IsAdmin()) return Forbidden("only an administrator may change an administrator");
    User user = *found;
    if (cmd.display_name) user.display_name = *cmd.display_name;
    if (cmd.roles) user.roles = *cmd.roles;
    if (cmd.org_unit_id) {
      auto unit = orgs_.FindInScope(tx, actor, *cmd.org_unit_id);
      if (!unit) return FailField("org_unit_id", "not_found");
      user.org_unit_id = unit->id;
    }
    if (cmd.disabled) user.disabled = *cmd.disabled;
    const Timestamp now = clock_.Now();
    if (cmd.locked && !*cmd.locked) user.locked_at.reset();  // unlocked: the count starts again
    if (cmd.locked && *cmd.locked && !user.locked_at) user.locked_at = now;
    if (cmd.clear_phone) user.phone.reset();
    if (cmd.phone) user.phone = NormalizePhone(*cmd.phone);
    if (cmd.clear_email) user.email.reset();
    if (cmd.email) user.email = cmd.email;
    if (!repo_->Update(tx, user, hash, expected_version, now)) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the user was changed by someone else; reload it");
    }
    if (hash || (cmd.disabled && *cmd.disabled) || (user.locked_at && !found->locked_at)) repo_->RevokeSessionsOf(tx, id, now);
    // A new password or an administrator's lock: no device passes the lock-out on its history.
    if (hash || (cmd.locked && *cmd.locked)) repo_->ForgetDevices(tx, id);
    User after = *repo_->Find(tx, actor.tenant_id, id);
    boost::json::object before_json = ToJson(*found, true);
    boost::json::object after_json = ToJson(after, true);
    if (hash) after_json["password_changed"] = true;
    audit_.Record(tx, ctx, "user.updated", "user", id, before_json, after_json);
    return after;
  });
  // Roles, unit or status may have changed, or sessions been revoked: cached actors are stale.
  if (updated) sessions_.Clear();
  return updated;
}

void UserService::NoteUnmaskedRead(const RequestContext& ctx, const std::vector<const User*>& users) {
  std::vector<std::int64_t> ids;
  for (const User* u : users) {
    if (u->phone) ids.push_back(u->id);
  }
  audit_.RecordUnmaskedRead(ctx, "user", ids, {"phone"});
}

}  // namespace hearth::platform
