// hearth group add / hearth export-tenant: a new group (tenant) with its own administrator on a
// shared database, and one group's data copied into a database of its own (SQLite or PostgreSQL,
// either way) to move it to another installation or shard.
#include <cstdlib>
#include <algorithm>
#include <iostream>
#include <set>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "db/migrations.hpp"
#include "platform/audit.hpp"
#include "platform/org_repo.hpp"

namespace hearth::cli {

namespace {

/// What belongs to a group, parents before children: every table with a tenant_id, and the three
/// whose rows hang off such a table. Rows are copied in this order, each table by ascending key.
struct TenantTable {
  const char* name;
  const char* owned;  ///< the condition on $1 (the group) that selects the group's rows
};
constexpr TenantTable kTenantTables[] = {
    {"org_units", "tenant_id = $1"},
    {"users", "tenant_id = $1"},
    {"audit_log", "tenant_id = $1"},
    {"customers", "tenant_id = $1"},
    {"customer_phones", "tenant_id = $1"},
    {"timeline_events", "tenant_id = $1"},
    {"import_jobs", "tenant_id = $1"},
    {"projects", "tenant_id = $1"},
    {"units", "tenant_id = $1"},
    {"unit_owners", "tenant_id = $1"},
    {"unit_events", "tenant_id = $1"},
    {"jobs", "tenant_id = $1"},
    {"notifications", "tenant_id = $1"},
    {"ticket_categories", "tenant_id = $1"},
    {"tickets", "tenant_id = $1"},
    {"ticket_events", "tenant_id = $1"},
    {"routing_rules", "tenant_id = $1"},
    {"sla_policies", "tenant_id = $1"},
    {"business_calendars", "tenant_id = $1"},
    {"calendar_days", "calendar_id IN (SELECT id FROM business_calendars WHERE tenant_id = $1)"},
    {"service_settings", "tenant_id = $1"},
    {"mass_alerts", "tenant_id = $1"},
    {"mass_alert_tickets", "alert_id IN (SELECT id FROM mass_alerts WHERE tenant_id = $1)"},
    {"ticket_cases", "tenant_id = $1"},
    {"standard_answers", "tenant_id = $1"},
    {"department_members", "tenant_id = $1"},
    {"work_orders", "tenant_id = $1"},
    {"attachments", "tenant_id = $1"},
    {"attachment_contents", "attachment_id IN (SELECT id FROM attachments WHERE tenant_id = $1)"},
};
/// Not moved: the schema's own bookkeeping, login sessions (sign in again on the new home) and
/// idempotency keys (a retry goes to the old home). SQLite's search index is rebuilt instead.
const std::set<std::string> kNotMoved = {"schema_migrations", "sessions", "idempotency_keys"};
bool IsSearchIndex(const std::string& table) { return table.starts_with("customer_fts"); }

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
Copied CopyTable(db::Tx& from, db::Tx& to, const TenantTable& table, std::int64_t group) {
  const auto columns = Columns(from, table.name);
  const bool keyed = !columns.empty() && columns.front() == "id";
  std::string parameters;  // $1, $2, … one per column
  for (std::size_t i = 1; i <= columns.size(); ++i) parameters += fmt::format("{}${}", i == 1 ? "" : ", ", i);
  const std::string insert = fmt::format("INSERT INTO {} ({}) VALUES ({})", table.name, Join(columns), parameters);
  // Tables with an id go in chunks by key; the others (link tables) are small.
  const std::string select =
      keyed ? fmt::format("SELECT {} FROM {} WHERE ({}) AND id > $2 ORDER BY id LIMIT {}", Join(columns), table.name,
                          table.owned, kChunk)
            : fmt::format("SELECT {} FROM {} WHERE {} ORDER BY 1", Join(columns), table.name, table.owned);
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
  const Timestamp now = clock.Now();
  return source.Transact([&](db::Tx& tx) -> Result<void> {
    const auto users = tx.Execute(
        "UPDATE users SET disabled = TRUE, version = version + 1, updated_at = $2 WHERE tenant_id = $1 AND NOT disabled",
        group, now);
    const auto sessions = tx.Execute(
        "UPDATE sessions SET revoked_at = $2 WHERE tenant_id = $1 AND revoked_at IS NULL", group, now);
    const auto jobs = tx.Execute(
        "UPDATE jobs SET status = 'failed', last_error = 'the group moved to another database' "
        "WHERE tenant_id = $1 AND status IN ('pending', 'running')",
        group);
    RequestContext ctx;
    ctx.request_id = "cli:export-tenant";
    audit.Record(tx, ctx, "group.exported", "org_unit", group, nullptr,
                 boost::json::object{{"users_disabled", users.affected},
                                     {"sessions_revoked", sessions.affected},
                                     {"jobs_stopped", jobs.affected}},
                 group);
    std::cout << fmt::format("retired group {} in the source: {} users disabled, {} sessions ended, {} jobs stopped\n",
                             group, users.affected, sessions.affected, jobs.affected);
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
  if (auto seeded = app.service->tickets.SeedDefaults(); !seeded) return ReportError(seeded.error());
  std::cout << fmt::format("created group {} (id {}) with the administrator {}\n", created->name, created->id,
                           options.admin);
  return 0;
}

int ExportTenant(const Config& config, const ExportTenantOptions& options) {
  try {
    auto source = db::Database::Open(config.db_url);
    auto dest = db::Database::Open(options.to);
    // The destination gets the schema of this version, and must hold no data yet.
    if (auto migrated = db::Migrate(*dest, db::EmbeddedMigrations(dest->backend())); !migrated) {
      return ReportError(migrated.error());
    }
    for (const auto& t : kTenantTables) {
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
      auto group = from.Execute("SELECT name FROM org_units WHERE id = $1 AND parent_id IS NULL AND tenant_id = id",
                                options.group_id);
      if (group.empty()) return FailField("group", "not_found");
      // A table this command does not know would be left behind: refuse rather than copy half.
      for (const auto& table : db::ListTables(from)) {
        const bool known = kNotMoved.contains(table) || IsSearchIndex(table) ||
                           std::any_of(std::begin(kTenantTables), std::end(kTenantTables),
                                       [&](const TenantTable& t) { return table == t.name; });
        if (!known) return Fail(ErrorCode::kInternal, "unknown_table", fmt::format("no export rule for table {}", table));
      }
      return dest->Transact([&](db::Tx& to) -> Result<void> {
        for (const auto& table : kTenantTables) {
          copied.push_back(CopyTable(from, to, table, options.group_id));
          spdlog::info(R"({{"msg":"exported","table":"{}","rows":{}}})", table.name, copied.back().rows);
        }
        if (to.backend() == db::Backend::kSqlite) {
          to.Execute("INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')");
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
