#pragma once
#include <string>

#include "db/database.hpp"

namespace hearth::db {

/// PostgreSQL 15 over libpq: a pool of connections, statements prepared once per connection,
/// parameters sent as text and typed by the server (docs/adr/0003-database-access.md).
class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, const Options& options);

 protected:
  std::unique_ptr<Connection> Connect() override;
  std::string_view BeginSql() const override { return "BEGIN"; }

 private:
  Options options_;
};

}  // namespace hearth::db
