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

/// Counts failed logins per username and per client address in a sliding window. Thread-safe.
/// In memory: each server process throttles on its own (docs/adr/0006-auth.md).
class LoginThrottle {
 public:
  struct Limits {
    int per_username = 5;
    int per_address = 20;
    std::int64_t window_ms = 15 * 60 * 1000;
  };
  explicit LoginThrottle(Limits limits) : limits_(limits) {}
  /// False when either the username or the address has too many recent failures.
  bool Allowed(const std::string& username, const std::string& address, Timestamp now);
  void RecordFailure(const std::string& username, const std::string& address, Timestamp now);
  void RecordSuccess(const std::string& username);

 private:
  static int CountRecent(std::deque<std::int64_t>& times, std::int64_t since);
  Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::int64_t>> by_username_;
  std::unordered_map<std::string, std::deque<std::int64_t>> by_address_;
};

struct LoginResult {
  std::string token;
  User user;
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
  /// for each), 429 rate_limited after repeated failures.
  Result<LoginResult> Login(const RequestContext& ctx, const std::string& username, const std::string& password);
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
