#pragma once
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "db/database.hpp"

namespace hearth::test {

/// SQLite always; PostgreSQL too when HEARTH_TEST_PG holds a server URL (make test sets it).
std::vector<db::Backend> EnabledBackends();
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
