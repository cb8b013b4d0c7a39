#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"

namespace hearth::cli {

/// Prints "hearth: message [field: reason]…" to stderr and answers 1, the exit status of a failure.
int ReportError(const Error& error);
/// The password for a new account: HEARTH_USER_PASSWORD, else the first line of stdin.
std::string ReadNewPassword();

/// `hearth serve`: migrate, create the first admin if asked, serve until SIGTERM.
int Serve(const Config& config);
/// `hearth migrate`: apply pending migrations and list them.
int Migrate(const Config& config);

struct UserAddOptions {
  std::string username;
  std::vector<std::string> roles;
  std::int64_t org_unit_id = 0;
  std::string display_name;
};
/// `hearth user add`: create a staff account from the command line.
int UserAdd(const Config& config, const UserAddOptions& options);
/// `hearth user password NAME`: set a password (and unlock the account) from the command line.
int UserPassword(const Config& config, const std::string& username);

struct DemoOptions {
  std::int64_t customers = 20000;
  std::int64_t events = 60000;  ///< timeline events beyond each customer's "created" event
  std::uint64_t seed = 20261123;
  std::string csv_path;  ///< write the customers as an import file here instead of loading them
  std::int64_t csv_first = 0;  ///< with csv_path: the number of the first customer (skip those already made)
  std::int64_t tickets = 3000;  ///< service tickets over the past year, by owners about their homes
};
/// `hearth demo`: a demo group (regions, city companies, projects, staff) and generated
/// customers with households and timelines; adds to what is there when run again.
int Demo(const Config& config, const DemoOptions& options);

struct ImportCommand {
  std::string file;
  std::int64_t org_unit_id = 0;
  bool dry_run = false;
  bool merge = false;
  int batch_rows = 100000;  ///< rows per transaction
  int cache_mib = 400;      ///< SQLite page cache while loading
};
/// `hearth import customers FILE`: progress on stderr, the report as JSON on the last line.
int ImportCustomers(const Config& config, const ImportCommand& command);

struct BackupCommand {
  std::string file;
};
/// `hearth backup FILE`: a consistent copy of the whole database while servers run on it
/// (SQLite: the online backup API, checked with integrity_check; PostgreSQL: pg_dump -Fc).
/// Written to FILE.partial, synced, then renamed: FILE is whole or absent.
int Backup(const Config& config, const BackupCommand& command);

struct RestoreCommand {
  std::string file;
  bool force = false;  ///< replace a database that already holds tables
};
/// `hearth restore FILE`: a backup back into a database (empty, or any with --force; stop its
/// servers first). PostgreSQL restores in one transaction: on failure nothing changed.
int Restore(const Config& config, const RestoreCommand& command);

struct GroupAddOptions {
  std::string name;
  std::string admin;  ///< username of the group's first administrator
};
/// `hearth group add NAME --admin USERNAME`: a new group (tenant) on this database with its own
/// administrator and the service defaults (categories, rules, SLA, calendar).
int GroupAdd(const Config& config, const GroupAddOptions& options);

struct ExportTenantOptions {
  std::int64_t group_id = 0;
  std::string to;  ///< URL of an empty database (migrated by the command)
  bool retire_source = false;  ///< afterwards, stop the group in the source (users, sessions, jobs)
};
/// `hearth export-tenant --group ID --to URL`: copies every row of one group, in one consistent
/// moment of the source, into an empty database of either kind, in one transaction there (all or
/// nothing). Sessions and idempotency keys stay behind; SQLite's search index is rebuilt. With
/// `retire_source`, once the copy has committed, the group is stopped in the source: its users
/// disabled, their sessions revoked, its pending jobs (SLA reminders, e-mails) failed — so it does
/// not escalate and e-mail from two homes. Its records stay there, where no one can sign in to
/// see them; remove them by hand once the move is confirmed.
int ExportTenant(const Config& config, const ExportTenantOptions& options);

}  // namespace hearth::cli
