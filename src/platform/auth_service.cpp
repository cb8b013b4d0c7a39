#include "platform/auth_service.hpp"

#include "platform/user_repo.hpp"

#include "platform/password.hpp"
#include "platform/roles.hpp"

namespace hearth::platform {

int LoginThrottle::CountRecent(std::deque<std::int64_t>& times, std::int64_t since) {
  while (!times.empty() && times.front() < since) times.pop_front();
  return static_cast<int>(times.size());
}

bool LoginThrottle::Allowed(const std::string& username, const std::string& address, Timestamp now) {
  std::lock_guard lock(mutex_);
  const std::int64_t since = now.ms - limits_.window_ms;
  auto u = by_username_.find(username);
  if (u != by_username_.end() && CountRecent(u->second, since) >= limits_.per_username) return false;
  auto a = by_address_.find(address);
  if (a != by_address_.end() && CountRecent(a->second, since) >= limits_.per_address) return false;
  return true;
}

void LoginThrottle::RecordFailure(const std::string& username, const std::string& address, Timestamp now) {
  std::lock_guard lock(mutex_);
  // Bound memory under a flood of random names: forget the oldest state when it grows large.
  if (by_username_.size() > 100000) by_username_.clear();
  if (by_address_.size() > 100000) by_address_.clear();
  by_username_[username].push_back(now.ms);
  by_address_[address].push_back(now.ms);
}

void LoginThrottle::RecordSuccess(const std::string& username) {
  std::lock_guard lock(mutex_);
  by_username_.erase(username);
}

Result<LoginResult> AuthService::Login(const RequestContext& ctx, const std::string& username,
                                       const std::string& password) {
  const Timestamp now = clock_.Now();
  if (!throttle_.Allowed(username, ctx.remote_address, now)) {
    return Fail(ErrorCode::kRateLimited, "rate_limited", "too many failed logins; try again later");
  }
  auto found = db_.Read([&](db::Tx& tx) { return users_->FindForLogin(tx, username); });
  // Verify against a fixed hash when the user does not exist, so that timing does not tell.
  static const std::string kDummyHash = HashPassword("hearth-dummy-password-1", true);
  const bool ok = found ? VerifyPassword(password, found->second) : (VerifyPassword(password, kDummyHash), false);
  if (found && found->first.locked_at) {
    return Fail(ErrorCode::kPermissionDenied, "account_locked",
                "the account is locked after too many failed logins; an administrator can unlock it");
  }
  if (!ok || found->first.disabled) {
    throttle_.RecordFailure(username, ctx.remote_address, now);
    if (found && !ok) {
      // Counted in the database, so that every server sees it; the account locks at the limit.
      const User& user = found->first;
      bool locked_now = false;
      (void)db_.Transact([&](db::Tx& tx) -> Result<void> {
        if (users_->RecordFailedLogin(tx, user.id, kLockAfterFailures, now) == now) {
          users_->RevokeSessionsOf(tx, user.id, now);  // a locked account has no sessions
          locked_now = true;
          RequestContext as_system = ctx;
          as_system.actor.reset();
          audit_.Record(tx, as_system, "user.locked", "user", user.id, nullptr,
                        boost::json::object{{"failed_logins", kLockAfterFailures}}, user.tenant_id);
        }
        return {};
      });
      if (locked_now) cache_.Clear();  // after the commit, so no request caches the old sessions again
    }
    return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "wrong username or password");
  }
  throttle_.RecordSuccess(username);
  LoginResult result{RandomToken(), found->first};
  return db_.Transact([&](db::Tx& tx) -> Result<LoginResult> {
    users_->ResetFailedLogins(tx, result.user.id);
    users_->InsertSession(tx, result.user, Sha256Hex(result.token), ctx.remote_address, now,
                         Timestamp{now.ms + session_ttl_ms_});
    RequestContext as_user = ctx;
    as_user.actor = Actor{result.user.id, result.user.username, result.user.tenant_id, result.user.org_unit_id, "",
                          result.user.roles, 0, 0};
    audit_.Record(tx, as_user, "session.created", "user", result.user.id, nullptr, nullptr);
    return result;
  });
}

Result<Actor> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "invalid token");
  const Timestamp now = clock_.Now();
  if (auto cached = cache_.Find(token, now)) return *cached;
  auto session = db_.Read([&](db::Tx& tx) { return users_->FindSession(tx, Sha256Hex(token)); });
  if (!session || session->revoked || session->user.disabled) {
    return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "the token is not valid; log in again");
  }
  if (session->expires_at <= now) {
    return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "the session has expired; log in again");
  }
  const User& u = session->user;
  Actor actor{u.id,  u.username, u.tenant_id, u.org_unit_id, session->org_path, u.roles, PermissionsOf(u.roles),
              session->session_id};
  cache_.Put(token, actor, now, session->expires_at);
  return actor;
}

Result<void> AuthService::Logout(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  auto done = db_.Transact([&](db::Tx& tx) -> Result<void> {
    users_->RevokeSession(tx, actor.session_id, clock_.Now());
    audit_.Record(tx, ctx, "session.revoked", "user", actor.user_id, nullptr, nullptr);
    return {};
  });
  cache_.Clear();  // after the commit, so that no concurrent lookup can cache the old state again
  return done;
}

}  // namespace hearth::platform
