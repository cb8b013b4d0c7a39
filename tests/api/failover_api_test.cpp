// Fail-over with pg_auto_failover (docs/deploy.md): a monitor and two PostgreSQL nodes, the
// standby synchronous; Hearth connects to both with target_session_attrs=read-write. Under a
// write load the primary is killed (keeper and postgres, SIGKILL); the monitor promotes the
// standby, Hearth reconnects by itself, and every write it acknowledged is on the new primary.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/pg_cluster.hpp"

namespace hearth::test {
namespace {

using Clock = std::chrono::steady_clock;

/// scripts/pg-failover.sh: a formation of its own in a temporary directory, stopped when destroyed.
class Formation {
 public:
  Formation() : dir_((std::filesystem::temp_directory_path() / fmt::format("hearth-failover-{}", ::getpid())).string()) {
    std::filesystem::remove_all(dir_);
    url_ = Script("start");
  }
  ~Formation() {
    Script("stop");
    std::filesystem::remove_all(dir_);
  }
  const std::string& url() const { return url_; }
  /// `scripts/pg-failover.sh COMMAND DIR [ARG]`; answers what it printed.
  std::string Script(const std::string& command, const std::string& arg = "") const {
    return RunCapture(fmt::format("{}/scripts/pg-failover.sh {} {} {} 2>&1", HEARTH_SOURCE_DIR, command, dir_, arg));
  }

 private:
  std::string dir_;
  std::string url_;
};

double SecondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

TEST(FailoverApi, ThePrimaryDiesTheStandbyTakesOverAndNoAcknowledgedWriteIsLost) {
  if (!BackendAvailable(db::Backend::kPostgres)) GTEST_SKIP() << "HEARTH_TEST_PG is not set";
  if (::access("/usr/bin/pg_autoctl", X_OK) != 0) GTEST_SKIP() << "postgresql-15-auto-failover is not installed";
  Formation formation;
  ASSERT_TRUE(formation.url().starts_with("postgresql://")) << formation.url();
  const std::string first_primary = formation.Script("primary");
  TestServer server(formation.url());
  Api admin(server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);

  struct Write {
    std::int64_t id;
    std::string phone;
  };
  std::mutex mutex;
  std::vector<Write> acknowledged;
  std::map<int, int> statuses;
  std::atomic<bool> stop = false, killed = false;
  std::atomic<int> after_kill_ok = 0;
  std::atomic<int> before_kill = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&, w] {
      Api api(server);
      api.SetToken(admin.token());
      for (int i = 0; !stop; ++i) {
        const std::string phone = fmt::format("139{:02d}{:06d}", w, i);
        const bool during = killed;
        auto r = api.Post("/api/v1/customers", fmt::format(R"({{"name":"切换客户","phone":"{}"}})", phone));
        std::lock_guard lock(mutex);
        ++statuses[r.status];
        if (r.status == 201) {
          acknowledged.push_back({r.Int("id"), phone});
          if (during) ++after_kill_ok;
          else ++before_kill;
        } else {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const std::string old_port = formation.Script("kill-primary");
  const auto kill_time = Clock::now();
  killed = true;
  const std::string new_port = formation.Script("wait-primary", old_port);
  const double promoted_s = SecondsSince(kill_time);
  double first_ok_s = -1;
  while (SecondsSince(kill_time) < 60) {
    if (after_kill_ok > 0 && first_ok_s < 0) first_ok_s = SecondsSince(kill_time);
    if (first_ok_s >= 0 && SecondsSince(kill_time) > first_ok_s + 1.5) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop = true;
  for (auto& t : writers) t.join();
  EXPECT_NE(new_port, old_port) << formation.Script("state");
  ASSERT_GT(after_kill_ok.load(), 0) << "writes resumed on the new primary\n" << formation.Script("state");
  EXPECT_EQ(first_primary, old_port);

  // Every acknowledged write is on the new primary (read through the server, which now talks to it).
  int lost = 0;
  for (const auto& w : acknowledged) {
    auto r = admin.Get(fmt::format("/api/v1/customers/{}", w.id));
    if (r.status != 200 || r.Str("phone") != w.phone) ++lost;
  }
  EXPECT_EQ(lost, 0);
  std::string refused;
  for (const auto& [status, n] : statuses) {
    if (status != 201) refused += fmt::format(" {}×{}", n, status);
    EXPECT_TRUE(status == 201 || status == 503) << "status " << status << " answered " << n << " times";
  }
  std::printf("fail-over: primary (port %s) killed after %d acknowledged writes; standby (port %s) writable %.1f s "
              "later; first acknowledged write %.1f s after the kill; meanwhile%s; %zu acknowledged writes checked, "
              "%d lost\n",
              old_port.c_str(), before_kill.load(), new_port.c_str(), promoted_s, first_ok_s,
              refused.empty() ? " nothing refused" : refused.c_str(), acknowledged.size(), lost);
}

}  // namespace
}  // namespace hearth::test
