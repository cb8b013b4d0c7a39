#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "core/log.hpp"
#include "cli/commands.hpp"
#include "core/hash.hpp"
#include "db/migrations.hpp"
#include "http/body_reader.hpp"
#include "http/server.hpp"

namespace hearth::cli {

namespace {

/// PUT /api/v1/test/clock {"now": RFC 3339} or {"advance_minutes": N}: only with --test-clock.
void RegisterTestClock(http::Router& router, ManualClock& clock, platform::JobScheduler& jobs) {
  router.Add({"PUT", "/api/v1/test/clock", http::kPublic}, [&clock, &jobs](http::Request& req) -> Result<http::Response> {
    HEARTH_ASSIGN(auto body, req.JsonObject());
    http::BodyReader in(body);
    auto now = in.String("now", {.max_chars = 40});
    auto advance = in.Int("advance_minutes");
    HEARTH_TRY(in.Finish());
    if (now) {
      auto t = ParseRfc3339(*now);
      if (!t) return FailField("now", "invalid_format");
      clock.Set(*t);
    }
    if (advance) clock.Advance(*advance * 60'000);
    // What became due runs before the answer, so a test sees its effects at once.
    const int ran = jobs.RunDue();
    return http::Json(http::kOk, {{"now", FormatRfc3339(clock.Now())}, {"jobs_run", ran}});
  });
}

/// Where the audits of reads wait (see Config::audit_journal); "" for none.
std::string AuditJournalDir(const Config& config) {
  if (config.audit_journal == "off") return "";
  if (!config.audit_journal.empty()) return config.audit_journal;
  if (db::IsPostgresUrl(config.db_url)) return "hearth-audit";
  const std::string path = db::SqlitePathOf(config.db_url);
  if (path == ":memory:" || path.starts_with("file::memory:")) return "";
  return path + "-audit";
}

}  // namespace

int Serve(const Config& config) {
  const auto started = std::chrono::steady_clock::now();
  const auto colon = config.listen.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "hearth: --listen must be HOST:PORT\n";
    return 2;
  }
  http::ServerConfig server_config;
  server_config.host = config.listen.substr(0, colon);
  try {
    server_config.port = static_cast<unsigned short>(std::stoi(config.listen.substr(colon + 1)));
  } catch (const std::exception&) {
    std::cerr << "hearth: --listen must be HOST:PORT\n";
    return 2;
  }
  server_config.worker_threads = config.workers;
  server_config.body_limit = config.body_limit;
  server_config.upload_body_limit = config.upload_body_limit;
  server_config.upload_dir = config.upload_dir;
  server_config.large_bodies_in_flight = config.large_bodies_in_flight;
  server_config.idle_timeout_s = config.idle_timeout_s;
  server_config.request_timeout_s = config.request_timeout_s;
  server_config.access_log = config.access_log;
  server_config.trust_proxy = config.trust_proxy;

  // Tests of deadlines move time by hand instead of sleeping (API tests of SLA and escalation).
  std::unique_ptr<Clock> clock = std::make_unique<SystemClock>();
  ManualClock* manual = nullptr;
  if (!config.test_clock.empty()) {
    auto start = ParseRfc3339(config.test_clock);
    if (!start) {
      std::cerr << "hearth: --test-clock must be an RFC 3339 time\n";
      return 2;
    }
    auto owned = std::make_unique<ManualClock>(*start);
    manual = owned.get();
    clock = std::move(owned);
  }
  App app(config, std::move(clock));
  if (manual) RegisterTestClock(app.router, *manual, app.platform->jobs);
  if (auto ready = app.Prepare(); !ready) {
    std::cerr << "hearth: " << ready.error().message << "\n";
    return 1;
  }
  // SQLite answers in microseconds in-process: running handlers on the network threads saves two
  // thread hand-offs per request. PostgreSQL queries wait on the network: keep them off.
  server_config.inline_handlers = config.handlers == "inline" ||
                                  (config.handlers == "auto" && app.db->backend() == db::Backend::kSqlite);
  if (const std::string dir = AuditJournalDir(config); !dir.empty()) {
    try {
      const std::size_t replayed = app.platform->audit.OpenJournal(
          {.dir = dir, .db_key = Sha256Hex(config.db_url).substr(0, 16)});
      if (replayed > 0) {
        log::Warn("audit journal replayed").Int("entries", static_cast<std::int64_t>(replayed)).Str("dir", dir);
      }
    } catch (const std::exception& e) {
      std::cerr << "hearth: " << e.what() << "\n";
      return 1;
    }
  }
  app.platform->jobs.Start(1000);
  http::Server server(server_config, app.router, app.metrics);
  server.Run([&] {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    log::Info("serving")
        .Str("url", fmt::format("http://{}:{}/", server_config.host, server.port()))
        .Str("db", app.db->backend() == db::Backend::kSqlite ? "sqlite" : "postgresql")
        .Num("startup_ms", ms);
    // For the person who started it; the log (standard output) stays JSON from its first line.
    std::cerr << fmt::format("Hearth is serving at http://{}:{}/ (ready in {:.0f} ms)", server_config.host,
                             server.port(), ms)
              << std::endl;
    if (const std::string advice = app.AdministratorAdvice(); !advice.empty()) std::cerr << "hearth: " << advice << std::endl;
  });
  return 0;
}

int Migrate(const Config& config) {
  App app(config);
  auto report = db::Migrate(*app.db, app.Migrations(app.db->backend()));
  if (!report) {
    std::cerr << "hearth: " << report.error().message << "\n";
    return 1;
  }
  for (const auto& name : report->applied) std::cout << "applied " << name << "\n";
  std::cout << report->applied.size() << " applied, " << report->already << " already applied\n";
  return 0;
}

}  // namespace hearth::cli
