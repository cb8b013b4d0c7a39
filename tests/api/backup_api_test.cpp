// hearth backup and hearth restore on SQLite and PostgreSQL: a backup taken while a client keeps
// writing holds every write acknowledged before it began and opens whole; a backup of a quiet
// database restores to exactly the same rows in every table.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <filesystem>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/db_snapshot.hpp"

namespace hearth::test {
namespace {

class BackupApi : public ApiTest {
 protected:
  std::string BackupFile(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / fmt::format("hearth-backup-{}", ::getpid());
    std::filesystem::create_directories(dir);
    dirs_.push_back(dir);
    return (dir / name).string();
  }
  void TearDown() override {
    for (const auto& d : dirs_) std::filesystem::remove_all(d);
  }
  std::vector<std::filesystem::path> dirs_;
};

TEST_P(BackupApi, RoundTripWhileServing) {
  // Records of every module: customers, a project with units, a ticket with a photo.
  const auto seeded = SeedEveryModule();
  const auto ticket = seeded.ticket;
  const std::string& png = seeded.photo;

  // A client keeps creating customers while the backup runs.
  std::atomic<bool> stop = false;
  std::atomic<int> acknowledged_before = -1;
  std::vector<std::string> acknowledged;
  std::mutex mutex;
  std::thread writer([&] {
    Api api(*server_);
    api.SetToken(admin_->token());
    for (int i = 0; !stop; ++i) {
      auto r = api.Post("/api/v1/customers", fmt::format(R"({{"name":"客户{}","phone":"1390000{:04d}"}})", i, i));
      if (r.status == 201) {
        std::lock_guard lock(mutex);
        acknowledged.push_back(fmt::format("1390000{:04d}", i));
      }
    }
  });
  while (true) {
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 20) break;
  }
  {
    std::lock_guard lock(mutex);
    acknowledged_before = static_cast<int>(acknowledged.size());
  }
  const std::string busy = BackupFile("busy.backup");
  ASSERT_EQ(RunHearth(fmt::format("backup --db '{}' '{}'", db_->url(), busy)), 0);
  stop = true;
  writer.join();
  EXPECT_FALSE(std::filesystem::exists(busy + ".partial"));

  TempDatabase restored(GetParam());
  ASSERT_EQ(RunHearth(fmt::format("restore --db '{}' '{}'", restored.url(), busy)), 0);
  {
    TestServer server(restored.url());
    Api api(server);
    ASSERT_EQ(api.Login("admin", TestServer::kAdminPassword).status, 200) << "the sessions' users came back";
    for (int i = 0; i < acknowledged_before; ++i) {
      const auto found = api.Get("/api/v1/customers?q=" + acknowledged[static_cast<std::size_t>(i)]);
      EXPECT_EQ(found.json.at("items").as_array().size(), 1u) << acknowledged[static_cast<std::size_t>(i)];
    }
    auto file = api.Get(fmt::format("/api/v1/tickets/{}/attachments", ticket));
    ASSERT_EQ(file.json.at("items").as_array().size(), 1u);
    EXPECT_EQ(api.Get(fmt::format("/api/v1/tickets/{}/attachments/{}", ticket, file.json.at("items").as_array()[0].at("id").as_int64())).body, png);
    EXPECT_EQ(api.Post("/api/v1/customers", R"({"name":"新客户","phone":"13700009999"})").status, 201) << "writable after restore";
  }

  // Quiet: the restore holds exactly the same rows in every table.
  const std::string quiet = BackupFile("quiet.backup");
  ASSERT_EQ(RunHearth(fmt::format("backup --db '{}' '{}'", db_->url(), quiet)), 0);
  TempDatabase exact(GetParam());
  ASSERT_EQ(RunHearth(fmt::format("restore --db '{}' '{}'", exact.url(), quiet)), 0);
  const auto source = SnapshotOf(db_->url());
  const auto copy = SnapshotOf(exact.url());
  EXPECT_GE(source.size(), 30u) << "every module's tables";
  EXPECT_EQ(Differences(source, copy), std::vector<std::string>{});
  EXPECT_GT(source.at("customers").size(), 20u);

  // A database that holds data is replaced only when asked; a file that is not a backup is refused.
  EXPECT_NE(RunHearth(fmt::format("restore --db '{}' '{}'", exact.url(), quiet)), 0);
  EXPECT_EQ(RunHearth(fmt::format("restore --force --db '{}' '{}'", exact.url(), busy)), 0);
  EXPECT_NE(Differences(source, SnapshotOf(exact.url())), std::vector<std::string>{}) << "now the busy backup";
  const std::string junk = BackupFile("junk.backup");
  { std::ofstream(junk) << "not a backup"; }
  TempDatabase empty(GetParam());
  EXPECT_NE(RunHearth(fmt::format("restore --db '{}' '{}'", empty.url(), junk)), 0);
  EXPECT_NE(RunHearth(fmt::format("backup --db '{}' '{}'", db_->url(), "/nonexistent-dir/x.backup")), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
