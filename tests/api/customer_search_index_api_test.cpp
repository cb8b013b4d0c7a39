// The customer search index across versions, on SQLite and PostgreSQL: birth dates and heads of
// ID numbers are found by their 8-digit windows, and a database indexed by an older version of
// the search terms is indexed again at start-up.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <regex>

#include "modules/customers/resident_id.hpp"
#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

class CustomerSearchIndexApi : public testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<TempDatabase>(GetParam());
  }
  static std::string ResidentId(const std::string& region6, const std::string& birth8, const std::string& seq3) {
    const std::string first17 = region6 + birth8 + seq3;
    return first17 + customers::ResidentId::CheckCharacter(first17);
  }
  static std::vector<std::string> Names(Api& api, const std::string& q) {
    auto r = api.Get("/api/v1/customers?q=" + q);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> names;
    for (const auto& c : r.json.at("items").as_array()) names.emplace_back(c.at("name").as_string());
    std::sort(names.begin(), names.end());
    return names;
  }
  std::unique_ptr<TempDatabase> db_;
};

TEST_P(CustomerSearchIndexApi, BirthDatesAndIdHeadsAreFoundAlsoAfterAnOlderIndexIsRebuilt) {
  const std::vector<std::pair<std::string, std::string>> people = {
      {"林一", ResidentId("440305", "19850312", "011")},   // born 1985-03-12 in 南山
      {"林二", ResidentId("110105", "19850312", "022")},   // the same day in 朝阳
      {"林三", ResidentId("440305", "19851203", "033")},   // 南山, 1985, another day
      {"林四", ResidentId("310101", "19720101", "044")}};  // nothing in common
  {
    TestServer server(db_->url());
    Api admin(server);
    ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
    for (std::size_t i = 0; i < people.size(); ++i) {
      ASSERT_EQ(admin.Post("/api/v1/customers", fmt::format(R"({{"name":"{}","phone":"1370000{:04}","id_number":"{}"}})",
                                                            people[i].first, i, people[i].second)).status, 201);
    }
    EXPECT_EQ(Names(admin, "19850312"), (std::vector<std::string>{"林一", "林二"}));
    EXPECT_EQ(Names(admin, "4403051985"), (std::vector<std::string>{"林一", "林三"}));
    EXPECT_EQ(Names(admin, "198503"), (std::vector<std::string>{"林一", "林二"}));  // 6 digits: 4-digit windows
  }
  // As a database indexed before version 2 holds them: no 8-digit windows.
  {
    auto db = db::Database::Open(db_->url(), {.pool_size = 1});
    ASSERT_TRUE(db->Transact([&](db::Tx& tx) -> Result<void> {
      const auto rows = tx.Execute("SELECT id, search_terms FROM customers");
      const std::regex long_window(R"((^| )[0-9]{7}[0-9x](?= |$))");
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string old_terms = std::regex_replace(rows[i].Text(1), long_window, "");
        EXPECT_NE(old_terms, rows[i].Text(1));
        tx.Execute("UPDATE customers SET search_terms = $2 WHERE id = $1", rows[i].Int(0), old_terms);
      }
      tx.Execute("UPDATE customer_search_state SET terms_version = 1");
      return {};
    }));
  }
  TestServer server(db_->url());
  Api admin(server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  EXPECT_EQ(Names(admin, "19850312"), (std::vector<std::string>{"林一", "林二"}));
  EXPECT_EQ(Names(admin, "4403051985"), (std::vector<std::string>{"林一", "林三"}));
  EXPECT_EQ(Names(admin, "19720101"), (std::vector<std::string>{"林四"}));
  auto db = db::Database::Open(db_->url(), {.pool_size = 1});
  ASSERT_TRUE(db->Read([&](db::Tx& tx) -> Result<void> {
    EXPECT_EQ(tx.Execute("SELECT terms_version FROM customer_search_state").front().Int(0), 2);
    return {};
  }));
}

INSTANTIATE_TEST_SUITE_P(Backends, CustomerSearchIndexApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
