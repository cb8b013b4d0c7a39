// Crash safety on SQLite and PostgreSQL: clients write customers, tickets and imports (each with
// an Idempotency-Key) while `hearth serve` is killed with SIGKILL at random moments, again and
// again. After each restart: every write a client saw acknowledged is there and replays by its
// key; nothing is half-written (a ticket without its history, audit entry or timeline event, an
// import with some of its rows); the database passes its own checks. On SQLite, the files are
// also copied at random moments while the server is frozen mid-write (power-loss style) and the
// copy must open and pass PRAGMA integrity_check.
//
// HEARTH_CRASH_KILLS sets the kills per backend (make test: 10; make soak: 120, so 240 in all).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "db/database.hpp"
#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

struct Acked {
  std::string kind;  ///< customer, ticket, import
  std::string path;
  std::string key;
  std::string body;
  std::int64_t id = 0;               ///< customer or ticket
  std::vector<std::string> phones;  ///< customer, import
};

int KillsPerBackend() {
  const char* v = std::getenv("HEARTH_CRASH_KILLS");
  return v && std::atoi(v) > 0 ? std::atoi(v) : 10;
}

class CrashApi : public testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<TempDatabase>(GetParam());
  }

  /// One round of load against `server` until `stop`; appends what was acknowledged.
  void Load(TestServer& server, const std::string& token, std::atomic<bool>& stop, int worker) {
    Api api(server);
    api.SetToken(token);
    std::mt19937 rng(static_cast<unsigned>(worker * 7919 + round_));
    for (int i = 0; !stop; ++i) {
      const int n = next_++;
      Acked a;
      a.key = fmt::format("crash-{}-{}", GetParam() == db::Backend::kSqlite ? "s" : "p", n);
      const int pick = static_cast<int>(rng() % 10);
      std::int64_t customer = 0;
      {
        std::lock_guard lock(mutex_);
        if (!customers_.empty()) customer = customers_[rng() % customers_.size()];
      }
      if (pick < 5 || customer == 0) {
        a.kind = "customer";
        a.path = "/api/v1/customers";
        a.phones = {fmt::format("139{:08d}", n)};
        a.body = fmt::format(R"({{"name":"崩溃测试{}","phone":"{}"}})", n, a.phones[0]);
      } else if (pick < 9) {
        a.kind = "ticket";
        a.path = "/api/v1/tickets";
        a.body = fmt::format(R"({{"kind":"repair","channel":"hotline","customer_id":{},"title":"渗水 {}"}})", customer, n);
      } else {
        a.kind = "import";
        a.path = "/api/v1/imports/customers";
        a.body = "name,phone\n";
        for (int r = 0; r < 20; ++r) {
          a.phones.push_back(fmt::format("137{:04d}{:04d}", n % 10000, r));
          a.body += fmt::format("导入{}-{},{}\n", n, r, a.phones.back());
        }
      }
      const std::string type = a.kind == "import" ? "text/csv" : "application/json";
      auto r = ToReply(api.raw().Post(a.path, {{"Authorization", "Bearer " + token}, {"Idempotency-Key", a.key}}, a.body, type));
      if (r.status == 201 || (a.kind == "import" && r.status == 200)) {
        if (a.kind != "import") a.id = r.Int("id");
        std::lock_guard lock(mutex_);
        if (a.kind == "customer") customers_.push_back(a.id);
        acked_.push_back(std::move(a));
      } else if (r.status > 0 && r.status != 503) {
        ADD_FAILURE() << a.kind << " answered " << r.status << ": " << r.body;
        return;
      } else {
        std::lock_guard lock(mutex_);
        unacked_.push_back(std::move(a));  // lost in the crash: may or may not have committed
        return;
      }
    }
  }

  /// Copies the SQLite files while the server is frozen (SIGSTOP), as a power cut would leave
  /// them, and checks the copy.
  void CopyMidWrite(const TestServer& server) {
    const auto dir = std::filesystem::temp_directory_path() / fmt::format("hearth-powercut-{}", ::getpid());
    std::filesystem::create_directories(dir);
    const std::string path = db::SqlitePathOf(db_->url());
    kill(server.pid(), SIGSTOP);
    for (const char* suffix : {"", "-wal"}) {
      if (std::filesystem::exists(path + suffix)) {
        std::filesystem::copy_file(path + suffix, (dir / (std::string("copy.db") + suffix)).string(),
                                   std::filesystem::copy_options::overwrite_existing);
      } else {
        std::filesystem::remove(dir / (std::string("copy.db") + suffix));
      }
    }
    kill(server.pid(), SIGCONT);
    std::filesystem::remove(dir / "copy.db-shm");
    auto copy = db::Database::Open("sqlite:" + (dir / "copy.db").string(), {.pool_size = 1});
    auto check = copy->Read([](db::Tx& tx) -> Result<std::string> {
      auto fk = tx.Execute("PRAGMA foreign_key_check");
      if (!fk.empty()) return std::string("foreign_key_check found rows");
      return tx.Execute("PRAGMA integrity_check").front().Text(0);
    });
    ASSERT_TRUE(check);
    EXPECT_EQ(*check, "ok") << "a copy taken mid-write";
    copy.reset();
    std::filesystem::remove_all(dir);
    ++power_cuts_;
  }

  void Verify(TestServer& server, const std::string& token) {
    Api api(server);
    api.SetToken(token);
    auto search = [&](const std::string& phone) {
      return api.Get("/api/v1/customers?q=" + phone).json.at("items").as_array().size();
    };
    // Everything acknowledged so far, against the database itself.
    auto db = db::Database::Open(db_->url(), {.pool_size = 1});
    std::set<std::int64_t> customer_ids, ticket_ids;
    std::set<std::string> phones;
    ASSERT_TRUE(db->Read([&](db::Tx& tx) -> Result<void> {
      auto rows = tx.Execute("SELECT id FROM customers WHERE merged_into IS NULL");
      for (std::size_t i = 0; i < rows.size(); ++i) customer_ids.insert(rows[i].Int(0));
      rows = tx.Execute("SELECT id FROM tickets");
      for (std::size_t i = 0; i < rows.size(); ++i) ticket_ids.insert(rows[i].Int(0));
      rows = tx.Execute("SELECT phone FROM customer_phones");
      for (std::size_t i = 0; i < rows.size(); ++i) phones.insert(rows[i].Text(0));
      return {};
    }));
    for (const auto& a : acked_) {
      if (a.kind == "customer") {
        EXPECT_TRUE(customer_ids.contains(a.id)) << "acknowledged customer lost: " << a.key;
      }
      if (a.kind == "ticket") {
        EXPECT_TRUE(ticket_ids.contains(a.id)) << "acknowledged ticket lost: " << a.key;
      }
      for (const auto& p : a.phones) EXPECT_TRUE(phones.contains(p)) << "acknowledged phone lost: " << a.key << " " << p;
    }
    // Writes lost in flight: all of an import or none of it.
    for (const auto& a : unacked_) {
      std::size_t present = 0;
      for (const auto& p : a.phones) present += phones.contains(p);
      EXPECT_TRUE(present == 0 || present == a.phones.size()) << a.key << ": " << present << " of " << a.phones.size();
    }
    // Through the API, the writes acknowledged since the last check: readable, and found by the
    // search index, which is written in the same transaction.
    for (std::size_t i = verified_; i < acked_.size(); ++i) {
      const auto& a = acked_[i];
      if (a.kind == "customer") {
        EXPECT_EQ(api.Get(fmt::format("/api/v1/customers/{}", a.id)).status, 200) << a.key;
      }
      if (a.kind == "ticket") {
        EXPECT_EQ(api.Get(fmt::format("/api/v1/tickets/{}", a.id)).status, 200) << a.key;
      }
      if (!a.phones.empty()) {
        EXPECT_EQ(search(a.phones.front()), 1u) << "found by phone: " << a.key;
      }
    }
    verified_ = acked_.size();
    // Replays by key answer the first result, without a second write.
    std::size_t replayed = 0;
    for (std::size_t i = acked_.size() > 6 ? acked_.size() - 6 : 0; i < acked_.size(); ++i) {
      const auto& a = acked_[i];
      const std::string type = a.kind == "import" ? "text/csv" : "application/json";
      auto r = ToReply(api.raw().Post(a.path, {{"Authorization", "Bearer " + token}, {"Idempotency-Key", a.key}}, a.body, type));
      EXPECT_TRUE(r.status == 200 || r.status == 201) << a.key << " " << r.status << r.body;
      auto replay = r.headers.find("Idempotent-Replayed");
      EXPECT_TRUE(replay != r.headers.end() && replay->second == "true") << a.key;
      if (a.kind != "import" && r.json.is_object()) {
        EXPECT_EQ(r.Int("id"), a.id);
      }
      ++replayed;
    }
    replays_ += replayed;
    // Nothing half-written, acknowledged or not. Only a transaction in flight at a kill can be
    // half-written, and its rows are newer than the last check's: rows up to the watermarks were
    // checked in earlier rounds (the integrity check below still reads the whole file). Each
    // lookup goes through an index, so a round costs the same however many came before.
    auto orphans = db->Read([&](db::Tx& tx) -> Result<std::vector<std::int64_t>> {
      std::vector<std::int64_t> out;
      for (const char* sql : {
               "SELECT COUNT(*) FROM tickets t WHERE t.id > $1 AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'created')",
               "SELECT COUNT(*) FROM tickets t WHERE t.id > $1 AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.tenant_id = t.tenant_id AND a.entity_type = 'ticket' AND a.entity_id = t.id AND a.action = 'ticket.created')",
               "SELECT COUNT(*) FROM tickets t WHERE t.id > $1 AND NOT EXISTS (SELECT 1 FROM timeline_events e WHERE e.customer_id = t.customer_id AND e.ref_type = 'ticket' AND e.ref_id = t.id)"}) {
        out.push_back(tx.Execute(sql, checked_ticket_id_).front().Int(0));
      }
      for (const char* sql : {
               "SELECT COUNT(*) FROM customers c WHERE c.id > $1 AND NOT EXISTS (SELECT 1 FROM timeline_events e WHERE e.customer_id = c.id)",
               "SELECT COUNT(*) FROM customers c WHERE c.id > $1 AND NOT EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id)"}) {
        out.push_back(tx.Execute(sql, checked_customer_id_).front().Int(0));
      }
      out.push_back(tx.Execute("SELECT COUNT(*) FROM idempotency_keys WHERE status IS NULL OR status = 0").front().Int(0));
      if (tx.backend() == db::Backend::kSqlite) {
        out.push_back(tx.Execute("PRAGMA integrity_check").front().Text(0) == "ok" ? 0 : 1);
        out.push_back(static_cast<std::int64_t>(tx.Execute("PRAGMA foreign_key_check").size()));
      }
      return out;
    });
    ASSERT_TRUE(orphans) << orphans.error().message;
    for (std::size_t i = 0; i < orphans->size(); ++i) EXPECT_EQ((*orphans)[i], 0) << "consistency check " << i;
    if (!customer_ids.empty()) checked_customer_id_ = *customer_ids.rbegin();
    if (!ticket_ids.empty()) checked_ticket_id_ = *ticket_ids.rbegin();
  }

  std::unique_ptr<TempDatabase> db_;
  std::mutex mutex_;
  std::vector<Acked> acked_, unacked_;
  std::vector<std::int64_t> customers_;
  std::atomic<int> next_ = 0;
  int round_ = 0;
  std::size_t replays_ = 0;
  std::size_t verified_ = 0;  ///< acked_[0, verified_) were checked through the API
  std::int64_t checked_customer_id_ = 0, checked_ticket_id_ = 0;  ///< rows up to these were checked whole
  int power_cuts_ = 0;
};

TEST_P(CrashApi, AcknowledgedWritesSurviveSigkill) {
  const int kills = KillsPerBackend();
  std::mt19937 rng(20261123u + static_cast<unsigned>(GetParam()));
  for (round_ = 0; round_ < kills; ++round_) {
    auto server = std::make_unique<TestServer>(db_->url());
    Api admin(*server);
    ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
    if (round_ > 0) Verify(*server, admin.token());
    if (HasFailure()) break;
    std::atomic<bool> stop = false;
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w) workers.emplace_back([&, w] { Load(*server, admin.token(), stop, w); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + rng() % 250));
    if (GetParam() == db::Backend::kSqlite && round_ % 2 == 0) {
      CopyMidWrite(*server);
      std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 100));
    }
    server->Kill();
    stop = true;
    for (auto& w : workers) w.join();
  }
  if (!HasFailure()) {
    TestServer server(db_->url());
    Api admin(server);
    ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
    Verify(server, admin.token());
  }
  std::size_t customers = 0, tickets = 0, imports = 0;
  for (const auto& a : acked_) (a.kind == "customer" ? customers : a.kind == "ticket" ? tickets : imports) += 1;
  std::cout << fmt::format("crash test ({}): {} kills survived; {} acknowledged writes checked ({} customers, {} tickets, "
                           "{} imports of 20 rows), {} lost in flight, {} replayed by key, {} power-cut copies checked; "
                           "{} lost\n",
                           GetParam() == db::Backend::kSqlite ? "SQLite" : "PostgreSQL", round_, acked_.size(), customers,
                           tickets, imports, unacked_.size(), replays_, power_cuts_, HasFailure() ? "SOME" : "0");
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
