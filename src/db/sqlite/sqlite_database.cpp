#include "db/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <thread>
#include <mutex>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

namespace hearth::db {

namespace {

// SQLite counts every allocation under a global mutex unless told not to; Hearth never reads
// the counts (sqlite3_memory_used), and every connection is used by one thread at a time.
// Must run before SQLite initialises; measured 7% of an import's time.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

/// Copies the write-ahead log back into the database file on a thread of its own, so that the
/// writer that happens to commit the 1000th page does not pay for the copy and its fsync (the
/// default). Every connection's commit hook tells it how long the log has grown; when the log
/// outruns it (a bulk import), the committing writer checkpoints itself, which keeps the log
/// bounded. Measured on an import into a 1,000,000-customer database: a quarter of the writer's
/// time was checkpoint writes and fdatasync.
class SqliteCheckpointer {
 public:
  static constexpr int kBackgroundPages = 1000;  ///< SQLite's own autocheckpoint threshold
  static constexpr int kInlinePages = 50000;     ///< ~200 MB of log: the writer helps

  explicit SqliteCheckpointer(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
      return;
    }
    sqlite3_busy_timeout(db_, 1000);
    thread_ = std::thread([this] { Run(); });
  }
  ~SqliteCheckpointer() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    sqlite3_close_v2(db_);
  }

  /// The commit hook of every connection (sqlite3_wal_hook).
  static int OnCommit(void* self, sqlite3* db, const char* name, int pages) {
    auto* me = static_cast<SqliteCheckpointer*>(self);
    if (!me || !me->db_ || pages >= kInlinePages) {
      sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (pages >= kBackgroundPages) {
      {
        std::lock_guard lock(me->mutex_);
        me->pending_ = true;
      }
      me->wake_.notify_one();
    }
    return SQLITE_OK;
  }

 private:
  void Run() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
      wake_.wait(lock, [&] { return pending_ || stop_; });
      if (stop_) break;
      pending_ = false;
      lock.unlock();
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  sqlite3* db_ = nullptr;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stop_ = false;
  std::thread thread_;
};

namespace {

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, const Options& options, SqliteCheckpointer* checkpointer) {
    ConfigureSqliteOnce();
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw UnavailableError(fmt::format("cannot open SQLite database {}: {}", path, message));
    }
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    sqlite3_extended_result_codes(db_, 1);
    // One plan per statement, whatever its parameters: without this, a statement whose WHERE
    // holds `column LIKE $n` is compiled again on every execution (SQLite weighs the LIKE
    // optimisation for each bound pattern), which was half the time of a read by id.
    sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_QPSG, 1, nullptr);
    ExecScript(fmt::format(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-{}; PRAGMA mmap_size=268435456;",
        std::max(options.sqlite_cache_kib, 2000)));
    sqlite3_wal_hook(db_, &SqliteCheckpointer::OnCommit, checkpointer);  // replaces the autocheckpoint
    // The file grows 8 MiB at a time. Each growth made every connection map the file again (mmap
    // above) and fault its pages back in: under a stream of small writes (survey answers at 64
    // connections) the remapping was a fifth of the server's CPU.
    int chunk = 8 * 1024 * 1024;
    sqlite3_file_control(db_, "main", SQLITE_FCNTL_CHUNK_SIZE, &chunk);
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt.stmt);
    sqlite3_close_v2(db_);
  }

  QueryResult Execute(std::string_view sql, std::span<const Value> params) override {
    Statement& st = Prepare(sql);
    sqlite3_stmt* stmt = st.stmt;
    struct ResetGuard {
      sqlite3_stmt* s;
      ~ResetGuard() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } guard{stmt};
    for (std::size_t i = 0; i < params.size() && i < st.param_index.size(); ++i) {
      const int idx = st.param_index[i];
      if (idx == 0) continue;
      Bind(stmt, idx, params[i]);
    }
    QueryResult result;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        std::vector<Value>& row = result.rows.emplace_back();
        row.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) row.push_back(Column(stmt, c));
        continue;
      }
      if (rc == SQLITE_DONE) break;
      Throw(rc);
    }
    result.affected = sqlite3_changes64(db_);
    return result;
  }

  void ExecScript(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string message = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      Throw(rc, message);
    }
  }

  bool Healthy() const override { return db_ != nullptr; }
  bool InTransaction() const override { return db_ != nullptr && sqlite3_get_autocommit(db_) == 0; }

 private:
  struct Statement {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> param_index;  // $1… → SQLite parameter index, 0 when unused
  };

  Statement& Prepare(std::string_view sql) {
    // Most SQL is a named constant with a stable address: look it up by address first and
    // confirm the text, which avoids building a string key on every call.
    if (auto hit = by_address_.find(sql.data()); hit != by_address_.end() && hit->second->first == sql) {
      return hit->second->second;
    }
    auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) {
      by_address_[sql.data()] = &*it;
      return it->second;
    }
    Statement st;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &st.stmt, nullptr);
    if (rc != SQLITE_OK) Throw(rc, fmt::format("{} in: {}", sqlite3_errmsg(db_), sql));
    // SQLite reads $N as a named parameter: map each position to its index by name.
    const int count = sqlite3_bind_parameter_count(st.stmt);
    for (int n = 1; n <= count; ++n) {
      const int idx = sqlite3_bind_parameter_index(st.stmt, fmt::format("${}", n).c_str());
      st.param_index.push_back(idx);
    }
    auto& entry = *statements_.emplace(std::string(sql), st).first;
    by_address_[sql.data()] = &entry;
    return entry.second;
  }

  static void Bind(sqlite3_stmt* stmt, int idx, const Value& v) {
    if (auto* p = std::get_if<std::int64_t>(&v)) {
      sqlite3_bind_int64(stmt, idx, *p);
    } else if (auto* p = std::get_if<std::string>(&v)) {
      sqlite3_bind_text(stmt, idx, p->data(), static_cast<int>(p->size()), SQLITE_STATIC);
    } else if (auto* p = std::get_if<double>(&v)) {
      sqlite3_bind_double(stmt, idx, *p);
    } else if (auto* p = std::get_if<bool>(&v)) {
      sqlite3_bind_int(stmt, idx, *p ? 1 : 0);
    } else {
      sqlite3_bind_null(stmt, idx);
    }
  }

  static Value Column(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, c));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, c);
      case SQLITE_NULL:
        return std::monostate{};
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        return std::string(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  [[noreturn]] void Throw(int rc, std::string message = {}) {
    if (message.empty()) message = sqlite3_errmsg(db_);
    switch (rc) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        throw ConstraintError(ConstraintError::Kind::kUnique, UniqueIndexName(message), message);
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        throw ConstraintError(ConstraintError::Kind::kForeignKey, "", message);
      case SQLITE_CONSTRAINT_CHECK:
        throw ConstraintError(ConstraintError::Kind::kCheck, AfterColon(message), message);
      case SQLITE_CONSTRAINT_NOTNULL:
        throw ConstraintError(ConstraintError::Kind::kNotNull, AfterColon(message), message);
      case SQLITE_FULL:
        throw StorageFullError(fmt::format("SQLite: {}", message));
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
      case SQLITE_IOERR:
      case SQLITE_CANTOPEN:
        throw UnavailableError(fmt::format("SQLite: {}", message));
      default:
        if ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_BUSY) {
          throw UnavailableError(fmt::format("SQLite: {}", message));
        }
        throw std::runtime_error(fmt::format("SQLite error {}: {}", rc, message));
    }
  }

  static std::string AfterColon(const std::string& message) {
    const auto pos = message.find(": ");
    return pos == std::string::npos ? std::string() : message.substr(pos + 2);
  }

  // "UNIQUE constraint failed: users.tenant_id, users.username" names columns, not the index:
  // find the unique index of that table over exactly those columns to report its name.
  std::string UniqueIndexName(const std::string& message) {
    const std::string cols = AfterColon(message);
    std::string table;
    std::set<std::string> wanted;
    std::size_t start = 0;
    while (start < cols.size()) {
      auto end = cols.find(", ", start);
      if (end == std::string::npos) end = cols.size();
      const std::string item = cols.substr(start, end - start);
      const auto dot = item.find('.');
      if (dot != std::string::npos) {
        table = item.substr(0, dot);
        wanted.insert(item.substr(dot + 1));
      }
      start = end + 2;
    }
    if (table.empty()) return {};
    std::vector<std::string> indexes;
    QueryAll(fmt::format("PRAGMA index_list(\"{}\")", table), [&](sqlite3_stmt* s) {
      if (sqlite3_column_int(s, 2) == 1) indexes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
    });
    for (const auto& index : indexes) {
      std::set<std::string> have;
      QueryAll(fmt::format("PRAGMA index_info(\"{}\")", index), [&](sqlite3_stmt* s) {
        if (auto* name = sqlite3_column_text(s, 2)) have.insert(reinterpret_cast<const char*>(name));
      });
      if (have == wanted) return index;
    }
    return {};
  }

  template <typename F>
  void QueryAll(const std::string& sql, F&& on_row) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return;
    while (sqlite3_step(s) == SQLITE_ROW) on_row(s);
    sqlite3_finalize(s);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Statement> statements_;
  std::unordered_map<const char*, std::pair<const std::string, Statement>*> by_address_;
};

}  // namespace

SqliteDatabase::SqliteDatabase(std::string url, std::string path, const Options& options)
    : Database(Backend::kSqlite, std::move(url)), path_(std::move(path)), options_(options) {
  InitPool(std::max(options.pool_size, 2));
  Connect();  // fail now, not on the first request, when the file cannot be opened
  checkpointer_ = std::make_unique<SqliteCheckpointer>(path_);  // after the first open created the file
}

SqliteDatabase::~SqliteDatabase() {
  CloseConnections();  // their commit hooks point at the checkpointer
}

std::unique_ptr<Connection> SqliteDatabase::Connect() {
  return std::make_unique<SqliteConnection>(path_, options_, checkpointer_.get());
}

}  // namespace hearth::db
