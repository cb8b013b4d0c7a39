#include "support/backends.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

namespace hearth::test {

namespace {

std::string PgServer() {
  const char* url = std::getenv("HEARTH_TEST_PG");
  return url && *url ? url : "";
}

// Runs one statement on the admin database of the test server.
void PgAdmin(const std::string& sql) {
  PGconn* conn = PQconnectdb(PgServer().c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach HEARTH_TEST_PG: " + message);
  }
  PGresult* res = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  std::string message = PQresultErrorMessage(res);
  PQclear(res);
  PQfinish(conn);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

std::string Unique() {
  static std::atomic<int> counter{0};
  thread_local std::mt19937 rng{std::random_device{}()};
  return fmt::format("{}_{}_{}", getpid(), counter++, rng() % 100000);
}

}  // namespace

std::vector<db::Backend> EnabledBackends() { return {db::Backend::kSqlite, db::Backend::kPostgres}; }

bool BackendAvailable(db::Backend backend) { return backend == db::Backend::kSqlite || !PgServer().empty(); }

std::string BackendName(const testing::TestParamInfo<db::Backend>& info) {
  return info.param == db::Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

TempDatabase::TempDatabase(db::Backend backend) : backend_(backend) {
  if (backend == db::Backend::kSqlite) {
    dir_ = (std::filesystem::temp_directory_path() / ("hearth_test_" + Unique())).string();
    std::filesystem::create_directories(dir_);
    url_ = "sqlite:" + dir_ + "/hearth.db";
    return;
  }
  pg_name_ = "hearth_test_" + Unique();
  PgAdmin("CREATE DATABASE " + pg_name_ + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
  const std::string server = PgServer();
  const auto slash = server.rfind('/');
  url_ = server.substr(0, slash + 1) + pg_name_;
}

TempDatabase::~TempDatabase() {
  try {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    if (!pg_name_.empty()) PgAdmin("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // A leftover temporary database is harmless; the test server is thrown away after the run.
  }
}

}  // namespace hearth::test
