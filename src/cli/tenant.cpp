// hearth group add / hearth export-tenant: a new group (tenant) with its own administrator on a
// shared database, and one group's data copied into a database of its own (SQLite or PostgreSQL,
// either way) to move it to another installation or shard.
#include <cstdlib>
#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "core/log.hpp"
#include "cli/commands.hpp"
#include "app.hpp"
#include "db/migrations.hpp"
#include "platform/audit.hpp"
#include "platform/directory.hpp"

namespace hearth::cli {

namespace {

/// What belongs to a group, parents before children: the tables every module declares in its
/// manifest, in mount order (platform/manifest.hpp). Rows are copied in this order, each table by
/// ascending key. A table whose rule is empty is not moved (login sessions: sign in again on the
/// new home; idempotency keys: a retry goes to the old home); a rebuilt one (SQLite's search index)
/// is rebuilt at the destination instead.
std::vector<platform::OwnedTable> GroupTables(const App& app) {
  std::vector<platform::OwnedTable> out;
  for (const auto& m : app.manifests()) out.insert(out.end(), m.tables.begin(), m.tables.end());
  return out;
}

/// True when `table` (as the database lists it) is declared, or is a shadow table of a rebuilt one.
bool Declared(const std::vector<platform::OwnedTable>& tables, const std::string& table) {
  if (table == "schema_migrations") return true;  // the migration runner's own
  return std::any_of(tables.begin(), tables.end(), [&](const platform::OwnedTable& t) {
    return table == t.name || (t.rebuilt && table.starts_with(t.name));
  });
}

constexpr std::size_t kChunk = 2000;

std::vector<std::string> Columns(db::Tx& tx, const std::string& table) {
  // Generated columns are left out: the destination computes them.
  const auto rows =
      tx.backend() == db::Backend::kSqlite
          ? tx.Execute("SELECT name FROM pragma_table_info($1) ORDER BY cid", table)
          : tx.Execute("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                       "AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
                       table);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Text(0));
  return out;
}

/// A value read from one backend as the other binds it: PostgreSQL infers a column's type from
/// text ("1" into a boolean, "12" into a bigint); SQLite stores booleans as integers.
db::Value ForDestination(const db::Value& v, db::Backend to) {
  if (std::holds_alternative<std::monostate>(v)) return v;
  if (to == db::Backend::kSqlite) {
    if (auto* b = std::get_if<bool>(&v)) return static_cast<std::int64_t>(*b ? 1 : 0);
    return v;
  }
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  if (auto* b = std::get_if<bool>(&v)) return std::string(*b ? "t" : "f");
  return v;
}

std::string Join(const std::vector<std::string>& names, const std::string& prefix = "") {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + prefix + n;
  return out;
}

struct Copied {
  std::string table;
  std::int64_t rows = 0;
  bool keyed = false;  ///< the table's key is `id` (a sequence on PostgreSQL)
};

/// Copies the group's rows of one table.
Copied CopyTable(db::Tx& from, db::Tx& to, const platform::OwnedTable& table, std::int64_t group) {
  const auto columns = Columns(from, table.name);
  const bool keyed = !columns.empty() && columns.front() == "id";
  std::string parameters;  // $1, $2, … one per column
  for (std::size_t i = 1; i <= columns.size(); ++i) parameters += fmt::format("{}${}", i == 1 ? "" : ", ", i);
  const std::string insert = fmt::format("INSERT INTO {} ({}) VALUES ({})", table.name, Join(columns), parameters);
  // Tables with an id go in chunks by key; the others (link tables) are small.
  const std::string select =
      keyed ? fmt::format("SELECT {} FROM {} WHERE ({}) AND id > $2 ORDER BY id LIMIT {}", Join(columns), table.name,
                          table.group_rows, kChunk)
            : fmt::format("SELECT {} FROM {} WHERE {} ORDER BY 1", Join(columns), table.name, table.group_rows);
  std::int64_t copied = 0;
  std::int64_t after = 0;
  for (;;) {
    const auto rows = keyed ? from.Execute(select, group, after) : from.Execute(select, group);
    std::vector<db::Value> values(columns.size());
    for (const auto& row : rows.rows) {
      for (std::size_t c = 0; c < columns.size(); ++c) values[c] = ForDestination(row[c], to.backend());
      to.ExecuteValues(insert, values);
      ++copied;
    }
    if (!keyed || rows.size() < kChunk) break;
    after = db::Row(rows.rows.back()).Int(0);
  }
  return {table.name, copied, keyed};
}

/// Stops a moved group in its old database: users disabled, sessions revoked, pending and
/// running jobs failed, and an audit entry saying where it went. One transaction.
Result<void> RetireSource(db::Database& source, std::int64_t group) {
  SystemClock clock;
  platform::AuditLog audit(source, clock);
  return source.Transact([&](db::Tx& tx) -> Result<void> {
    const auto retired = platform::directory::RetireGroup(tx, group, clock.Now());
    RequestContext ctx;
    ctx.request_id = "cli:export-tenant";
    audit.Record(tx, ctx, "group.exported", "org_unit", group, nullptr,
                 boost::json::object{{"users_disabled", retired.users_disabled},
                                     {"sessions_revoked", retired.sessions_ended},
                                     {"jobs_stopped", retired.jobs_stopped}},
                 group);
    std::cout << fmt::format("retired group {} in the source: {} users disabled, {} sessions ended, {} jobs stopped\n",
                             group, retired.users_disabled, retired.sessions_ended, retired.jobs_stopped);
    return {};
  });
}

}  // namespace

int GroupAdd(const Config& config, const GroupAddOptions& options) {
  App app(config);
  if (auto ready = app.Prepare(); !ready) return ReportError(ready.error());
  const std::string password = ReadNewPassword();
  auto created = app.db->Transact([&](db::Tx& tx) -> Result<platform::OrgUnit> {
    platform::OrgUnit group = app.platform->orgs.CreateGroup(tx, options.name);
    platform::CreateUser cmd{options.admin, password, "系统管理员", {"admin"}, group.id, std::nullopt, std::nullopt};
    RequestContext ctx;
    ctx.request_id = "cli:group-add";
    HEARTH_TRY(app.platform->users.CreateUnchecked(tx, ctx, cmd, group));
    return group;
  });
  if (!created) return ReportError(created.error());
  // Categories, routing rules, SLA and calendar for the new group.
  if (auto seeded = app.Seed(); !seeded) return ReportError(seeded.error());
  std::cout << fmt::format("created group {} (id {}) with the administrator {}\n", created->name, created->id,
                           options.admin);
  return 0;
}

int ExportTenant(const Config& config, const ExportTenantOptions& options) {
  try {
    App app(config);  // the modules' manifests name the tables; nothing is served
    db::Database* source = app.db.get();
    const auto tables = GroupTables(app);
    auto dest = db::Database::Open(options.to);
    // The destination gets the schema of this version, and must hold no data yet.
    if (auto migrated = db::Migrate(*dest, app.Migrations(dest->backend())); !migrated) {
      return ReportError(migrated.error());
    }
    for (const auto& t : tables) {
      if (t.group_rows.empty()) continue;
      if (dest->Read([&](db::Tx& tx) { return tx.Execute(fmt::format("SELECT 1 FROM {} LIMIT 1", t.name)); }).size()) {
        std::cerr << "hearth: " << options.to << " already holds data (" << t.name << "); export into an empty database\n";
        return 1;
      }
    }
    std::vector<Copied> copied;
    auto done = source->Transact([&](db::Tx& from) -> Result<void> {
      // One moment of the source: PostgreSQL's snapshot for the whole copy (SQLite's write
      // transaction holds other writers back until it ends).
      if (from.backend() == db::Backend::kPostgres) from.Execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      if (!platform::directory::GroupName(from, options.group_id)) return FailField("group", "not_found");
      // A table this command does not know would be left behind: refuse rather than copy half.
      for (const auto& table : db::ListTables(from)) {
        if (!Declared(tables, table)) return Fail(ErrorCode::kInternal, "unknown_table", fmt::format("no export rule for table {}", table));
      }
      return dest->Transact([&](db::Tx& to) -> Result<void> {
        for (const auto& table : tables) {
          if (table.group_rows.empty()) continue;
          copied.push_back(CopyTable(from, to, table, options.group_id));
          log::Info("exported").Str("table", table.name).Int("rows", static_cast<std::int64_t>(copied.back().rows));
        }
        if (to.backend() == db::Backend::kSqlite) {
          // SQLite's FTS5 indexes rebuild from their content tables.
          for (const auto& table : tables) {
            if (table.rebuilt) to.Execute(fmt::format("INSERT INTO {0} ({0}) VALUES ('rebuild')", table.name));
          }
        } else {
          // New rows on the destination continue after the copied keys.
          for (const auto& c : copied) {
            if (!c.keyed) continue;
            to.Execute(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), "
                                   "GREATEST((SELECT MAX(id) FROM {0}), 1))",
                                   c.table));
          }
        }
        return {};
      });
    });
    if (!done) return ReportError(done.error());
    if (options.retire_source) {
      if (auto retired = RetireSource(*source, options.group_id); !retired) return ReportError(retired.error());
    }
    std::int64_t total = 0;
    for (const auto& c : copied) total += c.rows;
    std::cout << fmt::format("exported group {} into {}: {} rows in {} tables", options.group_id,
                             db::IsPostgresUrl(options.to) ? "PostgreSQL" : options.to, total, copied.size());
    for (const auto& c : copied) {
      if (c.rows) std::cout << fmt::format(", {} {}", c.table, c.rows);
    }
    std::cout << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "hearth: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace hearth::cli
