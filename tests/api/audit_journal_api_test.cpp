// Reads of unmasked personal data are audited off the read's path (platform/audit_journal.hpp):
// journaled, written in batches. None may be lost: not when the server is killed before a batch
// is written, not twice when it is killed after. Both databases.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

class AuditJournalApi : public testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<TempDatabase>(GetParam());
    journal_ = (std::filesystem::temp_directory_path() / fmt::format("hearth-journal-{}", ::getpid())).string();
    std::filesystem::remove_all(journal_);
  }
  void TearDown() override { std::filesystem::remove_all(journal_); }

  std::unique_ptr<TestServer> Start() {
    return std::make_unique<TestServer>(db_->url(), std::vector<std::string>{"--audit-journal", journal_});
  }
  /// The entity id of every read that personal_data.viewed entries hold (all pages).
  static std::multiset<std::int64_t> Viewed(Api& admin) {
    std::multiset<std::int64_t> out;
    std::string cursor;
    for (;;) {
      auto page = admin.Get("/api/v1/audit-log?action=personal_data.viewed&entity_type=customer&limit=200" +
                            (cursor.empty() ? "" : "&cursor=" + cursor));
      EXPECT_EQ(page.status, 200) << page.body;
      for (const auto& e : page.json.at("items").as_array()) {
        // Reads that a batch folded into one entry (FoldReads) count one by one.
        const auto& after = e.at("after");
        const auto* reads = after.is_object() ? after.as_object().if_contains("reads") : nullptr;
        if (!reads) {
          out.insert(e.at("entity_id").as_int64());
          continue;
        }
        for (const auto& read : reads->as_array()) {
          for (const auto& id : read.at("ids").as_array()) out.insert(id.as_int64());
        }
      }
      const auto& next = page.json.at("next_cursor");
      if (!next.is_string()) break;
      cursor = std::string(next.as_string());
    }
    return out;
  }
  std::size_t JournalFiles() const {
    std::size_t n = 0;
    for (const auto& f : std::filesystem::directory_iterator(journal_)) n += f.path().extension() == ".jsonl";
    return n;
  }

  std::unique_ptr<TempDatabase> db_;
  std::string journal_;
};

TEST_P(AuditJournalApi, ReadsAuditedJustBeforeAKillAreWrittenOnceAfterTheRestart) {
  std::vector<std::int64_t> ids;
  {
    auto server = Start();
    Api admin(*server);
    ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
    for (int i = 0; i < 12; ++i) {
      ids.push_back(admin.Post("/api/v1/customers", fmt::format(R"({{"name":"顾客{}","phone":"1390000{:04}"}})", i, i))
                        .Int("id"));
    }
    // Six reads, then the audit log is read: they are written (the reader waits for them).
    for (int i = 0; i < 6; ++i) ASSERT_EQ(admin.Get(fmt::format("/api/v1/customers/{}", ids[i])).status, 200);
    EXPECT_EQ(Viewed(admin).size(), 6u);
    // Six more, each answered unmasked, and the server is killed before its next batch (a
    // batch waits up to a second for company).
    for (int i = 6; i < 12; ++i) {
      auto read = admin.Get(fmt::format("/api/v1/customers/{}", ids[i]));
      ASSERT_EQ(read.status, 200);
      EXPECT_EQ(read.Str("phone"), fmt::format("1390000{:04}", i));
    }
    server->Kill();
    EXPECT_GE(JournalFiles(), 1u) << "the reads waited in the journal";
  }
  // The restart writes what the journal held: each read once, none twice.
  auto server = Start();
  Api admin(*server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  const auto viewed = Viewed(admin);
  EXPECT_EQ(viewed, std::multiset<std::int64_t>(ids.begin(), ids.end()));
  EXPECT_EQ(JournalFiles(), 1u) << "only the new process's own file is left";
  // A clean stop writes what is pending and leaves no file behind.
  EXPECT_EQ(admin.Get(fmt::format("/api/v1/customers/{}", ids[0])).status, 200);
  EXPECT_EQ(server->Stop(), 0);
  EXPECT_EQ(JournalFiles(), 0u);
  auto again = Start();
  Api admin2(*again);
  ASSERT_EQ(admin2.Login("admin", TestServer::kAdminPassword).status, 200);
  EXPECT_EQ(Viewed(admin2).size(), ids.size() + 1);
}

TEST_P(AuditJournalApi, AJournalAlreadyWrittenIsNotWrittenAgain) {
  // A kill between a batch's commit and the deletion of its file: the file is replayed, and
  // the mark of what was written keeps the entries single.
  auto server = Start();
  Api admin(*server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  const auto id = admin.Post("/api/v1/customers", R"({"name":"顾客","phone":"13900001234"})").Int("id");
  for (int i = 0; i < 3; ++i) ASSERT_EQ(admin.Get(fmt::format("/api/v1/customers/{}", id)).status, 200);
  EXPECT_EQ(Viewed(admin).size(), 3u);  // written…
  // …and its file put back as if the deletion had not happened (a copy under the dead boot's
  // name: the same lines as the journal wrote them).
  std::string lines;
  for (int i = 0; i < 3; ++i) {
    lines += fmt::format(
        R"({{"seq":{},"boot":"deadbeef00000000","tenant_id":1,"at":1796000000000,"actor_id":1,"actor_username":"admin","action":"personal_data.viewed","entity_type":"customer","entity_id":{},"after":"{{}}","request_id":"r{}","remote_address":"127.0.0.1"}})"
        "\n",
        i + 1, id, i);
  }
  server->Kill();
  std::string key;
  for (const auto& f : std::filesystem::directory_iterator(journal_)) {
    const std::string name = f.path().filename().string();
    if (!name.starts_with(".")) key = name.substr(0, 16);  // not a spare (.spare-…) kept for reuse
  }
  ASSERT_FALSE(key.empty());
  for (int pass = 0; pass < 2; ++pass) {
    {
      std::ofstream out(std::filesystem::path(journal_) / fmt::format("{}.deadbeef00000000.000000000001.jsonl", key));
      out << lines << R"({"seq":4,"boot":"deadbeef00000000","tenant_id":1,"at":17)";  // cut short by the crash
    }
    auto restarted = Start();
    Api reader(*restarted);
    ASSERT_EQ(reader.Login("admin", TestServer::kAdminPassword).status, 200);
    // First pass: the three dead entries are written; second pass: the same file again, nothing.
    EXPECT_EQ(Viewed(reader).size(), 6u) << "pass " << pass;
    restarted->Kill();
  }
}

TEST_P(AuditJournalApi, ABurstOfReadsIsOneEntryThatNamesEachRead) {
  auto server = Start();
  Api admin(*server);
  ASSERT_EQ(admin.Login("admin", TestServer::kAdminPassword).status, 200);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(admin.Post("/api/v1/customers", fmt::format(R"({{"name":"读者{}","phone":"1390001{:04}"}})", i, i))
                      .Int("id"));
  }
  for (int round = 0; round < 2; ++round) {
    for (auto id : ids) ASSERT_EQ(admin.Get(fmt::format("/api/v1/customers/{}", id)).status, 200);
  }
  auto page = admin.Get("/api/v1/audit-log?action=personal_data.viewed&limit=50");
  ASSERT_EQ(page.status, 200) << page.body;
  const auto& items = page.json.at("items").as_array();
  ASSERT_GE(items.size(), 1u);
  EXPECT_LE(items.size(), 2u) << "ten reads within a batch's second fold: " << page.body;
  std::size_t reads = 0;
  for (const auto& e : items) {
    const auto& after = e.at("after").as_object();
    EXPECT_EQ(after.at("fields").as_array().size(), 2u);
    if (!after.contains("reads")) {
      ++reads;
      continue;
    }
    EXPECT_EQ(e.at("request_id").as_string(), "");
    for (const auto& read : after.at("reads").as_array()) {
      ++reads;
      const auto id = read.at("ids").as_array()[0].as_int64();
      const auto at = std::find(ids.begin(), ids.end(), id) - ids.begin();
      EXPECT_EQ(read.at("entity_name").as_string(), fmt::format("读者{}", at)) << read;
      EXPECT_FALSE(read.at("request_id").as_string().empty());
    }
  }
  EXPECT_EQ(reads, 10u);
  EXPECT_EQ(Viewed(admin).size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditJournalApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
