#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"
#include "platform/session_cache.hpp"
#include "core/hidden.hpp"
#include "platform/user.hpp"

namespace hearth::platform {

class UserRepo;  // platform/user_repo.hpp: the module's SQL, not part of this interface

struct CreateUser {
  std::string username;
  std::string password;
  std::string display_name;
  std::vector<std::string> roles;
  std::optional<std::int64_t> org_unit_id;  ///< default: the caller's unit
  std::optional<std::string> phone;
  std::optional<std::string> email;
};

/// A PATCH: only the fields present change. `clear_phone` / `clear_email` set them to null.
struct UpdateUser {
  std::optional<std::string> display_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<std::int64_t> org_unit_id;
  std::optional<bool> disabled;
  std::optional<bool> locked;  ///< false unlocks a locked account; true locks it now
  std::optional<std::string> password;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  bool clear_phone = false;
  bool clear_email = false;
};

/// Staff accounts. Writes need kUserWrite and a target unit in the caller's scope; only an admin
/// may grant the admin role. Reads are scoped the same way (404 outside the scope).
class UserService {
 public:
  UserService(db::Database& db, const Clock& clock, AuditLog& audit, OrgService& orgs, SessionCache& sessions,
              bool fast_hashing)
      : db_(db), clock_(clock), audit_(audit), orgs_(orgs), sessions_(sessions), fast_hashing_(fast_hashing) {}

  /// 422 validation_failed for bad fields (username "invalid_format", password "too_short",
  /// roles "invalid_value"), 409 conflict "username" "taken".
  Result<User> Create(const RequestContext& ctx, const CreateUser& cmd);
  Result<User> Get(const RequestContext& ctx, std::int64_t id);
  /// The caller's own account with their org unit's name and kind; needs no permission.
  Result<std::tuple<User, std::string, std::string>> Me(const RequestContext& ctx);
  Result<Listing<User>> List(const RequestContext& ctx, const UserFilter& filter, const Page& page);
  /// With `expected_version`, a stale version answers 409 version_conflict. A new password or
  /// disabling revokes the user's sessions.
  Result<User> Update(const RequestContext& ctx, std::int64_t id, const UpdateUser& cmd,
                      std::optional<std::int64_t> expected_version);

  /// True when the caller sees personal data unmasked. Such reads are audited by NoteUnmaskedRead.
  static bool SeesPersonalData(const RequestContext& ctx) {
    return ctx.actor && ctx.actor->Can(Permission::kPersonalDataView);
  }
  /// Audits that `ids` were shown unmasked (one entry per response).
  void NoteUnmaskedRead(const RequestContext& ctx, const std::vector<const User*>& users);

  /// Creates a user without permission checks (first admin, `hearth user add`); `ctx` may have
  /// no actor. Validates and audits like Create.
  Result<User> CreateUnchecked(db::Tx& tx, const RequestContext& ctx, const CreateUser& cmd, const OrgUnit& unit);
  /// Sets a user's password without permission checks (`hearth user password`, for whoever runs
  /// the server): unlocks the account, ends its sessions, audits `user.password_reset`.
  Result<User> ResetPasswordUnchecked(const RequestContext& ctx, const std::string& username, const std::string& password);

 private:
  Result<void> Validate(const CreateUser& cmd) const;
  User Insert(db::Tx& tx, const RequestContext& ctx, const CreateUser& cmd, const OrgUnit& unit,
              const std::string& password_hash);

  db::Database& db_;
  const Clock& clock_;
  AuditLog& audit_;
  OrgService& orgs_;
  SessionCache& sessions_;
  bool fast_hashing_;
  Hidden<UserRepo> repo_;
};

}  // namespace hearth::platform
