#include "app.hpp"

#include "core/log.hpp"


#include <algorithm>

#include <boost/json/serialize.hpp>

#include "db/migrations.hpp"
#include "http/openapi.hpp"
#include "http/static_files.hpp"

namespace hearth {

App::App(Config cfg, std::unique_ptr<Clock> clk) : config(std::move(cfg)), clock(std::move(clk)) {
  db::Options options;
  options.pool_size = config.db_pool;
  options.sqlite_cache_kib = config.db_cache_kib;
  if (!config.db_replica_url.empty() && (!db::IsPostgresUrl(config.db_url) || !db::IsPostgresUrl(config.db_replica_url))) {
    throw db::UnavailableError("--db-replica needs PostgreSQL, for the database and for the replica");
  }
  db = db::Database::Open(config.db_url, options);
  std::unique_ptr<db::Database> replica;
  if (!config.db_replica_url.empty()) {
    db::Options replica_options = options;
    replica_options.pool_size = std::max(2, config.db_pool / 2);  // reports are few and long
    replica = db::Database::Open(config.db_replica_url, replica_options);
  }
  report_db = std::make_unique<db::ReadReplica>(*db, std::move(replica));
  platform::PlatformOptions platform_options;
  platform_options.session_ttl_ms = config.session_ttl_s * 1000;
  platform_options.cookies = {config.session_ttl_s, config.secure_cookies};
  platform_options.fast_hashing = config.fast_hashing;
  platform_options.mail = {config.smtp_url, config.smtp_from};
  platform_options.sms = {config.sms_url, config.sms_key, config.sms_sign};
  platform_options.wechat = {config.wechat_url, config.wechat_appid, config.wechat_secret};
  platform = std::make_unique<platform::Platform>(*db, *clock, platform_options);

  Mount(OperationalManifest());
  Mount(platform::BuildManifest(*platform, *db, *clock));
  // Modules in dependency order (STYLE.md §8.6); a new module is one line here.
  customers = &Add<customers::CustomersModule>(*db, *clock, *platform);
  inventory = &Add<inventory::InventoryModule>(*db, *clock, *platform, *customers);
  service = &Add<service::ServiceModule>(*db, *report_db, *clock, *platform, *customers, *inventory,
                                         config.telephony_secret);
  auto& sales = Add<sales::SalesModule>(*db, *clock, *platform, *customers, *inventory);
  auto& delivery = Add<delivery::DeliveryModule>(*db, *clock, *platform, *customers, *inventory, *service, sales);
  auto& survey_module = Add<surveys::SurveysModule>(*db, *clock, *platform, *customers, *inventory, *service, sales, delivery);
  auto& segment_module = Add<segments::SegmentsModule>(*db, *clock, *platform, *customers, *inventory, sales, survey_module);
  auto& club_module = Add<club::ClubModule>(*db, *clock, *platform, *customers, *inventory, sales, survey_module);
  Add<campaigns::CampaignsModule>(*db, *clock, *platform, *customers, *inventory, segment_module, club_module);
  router.SetFallback(http::StaticFiles());
}

App::~App() {
  if (platform) platform->jobs.Stop();  // its handlers belong to modules destroyed before the platform
  while (!modules_.empty()) modules_.pop_back();  // dependents first
}

void App::Mount(platform::Manifest manifest) {
  for (auto& [name, mapping] : manifest.constraints) db::RegisterConstraint(name, mapping);
  for (auto& mw : manifest.middleware) router.Use(std::move(mw));
  for (auto& check : manifest.admission) router.UseBeforeBody(std::move(check));
  for (auto& route : manifest.routes) router.Add(std::move(route.spec), std::move(route.handler));
  for (auto& job : manifest.jobs) platform->jobs.Register(job.kind, std::move(job.handler));
  manifest.routes.clear();  // the router has them; the manifest keeps what the tests and CLI read
  manifest.middleware.clear();
  manifest.admission.clear();
  manifest.jobs.clear();
  manifests_.push_back(std::move(manifest));
}

std::vector<db::Migration> App::Migrations(db::Backend backend) const {
  std::vector<std::string> folders;
  for (const auto& m : manifests_) {
    if (!m.folder.empty()) folders.push_back(m.folder);
  }
  return db::EmbeddedMigrations(backend, folders);
}

Result<void> App::Seed() {
  for (const auto& m : manifests_) {
    if (m.seed) HEARTH_TRY(m.seed());
  }
  return {};
}

Result<void> App::Prepare() {
  HEARTH_ASSIGN(auto report, db::Migrate(*db, Migrations(db->backend())));
  for (const auto& name : report.applied) log::Info("migration applied").Str("name", name);
  HEARTH_ASSIGN(bootstrapped, platform::Bootstrap(*db, *platform, config.group_name, config.admin_password));
  if (bootstrapped == platform::Bootstrapped::kCreated) {
    log::Info("created the first administrator").Str("username", "admin");
  } else if (const std::string advice = AdministratorAdvice(); !advice.empty()) {
    log::Warn(advice);
  }
  return Seed();
}

namespace {

/// A database URL fit for a log line: "postgresql://user:secret@host/db" → "postgresql://user@host/db".
std::string WithoutSecret(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto host_end = url.find('/', scheme + 3);
  const auto at = url.rfind('@', host_end == std::string::npos ? url.size() : host_end);
  if (at == std::string::npos || at < scheme + 3) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

}  // namespace

std::string App::AdministratorAdvice() const {
  switch (bootstrapped) {
    case platform::Bootstrapped::kPasswordIgnored:
      return "HEARTH_ADMIN_PASSWORD is ignored: this database has an administrator already, whose password stays "
             "as it is. To set it: HEARTH_USER_PASSWORD=... hearth user password admin --db " + WithoutSecret(config.db_url);
    case platform::Bootstrapped::kNoAdministrator:
      return "no administrator: nobody can sign in to manage this database. Set HEARTH_ADMIN_PASSWORD and start "
             "again to create the user admin";
    default:
      return "";
  }
}

bool App::MeasureDatabase() {
  const bool up = db->Ping();
  metrics.SetGauge("hearth_db_up", "1 while the database answers", up ? 1 : 0);
  return up;
}

platform::Manifest App::OperationalManifest() {
  platform::Manifest m{.name = "operations"};
  m.Route({"GET", "/healthz", http::kPublic}, [](http::Request&) { return http::Json(200, {{"status", "ok"}}); });
  m.Route({"GET", "/readyz", http::kPublic}, [this](http::Request&) {
    if (MeasureDatabase()) return http::Json(200, {{"status", "ok"}});
    return http::ErrorResponse(Error{ErrorCode::kUnavailable, "unavailable", "the database does not answer", {}, {}});
  });
  m.Route({"GET", "/metrics", http::kPublic}, [this](http::Request&) {
    MeasureDatabase();  // each scrape says whether the database answers now
    if (report_db->configured()) {
      const auto replica = report_db->Measure();
      metrics.SetGauge("hearth_db_replica_up", "1 while the read replica answers as a standby", replica.up ? 1 : 0);
      metrics.SetGauge("hearth_db_replica_lag_seconds",
                       "how long ago the last transaction the replica replayed committed on the primary (0: caught up)",
                       static_cast<double>(replica.lag_ms) / 1000.0);
      metrics.SetGauge("hearth_db_replica_lag_bytes", "WAL written on the primary and not yet replayed on the replica",
                       static_cast<double>(replica.lag_bytes));
      metrics.SetGauge("hearth_db_replica_reads", "report queries the replica answered since start",
                       static_cast<double>(replica.replica_reads));
      metrics.SetGauge("hearth_db_replica_fallback_reads", "report queries that ran on the primary since start",
                       static_cast<double>(replica.primary_reads));
    }
    return http::Response{200, "text/plain; version=0.0.4; charset=utf-8", metrics.Render(), {}};
  });
  m.Route({"GET", "/api/v1/openapi.json", http::kPublic}, [](http::Request&) {
    static const std::string text = boost::json::serialize(http::OpenApiDocument());
    return http::Response{200, "application/json", text, {}};
  });
  return m;
}

}  // namespace hearth
