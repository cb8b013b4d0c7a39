#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "db/read_replica.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/service/service_module.hpp"
#include "modules/delivery/delivery_module.hpp"
#include "modules/sales/sales_module.hpp"
#include "modules/campaigns/campaigns_module.hpp"
#include "modules/club/club_module.hpp"
#include "modules/segments/segments_module.hpp"
#include "modules/surveys/surveys_module.hpp"
#include "platform/manifest.hpp"
#include "platform/platform_module.hpp"

namespace hearth {

/// Settings of one `hearth` process (flags and HEARTH_* environment variables).
struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string db_url = "sqlite:hearth.db";
  std::string db_replica_url;  ///< HEARTH_DB_REPLICA: a PostgreSQL streaming replica for report queries
  std::string admin_password;          ///< HEARTH_ADMIN_PASSWORD: the first admin on an empty database
  std::string group_name = "示范集团";  ///< the name of the group created with the first admin
  std::int64_t session_ttl_s = 12 * 3600;
  std::size_t body_limit = 1 << 20;
  std::size_t upload_body_limit = 512u << 20;        ///< files sent to /api/v1/imports/
  std::string upload_dir;  ///< where uploads are written as they arrive; "": TMPDIR, else /tmp
  std::size_t large_bodies_in_flight = 1u << 30;     ///< bytes of large bodies held at once (all callers)
  int idle_timeout_s = 60;     ///< a connection that sends nothing (or no whole header) this long is closed
  int request_timeout_s = 30;  ///< a request body must arrive whole within this
  int workers = 0;
  std::string handlers = "auto";  ///< inline | pool | auto (inline on SQLite, pool on PostgreSQL)
  int db_pool = 8;
  int db_cache_kib = 32000;  ///< SQLite page cache per connection
  bool fast_hashing = false;
  bool access_log = true;
  bool trust_proxy = false;     ///< behind a load balancer: X-Forwarded-For/-Proto name the client
  bool secure_cookies = false;  ///< session cookies marked Secure on every answer, not only on HTTPS ones
  std::string test_clock;
  std::string smtp_url;   ///< HEARTH_SMTP_URL: e-mail notifications go through this server
  std::string smtp_from;  ///< HEARTH_SMTP_FROM
  std::string sms_url;    ///< HEARTH_SMS_URL: the SMS provider's HTTP API (the message gateway)
  std::string sms_key;    ///< HEARTH_SMS_KEY: its credential, sent as a bearer token
  std::string sms_sign = "Hearth";  ///< HEARTH_SMS_SIGN: the signature in 【】
  /// The WeChat official account's API (template messages): --wechat-url (default WeChat's own),
  /// HEARTH_WECHAT_APPID and HEARTH_WECHAT_SECRET; without an app id WeChat messages are logged
  /// as unconfigured.
  std::string wechat_url = "https://api.weixin.qq.com";
  std::string wechat_appid;
  std::string wechat_secret;
  /// HEARTH_AUDIT_JOURNAL: where audits of reads wait to be written (default: beside the SQLite
  /// file as FILE-audit/, or ./hearth-audit/ for PostgreSQL); "off" writes them in the request.
  std::string audit_journal;
  /// HEARTH_TELEPHONY_SECRET: the secret the telephone system signs its calls with (screen-pop);
  /// empty: calls are refused.
  std::string telephony_secret;  ///< tests only: a manual clock starting at this RFC 3339 time
};

/// The composition root: builds the clock, database, router and every module, in dependency
/// order (STYLE.md §8.6). Owns them all for the life of the process.
class App {
 public:
  /// Opens the database (throws db::UnavailableError when it cannot).
  explicit App(Config config, std::unique_ptr<Clock> clock = std::make_unique<SystemClock>());
  ~App();

  /// Applies pending migrations, creates the first admin when no user is an administrator and
  /// HEARTH_ADMIN_PASSWORD is set (platform::Bootstrap; the outcome in `bootstrapped`, and a
  /// warning in the log when the password is ignored or no administrator exists), and gives
  /// every group the modules' defaults it lacks (service categories, rules, SLA, calendar).
  Result<void> Prepare();
  /// What Prepare did about the administrator.
  platform::Bootstrapped bootstrapped = platform::Bootstrapped::kNothing;
  /// For the person at the terminal: what to do about the administrator, or "" when nothing.
  std::string AdministratorAdvice() const;
  /// Runs every module's seed (each idempotent): a new group gets the modules' defaults.
  Result<void> Seed();
  /// The migrations of every mounted module, for this database's backend, sorted by name.
  std::vector<db::Migration> Migrations(db::Backend backend) const;
  /// What each module declared, in mount order (dependencies first).
  const std::vector<platform::Manifest>& manifests() const { return manifests_; }

  Config config;
  std::unique_ptr<Clock> clock;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<db::ReadReplica> report_db;  ///< the replica of --db-replica, or the primary
  http::Router router;
  http::Metrics metrics;
  std::unique_ptr<platform::Platform> platform;
  /// Typed handles for the command line (import, demo data); owned by modules_.
  customers::CustomersModule* customers = nullptr;
  inventory::InventoryModule* inventory = nullptr;
  service::ServiceModule* service = nullptr;

 private:
  /// Builds module M from `args`, mounts its manifest (found by argument-dependent lookup as
  /// `BuildManifest(M&)` in M's namespace) and keeps it for the life of the App.
  template <typename M, typename... Args>
  M& Add(Args&&... args) {
    auto module = std::make_shared<M>(std::forward<Args>(args)...);
    Mount(BuildManifest(*module));
    M& ref = *module;
    modules_.push_back(std::move(module));
    return ref;
  }
  /// Routes, middleware, jobs and constraint names of one module into the server.
  void Mount(platform::Manifest manifest);
  platform::Manifest OperationalManifest();
  /// Pings the database and sets hearth_db_up; true when it answers.
  bool MeasureDatabase();

  std::vector<platform::Manifest> manifests_;
  std::vector<std::shared_ptr<void>> modules_;  ///< destroyed last-built first (~App)
};

}  // namespace hearth
