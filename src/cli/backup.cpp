// hearth backup / hearth restore: a consistent copy of the whole database while the server runs
// (SQLite's online backup API; pg_dump for PostgreSQL), and its way back into an empty database.
#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "db/database.hpp"

extern char** environ;

namespace hearth::cli {

namespace {

namespace fs = std::filesystem;

/// A sqlite3 handle closed on every path out.
struct SqliteHandle {
  sqlite3* db = nullptr;
  ~SqliteHandle() { sqlite3_close_v2(db); }
  std::string Error() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

void OpenSqlite(SqliteHandle& h, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK) {
    throw std::runtime_error(fmt::format("cannot open {}: {}", path, h.Error()));
  }
  sqlite3_busy_timeout(h.db, 10000);
}

std::string QueryText(SqliteHandle& h, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(h.db, sql, -1, &stmt, nullptr) != SQLITE_OK) throw std::runtime_error(h.Error());
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  return out;
}

void Exec(SqliteHandle& h, const char* sql) {
  if (sqlite3_exec(h.db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw std::runtime_error(h.Error());
}

/// Copies every page of `from` into `to` in one step: the source is read in a single read
/// transaction, so the copy is one consistent moment however busy the writers are (WAL lets them
/// go on meanwhile).
void CopyPages(SqliteHandle& from, SqliteHandle& to) {
  sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (!backup) throw std::runtime_error(to.Error());
  int rc;
  while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw std::runtime_error(fmt::format("the copy failed: {}", sqlite3_errstr(rc)));
}

void CheckIntegrity(SqliteHandle& h, const std::string& what) {
  const std::string result = QueryText(h, "PRAGMA integrity_check");
  if (result != "ok") throw std::runtime_error(fmt::format("{} fails the integrity check: {}", what, result));
}

void SyncFile(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

/// Runs a program (no shell) and answers its exit status.
int RunProgram(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error(fmt::format("cannot run {}", args[0]));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// PostgreSQL 15's own client programs when installed there (Debian), else whatever PATH has.
std::string PgProgram(const std::string& name) {
  const std::string debian = "/usr/lib/postgresql/15/bin/" + name;
  return fs::exists(debian) ? debian : name;
}

/// Every table and its rows, printed after a backup or a restore.
void PrintSummary(const std::string& url) {
  auto db = db::Database::Open(url, {.pool_size = 1});
  auto counts = db->Read([&](db::Tx& tx) -> Result<std::pair<std::size_t, std::int64_t>> {
    const auto tables = db::ListTables(tx);
    std::int64_t rows = 0;
    for (const auto& t : tables) rows += tx.Execute("SELECT COUNT(*) FROM " + t).front().Int(0);
    return std::pair{tables.size(), rows};
  });
  if (counts) std::cout << fmt::format("{} tables, {} rows\n", counts->first, counts->second);
}

}  // namespace

int Backup(const Config& config, const BackupCommand& command) {
  const auto started = std::chrono::steady_clock::now();
  const fs::path target = command.file;
  const fs::path partial = target.string() + ".partial";
  fs::remove(partial);
  if (db::IsPostgresUrl(config.db_url)) {
    const int rc = RunProgram({PgProgram("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                               "--file=" + partial.string(), "--dbname=" + config.db_url});
    if (rc != 0) {
      fs::remove(partial);
      std::cerr << "hearth: pg_dump failed (exit " << rc << ")\n";
      return 1;
    }
  } else {
    const std::string source = db::SqlitePathOf(config.db_url);
    if (!fs::exists(source)) throw std::runtime_error("no database at " + source);
    SqliteHandle from, to;
    OpenSqlite(from, source, SQLITE_OPEN_READWRITE);
    OpenSqlite(to, partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    CopyPages(from, to);
    // One self-contained file: no write-ahead log beside it.
    Exec(to, "PRAGMA journal_mode=DELETE");
    CheckIntegrity(to, "the copy");
  }
  SyncFile(partial);
  fs::rename(partial, target);
  SyncFile(target.parent_path().empty() ? "." : target.parent_path());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("backup written to {} ({} bytes) in {:.2f} s\n", target.string(), fs::file_size(target), seconds);
  if (!db::IsPostgresUrl(config.db_url)) PrintSummary("sqlite:" + target.string());
  return 0;
}

int Restore(const Config& config, const RestoreCommand& command) {
  if (!fs::exists(command.file)) throw std::runtime_error("no backup at " + command.file);
  // Restoring over a database that holds Hearth's data replaces it: only when asked.
  bool holds_data = false;
  if (db::IsPostgresUrl(config.db_url) || fs::exists(db::SqlitePathOf(config.db_url))) {
    auto db = db::Database::Open(config.db_url, {.pool_size = 1});
    auto tables = db->Read([](db::Tx& tx) -> Result<std::vector<std::string>> { return db::ListTables(tx); });
    holds_data = tables && !tables->empty();
  }
  if (holds_data && !command.force) {
    std::cerr << "hearth: the database already holds tables; stop its servers and add --force to replace them\n";
    return 1;
  }
  if (db::IsPostgresUrl(config.db_url)) {
    std::vector<std::string> args{PgProgram("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                                  "--single-transaction", "--dbname=" + config.db_url};
    if (holds_data) {
      args.emplace_back("--clean");
      args.emplace_back("--if-exists");
    }
    args.push_back(command.file);
    const int rc = RunProgram(args);
    if (rc != 0) {
      std::cerr << "hearth: pg_restore failed (exit " << rc << "); the database is as it was\n";
      return 1;
    }
  } else {
    SqliteHandle from, to;
    OpenSqlite(from, command.file, SQLITE_OPEN_READONLY);
    CheckIntegrity(from, "the backup");
    if (QueryText(from, "SELECT name FROM sqlite_master WHERE name = 'schema_migrations'").empty()) {
      std::cerr << "hearth: " << command.file << " is not a Hearth backup\n";
      return 1;
    }
    OpenSqlite(to, db::SqlitePathOf(config.db_url), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    CopyPages(from, to);
    Exec(to, "PRAGMA journal_mode=WAL");
    CheckIntegrity(to, "the restored database");
  }
  std::cout << "restored " << command.file << " into the database: ";
  PrintSummary(config.db_url);
  return 0;
}

}  // namespace hearth::cli
