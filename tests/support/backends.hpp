#pragma once
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "db/database.hpp"

namespace hearth::test {

/// Both backends. Test discovery runs at build time, without a database server, so the
/// PostgreSQL cases always exist and skip themselves when HEARTH_TEST_PG is not set (make test
/// always sets it).
std::vector<db::Backend> EnabledBackends();
/// False for PostgreSQL when HEARTH_TEST_PG is not set.
bool BackendAvailable(db::Backend backend);

/// In a fixture's SetUp: skips the test when its backend is not available.
#define HEARTH_REQUIRE_BACKEND(backend) \
  if (!::hearth::test::BackendAvailable(backend)) GTEST_SKIP() << "HEARTH_TEST_PG is not set"
std::string BackendName(const testing::TestParamInfo<db::Backend>& info);

/// A fresh, empty database for one test: a SQLite file in a temporary directory, or a new
/// PostgreSQL database on the HEARTH_TEST_PG server. Removed when destroyed.
class TempDatabase {
 public:
  explicit TempDatabase(db::Backend backend);
  ~TempDatabase();
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  const std::string& url() const { return url_; }
  db::Backend backend() const { return backend_; }

 private:
  db::Backend backend_;
  std::string url_;
  std::string dir_;      // SQLite
  std::string pg_name_;  // PostgreSQL
};

}  // namespace hearth::test
