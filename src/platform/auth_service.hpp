#pragma once
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"
#include "core/hidden.hpp"
#include "platform/user.hpp"
#include "platform/session_cache.hpp"
#include "platform/user_service.hpp"

namespace hearth::platform {

class UserRepo;  // platform/user_repo.hpp: the module's SQL, not part of this interface

/// The login throttle (SECURITY.md, Authentication). Failures are counted per account and per
/// device, and per address only for names that are no account, so that an attacker behind an
/// office's NAT can neither lock the office out nor stop a person whose device the server knows:
/// - an account, on devices it has not signed in on: five failures in a row are free; then each
///   further attempt waits one minute, doubling with each failure, at most fifteen minutes;
/// - a device the account signed in on before (its device cookie): the same, counted on the
///   device, so the account's wait does not hold it;
/// - an address: 20 failures on names that are no account in 15 minutes; then attempts on such
///   names from it wait until the oldest failure leaves the window.
/// Waits are exact, for Retry-After. A key without a failure for a day starts again. Thread-safe;
/// in memory, each server process on its own (docs/adr/0006-auth-and-scope.md); the lock-out of
/// the account is counted in the database (AuthService).
class LoginThrottle {
 public:
  struct Limits {
    int free_failures = 5;
    std::int64_t first_wait_ms = 60 * 1000;
    std::int64_t longest_wait_ms = 15 * 60 * 1000;
    int unknown_names_per_address = 20;
    std::int64_t window_ms = 15 * 60 * 1000;
    std::int64_t forget_after_ms = 24 * 3600 * 1000;
  };
  explicit LoginThrottle(Limits limits) : limits_(limits) {}
  /// How long `key` (an account or a device of an account) waits before its next try; 0: the
  /// try may go on, and is counted as a failure at once (RecordSuccess takes it back), so that
  /// tries sent together cannot all pass one wait.
  std::int64_t Reserve(const std::string& key, Timestamp now);
  /// How long tries on names that are no account wait, from `address`; 0: now.
  std::int64_t WaitOfAddress(const std::string& address, Timestamp now);
  void RecordUnknownName(const std::string& address, Timestamp now);
  /// A success: the key starts again.
  void RecordSuccess(const std::string& key);

 private:
  struct Failures {
    int in_a_row = 0;
    std::int64_t last_ms = 0;
  };
  Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_key_;
  std::unordered_map<std::string, std::deque<std::int64_t>> by_address_;
};

/// 429 rate_limited saying how long to wait (`retry_after_s`, and the Retry-After header).
tl::unexpected<Error> HeldBack(std::string_view what, std::int64_t wait_ms);

struct LoginResult {
  std::string token;
  User user;
  /// The device cookie's value to set: the one the browser sent, or a new one.
  std::string device;
};

/// Logins, bearer tokens and logout. Tokens are 32 random bytes, stored only as SHA-256, and
/// expire `session_ttl_ms` after login.
class AuthService {
 public:
  /// Consecutive failed logins that lock an account (until an administrator unlocks it).
  static constexpr int kLockAfterFailures = 10;
  AuthService(db::Database& db, const Clock& clock, AuditLog& audit, LoginThrottle& throttle, SessionCache& cache,
              std::int64_t session_ttl_ms)
      : db_(db), clock_(clock), audit_(audit), throttle_(throttle), cache_(cache), session_ttl_ms_(session_ttl_ms) {}

  /// 401 unauthenticated for a wrong name or password or a disabled account (the same answer
  /// for each), 429 rate_limited while the throttle holds this try back (the error's
  /// `retry_after_s` says how long), 403 account_locked on a device the account does not know.
  /// `device`: the device cookie the browser sent (empty: none).
  Result<LoginResult> Login(const RequestContext& ctx, const std::string& username, const std::string& password,
                            const std::string& device = {});
  /// The actor behind a bearer token: 401 when unknown, revoked, expired or disabled.
  Result<Actor> Authenticate(const std::string& token);
  /// Revokes the caller's token.
  Result<void> Logout(const RequestContext& ctx);

 private:
  db::Database& db_;
  const Clock& clock_;
  AuditLog& audit_;
  LoginThrottle& throttle_;
  SessionCache& cache_;
  std::int64_t session_ttl_ms_;
  Hidden<UserRepo> users_;
};

}  // namespace hearth::platform
