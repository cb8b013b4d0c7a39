#pragma once
#include <memory>
#include <string>

#include "db/database.hpp"

namespace hearth::db {

class SqliteCheckpointer;

/// SQLite in WAL mode with foreign keys on and a busy timeout; one connection per leasing thread,
/// writers serialised by BEGIN IMMEDIATE (docs/adr/0003-database-access.md).
class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string url, std::string path, const Options& options);
  ~SqliteDatabase() override;

 protected:
  std::unique_ptr<Connection> Connect() override;
  std::string_view BeginSql() const override { return "BEGIN IMMEDIATE"; }

 private:
  std::string path_;
  Options options_;
  std::unique_ptr<SqliteCheckpointer> checkpointer_;
};

}  // namespace hearth::db
