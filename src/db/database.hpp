#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace hearth::db {

enum class Backend { kSqlite, kPostgres };

/// A bound parameter or a result cell. PostgreSQL cells arrive typed by the column's OID.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

inline Value ToValue(std::nullptr_t) { return std::monostate{}; }
inline Value ToValue(bool v) { return v; }
inline Value ToValue(double v) { return v; }
inline Value ToValue(std::string_view v) { return std::string(v); }
inline Value ToValue(const char* v) { return std::string(v); }
inline Value ToValue(const std::string& v) { return v; }
inline Value ToValue(Timestamp v) { return v.ms; }
inline Value ToValue(const Value& v) { return v; }
template <typename T>
  requires std::is_integral_v<T> && (!std::is_same_v<T, bool>)
Value ToValue(T v) { return static_cast<std::int64_t>(v); }
/// An enum of a closed vocabulary (core/vocabulary.hpp) is stored as its word, which the
/// `WordOf` overload beside the enum gives.
template <typename E>
  requires std::is_enum_v<E> && requires(E e) { WordOf(e); }
Value ToValue(E v) { return std::string(WordOf(v)); }
template <typename T>
Value ToValue(const std::optional<T>& v) { return v ? ToValue(*v) : Value{std::monostate{}}; }

/// One row of a QueryResult. Accessors convert between the engines' representations.
class Row {
 public:
  explicit Row(const std::vector<Value>& cells) : cells_(&cells) {}
  bool IsNull(std::size_t i) const;
  std::int64_t Int(std::size_t i) const;   ///< 0 when NULL
  double Real(std::size_t i) const;
  bool Bool(std::size_t i) const;
  std::string Text(std::size_t i) const;   ///< "" when NULL
  Timestamp Time(std::size_t i) const { return {Int(i)}; }
  std::optional<Timestamp> OptTime(std::size_t i) const {
    const auto ms = OptInt(i);
    return ms ? std::optional<Timestamp>(Timestamp{*ms}) : std::nullopt;
  }
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;

 private:
  const std::vector<Value>* cells_;
};

/// The rows a statement returned and how many rows it changed.
struct QueryResult {
  std::vector<std::vector<Value>> rows;
  std::int64_t affected = 0;
  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  Row operator[](std::size_t i) const { return Row(rows[i]); }
  Row front() const { return Row(rows.front()); }
  /// `for (const auto& r : tx.Execute(…))`: the rows as Row.
  struct Iterator {
    const std::vector<std::vector<Value>>* rows;
    std::size_t i;
    Row operator*() const { return Row((*rows)[i]); }
    Iterator& operator++() {
      ++i;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return i != other.i; }
  };
  Iterator begin() const { return {&rows, 0}; }
  Iterator end() const { return {&rows, rows.size()}; }
};

/// Thrown by Execute for unique, foreign-key, check and not-null violations; Database::Transact
/// turns it into an Error via the constraint registry, so repositories rarely see it.
class ConstraintError : public std::runtime_error {
 public:
  enum class Kind { kUnique, kForeignKey, kCheck, kNotNull };
  ConstraintError(Kind kind, std::string constraint, std::string detail)
      : std::runtime_error(detail), kind_(kind), constraint_(std::move(constraint)) {}
  Kind kind() const { return kind_; }
  const std::string& constraint() const { return constraint_; }  ///< e.g. "uq_users_username"; may be empty

 private:
  Kind kind_;
  std::string constraint_;
};

/// Thrown when the database cannot be reached or a connection broke; answered with 503.
class UnavailableError : public ServiceUnavailable {
 public:
  using ServiceUnavailable::ServiceUnavailable;
};

/// Thrown when a write finds the database's disk full (SQLITE_FULL, PostgreSQL's disk_full);
/// answered with 503 storage_full. The transaction rolled back: nothing was half-written.
class StorageFullError : public UnavailableError {
 public:
  using UnavailableError::UnavailableError;
  bool storage_full() const override { return true; }
};

/// A backend connection. Not thread-safe; owned by a pool and leased to one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  /// Runs one statement with `$1…` parameters. Throws ConstraintError, UnavailableError,
  /// or std::runtime_error for anything else (a bug in SQL).
  virtual QueryResult Execute(std::string_view sql, std::span<const Value> params) = 0;
  /// Runs a script of several statements without parameters (migrations).
  virtual void ExecScript(std::string_view sql) = 0;
  /// False once the connection is known to be broken; the pool then drops it.
  virtual bool Healthy() const = 0;
  /// True inside a transaction. False after the engine rolled one back by itself (SQLite does
  /// on SQLITE_FULL), when a ROLLBACK would only fail and hide the error that caused it.
  virtual bool InTransaction() const = 0;
};

/// A connection inside a transaction (or, from Database::Read, outside one). Borrowed, never owned.
class Tx {
 public:
  Tx(Connection& conn, Backend backend) : conn_(&conn), backend_(backend) {}
  template <typename... Args>
  QueryResult Execute(std::string_view sql, const Args&... args) {
    const Value values[] = {Value{}, ToValue(args)...};
    return conn_->Execute(sql, std::span<const Value>(values + 1, sizeof...(Args)));
  }
  QueryResult ExecuteValues(std::string_view sql, std::span<const Value> values) {
    return conn_->Execute(sql, values);
  }
  Backend backend() const { return backend_; }
  Connection& connection() { return *conn_; }
  /// Runs `fn` once the outermost transaction has committed (never when it rolls back): what must
  /// not be seen before the change is (an event on people's screens). Outside a transaction
  /// (Database::Read), at once.
  void AfterCommit(std::function<void()> fn) {
    if (after_commit_) {
      after_commit_->push_back(std::move(fn));
    } else {
      fn();
    }
  }

 private:
  friend class Database;
  Connection* conn_;
  Backend backend_;
  std::vector<std::function<void()>>* after_commit_ = nullptr;
};

/// How a constraint violation is reported to the client (STYLE.md §5). Registered by modules.
struct ConstraintMapping {
  std::string field;            ///< the JSON field at fault, e.g. "username"
  std::string reason;           ///< e.g. "taken"
  ErrorCode code = ErrorCode::kConflict;
  std::string slug = "conflict";
};
/// Registers a constraint name; call at start-up (not thread-safe against concurrent lookups).
void RegisterConstraint(std::string constraint, ConstraintMapping mapping);
/// The Error for a violation: the registered mapping, or a generic conflict.
Error MapConstraintError(const ConstraintError& e);

struct Options {
  int pool_size = 8;               ///< connections kept open
  int busy_timeout_ms = 5000;      ///< SQLite: wait for the writer lock this long
  int connect_timeout_s = 3;       ///< PostgreSQL
  int sqlite_cache_kib = 32000;    ///< SQLite page cache per connection (bulk loads want more)
};

/// The database's tables by name (SQLite: with the full-text index's own tables; PostgreSQL: the
/// base tables of the current schema).
std::vector<std::string> ListTables(Tx& tx);

/// Runs `sql` once per chunk of `ids` (200 a statement) and calls `each` with every row. `sql`
/// holds "{}" where the `IN (…)` list goes; its other parameters, $1…$k, are `leading`. The list
/// is made of placeholders from the count alone, and every id is bound.
///   SelectIn(tx, "SELECT id, name FROM customers WHERE tenant_id = $1 AND id IN ({})", {tenant}, ids, …);
void SelectIn(Tx& tx, std::string_view sql, const std::vector<Value>& leading, const std::vector<std::int64_t>& ids,
              const std::function<void(const Row&)>& each);

/// True for `postgresql://…` and `postgres://…` URLs.
bool IsPostgresUrl(std::string_view url);
/// The file of a SQLite URL (`sqlite:/path/file.db`, `sqlite:///path`, or a plain path).
/// Throws UnavailableError when it names no file.
std::string SqlitePathOf(std::string_view url);

/// The database: a pool of connections to SQLite or PostgreSQL. Thread-safe.
class Database {
 public:
  virtual ~Database();
  /// `sqlite:/path/file.db` (or a plain path) or `postgresql://user:pass@host:port/db`.
  /// Throws UnavailableError when the database cannot be opened.
  static std::unique_ptr<Database> Open(const std::string& url, const Options& options = {});

  Backend backend() const { return backend_; }
  const std::string& url() const { return url_; }

  /// Runs `fn(Tx&)` in a write transaction; `fn` returns a Result. Commits when it holds a value,
  /// rolls back on an error or an exception. A constraint violation becomes its mapped Error.
  /// Called while this thread already runs a transaction of this database, it nests as a savepoint.
  template <typename F>
  auto Transact(F&& fn) -> std::invoke_result_t<F, Tx&>;

  /// Runs `fn(Tx&)` outside a transaction (each statement on its own), or inside the current
  /// transaction of this thread when there is one.
  template <typename F>
  auto Read(F&& fn) -> std::invoke_result_t<F, Tx&>;

  /// True when a trivial query answers.
  bool Ping();

  /// The transaction this thread runs on this database, if any.
  Tx* CurrentTx() const;

 protected:
  Database(Backend backend, std::string url);

  /// A pooled connection, returned to the pool when destroyed.
  class Lease {
   public:
    Lease(Database* db, std::unique_ptr<Connection> conn) : db_(db), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease() { if (conn_) db_->Release(std::move(conn_)); }
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    Database* db_;
    std::unique_ptr<Connection> conn_;
  };
  virtual std::unique_ptr<Connection> Connect() = 0;
  virtual std::string_view BeginSql() const = 0;
  void InitPool(int size);
  /// Closes the idle connections (a backend's destructor, before what they point at goes).
  void CloseConnections();

 private:
  Lease Acquire();
  void Release(std::unique_ptr<Connection> conn);
  void SetCurrent(Tx* tx) const;

  Backend backend_;
  std::string url_;
  struct Pool;
  std::unique_ptr<Pool> pool_;
  std::mutex write_mutex_;

  template <typename R>
  static R FromConstraint(const ConstraintError& e) {
    return tl::unexpected(MapConstraintError(e));
  }
};

template <typename F>
auto Database::Transact(F&& fn) -> std::invoke_result_t<F, Tx&> {
  using R = std::invoke_result_t<F, Tx&>;
  if (Tx* outer = CurrentTx()) {
    outer->Execute("SAVEPOINT hearth_sp");
    // What the savepoint's work asked to run after the commit goes with it when it rolls back.
    const std::size_t hooks = outer->after_commit_ ? outer->after_commit_->size() : 0;
    const auto drop_hooks = [&] {
      if (outer->after_commit_) outer->after_commit_->erase(outer->after_commit_->begin() + static_cast<std::ptrdiff_t>(hooks), outer->after_commit_->end());
    };
    try {
      R result = fn(*outer);
      outer->Execute(result ? "RELEASE SAVEPOINT hearth_sp" : "ROLLBACK TO SAVEPOINT hearth_sp");
      if (!result) {
        outer->Execute("RELEASE SAVEPOINT hearth_sp");
        drop_hooks();
      }
      return result;
    } catch (const ConstraintError& e) {
      outer->Execute("ROLLBACK TO SAVEPOINT hearth_sp");
      outer->Execute("RELEASE SAVEPOINT hearth_sp");
      drop_hooks();
      return FromConstraint<R>(e);
    } catch (...) {
      if (outer->connection().Healthy() && outer->connection().InTransaction()) {
        outer->Execute("ROLLBACK TO SAVEPOINT hearth_sp");
        outer->Execute("RELEASE SAVEPOINT hearth_sp");
      }
      drop_hooks();
      throw;
    }
  }
  // SQLite has one writer at a time; writers of this process queue here, in order, instead of
  // in SQLite's busy handler, which polls in sleeps of up to 100 ms.
  std::unique_lock<std::mutex> writer;
  if (backend_ == Backend::kSqlite) writer = std::unique_lock<std::mutex>(write_mutex_);
  Lease lease = Acquire();
  Tx tx(*lease, backend_);
  std::vector<std::function<void()>> after_commit;
  tx.after_commit_ = &after_commit;
  lease->Execute(BeginSql(), {});
  SetCurrent(&tx);
  struct Reset {
    const Database* db;
    ~Reset() { db->SetCurrent(nullptr); }
  } reset{this};
  try {
    R result = fn(tx);
    lease->Execute(result ? "COMMIT" : "ROLLBACK", {});
    if (result && !after_commit.empty()) {
      writer = {};         // the next writer need not wait for these
      SetCurrent(nullptr);  // they run outside the finished transaction
      for (auto& done : after_commit) done();
    }
    return result;
  } catch (const ConstraintError& e) {
    lease->Execute("ROLLBACK", {});
    return FromConstraint<R>(e);
  } catch (...) {
    if (lease->Healthy() && lease->InTransaction()) lease->Execute("ROLLBACK", {});
    throw;
  }
}

template <typename F>
auto Database::Read(F&& fn) -> std::invoke_result_t<F, Tx&> {
  if (Tx* outer = CurrentTx()) return fn(*outer);
  Lease lease = Acquire();
  Tx tx(*lease, backend_);
  return fn(tx);
}

}  // namespace hearth::db
