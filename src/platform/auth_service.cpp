#include "platform/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include "platform/user_repo.hpp"

#include "platform/password.hpp"
#include "platform/roles.hpp"

namespace hearth::platform {

std::int64_t LoginThrottle::Reserve(const std::string& key, Timestamp now) {
  std::lock_guard lock(mutex_);
  // Bound memory under a flood of random names: forget the oldest state when it grows large.
  if (by_key_.size() > 100000) by_key_.clear();
  Failures& f = by_key_[key];
  if (now.ms - f.last_ms >= limits_.forget_after_ms) f.in_a_row = 0;
  if (f.in_a_row >= limits_.free_failures) {
    std::int64_t wait = limits_.first_wait_ms;
    for (int i = limits_.free_failures; i < f.in_a_row && wait < limits_.longest_wait_ms; ++i) wait *= 2;
    wait = std::min(wait, limits_.longest_wait_ms);
    if (f.last_ms + wait > now.ms) return f.last_ms + wait - now.ms;
  }
  // Counted as a failure now, under the lock: tries sent at once cannot all pass one wait.
  ++f.in_a_row;
  f.last_ms = now.ms;
  return 0;
}

std::int64_t LoginThrottle::WaitOfAddress(const std::string& address, Timestamp now) {
  std::lock_guard lock(mutex_);
  auto it = by_address_.find(address);
  if (it == by_address_.end()) return 0;
  auto& times = it->second;
  while (!times.empty() && times.front() <= now.ms - limits_.window_ms) times.pop_front();
  if (static_cast<int>(times.size()) < limits_.unknown_names_per_address) return 0;
  // Free again when enough of the oldest leave the window.
  const std::size_t oldest_to_leave = times.size() - static_cast<std::size_t>(limits_.unknown_names_per_address);
  return times[oldest_to_leave] + limits_.window_ms - now.ms;
}

void LoginThrottle::RecordUnknownName(const std::string& address, Timestamp now) {
  std::lock_guard lock(mutex_);
  if (by_address_.size() > 100000) by_address_.clear();
  by_address_[address].push_back(now.ms);
}

void LoginThrottle::RecordSuccess(const std::string& key) {
  std::lock_guard lock(mutex_);
  by_key_.erase(key);
}

tl::unexpected<Error> HeldBack(std::string_view what, std::int64_t wait_ms) {
  const std::int64_t seconds = (wait_ms + 999) / 1000;
  return Fail(Error{ErrorCode::kRateLimited, "rate_limited",
                    std::string(what) + "; try again in " + std::to_string(seconds) + " s", {},
                    {{"retry_after_s", std::to_string(seconds)}}});
}

Result<LoginResult> AuthService::Login(const RequestContext& ctx, const std::string& username,
                                       const std::string& password, const std::string& device) {
  const Timestamp now = clock_.Now();
  // A device cookie is a token as RandomToken makes them (43 characters of base64url); anything
  // else is no device.
  const bool well_formed = device.size() == 43 && std::all_of(device.begin(), device.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  const std::string device_hash = well_formed ? Sha256Hex(device) : std::string();
  auto found = db_.Read([&](db::Tx& tx) -> std::optional<std::pair<std::pair<User, std::string>, bool>> {
    auto user = users_->FindForLogin(tx, username);
    if (!user) return std::nullopt;
    const bool known = !device_hash.empty() && users_->KnowsDevice(tx, user->first.id, device_hash);
    return std::pair{std::move(*user), known};
  });
  // Verify against a fixed hash when the user does not exist, so that timing does not tell.
  static const std::string kDummyHash = HashPassword("hearth-dummy-password-1", true);
  if (!found) {
    if (const auto wait = throttle_.WaitOfAddress(ctx.remote_address, now); wait > 0) return HeldBack("too many failed logins", wait);
    VerifyPassword(password, kDummyHash);
    throttle_.RecordUnknownName(ctx.remote_address, now);
    return Fail(ErrorCode::kUnauthenticated, "unauthenticated", "wrong username or password");
  }
  const auto& [user, password_hash] = found->first;
  const bool known_device = found->second;
  // The account's failures on unknown devices hold back every unknown device; a known device
  // counts its own.
  const std::string key = known_device ? "device:" + std::to_string(user.id) + ":" + device_hash : "user:" + username;
  // A device the account knows passes a lock-out its failures caused, never an administrator's lock.
  const bool locked_by_failures = user.failed_logins >= kLockAfterFailures;
  if (user.locked_at && !(known_device && locked_by_failures)) {
    return Fail(ErrorCode::kPermissionDenied, "account_locked",
                "the account is locked after too many failed logins; sign in on a device you used before, or an "
                "administrator can unlock it");
  }
  if (const auto wait = throttle_.Reserve(key, now); wait > 0) return HeldBack("too many failed logins", wait);
  const bool ok = VerifyPassword(password, password_hash);
  if (!ok || user.disabled) {
    if (!ok && !known_device) {
      // Counted in the database, so that every server sees it; the account locks at the limit
      // (for devices it does not know).
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
  throttle_.RecordSuccess(key);
  LoginResult result{RandomToken(), user, device_hash.empty() ? RandomToken() : device};
  const std::string result_device_hash = device_hash.empty() ? Sha256Hex(result.device) : device_hash;
  return db_.Transact([&](db::Tx& tx) -> Result<LoginResult> {
    if (!known_device) users_->ResetFailedLogins(tx, result.user.id);
    users_->RememberDevice(tx, result.user.id, result_device_hash, now);
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
