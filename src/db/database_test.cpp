// One suite for both backends (STYLE.md §6): the storage contract every repository relies on.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "db/group_writer.hpp"
#include "db/migrations.hpp"
#include "support/backends.hpp"

namespace hearth::db {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE widgets (
  id BIGSERIAL PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  weight DOUBLE PRECISION,
  CONSTRAINT ck_widgets_size CHECK (size > 0));
CREATE UNIQUE INDEX uq_widgets_name ON widgets (tenant_id, name);)sql";

class DatabaseTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(GetParam());
    temp_ = std::make_unique<test::TempDatabase>(GetParam());
    db_ = Database::Open(temp_->url());
    db_->Transact([&](Tx& tx) -> Result<void> {
      tx.connection().ExecScript(AdaptDdl(std::string(kSchema), db_->backend()));
      return {};
    });
    RegisterConstraint("uq_widgets_name", {"name", "taken", ErrorCode::kConflict, "conflict"});
    RegisterConstraint("ck_widgets_size", {"size", "must_be_positive", ErrorCode::kInvalidArgument, "validation_failed"});
  }
  std::int64_t Count() {
    return db_->Read([](Tx& tx) { return tx.Execute("SELECT COUNT(*) FROM widgets").front().Int(0); });
  }
  Result<std::int64_t> Insert(const std::string& name, int size) {
    return db_->Transact([&](Tx& tx) -> Result<std::int64_t> {
      return tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES ($1, $2, $3) RETURNING id", 1, name, size)
          .front()
          .Int(0);
    });
  }

  std::unique_ptr<test::TempDatabase> temp_;
  std::unique_ptr<Database> db_;
};

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  auto id = db_->Transact([&](Tx& tx) -> Result<std::int64_t> {
    return tx.Execute("INSERT INTO widgets (tenant_id, name, size, active, weight) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                      7, "小文的盒子", 3, false, 2.5)
        .front()
        .Int(0);
  });
  ASSERT_TRUE(id);
  auto row = db_->Read([&](Tx& tx) {
    return tx.Execute("SELECT name, size, active, weight, tenant_id, NULL FROM widgets WHERE id = $1", *id);
  });
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row.front().Text(0), "小文的盒子");
  EXPECT_EQ(row.front().Int(1), 3);
  EXPECT_FALSE(row.front().Bool(2));
  EXPECT_DOUBLE_EQ(row.front().Real(3), 2.5);
  EXPECT_EQ(row.front().Int(4), 7);
  EXPECT_TRUE(row.front().IsNull(5));
  EXPECT_FALSE(row.front().OptInt(5));
}

TEST_P(DatabaseTest, ParametersMayRepeatAndComeInAnyOrder) {
  ASSERT_TRUE(Insert("a", 1));
  auto rows = db_->Read([](Tx& tx) {
    return tx.Execute("SELECT name FROM widgets WHERE size = $2 AND (name = $1 OR name = $1)", "a", 1);
  });
  EXPECT_EQ(rows.size(), 1u);
}

TEST_P(DatabaseTest, ErrorResultRollsBack) {
  auto result = db_->Transact([&](Tx& tx) -> Result<void> {
    tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES (1, 'x', 1)");
    return FailField("name", "nope");
  });
  EXPECT_FALSE(result);
  EXPECT_EQ(Count(), 0);
}

TEST_P(DatabaseTest, ExceptionRollsBackAndPropagates) {
  EXPECT_THROW(db_->Transact([&](Tx& tx) -> Result<void> {
    tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES (1, 'x', 1)");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(Count(), 0);
}

TEST_P(DatabaseTest, UniqueViolationNamesTheField) {
  ASSERT_TRUE(Insert("dup", 1));
  auto second = Insert("dup", 2);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  ASSERT_EQ(second.error().fields.size(), 1u);
  EXPECT_EQ(second.error().fields[0].field, "name");
  EXPECT_EQ(second.error().fields[0].reason, "taken");
  EXPECT_EQ(Count(), 1);
}

TEST_P(DatabaseTest, CheckViolationNamesTheField) {
  auto bad = Insert("neg", -1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().fields.at(0).field, "size");
}

TEST_P(DatabaseTest, NestedTransactionIsASavepoint) {
  auto outer = db_->Transact([&](Tx& tx) -> Result<void> {
    tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES (1, 'kept', 1)");
    auto inner = Insert("kept", 2);  // duplicate: only the savepoint rolls back
    EXPECT_FALSE(inner);
    EXPECT_TRUE(Insert("also", 3));
    return {};
  });
  EXPECT_TRUE(outer);
  EXPECT_EQ(Count(), 2);
}

// What a transaction leaves for after its commit runs once the change can be seen, and never for
// a transaction that rolled back; a nested transaction's wait for the outermost commit.
TEST_P(DatabaseTest, AfterCommitRunsOnceCommittedAndNeverOnRollback) {
  std::vector<std::string> ran;
  auto committed = db_->Transact([&](Tx& tx) -> Result<void> {
    tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES (1, 'a', 1)");
    tx.AfterCommit([&] { ran.push_back("outer, seeing " + std::to_string(Count())); });
    EXPECT_TRUE(db_->Transact([&](Tx& inner) -> Result<void> {
      inner.AfterCommit([&] { ran.push_back("inner"); });
      return {};
    }));
    EXPECT_TRUE(ran.empty()) << "nothing before the commit";
    return {};
  });
  EXPECT_TRUE(committed);
  EXPECT_EQ(ran, (std::vector<std::string>{"outer, seeing 1", "inner"}));
  ran.clear();
  auto failed = db_->Transact([&](Tx& tx) -> Result<void> {
    tx.AfterCommit([&] { ran.push_back("rolled back"); });
    return FailField("name", "nope");
  });
  EXPECT_FALSE(failed);
  EXPECT_THROW(db_->Transact([&](Tx& tx) -> Result<void> {
    tx.AfterCommit([&] { ran.push_back("thrown"); });
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_TRUE(ran.empty());
  db_->Read([&](Tx& tx) {
    tx.AfterCommit([&] { ran.push_back("no transaction: at once"); });
    return 0;
  });
  EXPECT_EQ(ran.size(), 1u);
}

TEST_P(DatabaseTest, ReadInsideATransactionSeesItsWrites) {
  auto done = db_->Transact([&](Tx& tx) -> Result<std::int64_t> {
    tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES (1, 'mine', 1)");
    return Count();
  });
  EXPECT_EQ(*done, 1);
}

TEST_P(DatabaseTest, ConcurrentWritersAllCommit) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (Insert("w" + std::to_string(t) + "_" + std::to_string(i), 1)) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 100);
  EXPECT_EQ(Count(), 100);
}

// Concurrent small writes committed together: each caller gets its own result, and one write's
// refusal or constraint violation leaves the others of its batch committed.
TEST_P(DatabaseTest, AGroupWriterCommitsEachCallersWriteOnItsOwn) {
  GroupWriter<std::int64_t> writer(*db_);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, refused{0}, taken{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string name = i == 0 ? std::string("same") : "g" + std::to_string(t) + "_" + std::to_string(i);
        auto id = writer.Submit([&](Tx& tx) -> Result<std::int64_t> {
          if (i == 24) return FailField("size", "refused");  // a write that refuses itself
          return tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES (1, $1, 1) RETURNING id", name).front().Int(0);
        });
        if (id) ++ok;
        else if (id.error().slug == "conflict") ++taken;
        else if (id.error().fields.at(0).reason == "refused") ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 8 * 23 + 1) << "one of the eight 'same' wins";
  EXPECT_EQ(taken, 7);
  EXPECT_EQ(refused, 8);
  EXPECT_EQ(Count(), 8 * 23 + 1);
}

// What a nested transaction asked to run after the commit goes with it when it rolls back; the
// outer transaction's own hooks run. A group writer's refused write announces nothing.
TEST_P(DatabaseTest, AfterCommitHooksOfARolledBackSavepointDoNotRun) {
  std::vector<std::string> ran;
  auto done = db_->Transact([&](Tx& tx) -> Result<void> {
    tx.AfterCommit([&] { ran.push_back("outer"); });
    auto refused = db_->Transact([&](Tx& inner) -> Result<void> {
      inner.AfterCommit([&] { ran.push_back("refused"); });
      return FailField("size", "refused");
    });
    EXPECT_FALSE(refused);
    auto kept = db_->Transact([&](Tx& inner) -> Result<void> {
      inner.AfterCommit([&] { ran.push_back("kept"); });
      return {};
    });
    EXPECT_TRUE(kept);
    return {};
  });
  ASSERT_TRUE(done);
  EXPECT_EQ(ran, (std::vector<std::string>{"outer", "kept"}));

  GroupWriter<std::int64_t> writer(*db_, 64, /*refusals_expected=*/true);
  std::vector<std::thread> threads;
  std::mutex m;
  std::vector<std::string> announced;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto id = writer.Submit([&](Tx& tx) -> Result<std::int64_t> {
        tx.AfterCommit([&, t] { std::lock_guard l(m); announced.push_back("w" + std::to_string(t)); });
        if (t % 2 == 1) return FailField("size", "refused");
        return tx.Execute("INSERT INTO widgets (tenant_id, name, size) VALUES (1, $1, 1) RETURNING id", "h" + std::to_string(t))
            .front()
            .Int(0);
      });
      EXPECT_EQ(static_cast<bool>(id), t % 2 == 0);
    });
  }
  for (auto& t : threads) t.join();
  std::sort(announced.begin(), announced.end());
  EXPECT_EQ(announced, (std::vector<std::string>{"w0", "w2", "w4", "w6"}));
}

TEST_P(DatabaseTest, MigrationsApplyOnceAndRefuseEditedFiles) {
  std::vector<Migration> migrations{{"20260101_0000_test_a.sql", "CREATE TABLE ta (id BIGSERIAL PRIMARY KEY);", "c1"},
                                    {"20260101_0001_test_b.sql", "CREATE TABLE tb (id BIGSERIAL PRIMARY KEY);", "c2"}};
  auto first = Migrate(*db_, migrations);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->applied.size(), 2u);
  auto second = Migrate(*db_, migrations);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->already, 2);
  migrations[0].checksum = "edited";
  auto edited = Migrate(*db_, migrations);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().slug, "migration_changed");
}

TEST_P(DatabaseTest, EmbeddedMigrationsApplyCleanly) {
  auto report = Migrate(*db_, EmbeddedMigrations(db_->backend()));
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->applied.empty());
  EXPECT_TRUE(db_->Ping());
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, testing::ValuesIn(test::EnabledBackends()), test::BackendName);

TEST(DatabaseOpen, UnreachablePostgresIsUnavailable) {
  auto db = Database::Open("postgresql://nobody@127.0.0.1:1/none");
  EXPECT_FALSE(db->Ping());
  EXPECT_THROW(db->Read([](Tx& tx) { return tx.Execute("SELECT 1"); }), UnavailableError);
}

}  // namespace
}  // namespace hearth::db
