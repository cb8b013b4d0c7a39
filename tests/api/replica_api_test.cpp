// Reports on a PostgreSQL streaming replica (`hearth serve --db-replica URL`): the test starts a
// primary and a hot standby of its own, shows that the ticket report reads the standby (paused
// replay → the report lags and /metrics says by how much), catches up when replay resumes, and
// falls back to the primary while the standby is down.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/pg_cluster.hpp"

namespace hearth::test {
namespace {

// The month of today in China, as the report takes it ("2026-11").
std::string ChinaMonth() {
  const std::time_t now = std::time(nullptr) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1);
}

// The value of a metric in a Prometheus text page, or -1.
double Metric(const std::string& page, const std::string& name) {
  const auto at = page.find("\n" + name + " ");
  if (at == std::string::npos) return -1;
  return std::stod(page.substr(at + name.size() + 2));
}

TEST(ReplicaApi, ReportsReadTheStandbyAndFallBackToThePrimary) {
  if (!BackendAvailable(db::Backend::kPostgres)) GTEST_SKIP() << "HEARTH_TEST_PG is not set";
  PgCluster primary("replica-primary");
  TestServer server(primary.url());  // migrates and seeds the primary first
  PgCluster standby("replica-standby", primary);
  ASSERT_EQ(standby.Sql("SELECT pg_is_in_recovery()"), "t");
  server.Stop();
  TestServer reporting(primary.url(), {"--db-replica", standby.url()});
  Api api(reporting);
  ASSERT_EQ(api.Login("admin", TestServer::kAdminPassword).status, 200);
  const std::string report = "/api/v1/reports/tickets?month=" + ChinaMonth();
  const auto customer = api.Post("/api/v1/customers", R"({"name":"林晓燕","phone":"13600001111"})").Int("id");
  auto open = [&](int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_EQ(api.Post("/api/v1/tickets", fmt::format(R"({{"customer_id":{},"channel":"hotline","kind":"repair","title":"漏水 {}"}})", customer, i)).status, 201);
    }
  };
  // The report shows what the standby has replayed: wait for it to catch up.
  auto total_within = [&](std::int64_t want, int ms) {
    std::int64_t got = -1;
    for (int waited = 0; waited <= ms; waited += 50) {
      auto r = api.Get(report);
      if (r.status == 200 && (got = r.Int("total")) == want) return got;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return got;
  };
  open(5);
  EXPECT_EQ(total_within(5, 5000), 5);
  auto metrics = api.Get("/metrics").body;
  EXPECT_EQ(Metric(metrics, "hearth_db_replica_up"), 1) << metrics;
  EXPECT_GE(Metric(metrics, "hearth_db_replica_reads"), 1);
  EXPECT_EQ(Metric(metrics, "hearth_db_replica_fallback_reads"), 0);

  // Replay paused: new tickets reach the primary only, and the report (read on the standby)
  // does not see them — the proof that it reads the standby; the lag is measured.
  ASSERT_EQ(standby.Sql("SELECT pg_wal_replay_pause()"), "");
  open(3);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(api.Get(report).Int("total"), 5) << "the report reads the standby";
  metrics = api.Get("/metrics").body;
  const double lag_s = Metric(metrics, "hearth_db_replica_lag_seconds");
  const double lag_bytes = Metric(metrics, "hearth_db_replica_lag_bytes");
  EXPECT_GT(lag_s, 0) << metrics;
  EXPECT_GT(lag_bytes, 0) << metrics;
  ASSERT_EQ(standby.Sql("SELECT pg_wal_replay_resume()"), "");
  EXPECT_EQ(total_within(8, 5000), 8);
  metrics = api.Get("/metrics").body;
  EXPECT_EQ(Metric(metrics, "hearth_db_replica_lag_bytes"), 0) << metrics;

  // The standby down: reports read the primary (fresh), /metrics says the replica is down.
  standby.Crash();
  open(2);
  auto during = api.Get(report);
  ASSERT_EQ(during.status, 200) << during.body;
  EXPECT_EQ(during.Int("total"), 10) << "the primary answered";
  metrics = api.Get("/metrics").body;
  EXPECT_EQ(Metric(metrics, "hearth_db_replica_up"), 0) << metrics;
  EXPECT_GE(Metric(metrics, "hearth_db_replica_fallback_reads"), 1);
  // Back again: after the retry pause reports return to it.
  standby.Start();
  std::this_thread::sleep_for(std::chrono::milliseconds(5200));
  const double before = Metric(api.Get("/metrics").body, "hearth_db_replica_reads");
  EXPECT_EQ(total_within(10, 5000), 10);
  metrics = api.Get("/metrics").body;
  EXPECT_EQ(Metric(metrics, "hearth_db_replica_up"), 1) << metrics;
  EXPECT_GT(Metric(metrics, "hearth_db_replica_reads"), before);
  std::printf("replica: reports read the standby; paused replay lagged %.2f s / %.0f bytes; "
              "standby down → reports on the primary; back → on the standby again\n",
              lag_s, lag_bytes);
}

TEST(ReplicaApi, ReplicaNeedsPostgres) {
  const std::string out = RunCapture(fmt::format("{} serve --db sqlite:/nonexistent/x.db --db-replica postgresql://127.0.0.1:1/x "
                                                 "--listen 127.0.0.1:0 2>&1",
                                                 HEARTH_BINARY));
  EXPECT_NE(out.find("--db-replica needs PostgreSQL"), std::string::npos) << out;
}

}  // namespace
}  // namespace hearth::test
