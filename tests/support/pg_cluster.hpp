#pragma once
#include <string>

namespace hearth::test {

/// Runs a shell command and answers its standard output without the trailing newline.
std::string RunCapture(const std::string& command);

/// A PostgreSQL 15 cluster of the test's own (scripts/pg.sh) in a temporary directory, for tests
/// that stop, crash or replicate a server (the shared HEARTH_TEST_PG server is left alone).
/// Stopped and removed when destroyed.
class PgCluster {
 public:
  /// A new primary.
  explicit PgCluster(const std::string& name);
  /// A streaming replica (hot standby) of `primary`, copied with pg_basebackup.
  PgCluster(const std::string& name, const PgCluster& primary);
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  /// postgresql://postgres@127.0.0.1:PORT/postgres
  const std::string& url() const { return url_; }
  const std::string& dir() const { return dir_; }
  /// SQL through psql on this cluster; answers the unaligned output.
  std::string Sql(const std::string& sql) const;
  /// Stops it at once, as a crash would (pg_ctl -m immediate).
  void Crash();
  /// Starts it again (same directory, same port).
  void Start();

 private:
  std::string dir_;
  std::string url_;
};

}  // namespace hearth::test
