#include "platform/user_repo.hpp"

#include "core/hidden_impl.hpp"
#include "db/columns.hpp"
#include "db/like.hpp"

#include "platform/roles.hpp"

namespace hearth::platform {

namespace {

constexpr std::string_view kInsert = R"sql(
INSERT INTO users (tenant_id, org_unit_id, username, display_name, phone, email, password_hash, roles, disabled,
                   created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id)sql";
// A user's columns, declared once: the SELECTs list them and FromRow reads them.
const db::Columns<User> kUserColumns{
    {"id", &User::id},
    {"tenant_id", &User::tenant_id},
    {"org_unit_id", &User::org_unit_id},
    {"username", &User::username},
    {"display_name", &User::display_name},
    {"phone", &User::phone},
    {"email", &User::email},
    {"roles", [](User& u, const db::Row& r, std::size_t i) { u.roles = SplitRoles(r.Text(i)); }},
    {"disabled", &User::disabled},
    {"version", &User::version},
    {"created_at", &User::created_at},
    {"updated_at", &User::updated_at},
    {"locked_at", &User::locked_at},
    {"failed_logins", &User::failed_logins},
};
const std::string kFind = "SELECT " + kUserColumns.List() + " FROM users WHERE id = $1 AND tenant_id = $2";
const std::string kFindWithUnit = "SELECT " + kUserColumns.List("u") + R"sql(, o.name, o.kind
  FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.id = $1 AND u.tenant_id = $2)sql";
const std::string kFindForLogin = "SELECT " + kUserColumns.List() + ", password_hash FROM users WHERE username = $1";
const std::string kList = "SELECT " + kUserColumns.List("u") + R"sql(
  FROM users u JOIN org_units o ON o.id = u.org_unit_id
 WHERE u.tenant_id = $1 AND o.path LIKE $2 AND u.id > $3
   AND (CAST($4 AS TEXT) IS NULL OR u.username LIKE $4 ESCAPE '\' OR u.display_name LIKE $4 ESCAPE '\')
   AND (CAST($5 AS BIGINT) IS NULL OR u.org_unit_id = $5)
 ORDER BY u.id LIMIT $6)sql";
constexpr std::string_view kUpdate = R"sql(
UPDATE users SET org_unit_id = $3, display_name = $4, phone = $5, email = $6, roles = $7, disabled = $8,
                 password_hash = COALESCE($9, password_hash), locked_at = $12,
                 failed_logins = CASE WHEN CAST($12 AS BIGINT) IS NULL THEN 0 ELSE failed_logins END,
                 version = version + 1, updated_at = $10
 WHERE id = $1 AND tenant_id = $2 AND (CAST($11 AS BIGINT) IS NULL OR version = $11))sql";

constexpr std::string_view kInsertSession = R"sql(
INSERT INTO sessions (tenant_id, user_id, token_hash, remote_address, expires_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $6))sql";
// The whole actor in one indexed lookup: this runs on every authenticated request.
constexpr std::string_view kFindSession = R"sql(
SELECT s.id, s.expires_at, s.revoked_at, u.id, u.tenant_id, u.org_unit_id, u.username, u.display_name, u.roles,
       u.disabled, o.path
  FROM sessions s JOIN users u ON u.id = s.user_id JOIN org_units o ON o.id = u.org_unit_id
 WHERE s.token_hash = $1)sql";
constexpr std::string_view kRevoke = R"sql(
UPDATE sessions SET revoked_at = $2, version = version + 1, updated_at = $2 WHERE id = $1 AND revoked_at IS NULL)sql";
constexpr std::string_view kRevokeAll = R"sql(
UPDATE sessions SET revoked_at = $2, version = version + 1, updated_at = $2
 WHERE user_id = $1 AND revoked_at IS NULL)sql";

User FromRow(const db::Row& r) { return kUserColumns.Read(r); }

// One failed login: the count goes up, and the account locks when it reaches `limit`.
constexpr std::string_view kFailedLogin = R"sql(
UPDATE users SET failed_logins = failed_logins + 1,
                 locked_at = CASE WHEN locked_at IS NULL AND failed_logins + 1 >= $2 THEN $3 ELSE locked_at END
 WHERE id = $1 RETURNING failed_logins, locked_at)sql";
constexpr std::string_view kKnowsDevice = "SELECT 1 FROM login_devices WHERE user_id = $1 AND device_hash = $2";
constexpr std::string_view kRememberDevice = R"sql(
INSERT INTO login_devices (user_id, device_hash, created_at, last_seen_at) VALUES ($1, $2, $3, $3)
ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at)sql";
constexpr std::string_view kForgetDevices = "DELETE FROM login_devices WHERE user_id = $1";
constexpr std::string_view kForgetOldDevices = R"sql(
DELETE FROM login_devices
 WHERE user_id = $1
   AND device_hash NOT IN (SELECT device_hash FROM login_devices WHERE user_id = $1 ORDER BY last_seen_at DESC LIMIT 20))sql";
// Roles are stored space-separated (JoinRoles).
constexpr std::string_view kAnyAdministrator =
    "SELECT 1 FROM users WHERE ' ' || roles || ' ' LIKE '% admin %' LIMIT 1";
constexpr std::string_view kResetFailedLogins = "UPDATE users SET failed_logins = 0 WHERE id = $1 AND failed_logins <> 0";

}  // namespace

User UserRepo::Insert(db::Tx& tx, const User& u, const std::string& password_hash) {
  User out = u;
  out.id = tx.Execute(kInsert, u.tenant_id, u.org_unit_id, u.username, u.display_name, u.phone, u.email,
                      password_hash, JoinRoles(u.roles), u.disabled, u.created_at)
               .front()
               .Int(0);
  out.version = 1;
  out.updated_at = u.created_at;
  return out;
}

std::optional<User> UserRepo::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return FromRow(rows.front());
}

std::optional<std::tuple<User, std::string, std::string>> UserRepo::FindWithUnit(db::Tx& tx, std::int64_t tenant_id,
                                                                                 std::int64_t id) {
  auto rows = tx.Execute(kFindWithUnit, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  return std::make_tuple(FromRow(r), r.Text(kUserColumns.size()), r.Text(kUserColumns.size() + 1));
}

std::optional<std::pair<User, std::string>> UserRepo::FindForLogin(db::Tx& tx, const std::string& username) {
  auto rows = tx.Execute(kFindForLogin, username);
  if (rows.empty()) return std::nullopt;
  return std::make_pair(FromRow(rows.front()), rows.front().Text(kUserColumns.size()));
}

std::vector<User> UserRepo::List(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                 const UserFilter& filter, const Page& page) {
  std::optional<std::string> like;
  if (filter.q) like = db::LikeContaining(*filter.q);
  auto rows = tx.Execute(kList, tenant_id, path_prefix + "%", page.after_id.value_or(0), like, filter.org_unit_id,
                         page.limit + 1);
  std::vector<User> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(FromRow(rows[i]));
  return out;
}

std::optional<Timestamp> UserRepo::RecordFailedLogin(db::Tx& tx, std::int64_t id, int limit, Timestamp now) {
  auto rows = tx.Execute(kFailedLogin, id, limit, now);
  if (rows.empty() || rows.front().IsNull(1)) return std::nullopt;
  return rows.front().Time(1);
}

void UserRepo::ResetFailedLogins(db::Tx& tx, std::int64_t id) { tx.Execute(kResetFailedLogins, id); }

void UserRepo::ForgetDevices(db::Tx& tx, std::int64_t user_id) { tx.Execute(kForgetDevices, user_id); }

bool UserRepo::AnyAdministrator(db::Tx& tx) { return !tx.Execute(kAnyAdministrator).empty(); }

bool UserRepo::KnowsDevice(db::Tx& tx, std::int64_t user_id, const std::string& device_hash) {
  return !tx.Execute(kKnowsDevice, user_id, device_hash).empty();
}

void UserRepo::RememberDevice(db::Tx& tx, std::int64_t user_id, const std::string& device_hash, Timestamp now) {
  tx.Execute(kRememberDevice, user_id, device_hash, now);
  tx.Execute(kForgetOldDevices, user_id);
}

bool UserRepo::Update(db::Tx& tx, const User& u, const std::optional<std::string>& password_hash,
                      std::optional<std::int64_t> expected_version, Timestamp now) {
  return tx.Execute(kUpdate, u.id, u.tenant_id, u.org_unit_id, u.display_name, u.phone, u.email, JoinRoles(u.roles),
                    u.disabled, password_hash, now, expected_version, u.locked_at)
             .affected == 1;
}

std::int64_t UserRepo::CountAll(db::Tx& tx) { return tx.Execute("SELECT COUNT(*) FROM users").front().Int(0); }

void UserRepo::InsertSession(db::Tx& tx, const User& user, const std::string& token_hash, const std::string& remote,
                             Timestamp now, Timestamp expires_at) {
  tx.Execute(kInsertSession, user.tenant_id, user.id, token_hash, remote, expires_at, now);
}

std::optional<SessionRow> UserRepo::FindSession(db::Tx& tx, const std::string& token_hash) {
  auto rows = tx.Execute(kFindSession, token_hash);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  SessionRow s;
  s.session_id = r.Int(0);
  s.expires_at = r.Time(1);
  s.revoked = !r.IsNull(2);
  s.user.id = r.Int(3);
  s.user.tenant_id = r.Int(4);
  s.user.org_unit_id = r.Int(5);
  s.user.username = r.Text(6);
  s.user.display_name = r.Text(7);
  s.user.roles = SplitRoles(r.Text(8));
  s.user.disabled = r.Bool(9);
  s.org_path = r.Text(10);
  return s;
}

void UserRepo::RevokeSession(db::Tx& tx, std::int64_t session_id, Timestamp now) {
  tx.Execute(kRevoke, session_id, now);
}

void UserRepo::RevokeSessionsOf(db::Tx& tx, std::int64_t user_id, Timestamp now) {
  tx.Execute(kRevokeAll, user_id, now);
}

}  // namespace hearth::platform

template class hearth::Hidden<hearth::platform::UserRepo>;  // owned by the module's services (core/hidden.hpp)
