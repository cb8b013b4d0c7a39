// hearth group add and hearth export-tenant, from each backend: a group's export holds every one
// of its rows (compared table by table with its source), nothing of another group, and serves:
// its people sign in, its records, photos, search and reports are there, and new records follow
// the copied ones. Across backends too (SQLite → PostgreSQL and back).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/db_snapshot.hpp"
#include "support/pg_cluster.hpp"

namespace hearth::test {
namespace {

class ExportTenantApi : public ApiTest {
 protected:
  /// The other backend when it is available (the move a growing group makes), else the same.
  db::Backend Other() const {
    const auto other = GetParam() == db::Backend::kSqlite ? db::Backend::kPostgres : db::Backend::kSqlite;
    return BackendAvailable(other) ? other : GetParam();
  }
  std::vector<std::int64_t> CustomerIds(Api& api) {
    std::vector<std::int64_t> ids;
    auto list = api.Get("/api/v1/customers?limit=500");
    for (const auto& c : list.Member("items").as_array()) ids.push_back(c.at("id").as_int64());
    std::sort(ids.begin(), ids.end());
    return ids;
  }
};

TEST_P(ExportTenantApi, AGroupMovesWholeAndAloneToAnotherDatabase) {
  // Group 1's records in every module: a project with units, customers, a ticket with a photo.
  const auto seeded = SeedEveryModule();
  const auto customer = seeded.customer, ticket = seeded.ticket;
  const std::string& png = seeded.photo;
  for (int i = 0; i < 30; ++i) {
    ASSERT_EQ(admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"业主{}","phone":"1380000{:04d}"}})", i, i)).status, 201);
  }
  const auto source_report = admin_->Get("/api/v1/reports/tickets?month=2026-11").body;

  // The same backend, one group: the export equals its source in every table it moves.
  {
    TempDatabase same(GetParam());
    ASSERT_EQ(RunHearth(fmt::format("export-tenant --db '{}' --group {} --to '{}'", db_->url(), group_id_, same.url())), 0);
    std::set<std::string> differ;
    for (const auto& d : Differences(SnapshotOf(db_->url()), SnapshotOf(same.url()))) differ.insert(d.substr(0, d.find(':')));
    for (const auto& left_behind : {"sessions", "login_devices", "idempotency_keys", "schema_migrations", "audit_journal_marks",
                                     "customer_search_state"}) {
      differ.erase(left_behind);
    }
    std::erase_if(differ, [](const std::string& t) { return t.starts_with("customer_fts"); });
    EXPECT_TRUE(differ.empty()) << "tables that differ: " << fmt::format("{}", fmt::join(differ, ", "));
  }

  // A second group on the same database, with a customer of its own.
  const std::string add = fmt::format("HEARTH_USER_PASSWORD=Passw0rd-x {} group add 华润置地 --admin cr.admin --db '{}' 2>&1",
                                      HEARTH_BINARY, db_->url());
  const std::string added = RunCapture(add);
  ASSERT_NE(added.find("created group 华润置地"), std::string::npos) << added;
  Api cr(*server_);
  ASSERT_EQ(cr.Login("cr.admin", "Passw0rd-x").status, 200);
  ASSERT_EQ(cr.Post("/api/v1/customers", R"({"name":"别家客户","phone":"13900009999"})").status, 201);
  EXPECT_EQ(cr.Get("/api/v1/customers?limit=500").Member("items").as_array().size(), 1u) << "groups are apart";
  EXPECT_FALSE(cr.Get("/api/v1/ticket-categories").Member("items").as_array().empty()) << "the new group got the defaults";

  // Group 1 into an empty database of the other backend.
  TempDatabase moved(Other());
  ASSERT_EQ(RunHearth(fmt::format("export-tenant --db '{}' --group {} --to '{}'", db_->url(), group_id_, moved.url())), 0);
  TestServer there(moved.url());
  Api api(there);
  ASSERT_EQ(api.Login("admin", TestServer::kAdminPassword).status, 200) << "its people sign in with their passwords";
  EXPECT_EQ(CustomerIds(api), CustomerIds(*admin_)) << "the same customers with the same ids";
  EXPECT_EQ(Api(there).Login("cr.admin", "Passw0rd-x").status, 401) << "nothing of the other group";
  auto found = api.Get("/api/v1/customers?q=林晓燕");
  ASSERT_EQ(found.status, 200);
  ASSERT_EQ(found.Member("items").as_array().size(), 1u) << "search works on the copy";
  EXPECT_EQ(found.Member("items").as_array()[0].at("id").as_int64(), customer);
  auto file = api.Get(fmt::format("/api/v1/tickets/{}/attachments/{}", ticket, seeded.photo_id));
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, png) << "photos come along byte for byte";
  EXPECT_EQ(api.Get("/api/v1/reports/tickets?month=2026-11").body, source_report);
  auto fresh = api.Post("/api/v1/customers", R"({"name":"新客户","phone":"13700007777"})");
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  EXPECT_GT(fresh.Int("id"), CustomerIds(*admin_).back()) << "new keys follow the copied ones";

  // The move done: the group is stopped in its old home, the other group is not touched.
  auto source = db::Database::Open(db_->url());
  auto pending = [&] {
    return source->Read([&](db::Tx& tx) {
      return tx.Execute("SELECT COUNT(*) FROM jobs WHERE tenant_id = $1 AND status IN ('pending', 'running')", group_id_)
          .front()
          .Int(0);
    });
  };
  EXPECT_GT(pending(), 0) << "the ticket's SLA reminder and breach are due later";
  TempDatabase final_home(GetParam());
  const std::string retire = RunCapture(fmt::format("{} export-tenant --db '{}' --group {} --to '{}' --retire-source 2>&1",
                                                    HEARTH_BINARY, db_->url(), group_id_, final_home.url()));
  EXPECT_NE(retire.find("retired group"), std::string::npos) << retire;
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the servers' session caches
  EXPECT_EQ(admin_->Get("/api/v1/me").status, 401) << "sessions in the old home are ended";
  EXPECT_EQ(Api(*server_).Login("admin", TestServer::kAdminPassword).status, 401) << "its users are disabled there";
  EXPECT_EQ(cr.Get("/api/v1/me").status, 200) << "the other group goes on";
  EXPECT_EQ(pending(), 0) << "no SLA job of the moved group runs in the old home";

  // Only into an empty database, and only a group that exists.
  EXPECT_NE(RunHearth(fmt::format("export-tenant --db '{}' --group {} --to '{}'", db_->url(), group_id_, moved.url())), 0);
  TempDatabase empty(GetParam());
  EXPECT_NE(RunHearth(fmt::format("export-tenant --db '{}' --group 999999 --to '{}'", db_->url(), empty.url())), 0);
  std::printf("export-tenant: %s → %s, %zu customers, a ticket with its photo; the other group left behind\n",
              GetParam() == db::Backend::kSqlite ? "SQLite" : "PostgreSQL",
              Other() == db::Backend::kSqlite ? "SQLite" : "PostgreSQL", CustomerIds(api).size());
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportTenantApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
