#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/paging.hpp"
#include "db/database.hpp"
#include "platform/user.hpp"

namespace hearth::platform {

/// What Authenticate needs about a session, read in one query.
/// SQL of users and sessions. Every method runs in the caller's transaction.
class UserRepo {
 public:
  User Insert(db::Tx& tx, const User& user, const std::string& password_hash);
  std::optional<User> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  /// The user with the name and kind of their org unit, in one query (GET /me).
  std::optional<std::tuple<User, std::string, std::string>> FindWithUnit(db::Tx& tx, std::int64_t tenant_id,
                                                                         std::int64_t id);
  /// The user and password hash by login name, across tenants (usernames are globally unique).
  std::optional<std::pair<User, std::string>> FindForLogin(db::Tx& tx, const std::string& username);
  /// Users of org units under `path_prefix`, by id, after the cursor; one more than the limit.
  std::vector<User> List(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, const UserFilter& filter,
                         const Page& page);
  /// Writes every column of `user` when the version matches (or is not given); false otherwise.
  /// Counts a failed login; locks the account when the count reaches `limit`. Answers when the
  /// account is locked (now or before), nullopt while it is not.
  std::optional<Timestamp> RecordFailedLogin(db::Tx& tx, std::int64_t id, int limit, Timestamp now);
  /// A successful login starts the count again.
  void ResetFailedLogins(db::Tx& tx, std::int64_t id);
  /// True when the user signed in before on the device whose cookie hashes to `device_hash`.
  bool KnowsDevice(db::Tx& tx, std::int64_t user_id, const std::string& device_hash);
  /// Remembers the device of a successful login (its last use, when known); a user keeps their
  /// 20 most recent devices.
  void RememberDevice(db::Tx& tx, std::int64_t user_id, const std::string& device_hash, Timestamp now);
  /// Forgets every device of the user (a new password, an administrator's lock).
  void ForgetDevices(db::Tx& tx, std::int64_t user_id);
  bool Update(db::Tx& tx, const User& user, const std::optional<std::string>& password_hash,
              std::optional<std::int64_t> expected_version, Timestamp now);
  std::int64_t CountAll(db::Tx& tx);
  /// True when some user, of any group, has the role admin.
  bool AnyAdministrator(db::Tx& tx);

  void InsertSession(db::Tx& tx, const User& user, const std::string& token_hash, const std::string& remote,
                     Timestamp now, Timestamp expires_at);
  std::optional<SessionRow> FindSession(db::Tx& tx, const std::string& token_hash);
  void RevokeSession(db::Tx& tx, std::int64_t session_id, Timestamp now);
  /// Revokes every live session of a user (password change, disabling).
  void RevokeSessionsOf(db::Tx& tx, std::int64_t user_id, Timestamp now);
};

}  // namespace hearth::platform
