// Several `hearth serve` processes on one PostgreSQL behind nginx (docs/deploy.md): a session
// started on one server works on every other and ends on all of them; an Idempotency-Key sent to
// all of them at once writes once; due jobs run once however many servers poll for them.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/nginx.hpp"
#include "support/smtp_sink.hpp"

namespace hearth::test {
namespace {

class ScaleOut : public testing::Test {
 protected:
  static constexpr int kServers = 3;

  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(db::Backend::kPostgres);
    if (!Nginx::Available()) GTEST_SKIP() << "nginx is not installed (scripts/install-deps.sh installs it)";
  }

  /// Three servers on one new database, nginx in front, and a login through it. With
  /// `manual_clock` every server starts at Friday 20 November 2026, 09:00 in China and moves only
  /// when told (the session cache follows that clock, so session tests use the real one).
  void Start(bool manual_clock) {
    db_ = std::make_unique<TempDatabase>(db::Backend::kPostgres);
    std::vector<int> ports;
    for (int i = 0; i < kServers; ++i) {
      std::vector<std::string> args{"--trust-proxy", "--smtp-url", fmt::format("smtp://127.0.0.1:{}", sink_.port()),
                                    "--smtp-from", "service@hearth.example"};
      if (manual_clock) args.insert(args.end(), {"--test-clock", "2026-11-20T01:00:00Z"});
      servers_.push_back(std::make_unique<TestServer>(db_->url(), args));
      ports.push_back(servers_.back()->port());
    }
    nginx_ = std::make_unique<Nginx>(ports);
    lb_ = std::make_unique<httplib::Client>("127.0.0.1", nginx_->port());
    const std::string body = fmt::format(R"({{"username":"admin","password":"{}"}})", TestServer::kAdminPassword);
    auto login = ToReply(lb_->Post("/api/v1/auth/login", body, "application/json"));
    ASSERT_EQ(login.status, 200) << login.body;
    token_ = login.Str("token");
  }

  httplib::Headers Bearer() const { return {{"Authorization", "Bearer " + token_}}; }
  Reply Through(const std::string& method, const std::string& path, const std::string& body = "",
                httplib::Headers headers = {}) {
    for (const auto& h : Bearer()) headers.insert(h);
    if (method == "GET") return ToReply(lb_->Get(path, headers));
    return ToReply(lb_->Post(path, headers, body, "application/json"));
  }
  static std::string Upstream(const Reply& r) {
    auto it = r.headers.find("X-Upstream");
    return it == r.headers.end() ? "" : it->second;
  }

  SmtpSink sink_;
  std::unique_ptr<TempDatabase> db_;
  std::vector<std::unique_ptr<TestServer>> servers_;
  std::unique_ptr<Nginx> nginx_;
  std::unique_ptr<httplib::Client> lb_;
  std::string token_;
};

TEST_F(ScaleOut, ASessionWorksOnEveryServerAndEndsOnAll) {
  Start(false);
  // Bearer: requests through the balancer land on every server, and every one knows the token.
  std::set<std::string> upstreams;
  for (int i = 0; i < 12; ++i) {
    auto me = Through("GET", "/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    upstreams.insert(Upstream(me));
  }
  EXPECT_EQ(upstreams.size(), static_cast<std::size_t>(kServers)) << "round robin reaches each server";

  // The browser's cookie session: logged in on one server, writes with the CSRF header on all.
  const std::string body = fmt::format(R"({{"username":"admin","password":"{}"}})", TestServer::kAdminPassword);
  auto login = ToReply(lb_->Post("/api/v1/auth/login", body, "application/json"));
  ASSERT_EQ(login.status, 200);
  std::string cookies, csrf;
  auto [from, to] = login.headers.equal_range("Set-Cookie");
  for (auto it = from; it != to; ++it) {
    const std::string pair = it->second.substr(0, it->second.find(';'));
    cookies += (cookies.empty() ? "" : "; ") + pair;
    if (pair.starts_with("hearth_csrf=")) csrf = pair.substr(12);
  }
  std::set<std::string> writers;
  for (int i = 0; i < 6; ++i) {
    auto created = ToReply(lb_->Post("/api/v1/customers",
                                     {{"Cookie", cookies},
                                      {"X-CSRF-Token", csrf},
                                      {"Origin", fmt::format("http://127.0.0.1:{}", nginx_->port())}},
                                     fmt::format(R"({{"name":"跨服客户{}","phone":"1370000{:04d}"}})", i, i),
                                     "application/json"));
    ASSERT_EQ(created.status, 201) << created.body;
    writers.insert(Upstream(created));
  }
  EXPECT_EQ(writers.size(), static_cast<std::size_t>(kServers));

  // Logout on one server ends the session on all of them (each caches a token for at most 1 s).
  ASSERT_EQ(Through("POST", "/api/v1/auth/logout").status, 204);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  for (const auto& server : servers_) {
    auto r = ToReply(server->Client()->Get("/api/v1/me", Bearer()));
    EXPECT_EQ(r.status, 401) << "server on port " << server->port();
  }
}

TEST_F(ScaleOut, AnIdempotencyKeySentToEveryServerAtOnceWritesOnce) {
  Start(false);
  constexpr int kPerServer = 4;
  const std::string body = R"({"name":"幂等客户","phone":"13811112222"})";
  std::mutex mutex;
  std::vector<Reply> replies;
  std::vector<std::thread> threads;
  // Each server directly, and the balancer, all at the same moment with the same key.
  for (int i = 0; i < kServers + 1; ++i) {
    for (int j = 0; j < kPerServer; ++j) {
      threads.emplace_back([&, i] {
        auto client = i < kServers ? servers_[i]->Client() : std::make_unique<httplib::Client>("127.0.0.1", nginx_->port());
        auto headers = Bearer();
        headers.emplace("Idempotency-Key", "scale-out-1");
        auto r = ToReply(client->Post("/api/v1/customers", headers, body, "application/json"));
        std::lock_guard lock(mutex);
        replies.push_back(std::move(r));
      });
    }
  }
  for (auto& t : threads) t.join();
  std::set<std::int64_t> ids;
  int replayed = 0;
  for (const auto& r : replies) {
    ASSERT_EQ(r.status, 201) << r.body;
    ids.insert(r.Int("id"));
    replayed += r.headers.find("Idempotent-Replayed") != r.headers.end();
  }
  EXPECT_EQ(ids.size(), 1u) << "one customer, the same answer everywhere";
  EXPECT_EQ(replayed, static_cast<int>(replies.size()) - 1);
  auto found = Through("GET", "/api/v1/customers?q=13811112222");
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(found.Member("items").as_array().size(), 1u);
  // The key is the caller's: a repeat through any server later still replays.
  for (const auto& server : servers_) {
    auto again = ToReply(server->Client()->Post("/api/v1/customers",
                                                httplib::Headers{{"Authorization", "Bearer " + token_},
                                                                 {"Idempotency-Key", "scale-out-1"}},
                                                body, "application/json"));
    EXPECT_EQ(again.Int("id"), *ids.begin());
  }
  std::printf("scale-out idempotency: %zu concurrent requests on %d servers and nginx, 1 write, %d replays\n",
              replies.size(), kServers, replayed);
}

TEST_F(ScaleOut, DueJobsRunOnceWhateverServerPolls) {
  Start(true);
  constexpr int kTickets = 30;
  auto manager = Through("POST", "/api/v1/users", R"({"username":"m.duty","password":"Passw0rd-x","display_name":"值班经理","roles":["manager"],"email":"duty@hearth.example"})");
  ASSERT_EQ(manager.status, 201) << manager.body;
  const auto customer = Through("POST", "/api/v1/customers", R"({"name":"林晓燕","phone":"13600001111"})").Int("id");
  std::map<std::string, int> opened_on;
  for (int i = 0; i < kTickets; ++i) {
    auto t = Through("POST", "/api/v1/tickets",
                     fmt::format(R"({{"customer_id":{},"channel":"hotline","kind":"complaint","title":"电梯故障 {}"}})", customer, i));
    ASSERT_EQ(t.status, 201) << t.body;
    ++opened_on[Upstream(t)];
  }
  EXPECT_EQ(opened_on.size(), static_cast<std::size_t>(kServers));
  // Every server's clock jumps past the resolution deadlines at the same moment; each runs what
  // became due, competing for the same jobs.
  const std::string now = R"({"now":"2026-12-04T02:00:00Z"})";
  std::vector<std::thread> threads;
  for (const auto& server : servers_) {
    threads.emplace_back([&] { server->Client()->Put("/api/v1/test/clock", now, "application/json"); });
  }
  for (auto& t : threads) t.join();
  // The e-mail jobs became due as the escalations ran; the next minute sends them.
  threads.clear();
  for (const auto& server : servers_) {
    threads.emplace_back([&] {
      server->Client()->Put("/api/v1/test/clock", R"({"now":"2026-12-04T02:01:00Z"})", "application/json");
    });
  }
  for (auto& t : threads) t.join();

  auto db = db::Database::Open(db_->url());
  auto counts = db->Read([&](db::Tx& tx) -> Result<std::vector<std::int64_t>> {
    auto jobs = tx.Execute(R"sql(SELECT COUNT(*), COALESCE(SUM(attempts), 0), 0
                                   FROM jobs WHERE kind IN ('ticket.remind', 'ticket.breach', 'email.send'))sql");
    auto escalated = tx.Execute("SELECT COUNT(*), COUNT(DISTINCT ticket_id) FROM ticket_events WHERE action = 'escalated'");
    auto pending = tx.Execute(fmt::format("SELECT COUNT(*) FROM jobs WHERE status <> 'done' AND kind NOT IN ('ticket.escalate', {})", kNightlyJobKinds));
    return std::vector<std::int64_t>{jobs.front().Int(0), jobs.front().Int(1), jobs.front().Int(2),
                                     escalated.front().Int(0), escalated.front().Int(1), pending.front().Int(0)};
  });
  ASSERT_TRUE(counts);
  const auto& c = *counts;
  EXPECT_EQ(c[3], kTickets) << "each ticket escalated once";
  EXPECT_EQ(c[4], kTickets);
  EXPECT_EQ(c[1], c[0]) << "each job claimed once";
  EXPECT_EQ(c[5], 0) << "nothing left behind";
  std::size_t mails = 0;
  for (int i = 0; i < 100 && (mails = sink_.Messages().size()) < static_cast<std::size_t>(kTickets); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // a duplicate would arrive meanwhile
  EXPECT_EQ(sink_.Messages().size(), static_cast<std::size_t>(kTickets)) << "one e-mail per escalation, not one per server";
  std::printf("scale-out jobs: %lld jobs polled for by %d servers, %lld claims; %d escalations, %zu e-mails\n",
              static_cast<long long>(c[0]), kServers, static_cast<long long>(c[1]), kTickets, sink_.Messages().size());
}

}  // namespace
}  // namespace hearth::test
