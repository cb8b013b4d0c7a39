#include "db/migrations.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/hash.hpp"

namespace hearth::db {

namespace {

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

constexpr std::string_view kCreateTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  name TEXT PRIMARY KEY,
  checksum TEXT NOT NULL,
  applied_at BIGINT NOT NULL))sql";

}  // namespace

std::string AdaptDdl(std::string sql, Backend backend) {
  if (backend == Backend::kSqlite) sql = ReplaceAll(std::move(sql), "BIGSERIAL PRIMARY KEY", "INTEGER PRIMARY KEY");
  return sql;
}

std::vector<Migration> EmbeddedMigrations(Backend backend, std::span<const std::string> folders) {
  std::vector<Migration> out;
  const std::string_view skip = backend == Backend::kSqlite ? ".pg.sql" : ".sqlite.sql";
  const auto selected = [&](std::string_view name) {
    if (folders.empty()) return true;
    return std::any_of(folders.begin(), folders.end(), [&](const std::string& folder) {
      return name.starts_with(folder) && name.substr(folder.size()).starts_with("/migrations/");
    });
  };
  for (const EmbeddedFile& f : hearth_resources()) {
    if (f.name.find("/migrations/") == std::string_view::npos || !f.name.ends_with(".sql")) continue;
    if (f.name.ends_with(skip) || !selected(f.name)) continue;
    const auto slash = f.name.rfind('/');
    out.push_back({std::string(f.name.substr(slash + 1)), std::string(f.data), Sha256Hex(f.data)});
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.name < b.name; });
  return out;
}

Result<MigrationReport> Migrate(Database& db, const std::vector<Migration>& migrations) {
  MigrationReport report;
  // One process at a time: PostgreSQL by an advisory lock held for the whole run, SQLite by
  // taking the write lock (BEGIN IMMEDIATE) in each transaction below.
  return db.Transact([&](Tx& tx) -> Result<MigrationReport> {
    if (tx.backend() == Backend::kPostgres) tx.Execute("SELECT pg_advisory_xact_lock(7411001)");
    tx.connection().ExecScript(kCreateTable);
    std::map<std::string, std::string> applied;
    for (const auto& row : tx.Execute("SELECT name, checksum FROM schema_migrations").rows) {
      Row r(row);
      applied.emplace(r.Text(0), r.Text(1));
    }
    for (const Migration& m : migrations) {
      auto it = applied.find(m.name);
      if (it != applied.end()) {
        if (it->second != m.checksum) {
          return Fail(ErrorCode::kConflict, "migration_changed",
                      fmt::format("migration {} was edited after it was applied", m.name));
        }
        ++report.already;
        continue;
      }
      tx.connection().ExecScript(AdaptDdl(m.sql, tx.backend()));
      tx.Execute("INSERT INTO schema_migrations (name, checksum, applied_at) VALUES ($1, $2, $3)", m.name,
                 m.checksum, SystemClock().Now());
      report.applied.push_back(m.name);
    }
    return report;
  });
}

}  // namespace hearth::db
