#pragma once
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "platform/audit.hpp"
#include "platform/event_hub.hpp"
#include "platform/auth_service.hpp"
#include "platform/directory.hpp"
#include "platform/jobs.hpp"
#include "platform/manifest.hpp"
#include "platform/messages.hpp"
#include "platform/org_service.hpp"
#include "platform/session_cookie.hpp"
#include "platform/user_service.hpp"

namespace hearth::platform {

struct PlatformOptions {
  std::int64_t session_ttl_ms = 12LL * 3600 * 1000;
  bool fast_hashing = false;  ///< cheaper argon2id parameters (tests, demo data)
  LoginThrottle::Limits throttle;
  MailerOptions mail;
  SmsOptions sms;
  WeChatOptions wechat;
  CookieSettings cookies;
};

/// The platform services, built once by the composition root (app.cpp) in dependency order.
struct Platform {
  Platform(db::Database& db, const Clock& clock, const PlatformOptions& options)
      : audit(db, clock),
        orgs(db, clock, audit),
        sessions(1000),
        users(db, clock, audit, orgs, sessions, options.fast_hashing),
        throttle(options.throttle),
        auth(db, clock, audit, throttle, sessions, options.session_ttl_ms),
        jobs(db, clock, WorkerName()),
        mailer(options.mail),
        notifications(db, clock, jobs, mailer),
        messages(db, clock, jobs, options.sms, mailer, options.wechat),
        cookies(options.cookies) {
    // The audit log names the platform's own objects: people by display name, org units by name.
    audit.AddNamer("user", [](db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
      std::map<std::int64_t, std::string> out;
      for (const auto& [id, names] : directory::NamesOf(tx, tenant_id, ids)) out.emplace(id, names.Shown());
      return out;
    });
    audit.AddNamer("org_unit", directory::UnitNamesOf);
  }
  AuditLog audit;
  OrgService orgs;
  SessionCache sessions;
  UserService users;
  LoginThrottle throttle;
  AuthService auth;
  JobScheduler jobs;
  Mailer mailer;
  Notifications notifications;
  MessageGateway messages;  ///< SMS, e-mail and WeChat template messages for every module, logged
  CookieSettings cookies;
  EventHub events;  ///< what GET /api/v1/events streams to each signed-in person

  /// "host:pid", naming this server in claimed jobs.
  static std::string WorkerName();
};

/// The platform as a module: its tables, constraints, middleware (auth, idempotency, around every
/// module's routes) and routes. `platform` must outlive the server.
Manifest BuildManifest(Platform& platform, db::Database& db, const Clock& clock);
/// `hearth demo`, the platform's part (platform_demo.cpp): the org tree of a demo group (made once)
/// and demo staff of its first company.
Result<void> AddDemo(db::Database& db, Platform& platform, const Clock& clock, Demo& demo);
/// The platform's routes (platform_routes.cpp).
void AddRoutes(Manifest& m, Platform& platform);

/// What the first start did about the administrator (HEARTH_ADMIN_PASSWORD).
enum class Bootstrapped {
  kNothing,          ///< an administrator exists, and no password was given, or admin's own
  kCreated,          ///< `admin` was created with the password (and the group, on an empty database)
  kPasswordIgnored,  ///< another password was given, but an administrator exists and keeps their own
  kNoAdministrator,  ///< no user is an administrator and no password was given
};

/// Creates the user `admin` with `admin_password` and the role admin when no user is an
/// administrator: on an empty database with the group `group_name`; on a database that has users
/// but no administrator (a demo loaded first), in its first group. Never changes a password.
Result<Bootstrapped> Bootstrap(db::Database& db, Platform& platform, const std::string& group_name,
                               const std::string& admin_password);

}  // namespace hearth::platform
