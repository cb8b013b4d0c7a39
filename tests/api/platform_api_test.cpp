// Black-box tests of the platform conventions over HTTP, on SQLite and on PostgreSQL.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

class PlatformApi : public ApiTest {
 protected:
  std::int64_t CreateOrg(const std::string& name, const std::string& kind, std::int64_t parent) {
    auto r = admin_->Post("/api/v1/org-units",
                          fmt::format(R"({{"name":"{}","kind":"{}","parent_id":{}}})", name, kind, parent));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Int("id");
  }
  std::int64_t CreateUser(const std::string& username, const std::string& role, std::int64_t org,
                          const std::string& phone = "13912345678") {
    auto r = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"测试{}",)"
                                                       R"("roles":["{}"],"org_unit_id":{},"phone":"{}"}})",
                                                       username, username, role, org, phone));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Int("id");
  }
  std::unique_ptr<Api> LoginAs(const std::string& username) {
    auto api = std::make_unique<Api>(*server_);
    EXPECT_EQ(api->Login(username, "Passw0rd-x").status, 200);
    return api;
  }
};

TEST_P(PlatformApi, HealthAndReadiness) {
  Api anon(*server_);
  auto health = anon.Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.Str("status"), "ok");
  EXPECT_EQ(anon.Get("/readyz").status, 200);
}

TEST_P(PlatformApi, LoginAnswersTokenAndUser) {
  Api anon(*server_);
  auto r = anon.Login("admin", TestServer::kAdminPassword);
  ASSERT_EQ(r.status, 200);
  EXPECT_GE(r.Str("token").size(), 40u);
  const auto& user = r.json.at("user");
  EXPECT_EQ(user.at("username").as_string(), "admin");
  EXPECT_EQ(user.at("roles").as_array().at(0).as_string(), "admin");
  EXPECT_TRUE(user.at("org_unit_id").is_int64());
  EXPECT_TRUE(user.at("display_name").is_string());
}

TEST_P(PlatformApi, WrongPasswordAndUnknownUserAnswer401) {
  Api anon(*server_);
  EXPECT_EQ(anon.Login("admin", "wrong-password-1").ErrorCode(), "unauthenticated");
  EXPECT_EQ(anon.Login("nobody", "wrong-password-1").status, 401);
}

TEST_P(PlatformApi, MissingOrWrongTokenAnswers401) {
  Api anon(*server_);
  auto none = anon.Get("/api/v1/me");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.ErrorCode(), "unauthenticated");
  anon.SetToken("not-a-real-token");
  EXPECT_EQ(anon.Get("/api/v1/me").status, 401);
  EXPECT_EQ(anon.Get("/api/v1/users").status, 401);
}

TEST_P(PlatformApi, LogoutRevokesTheToken) {
  Api session(*server_);
  ASSERT_EQ(session.Login("admin", TestServer::kAdminPassword).status, 200);
  EXPECT_EQ(session.Get("/api/v1/me").status, 200);
  EXPECT_EQ(session.Post("/api/v1/auth/logout", "").status, 204);
  EXPECT_EQ(session.Get("/api/v1/me").status, 401);
  EXPECT_EQ(admin_->Get("/api/v1/me").status, 200) << "other sessions stay valid";
}

TEST_P(PlatformApi, RepeatedFailedLoginsAreThrottled) {
  Api anon(*server_);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(anon.Login("admin", "wrong-password-1").status, 401);
  auto limited = anon.Login("admin", TestServer::kAdminPassword);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.ErrorCode(), "rate_limited");
  EXPECT_TRUE(limited.headers.count("Retry-After"));
  EXPECT_LE(std::stoi(limited.headers.find("Retry-After")->second), 60) << "the true wait: a minute after the fifth";
}

TEST_P(PlatformApi, MalformedJsonAnswers400) {
  auto r = admin_->Post("/api/v1/org-units", "{\"name\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorCode(), "bad_request");
  EXPECT_EQ(admin_->Post("/api/v1/org-units", "[1,2]").status, 400);
  EXPECT_EQ(admin_->Post("/api/v1/org-units", "\xff\xfe").status, 400);
}

TEST_P(PlatformApi, WrongTypesAndUnknownFieldsAnswer400NamingTheField) {
  auto r = admin_->Post("/api/v1/org-units", R"({"name": 5, "kind": "region", "parent_id": "1"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.FieldReason("name"), "must_be_string");
  EXPECT_EQ(r.FieldReason("parent_id"), "must_be_integer");
  auto unknown = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"x","kind":"region","parent_id":{},"colour":"red"}})", group_id_));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.FieldReason("colour"), "unknown_field");
}

TEST_P(PlatformApi, InvalidValuesAnswer422WithEveryField) {
  auto r = admin_->Post("/api/v1/users", R"({"username":"A B","password":"short","display_name":"","roles":["king"],"phone":"12345","email":"nope"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.ErrorCode(), "validation_failed");
  EXPECT_EQ(r.FieldReason("display_name"), "required");
  auto r2 = admin_->Post("/api/v1/users", R"({"username":"A B","password":"short","display_name":"x","roles":["king"],"phone":"12345","email":"nope"})");
  EXPECT_EQ(r2.FieldReason("username"), "invalid_format");
  EXPECT_EQ(r2.FieldReason("password"), "too_short");
  EXPECT_EQ(r2.FieldReason("roles[0]"), "invalid_value");
  EXPECT_EQ(r2.FieldReason("phone"), "invalid_format");
  EXPECT_EQ(r2.FieldReason("email"), "invalid_format");
  auto kind = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"x","kind":"planet","parent_id":{}}})", group_id_));
  EXPECT_EQ(kind.status, 422);
  EXPECT_EQ(kind.FieldReason("kind"), "invalid_value");
  EXPECT_EQ(admin_->Get("/api/v1/users").json.at("items").as_array().size(), 1u) << "nothing half-written";
}

TEST_P(PlatformApi, OversizedBodyAnswers413) {
  std::string big = R"({"name":")" + std::string(2 * 1024 * 1024, 'x') + R"("})";
  auto r = admin_->Post("/api/v1/org-units", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.ErrorCode(), "payload_too_large");
  EXPECT_EQ(admin_->Get("/api/v1/me").status, 200) << "the server goes on serving";
}

TEST_P(PlatformApi, UnknownRoutesAnswer404InTheErrorShape) {
  auto r = admin_->Get("/api/v1/no-such-thing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.ErrorCode(), "not_found");
  EXPECT_EQ(admin_->Post("/api/v1/me", "{}").status, 404);
  EXPECT_EQ(admin_->Get("/api/v1/users/abc").status, 404);
  EXPECT_EQ(admin_->Get("/api/v1/users/999999").ErrorCode(), "not_found");
}

TEST_P(PlatformApi, CreateAnswers201WithVersionAndTimestamps) {
  auto r = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华南区域","kind":"region","parent_id":{}}})", group_id_));
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(r.Str("name"), "华南区域");
  EXPECT_EQ(r.Int("version"), 1);
  EXPECT_EQ(r.Int("parent_id"), group_id_);
  EXPECT_TRUE(r.Str("created_at").ends_with("Z"));
  EXPECT_EQ(r.Str("created_at"), r.Str("updated_at"));
  auto dup = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华南区域","kind":"region","parent_id":{}}})", group_id_));
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.FieldReason("name"), "taken");
  auto wrong_level = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"X","kind":"region","parent_id":{}}})", r.Int("id")));
  EXPECT_EQ(wrong_level.FieldReason("kind"), "invalid_for_parent");
}

TEST_P(PlatformApi, StaleVersionAnswers409AndChangesNothing) {
  const auto id = CreateOrg("华东区域", "region", group_id_);
  const std::string path = fmt::format("/api/v1/org-units/{}", id);
  auto first = admin_->Patch(path, R"({"name":"华东区域公司"})", {{"If-Match", "1"}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Int("version"), 2);
  auto stale = admin_->Patch(path, R"({"name":"被覆盖"})", {{"If-Match", "1"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.ErrorCode(), "version_conflict");
  auto now = admin_->Get(path);
  EXPECT_EQ(now.Str("name"), "华东区域公司");
  EXPECT_EQ(now.Int("version"), 2);
  EXPECT_EQ(admin_->Patch(path, R"({"name":"x"})", {{"If-Match", "abc"}}).status, 400);
  EXPECT_EQ(admin_->Patch(path, R"({"name":"华东"})", {{"If-Match", "\"2\""}}).Int("version"), 3);
}

TEST_P(PlatformApi, IdempotencyKeyReplaysTheFirstAnswer) {
  const std::string body = fmt::format(R"({{"name":"西南区域","kind":"region","parent_id":{}}})", group_id_);
  auto first = admin_->Post("/api/v1/org-units", body, {{"Idempotency-Key", "create-sw-1"}});
  ASSERT_EQ(first.status, 201);
  auto again = admin_->Post("/api/v1/org-units", body, {{"Idempotency-Key", "create-sw-1"}});
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.headers.find("Idempotent-Replayed")->second, "true");
  auto other = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"另一个","kind":"region","parent_id":{}}})", group_id_),
                            {{"Idempotency-Key", "create-sw-1"}});
  EXPECT_EQ(other.status, 409);
  EXPECT_EQ(other.ErrorCode(), "idempotency_key_reused");
  auto units = admin_->Get("/api/v1/org-units");
  EXPECT_EQ(units.json.at("items").as_array().size(), 2u) << "the group and one region";

  // The key is stored with the record: it still replays after a restart.
  server_.reset();
  server_ = std::make_unique<TestServer>(db_->url());
  Api after(*server_);
  after.SetToken(admin_->token());
  auto replay = after.Post("/api/v1/org-units", body, {{"Idempotency-Key", "create-sw-1"}});
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.Int("id"), first.Int("id"));
}

TEST_P(PlatformApi, FailedRequestsAreNotStoredUnderTheirKey) {
  auto bad = admin_->Post("/api/v1/org-units", R"({"name":"x","kind":"region","parent_id":999999})", {{"Idempotency-Key", "k2"}});
  EXPECT_EQ(bad.status, 422);
  auto fixed = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"x","kind":"region","parent_id":{}}})", group_id_),
                            {{"Idempotency-Key", "k3"}});
  EXPECT_EQ(fixed.status, 201);
}

TEST_P(PlatformApi, UsersSeeOnlyTheirOrgSubtree) {
  const auto south = CreateOrg("华南区域", "region", group_id_);
  const auto north = CreateOrg("华北区域", "region", group_id_);
  const auto shenzhen = CreateOrg("深圳公司", "city", south);
  const auto beijing = CreateOrg("北京公司", "city", north);
  CreateUser("south.manager", "manager", south);
  const auto north_agent = CreateUser("north.agent", "agent", beijing);
  auto manager = LoginAs("south.manager");

  EXPECT_EQ(manager->Get(fmt::format("/api/v1/org-units/{}", shenzhen)).status, 200);
  EXPECT_EQ(manager->Get(fmt::format("/api/v1/org-units/{}", beijing)).status, 404);
  EXPECT_EQ(manager->Get(fmt::format("/api/v1/users/{}", north_agent)).status, 404);
  std::set<std::int64_t> seen;
  const auto units = manager->Get("/api/v1/org-units");
  for (const auto& u : units.json.at("items").as_array()) seen.insert(u.at("id").as_int64());
  EXPECT_EQ(seen, (std::set<std::int64_t>{south, shenzhen}));
  const auto users = manager->Get("/api/v1/users");
  for (const auto& u : users.json.at("items").as_array()) {
    EXPECT_NE(u.at("id").as_int64(), north_agent);
  }
  // Writes are scoped too: a user may not be created in another region.
  auto foreign = manager->Post("/api/v1/users", fmt::format(R"({{"username":"x.y","password":"Passw0rd-x","display_name":"x","roles":["agent"],"org_unit_id":{}}})", beijing));
  EXPECT_EQ(foreign.status, 422);
  EXPECT_EQ(foreign.FieldReason("org_unit_id"), "not_found");
  auto patch = manager->Patch(fmt::format("/api/v1/users/{}", north_agent), R"({"display_name":"改名"})");
  EXPECT_EQ(patch.status, 404);
  // A manager may not make anyone an administrator.
  auto admin_grant = manager->Post("/api/v1/users", fmt::format(R"({{"username":"x.z","password":"Passw0rd-x","display_name":"x","roles":["admin"],"org_unit_id":{}}})", shenzhen));
  EXPECT_EQ(admin_grant.status, 403);
}

TEST_P(PlatformApi, UserSearchMatchesWildcardCharactersLiterally) {
  const auto id = CreateUser("pg_ab12", "agent", group_id_);
  CreateUser("pgxab12", "agent", group_id_);
  auto found = admin_->Get("/api/v1/users?q=pg_ab");
  ASSERT_EQ(found.json.at("items").as_array().size(), 1u) << found.body;
  EXPECT_EQ(found.json.at("items").as_array()[0].at("id").as_int64(), id);
  EXPECT_TRUE(admin_->Get("/api/v1/users?q=pg%25ab").json.at("items").as_array().empty());
}

TEST_P(PlatformApi, ViewerCannotWrite) {
  CreateUser("viewer.one", "viewer", group_id_);
  auto viewer = LoginAs("viewer.one");
  EXPECT_EQ(viewer->Get("/api/v1/org-units").status, 200);
  auto r = viewer->Post("/api/v1/org-units", fmt::format(R"({{"name":"x","kind":"region","parent_id":{}}})", group_id_));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.ErrorCode(), "forbidden");
  EXPECT_EQ(viewer->Post("/api/v1/users", R"({"username":"a.b","password":"Passw0rd-x","display_name":"x","roles":["agent"]})").status, 403);
  EXPECT_EQ(viewer->Get("/api/v1/audit-log").status, 403);
}

TEST_P(PlatformApi, PersonalDataIsMaskedUnlessTheRoleMaySeeIt) {
  const auto target = CreateUser("li.na", "agent", group_id_, "+86 138 1234 5678");
  CreateUser("agent.two", "agent", group_id_);
  CreateUser("manager.two", "manager", group_id_);
  auto agent = LoginAs("agent.two");
  auto masked = agent->Get(fmt::format("/api/v1/users/{}", target));
  EXPECT_EQ(masked.Str("phone"), "138****5678");
  auto manager = LoginAs("manager.two");
  auto clear = manager->Get(fmt::format("/api/v1/users/{}", target));
  EXPECT_EQ(clear.Str("phone"), "13812345678");
  auto audit = admin_->Get("/api/v1/audit-log?action=personal_data.viewed");
  ASSERT_FALSE(audit.json.at("items").as_array().empty());
  const auto& entry = audit.json.at("items").as_array().at(0);
  EXPECT_EQ(entry.at("actor_username").as_string(), "manager.two");
  EXPECT_EQ(entry.at("entity_id").as_int64(), target);
}

TEST_P(PlatformApi, AuditLogRecordsWritesWithBeforeAndAfter) {
  const auto id = CreateOrg("华中区域", "region", group_id_);
  admin_->Patch(fmt::format("/api/v1/org-units/{}", id), R"({"name":"华中"})");
  auto r = admin_->Get(fmt::format("/api/v1/audit-log?entity_type=org_unit&entity_id={}", id));
  ASSERT_EQ(r.status, 200);
  const auto& items = r.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("action").as_string(), "org_unit.updated");
  EXPECT_EQ(items[0].at("entity_name").as_string(), "华中") << "the object by its name";
  EXPECT_FALSE(items[0].at("actor_name").is_null());
  EXPECT_EQ(items[0].at("before").at("name").as_string(), "华中区域");
  EXPECT_EQ(items[0].at("after").at("name").as_string(), "华中");
  EXPECT_EQ(items[1].at("action").as_string(), "org_unit.created");
  EXPECT_TRUE(items[1].at("before").is_null());
  // By time: from (inclusive) and to (exclusive), each an RFC 3339 time.
  const std::string at(items[0].at("at").as_string());
  auto within = [&](const std::string& range) {
    return admin_->Get(fmt::format("/api/v1/audit-log?entity_type=org_unit&entity_id={}&{}", id, range));
  };
  EXPECT_EQ(within("from=" + at).json.at("items").as_array().size(), items[1].at("at").as_string() == at ? 2u : 1u);
  EXPECT_TRUE(within("to=2000-01-01T00:00:00Z").json.at("items").as_array().empty());
  EXPECT_EQ(within("from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z").json.at("items").as_array().size(), 2u);
  EXPECT_EQ(within("from=yesterday").FieldReason("from"), "invalid_format");
  EXPECT_EQ(items[1].at("actor_username").as_string(), "admin");
  EXPECT_FALSE(items[1].at("request_id").as_string().empty());
}

TEST_P(PlatformApi, ListsPageWithCursors) {
  for (int i = 0; i < 5; ++i) CreateOrg(fmt::format("区域{}", i), "region", group_id_);
  std::set<std::int64_t> ids;
  std::string cursor;
  int pages = 0;
  do {
    auto r = admin_->Get("/api/v1/org-units?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(r.status, 200);
    for (const auto& u : r.json.at("items").as_array()) ids.insert(u.at("id").as_int64());
    cursor = r.json.at("next_cursor").is_null() ? "" : std::string(r.json.at("next_cursor").as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(ids.size(), 6u);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(admin_->Get("/api/v1/org-units?cursor=garbage").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/org-units?limit=501").FieldReason("limit"), "invalid_value");
}

TEST_P(PlatformApi, DisablingAUserRevokesTheirSessions) {
  const auto id = CreateUser("temp.user", "agent", group_id_);
  auto user = LoginAs("temp.user");
  auto version = admin_->Get(fmt::format("/api/v1/users/{}", id)).Int("version");
  auto r = admin_->Patch(fmt::format("/api/v1/users/{}", id), R"({"disabled":true})", {{"If-Match", std::to_string(version)}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(user->Get("/api/v1/me").status, 401);
  Api again(*server_);
  EXPECT_EQ(again.Login("temp.user", "Passw0rd-x").status, 401);
}

TEST_P(PlatformApi, RequestIdIsEchoedOrMade) {
  auto given = admin_->Get("/api/v1/me", {{"X-Request-Id", "trace-123"}});
  EXPECT_EQ(given.headers.find("X-Request-Id")->second, "trace-123");
  auto made = admin_->Get("/api/v1/me", {{"X-Request-Id", "bad id with spaces"}});
  EXPECT_NE(made.headers.find("X-Request-Id")->second, "bad id with spaces");
}

TEST_P(PlatformApi, MetricsCountRequestsByRouteAndStatus) {
  admin_->Get("/api/v1/me");
  admin_->Get("/api/v1/users/999999");
  Api anon(*server_);
  auto r = anon.Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(R"(hearth_http_requests_total{method="GET",route="/api/v1/me",status="200"})"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"(route="/api/v1/users/{id}",status="404")"), std::string::npos);
  EXPECT_NE(r.body.find("hearth_http_request_duration_seconds_bucket"), std::string::npos);
}

// What every Prometheus dashboard expects, from the first scrape (before anyone asked /readyz).
TEST_P(PlatformApi, MetricsSayFromTheFirstScrapeWhetherTheDatabaseAnswersAndWhatTheProcessUses) {
  Api anon(*server_);
  auto r = anon.Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\nhearth_db_up 1\n"), std::string::npos) << r.body;
  auto value = [&](const std::string& name) {
    const auto at = r.body.find("\n" + name + " ");
    EXPECT_NE(at, std::string::npos) << name << " missing";
    EXPECT_NE(r.body.find("# TYPE " + name + " "), std::string::npos) << name;
    return at == std::string::npos ? -1.0 : std::stod(r.body.substr(at + name.size() + 2));
  };
  EXPECT_GT(value("process_resident_memory_bytes"), 1e6);
  EXPECT_GT(value("process_virtual_memory_bytes"), value("process_resident_memory_bytes"));
  EXPECT_GT(value("process_open_fds"), 3);
  EXPECT_GE(value("process_max_fds"), value("process_open_fds"));
  EXPECT_GE(value("process_cpu_seconds_total"), 0);
  EXPECT_GT(value("process_threads"), 1);
  const double started = value("process_start_time_seconds");
  const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_LT(now - started, 600) << "the server started minutes ago at most";
  EXPECT_GE(now - started, -5);
}

TEST_P(PlatformApi, WebAppIsServedWithClientSideRoutes) {
  Api anon(*server_);
  auto index = anon.Get("/");
  auto deep = anon.Get("/admin/users");
  if (index.status == 404) GTEST_SKIP() << "built without the web app";
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("<div id=\"root\">"), std::string::npos);
  EXPECT_EQ(deep.body, index.body);
}

// SIGTERM while a request is in flight: the request is answered, then the server exits cleanly.
TEST_P(PlatformApi, SigtermLetsInFlightRequestsFinish) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  const std::string body = fmt::format(R"({{"name":"关机前","kind":"region","parent_id":{}}})", group_id_);
  const std::string head = fmt::format(
      "POST /api/v1/org-units HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\n"
      "Content-Length: {}\r\n\r\n",
      admin_->token(), body.size());
  ASSERT_GT(write(fd, head.data(), head.size()), 0);
  ASSERT_GT(write(fd, body.data(), 10), 0);  // half the body: the request is in flight
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(server_->pid(), SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ASSERT_GT(write(fd, body.data() + 10, body.size() - 10), 0);
  std::string answer(4096, '\0');
  const auto n = read(fd, answer.data(), answer.size());
  close(fd);
  ASSERT_GT(n, 0);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 201")) << answer;
  EXPECT_EQ(server_->Stop(), 0);
}

// Several clients retry the same request at once: one record, the same answer for all.
TEST_P(PlatformApi, ConcurrentRetriesWithOneKeyCreateOneRecord) {
  const std::string body = fmt::format(R"({{"name":"并发区域","kind":"region","parent_id":{}}})", group_id_);
  std::vector<std::thread> threads;
  std::vector<Reply> replies(8);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      Api api(*server_);
      api.SetToken(admin_->token());
      replies[static_cast<std::size_t>(i)] = api.Post("/api/v1/org-units", body, {{"Idempotency-Key", "same-key"}});
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : replies) {
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.body, replies[0].body);
  }
  auto units = admin_->Get("/api/v1/org-units");
  EXPECT_EQ(units.json.at("items").as_array().size(), 2u) << "the group and exactly one region";
}

INSTANTIATE_TEST_SUITE_P(Backends, PlatformApi, testing::ValuesIn(EnabledBackends()), BackendName);

// The command line: migrate and user add work on a database the server then uses.
class CommandLine : public testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override { HEARTH_REQUIRE_BACKEND(GetParam()); }
  static int Run(const std::string& args, const std::string& env = "") {
    return std::system((env + " " + HEARTH_BINARY + " " + args + " >/dev/null 2>&1").c_str());
  }
};

TEST_P(CommandLine, MigrateThenUserAddThenLogin) {
  TempDatabase db(GetParam());
  EXPECT_EQ(Run("migrate --db '" + db.url() + "'"), 0);
  EXPECT_EQ(Run("migrate --db '" + db.url() + "'"), 0) << "a second run applies nothing and succeeds";
  // An empty database has no group yet: the first start with HEARTH_ADMIN_PASSWORD makes one.
  EXPECT_NE(Run("user add zhang.wei --role agent --db '" + db.url() + "'", "HEARTH_USER_PASSWORD=Agent-pass-1"), 0);
  EXPECT_EQ(Run("user add zhang.wei --role agent --display-name 张伟 --db '" + db.url() + "'",
                std::string("HEARTH_USER_PASSWORD=Agent-pass-1 HEARTH_ADMIN_PASSWORD=") + TestServer::kAdminPassword),
            0);
  EXPECT_NE(Run("user add li.si --role agent --db '" + db.url() + "'", "HEARTH_USER_PASSWORD=short"), 0)
      << "the password policy applies";
  EXPECT_NE(Run("user add wang.wu --role king --db '" + db.url() + "'", "HEARTH_USER_PASSWORD=Agent-pass-1"), 0);
  TestServer server(db.url());
  Api agent(server);
  auto login = agent.Login("zhang.wei", "Agent-pass-1");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.json.at("user").at("display_name").as_string(), "张伟");
  Api admin(server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  auto audit = admin.Get("/api/v1/audit-log?action=user.created");
  const auto& items = audit.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << "the first admin and the user added on the command line";
  EXPECT_EQ(items[0].at("after").at("username").as_string(), "zhang.wei");
  EXPECT_TRUE(items[0].at("actor_id").is_null());
  EXPECT_EQ(items[0].at("request_id").as_string(), "cli:user-add");
  EXPECT_EQ(items[1].at("after").at("username").as_string(), "admin");
}

TEST_P(CommandLine, DemoLoadsAGroupWithCustomersProjectsAndUnits) {
  TempDatabase db(GetParam());
  ASSERT_EQ(Run("demo --customers 300 --events 600 --db '" + db.url() + "'",
                std::string("HEARTH_ADMIN_PASSWORD=") + TestServer::kAdminPassword),
            0);
  TestServer server(db.url());
  Api agent(server);
  ASSERT_EQ(agent.Login("agent", "Demo-pass-1").status, 200) << "demo staff can log in";
  auto customers = agent.Get("/api/v1/customers?limit=500");
  EXPECT_GT(customers.json.at("items").as_array().size(), 10u) << "the agent's company has customers";
  EXPECT_EQ(std::string(customers.json.at("items").as_array()[0].at("phone").as_string()).find("****"), 3u) << "masked";
  Api admin(server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  EXPECT_EQ(admin.Get("/api/v1/customers?limit=500").json.at("items").as_array().size(), 300u);
  auto projects = admin.Get("/api/v1/projects");
  ASSERT_EQ(projects.json.at("items").as_array().size(), 12u);
  auto board = admin.Get(fmt::format("/api/v1/projects/{}/board", projects.json.at("items").as_array()[0].at("id").as_int64()));
  EXPECT_GE(board.json.at("floors").as_array().size(), 18u);
  auto org = admin.Get("/api/v1/org-units?limit=500");
  EXPECT_EQ(org.json.at("items").as_array().size(), 1u + 4 + 8 + 12) << "group, regions, companies, projects";
}

TEST_P(CommandLine, ServeRefusesABadListenAddress) {
  TempDatabase db(GetParam());
  EXPECT_NE(Run("serve --listen nonsense --db '" + db.url() + "'"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, CommandLine, testing::ValuesIn(EnabledBackends()), BackendName);

// /readyz follows the database: a PostgreSQL database that goes away makes it 503, /healthz stays.
TEST(Readiness, ReadyzAnswers503WhenTheDatabaseIsGone) {
  HEARTH_REQUIRE_BACKEND(db::Backend::kPostgres);
  auto db = std::make_unique<TempDatabase>(db::Backend::kPostgres);
  TestServer server(db->url());
  Api api(server);
  EXPECT_EQ(api.Get("/readyz").status, 200);
  db.reset();  // DROP DATABASE … WITH (FORCE): connections are cut and the database is gone
  auto ready = api.Get("/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_EQ(ready.ErrorCode(), "unavailable");
  EXPECT_EQ(api.Get("/healthz").status, 200);
  auto login = api.Login("admin", TestServer::kAdminPassword);
  EXPECT_EQ(login.status, 503) << "fails fast with a clear error, no crash";
  EXPECT_EQ(api.Get("/metrics").status, 200);
}

// Tokens expire: a server whose sessions live one second.
class ShortSessionApi : public PlatformApi {
  std::vector<std::string> ExtraArgs() override { return {"--session-ttl", "1"}; }
};

TEST_P(ShortSessionApi, ExpiredTokenAnswers401) {
  EXPECT_EQ(admin_->Get("/api/v1/me").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto r = admin_->Get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.ErrorCode(), "unauthenticated");
}

INSTANTIATE_TEST_SUITE_P(Backends, ShortSessionApi, testing::ValuesIn(EnabledBackends()), BackendName);

// The web app: any page path answers the app with its security headers; a missing asset is a 404.
TEST_P(PlatformApi, WebAppPagesAndMissingAssets) {
  Api anonymous(*server_);
  auto page = anonymous.Get("/customers/123");
  if (page.status == 404) GTEST_SKIP() << "the web app is not built into this binary";
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(page.headers.find("Content-Type")->second.starts_with("text/html"));
  EXPECT_NE(page.headers.find("Content-Security-Policy")->second.find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page.headers.find("X-Frame-Options")->second, "DENY");
  EXPECT_EQ(anonymous.Get("/assets/not-a-file.js").status, 404);
  EXPECT_EQ(anonymous.Get("/api/v1/no-such-route").status, 404);
  EXPECT_EQ(admin_->Get("/api/v1/me").headers.find("Cache-Control")->second, "no-store");
}

// No personal data in the logs: names, phones, ID numbers, searches and the customer's link token
// stay out of the access and error logs.
TEST_P(PlatformApi, LogsHoldNoPersonalData) {
  auto c = admin_->Post("/api/v1/customers", R"({"name":"欧阳明轩","phone":"13912345678","id_type":"resident_id","id_number":"11010519491231002X"})");
  ASSERT_EQ(c.status, 201) << c.body;
  admin_->Get("/api/v1/customers?q=13912345678");
  admin_->Get("/api/v1/customers?q=欧阳");
  admin_->Post("/api/v1/customers", R"({"name":"欧阳明轩","phone":"13912345678"})");  // a duplicate: 409
  admin_->Post(fmt::format("/api/v1/customers/{}/reveal", c.Int("id")), R"({"reason":"回访核实"})");
  auto t = admin_->Post("/api/v1/tickets", fmt::format(R"({{"kind":"inquiry","channel":"hotline","customer_id":{},"title":"咨询"}})", c.Int("id")));
  const auto token = admin_->Post(fmt::format("/api/v1/tickets/{}/share", t.Int("id")), "").Str("token");
  Api anonymous(*server_);
  ASSERT_EQ(anonymous.Get("/api/v1/public/tickets/" + token).status, 200);
  anonymous.Login("admin", "a-wrong-password-13912345678");
  std::ifstream in(server_->log_path());
  const std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_NE(log.find("\"msg\":\"access\""), std::string::npos) << "the access log is on";
  for (const std::string& secret : std::vector<std::string>{"13912345678", "11010519491231002X", "欧阳", "%E6%AC%A7", token, "a-wrong-password"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << "the log holds " << secret;
  }
}

// Account lock-out: consecutive failed logins are counted in the database; at ten the account
// locks (even for the right password) until an administrator unlocks it. The per-name throttle
// (five failures in 15 minutes) is waited out with the server's test clock.
class LockoutApi : public ApiTest {
 protected:
  std::vector<std::string> ExtraArgs() override { return {"--test-clock", "2026-11-20T01:00:00Z"}; }
  void Advance(int minutes) {
    auto r = ToReply(admin_->raw().Put("/api/v1/test/clock", fmt::format(R"({{"advance_minutes":{}}})", minutes), "application/json"));
    ASSERT_EQ(r.status, 200) << r.body;
  }
};

TEST_P(LockoutApi, TenFailedLoginsLockTheAccountUntilAnAdministratorUnlocksIt) {
  const auto id = admin_->Post("/api/v1/users", R"({"username":"l.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"]})").Int("id");
  Api agent(*server_);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(agent.Login("l.agent", "wrong-password-1").status, 401);
  ASSERT_EQ(agent.Login("l.agent", "Passw0rd-x").status, 200) << "a success starts the count again";
  Api other(*server_);
  ASSERT_EQ(other.Login("l.agent", "Passw0rd-x").status, 200);
  int failures = 0;
  for (; failures < 5; ++failures) EXPECT_EQ(agent.Login("l.agent", "wrong-password-1").status, 401);
  EXPECT_EQ(agent.Login("l.agent", "wrong-password-1").ErrorCode(), "rate_limited") << "the back-off after five";
  for (; failures < 10; ++failures) {
    Advance(16);  // longer than the longest back-off
    EXPECT_EQ(agent.Login("l.agent", "wrong-password-1").status, 401);
  }
  Advance(16);
  auto locked = agent.Login("l.agent", "Passw0rd-x");
  EXPECT_EQ(locked.status, 403);
  EXPECT_EQ(locked.ErrorCode(), "account_locked") << "even the right password, once locked";
  EXPECT_EQ(other.Get("/api/v1/me").status, 401) << "locking ends the sessions it had";
  auto user = admin_->Get(fmt::format("/api/v1/users/{}", id));
  EXPECT_TRUE(user.json.at("locked").as_bool());
  auto audit = admin_->Get(fmt::format("/api/v1/audit-log?entity_type=user&entity_id={}", id));
  bool audited = false;
  for (const auto& e : audit.json.at("items").as_array()) audited |= e.at("action").as_string() == "user.locked";
  EXPECT_TRUE(audited);
  // A manager of another unit may not unlock; the administrator does.
  auto unlocked = admin_->Patch(fmt::format("/api/v1/users/{}", id), R"({"locked":false})");
  ASSERT_EQ(unlocked.status, 200) << unlocked.body;
  EXPECT_FALSE(unlocked.json.at("locked").as_bool());
  EXPECT_EQ(agent.Login("l.agent", "Passw0rd-x").status, 200);
  EXPECT_EQ(admin_->Patch(fmt::format("/api/v1/users/{}", id), R"({"locked":"no"})").FieldReason("locked"), "must_be_boolean");
}

// One attacker behind an office's NAT: the account they try is held back on devices it does not
// know, but its person's browser and the office's other people sign in; the wait said is true.
TEST_P(LockoutApi, TheBrowserThatSignedInBeforeAndOtherPeopleBehindTheAddressAreNotLockedOut) {
  admin_->Post("/api/v1/users", R"({"username":"l.one","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  admin_->Post("/api/v1/users", R"({"username":"l.two","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  auto login = [&](const std::string& name, const std::string& password, const std::string& cookie = "") {
    httplib::Headers headers;
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
    return ToReply(admin_->raw().Post("/api/v1/auth/login", headers,
                                      fmt::format(R"({{"username":"{}","password":"{}"}})", name, password), "application/json"));
  };
  // The person's browser signs in and is given a device id, for the login only.
  auto browser = login("l.one", "Passw0rd-x");
  ASSERT_EQ(browser.status, 200) << browser.body;
  std::string device;
  for (auto [it, end] = browser.headers.equal_range("Set-Cookie"); it != end; ++it) {
    if (!it->second.starts_with("hearth_device=")) continue;
    device = it->second.substr(14, it->second.find(';') - 14);
    EXPECT_NE(it->second.find("; Path=/api/v1/auth/login;"), std::string::npos) << it->second;
    EXPECT_NE(it->second.find("; HttpOnly"), std::string::npos) << it->second;
    EXPECT_NE(it->second.find("; SameSite=Strict"), std::string::npos) << it->second;
  }
  ASSERT_EQ(device.size(), 43u);
  // An attacker at the same address: five free failures, then the true wait.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login("l.one", "guess-" + std::to_string(i)).status, 401);
  auto held = login("l.one", "guess-5");
  EXPECT_EQ(held.status, 429);
  EXPECT_EQ(held.headers.find("Retry-After")->second, "60");
  EXPECT_EQ(held.json.at("error").at("retry_after_s").as_int64(), 60);
  EXPECT_EQ(login("l.two", "Passw0rd-x").status, 200) << "another person at the address";
  EXPECT_EQ(login("l.one", "Passw0rd-x", "hearth_device=" + device).status, 200) << "the person's own browser";
  // Waiting out each back-off, the attacker reaches ten failures: the account locks, for devices it does not know.
  for (int i = 5; i < 10; ++i) {
    Advance(16);
    EXPECT_EQ(login("l.one", "guess-" + std::to_string(i)).status, 401) << i;
  }
  Advance(16);
  EXPECT_EQ(login("l.one", "Passw0rd-x").ErrorCode(), "account_locked");
  EXPECT_EQ(login("l.one", "Passw0rd-x", "theme=dark; hearth_device=" + device).status, 200) << "the person's own browser";
  EXPECT_EQ(login("l.two", "Passw0rd-x").status, 200);
  // An administrator's own lock holds every device, the person's browser too.
  const auto users = admin_->Get("/api/v1/users?q=l.one").json.at("items").as_array();
  ASSERT_EQ(users.size(), 1u);
  const auto one = users[0].at("id").as_int64();
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/users/{}", one), R"({"locked":false})").status, 200);
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/users/{}", one), R"({"locked":true})").status, 200);
  EXPECT_EQ(login("l.one", "Passw0rd-x", "hearth_device=" + device).ErrorCode(), "account_locked");
  // Names that are no account: the address is held back for those after 20.
  for (int i = 0; i < 20; ++i) EXPECT_EQ(login("nobody." + std::to_string(i), "x").status, 401);
  auto spraying = login("nobody.20", "x");
  EXPECT_EQ(spraying.status, 429);
  EXPECT_EQ(spraying.headers.find("Retry-After")->second, "900") << "all 20 failed this minute (the test clock stands still)";
  EXPECT_EQ(login("l.two", "Passw0rd-x").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, LockoutApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
