#include "db/database.hpp"

#include <charconv>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "db/postgres/pg_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace hearth::db {

namespace {

std::unordered_map<std::string, ConstraintMapping>& Registry() {
  static std::unordered_map<std::string, ConstraintMapping> registry;
  return registry;
}

struct CurrentTxSlot {
  const Database* db = nullptr;
  Tx* tx = nullptr;
};
thread_local CurrentTxSlot current_tx;

}  // namespace

bool Row::IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>((*cells_).at(i)); }

std::int64_t Row::Int(std::size_t i) const {
  const Value& v = cells_->at(i);
  if (auto* p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto* p = std::get_if<bool>(&v)) return *p ? 1 : 0;
  if (auto* p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
  if (auto* p = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

double Row::Real(std::size_t i) const {
  const Value& v = cells_->at(i);
  if (auto* p = std::get_if<double>(&v)) return *p;
  if (auto* p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  if (auto* p = std::get_if<std::string>(&v)) {
    double out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

bool Row::Bool(std::size_t i) const {
  const Value& v = cells_->at(i);
  if (auto* p = std::get_if<bool>(&v)) return *p;
  if (auto* p = std::get_if<std::string>(&v)) return *p == "t" || *p == "true" || *p == "1";
  return Int(i) != 0;
}

std::string Row::Text(std::size_t i) const {
  const Value& v = cells_->at(i);
  if (auto* p = std::get_if<std::string>(&v)) return *p;
  if (auto* p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto* p = std::get_if<double>(&v)) return fmt::format("{}", *p);
  if (auto* p = std::get_if<bool>(&v)) return *p ? "true" : "false";
  return {};
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

void RegisterConstraint(std::string constraint, ConstraintMapping mapping) {
  Registry()[std::move(constraint)] = std::move(mapping);
}

Error MapConstraintError(const ConstraintError& e) {
  auto it = Registry().find(e.constraint());
  if (it != Registry().end()) {
    const ConstraintMapping& m = it->second;
    Error error{m.code, m.slug, fmt::format("{} is {}", m.field, m.reason), {{m.field, m.reason}}, {}};
    return error;
  }
  switch (e.kind()) {
    case ConstraintError::Kind::kUnique:
      return Error{ErrorCode::kConflict, "conflict", "a record with these values already exists", {}, {}};
    case ConstraintError::Kind::kForeignKey:
      return Error{ErrorCode::kInvalidArgument, "validation_failed", "a referenced record does not exist", {}, {}};
    default:
      return Error{ErrorCode::kInvalidArgument, "validation_failed", "a value breaks a rule of the database", {}, {}};
  }
}

struct Database::Pool {
  std::mutex mutex;
  std::condition_variable available;
  std::deque<std::unique_ptr<Connection>> idle;
  int open = 0;
  int max = 8;
};

Database::Database(Backend backend, std::string url) : backend_(backend), url_(std::move(url)) {}
Database::~Database() = default;

void Database::CloseConnections() {
  if (!pool_) return;
  std::lock_guard lock(pool_->mutex);
  pool_->idle.clear();
}

void Database::InitPool(int size) {
  pool_ = std::make_unique<Pool>();
  pool_->max = size < 1 ? 1 : size;
}

Database::Lease Database::Acquire() {
  std::unique_lock lock(pool_->mutex);
  for (;;) {
    if (!pool_->idle.empty()) {
      auto conn = std::move(pool_->idle.front());
      pool_->idle.pop_front();
      return Lease(this, std::move(conn));
    }
    if (pool_->open < pool_->max) {
      ++pool_->open;
      lock.unlock();
      try {
        return Lease(this, Connect());
      } catch (...) {
        lock.lock();
        --pool_->open;
        pool_->available.notify_one();
        throw;
      }
    }
    if (!pool_->available.wait_for(lock, std::chrono::seconds(10), [&] { return !pool_->idle.empty() || pool_->open < pool_->max; })) {
      throw UnavailableError("no database connection became free within 10 s");
    }
  }
}

void Database::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(pool_->mutex);
  if (conn->Healthy()) {
    pool_->idle.push_back(std::move(conn));
  } else {
    --pool_->open;
  }
  pool_->available.notify_one();
}

Tx* Database::CurrentTx() const { return current_tx.db == this ? current_tx.tx : nullptr; }

void Database::SetCurrent(Tx* tx) const {
  current_tx = tx ? CurrentTxSlot{this, tx} : CurrentTxSlot{};
}

bool Database::Ping() {
  try {
    auto result = Read([](Tx& tx) { return tx.Execute("SELECT 1"); });
    return result.size() == 1;
  } catch (const std::exception&) {
    return false;
  }
}

void SelectIn(Tx& tx, std::string_view sql, const std::vector<Value>& leading, const std::vector<std::int64_t>& ids,
              const std::function<void(const Row&)>& each) {
  constexpr std::size_t kChunk = 200;
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    const std::size_t n = std::min(kChunk, ids.size() - at);
    std::string list;
    std::vector<Value> values = leading;
    for (std::size_t i = 0; i < n; ++i) {
      list += fmt::format("{}${}", i ? ", " : "", leading.size() + i + 1);
      values.emplace_back(ids[at + i]);
    }
    const auto rows = tx.ExecuteValues(fmt::format(fmt::runtime(sql), list), values);
    for (std::size_t r = 0; r < rows.size(); ++r) each(rows[r]);
  }
}

std::vector<std::string> ListTables(Tx& tx) {
  const auto rows = tx.backend() == Backend::kSqlite
                        ? tx.Execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                     "ORDER BY name")
                        : tx.Execute("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                     "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Text(0));
  return out;
}

bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string SqlitePathOf(std::string_view url) {
  std::string_view path = url;
  if (path.starts_with("sqlite://")) {
    path.remove_prefix(9);
  } else if (path.starts_with("sqlite:")) {
    path.remove_prefix(7);
  }
  if (path.empty()) throw UnavailableError("the SQLite URL names no file");
  return std::string(path);
}

std::unique_ptr<Database> Database::Open(const std::string& url, const Options& options) {
  if (IsPostgresUrl(url)) return std::make_unique<PgDatabase>(url, options);
  return std::make_unique<SqliteDatabase>(url, SqlitePathOf(url), options);
}

}  // namespace hearth::db
