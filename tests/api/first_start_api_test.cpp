// Issue 13, point 6: the orders a newcomer starts Hearth in. Nobody is locked out silently: the
// administrator is made when none exists, a password that is not used is said to be ignored with
// what to do instead, and `hearth demo` works on a database it makes itself.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/test_server.hpp"

namespace hearth::test {
namespace {

class FirstStartApi : public testing::TestWithParam<db::Backend> {
 protected:
  static std::string LogOf(const TestServer& server) {
    std::ifstream in(server.log_path());
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  TempDatabase db_{GetParam()};
};

TEST_P(FirstStartApi, DemoFirstThenServeWithAPasswordMakesTheAdministrator) {
  const auto [status, out] = RunHearthOutput(
      "-u HEARTH_ADMIN_PASSWORD", fmt::format("demo --db '{}' --customers 200 --events 0 --tickets 300", db_.url()));
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find(", 300 tickets, "), std::string::npos) << "the demo's tickets on a database it made: " << out;
  EXPECT_NE(out.find(" contracts and "), std::string::npos) << "the deals behind the units' statuses: " << out;
  EXPECT_NE(out.find(" referrals, "), std::string::npos) << "and the referrals among them: " << out;
  EXPECT_NE(out.find(" delivery batches with "), std::string::npos) << "the deliveries of the units handed over: " << out;
  EXPECT_EQ(out.find(" and 0 handovers"), std::string::npos) << "the project in its delivery season has its handover days: " << out;
  EXPECT_NE(out.find("no administrator yet"), std::string::npos) << out;
  TestServer server(db_.url());  // with HEARTH_ADMIN_PASSWORD
  Api admin(server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  EXPECT_EQ(admin.Get("/api/v1/tickets?limit=1").json.at("items").as_array().size(), 1u);
  Api agent(server);
  EXPECT_EQ(agent.Login("agent", "Demo-pass-1").status, 200);
  EXPECT_EQ(LogOf(server).find("ignored"), std::string::npos);
}

TEST_P(FirstStartApi, APasswordForADatabaseWithAnAdministratorIsIgnoredAloudAndTheCommandLineSetsIt) {
  { TestServer first(db_.url()); }
  {
    TestServer again(db_.url());  // the same password again (`make run` every time): nothing to say
    EXPECT_EQ(LogOf(again).find("ignored"), std::string::npos) << LogOf(again);
  }
  TestServer server(db_.url(), {}, {{"HEARTH_ADMIN_PASSWORD", "Another-pass-9"}});
  const std::string log = LogOf(server);
  EXPECT_NE(log.find("hearth: HEARTH_ADMIN_PASSWORD is ignored"), std::string::npos) << log;
  EXPECT_NE(log.find("hearth user password admin"), std::string::npos) << "says what to do: " << log;
  Api admin(server);
  EXPECT_EQ(admin.Login("admin", "Another-pass-9").status, 401);
  EXPECT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  const auto [status, out] =
      RunHearthOutput("HEARTH_USER_PASSWORD=Third-pass-77", fmt::format("user password admin --db '{}'", db_.url()));
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("set the password of admin"), std::string::npos) << out;
  EXPECT_EQ(admin.Login("admin", "Third-pass-77").status, 200);
  EXPECT_EQ(RunHearthOutput("HEARTH_USER_PASSWORD=short", fmt::format("user password admin --db '{}'", db_.url())).first, 1)
      << "a weak password is refused";
  EXPECT_EQ(RunHearthOutput("HEARTH_USER_PASSWORD=Third-pass-77", fmt::format("user password nobody --db '{}'", db_.url())).first, 1);
}

TEST_P(FirstStartApi, AnEmptyDatabaseWithoutAPasswordSaysNobodyCanManageIt) {
  TestServer server(db_.url(), {}, {{"HEARTH_ADMIN_PASSWORD", ""}});
  const std::string log = LogOf(server);
  EXPECT_NE(log.find("hearth: no administrator"), std::string::npos) << log;
  EXPECT_NE(log.find("Set HEARTH_ADMIN_PASSWORD"), std::string::npos) << log;
}

INSTANTIATE_TEST_SUITE_P(Backends, FirstStartApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
