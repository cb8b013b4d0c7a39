#pragma once
#include <span>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace hearth::db {

/// One migration file: `YYYYMMDD_HHMM_<module>_<what>.sql`, or `.sqlite.sql` / `.pg.sql` for
/// one engine only.
struct Migration {
  std::string name;  ///< the file name without directories, e.g. "20261123_0900_platform_core.sql"
  std::string sql;
  std::string checksum;  ///< SHA-256 of the text, hex
};

/// The embedded migrations for `backend` in the given module folders (under src/, e.g.
/// "modules/service": its migrations/ folder), or in every folder when none is given; sorted by
/// name.
std::vector<Migration> EmbeddedMigrations(Backend backend, std::span<const std::string> folders = {});

struct MigrationReport {
  std::vector<std::string> applied;  ///< names applied by this call, in order
  int already = 0;                   ///< how many were applied before
};

/// Applies, in one transaction, the migrations not yet recorded in schema_migrations.
/// Fails with kConflict "migration_changed" when an applied file's checksum differs (an applied
/// migration must never be edited). Safe to run from several processes at once.
Result<MigrationReport> Migrate(Database& db, const std::vector<Migration>& migrations);

/// Rewrites portable DDL for SQLite: BIGSERIAL PRIMARY KEY becomes INTEGER PRIMARY KEY (the rowid).
std::string AdaptDdl(std::string sql, Backend backend);

}  // namespace hearth::db
