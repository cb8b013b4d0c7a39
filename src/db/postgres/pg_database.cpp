#include "db/postgres/pg_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

namespace hearth::db {

namespace {

// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kFloat4Oid = 700, kFloat8Oid = 701,
              kNumericOid = 1700;

class PgConnection final : public Connection {
 public:
  PgConnection(const std::string& url, const Options& options) {
    std::string conninfo = url;
    conninfo += (url.find('?') == std::string::npos ? "?" : "&");
    conninfo += fmt::format("connect_timeout={}&application_name=hearth", options.connect_timeout_s);
    conn_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw UnavailableError(fmt::format("cannot connect to PostgreSQL: {}", message));
    }
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    ExecScript("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
  }

  ~PgConnection() override {
    if (conn_) PQfinish(conn_);
  }

  QueryResult Execute(std::string_view sql, std::span<const Value> params) override {
    CheckAlive();
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    std::vector<Oid> types(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) {
        values[i] = nullptr;
        continue;
      }
      if (auto* p = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*p);
        types[i] = kInt8Oid;
      } else if (auto* p = std::get_if<std::string>(&v)) {
        texts[i] = *p;
      } else if (auto* p = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{}", *p);
        types[i] = kFloat8Oid;
      } else if (auto* p = std::get_if<bool>(&v)) {
        texts[i] = *p ? "t" : "f";
        types[i] = kBoolOid;
      }
      values[i] = texts[i].c_str();
    }
    PGresult* res = nullptr;
    if (params.empty() && !IsCached(sql)) {
      // Transaction control and other parameterless statements: no need to prepare.
      const std::string text(sql);
      res = PQexec(conn_, text.c_str());
    } else {
      const std::string& name = Prepared(sql, types);
      res = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
    }
    return Consume(res);
  }

  void ExecScript(std::string_view sql) override {
    CheckAlive();
    const std::string text(sql);
    PGresult* res = PQexec(conn_, text.c_str());
    Consume(res);
  }

  bool Healthy() const override { return conn_ && !retired_ && PQstatus(conn_) == CONNECTION_OK; }
  bool InTransaction() const override { return conn_ && PQtransactionStatus(conn_) != PQTRANS_IDLE; }

 private:
  void CheckAlive() {
    if (!Healthy()) throw UnavailableError("the PostgreSQL connection is broken");
  }

  bool IsCached(std::string_view sql) const { return prepared_.contains(std::string(sql)); }

  const std::string& Prepared(std::string_view sql, const std::vector<Oid>& types) {
    auto it = prepared_.find(std::string(sql));
    if (it != prepared_.end()) return it->second;
    std::string name = fmt::format("s{}", prepared_.size() + 1);
    const std::string text(sql);
    PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                              types.empty() ? nullptr : types.data());
    Consume(res);
    return prepared_.emplace(text, std::move(name)).first->second;
  }

  QueryResult Consume(PGresult* res) {
    if (!res) {
      throw UnavailableError(fmt::format("PostgreSQL: {}", conn_ ? PQerrorMessage(conn_) : "no connection"));
    }
    struct Clear {
      PGresult* r;
      ~Clear() { PQclear(r); }
    } clear{res};
    const ExecStatusType status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      QueryResult result;
      const int rows = PQntuples(res);
      const int cols = PQnfields(res);
      result.rows.reserve(static_cast<std::size_t>(rows));
      for (int r = 0; r < rows; ++r) {
        std::vector<Value>& row = result.rows.emplace_back();
        row.reserve(static_cast<std::size_t>(cols));
        for (int c = 0; c < cols; ++c) row.push_back(Cell(res, r, c));
      }
      const char* affected = PQcmdTuples(res);
      if (affected && *affected) std::from_chars(affected, affected + std::strlen(affected), result.affected);
      return result;
    }
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const char* constraint = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
    const std::string message = PQresultErrorMessage(res);
    const std::string sqlstate = state ? state : "";
    const std::string name = constraint ? constraint : "";
    if (sqlstate == "23505") throw ConstraintError(ConstraintError::Kind::kUnique, name, message);
    if (sqlstate == "23503") throw ConstraintError(ConstraintError::Kind::kForeignKey, name, message);
    if (sqlstate == "23514") throw ConstraintError(ConstraintError::Kind::kCheck, name, message);
    if (sqlstate == "23502") {
      const char* column = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
      throw ConstraintError(ConstraintError::Kind::kNotNull, column ? column : "", message);
    }
    if (sqlstate == "53100") throw StorageFullError(fmt::format("PostgreSQL: {}", message));  // disk_full
    if (!Healthy() || sqlstate.starts_with("08") || sqlstate.starts_with("57P") || sqlstate == "53300") {
      throw UnavailableError(fmt::format("PostgreSQL: {}", message));
    }
    if (sqlstate == "25006") {
      // read_only_sql_transaction: this server became a standby (a fail-over demoted it). The
      // request fails like an outage, and the pool connects afresh, where
      // target_session_attrs=read-write finds the new primary.
      retired_ = true;
      throw UnavailableError(fmt::format("PostgreSQL is read-only here (a fail-over?): {}", message));
    }
    throw std::runtime_error(fmt::format("PostgreSQL error {}: {}", sqlstate, message));
  }

  static Value Cell(PGresult* res, int r, int c) {
    if (PQgetisnull(res, r, c)) return std::monostate{};
    const char* text = PQgetvalue(res, r, c);
    const int len = PQgetlength(res, r, c);
    switch (PQftype(res, c)) {
      case kInt2Oid:
      case kInt4Oid:
      case kInt8Oid: {
        std::int64_t v = 0;
        std::from_chars(text, text + len, v);
        return v;
      }
      case kFloat4Oid:
      case kFloat8Oid:
      case kNumericOid: {
        double v = 0;
        std::from_chars(text, text + len, v);
        return v;
      }
      case kBoolOid:
        return text[0] == 't';
      default:
        return std::string(text, static_cast<std::size_t>(len));
    }
  }

  PGconn* conn_ = nullptr;
  bool retired_ = false;  // connected to a server that is no longer the primary: not to be reused
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

PgDatabase::PgDatabase(std::string url, const Options& options)
    : Database(Backend::kPostgres, std::move(url)), options_(options) {
  InitPool(options.pool_size);
}

std::unique_ptr<Connection> PgDatabase::Connect() { return std::make_unique<PgConnection>(url(), options_); }

}  // namespace hearth::db
