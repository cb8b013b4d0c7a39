#include "cli/cli.hpp"

#include "core/log.hpp"

#include <sodium.h>

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app.hpp"
#include "cli/commands.hpp"

namespace hearth::cli {

namespace {
std::string Env(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}
}  // namespace

int Run(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "libsodium failed to initialise\n";
    return 1;
  }
  log::Configure();  // one JSON object per line (core/log.hpp)

  Config config;
  config.listen = Env("HEARTH_LISTEN", config.listen);
  config.smtp_url = Env("HEARTH_SMTP_URL", config.smtp_url);
  config.smtp_from = Env("HEARTH_SMTP_FROM", config.smtp_from);
  config.sms_url = Env("HEARTH_SMS_URL", config.sms_url);
  config.sms_key = Env("HEARTH_SMS_KEY", config.sms_key);
  config.sms_sign = Env("HEARTH_SMS_SIGN", config.sms_sign);
  config.wechat_url = Env("HEARTH_WECHAT_URL", config.wechat_url);
  config.wechat_appid = Env("HEARTH_WECHAT_APPID", config.wechat_appid);
  config.wechat_secret = Env("HEARTH_WECHAT_SECRET", config.wechat_secret);
  config.audit_journal = Env("HEARTH_AUDIT_JOURNAL", config.audit_journal);
  config.telephony_secret = Env("HEARTH_TELEPHONY_SECRET", config.telephony_secret);
  config.db_url = Env("HEARTH_DB", config.db_url);
  config.db_replica_url = Env("HEARTH_DB_REPLICA", config.db_replica_url);
  config.admin_password = Env("HEARTH_ADMIN_PASSWORD", "");
  config.upload_dir = Env("HEARTH_UPLOAD_DIR", "");
  config.group_name = Env("HEARTH_GROUP_NAME", config.group_name);
  config.trust_proxy = Env("HEARTH_TRUST_PROXY", "") == "1";

  CLI::App app{"Hearth — customer relationship management for real-estate developers"};
  app.require_subcommand(1);
  app.set_version_flag("--version", HEARTH_VERSION);

  auto* serve = app.add_subcommand("serve", "serve the API and the web app");
  serve->add_option("--listen", config.listen, "HOST:PORT to listen on (HEARTH_LISTEN)");
  serve->add_option("--db", config.db_url, "sqlite:/path/file.db or postgresql://… (HEARTH_DB)");
  serve->add_option("--db-replica", config.db_replica_url,
                    "postgresql://… of a streaming replica that answers report queries (HEARTH_DB_REPLICA)");
  serve->add_option("--workers", config.workers, "worker pool threads (0: two per core)");
  serve->add_option("--handlers", config.handlers, "where handlers run: auto (inline on SQLite, pool on PostgreSQL), inline, pool")
      ->check(CLI::IsMember({"auto", "inline", "pool"}));
  serve->add_option("--db-pool", config.db_pool, "database connections");
  serve->add_option("--body-limit", config.body_limit, "largest request body in bytes (413 above)");
  serve->add_option("--upload-dir", config.upload_dir,
                    "where uploads are written as they arrive (HEARTH_UPLOAD_DIR; default TMPDIR or /tmp: put it on a "
                    "disk where /tmp is a tmpfs, which is memory)");
  serve->add_option("--upload-limit", config.upload_body_limit,
                    "largest file sent to /api/v1/imports/ in bytes; also what one person may send at once");
  serve->add_option("--large-bodies-in-flight", config.large_bodies_in_flight,
                    "bytes of bodies above --body-limit held at once, in all (503 busy beyond)");
  serve->add_option("--idle-timeout", config.idle_timeout_s,
                    "seconds a connection may stay silent, or take to send a request's header, before it is closed")
      ->check(CLI::Range(1, 3600));
  serve->add_option("--request-timeout", config.request_timeout_s, "seconds a request's body may take to arrive")
      ->check(CLI::Range(1, 3600));
  serve->add_option("--session-ttl", config.session_ttl_s, "seconds a login token lives");
  serve->add_flag("!--no-access-log", config.access_log, "do not log each request");
  serve->add_flag("--trust-proxy", config.trust_proxy,
                  "behind a load balancer: take the client's address from X-Forwarded-For and HTTPS from "
                  "X-Forwarded-Proto (HEARTH_TRUST_PROXY=1)");
  serve->add_flag("--secure-cookies", config.secure_cookies,
                  "mark the session cookies Secure on every answer (when TLS ends before a proxy that does not "
                  "send X-Forwarded-Proto)");
  serve->add_flag("--fast-hashing", config.fast_hashing, "cheap password hashing (tests only)");
  serve->add_option("--smtp-url", config.smtp_url, "smtp://host:port for e-mail notifications (HEARTH_SMTP_URL)");
  serve->add_option("--audit-journal", config.audit_journal,
                    "directory where audits of reads wait to be written in batches (HEARTH_AUDIT_JOURNAL; default "
                    "FILE-audit beside a SQLite file, ./hearth-audit for PostgreSQL; off: write in the request)");
  serve->add_option("--telephony-secret", config.telephony_secret,
                    "secret the telephone system signs incoming-call webhooks with (HEARTH_TELEPHONY_SECRET; "
                    "prefer the variable: flags show in ps)");
  serve->add_option("--smtp-from", config.smtp_from, "sender address of e-mail notifications (HEARTH_SMTP_FROM)");
  serve->add_option("--sms-url", config.sms_url,
                    "the SMS provider's HTTP API that the message gateway posts to (HEARTH_SMS_URL; its key in HEARTH_SMS_KEY)");
  serve->add_option("--wechat-url", config.wechat_url,
                    "the WeChat official account API that template messages go to (HEARTH_WECHAT_URL; the account in "
                    "HEARTH_WECHAT_APPID and HEARTH_WECHAT_SECRET)");
  serve->add_option("--test-clock", config.test_clock,
                    "tests only: the clock starts at this RFC 3339 time and moves only by PUT /api/v1/test/clock");

  auto* migrate = app.add_subcommand("migrate", "apply pending database migrations");
  migrate->add_option("--db", config.db_url, "database URL (HEARTH_DB)");

  auto* user = app.add_subcommand("user", "manage staff accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "create a user (the password is read from HEARTH_USER_PASSWORD or stdin)");
  UserAddOptions user_opts;
  user_add->add_option("username", user_opts.username, "login name")->required();
  user_add->add_option("--db", config.db_url, "database URL (HEARTH_DB)");
  user_add->add_option("--role", user_opts.roles, "role (repeatable)")->required();
  user_add->add_option("--org-unit", user_opts.org_unit_id, "org unit id (default: the first group)");
  user_add->add_option("--display-name", user_opts.display_name, "name shown in the app");

  auto* user_password = user->add_subcommand(
      "password", "set a user's password and unlock the account (the password is read from HEARTH_USER_PASSWORD or stdin)");
  std::string password_username;
  user_password->add_option("username", password_username, "login name")->required();
  user_password->add_option("--db", config.db_url, "database URL (HEARTH_DB)");

  auto* demo = app.add_subcommand("demo", "load a demo group: org tree, staff, customers with timelines");
  DemoOptions demo_opts;
  demo->add_option("--db", config.db_url, "database URL (HEARTH_DB)");
  demo->add_option("--customers", demo_opts.customers, "customers to add");
  demo->add_option("--events", demo_opts.events, "timeline events to add besides each customer's first");
  demo->add_option("--seed", demo_opts.seed, "random seed");
  demo->add_option("--tickets", demo_opts.tickets, "service tickets to add, spread over the past year");
  demo->add_option("--csv", demo_opts.csv_path, "write the customers to this CSV file (the import format) instead");
  demo->add_option("--first", demo_opts.csv_first, "with --csv: number of the first customer (to follow a loaded demo)");

  auto* import = app.add_subcommand("import", "import records from a file");
  import->require_subcommand(1);
  auto* import_customers = import->add_subcommand("customers", "import customers from CSV (UTF-8 or GB18030)");
  ImportCommand import_opts;
  import_customers->add_option("file", import_opts.file, "the CSV file")->required();
  import_customers->add_option("--db", config.db_url, "database URL (HEARTH_DB)");
  import_customers->add_option("--org-unit", import_opts.org_unit_id, "owning org unit (default: the first group)");
  import_customers->add_flag("--dry-run", import_opts.dry_run, "check every row, write nothing");
  import_customers->add_flag("--merge", import_opts.merge, "fill known customers' empty fields instead of skipping them");
  import_customers->add_option("--batch", import_opts.batch_rows,
                               "rows per transaction (default 100000; a running server's writers wait for each)")
      ->check(CLI::Range(100, 200000));
  import_customers->add_option("--cache-mib", import_opts.cache_mib, "SQLite page cache while loading (default 400)")
      ->check(CLI::Range(8, 16384));

  auto* backup = app.add_subcommand("backup", "write a consistent copy of the database to FILE while it serves");
  BackupCommand backup_opts;
  backup->add_option("file", backup_opts.file, "the backup file to write")->required();
  backup->add_option("--db", config.db_url, "database URL (HEARTH_DB)");
  auto* restore = app.add_subcommand("restore", "load a backup into a database (stop its servers first)");
  RestoreCommand restore_opts;
  restore->add_option("file", restore_opts.file, "the backup file")->required();
  restore->add_option("--db", config.db_url, "database URL (HEARTH_DB)");
  restore->add_flag("--force", restore_opts.force, "replace a database that already holds tables");

  auto* group = app.add_subcommand("group", "groups (tenants) sharing this database");
  group->require_subcommand(1);
  auto* group_add = group->add_subcommand("add", "create a group with its own administrator (password from "
                                                 "HEARTH_USER_PASSWORD or the first line of stdin)");
  GroupAddOptions group_opts;
  group_add->add_option("name", group_opts.name, "the group's name, e.g. 华润置地")->required();
  group_add->add_option("--admin", group_opts.admin, "username of its administrator")->required();
  group_add->add_option("--db", config.db_url, "database URL (HEARTH_DB)");
  auto* export_tenant = app.add_subcommand(
      "export-tenant", "copy one group's data into an empty database (SQLite or PostgreSQL) to move it elsewhere");
  ExportTenantOptions export_opts;
  export_tenant->add_option("--group", export_opts.group_id, "the group's id (its root org unit)")->required();
  export_tenant->add_option("--to", export_opts.to, "sqlite:/path/new.db or postgresql://… of an empty database")
      ->required();
  export_tenant->add_option("--db", config.db_url, "database URL to export from (HEARTH_DB)");
  export_tenant->add_flag("--retire-source", export_opts.retire_source,
                          "after the copy, disable the group's users, end their sessions and stop its jobs in the source");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    if (*serve) return Serve(config);
    if (*migrate) return Migrate(config);
    if (*user_add) return UserAdd(config, user_opts);
    if (*user_password) return UserPassword(config, password_username);
    if (*demo) return Demo(config, demo_opts);
    if (*import_customers) return ImportCustomers(config, import_opts);
    if (*backup) return Backup(config, backup_opts);
    if (*restore) return Restore(config, restore_opts);
    if (*group_add) return GroupAdd(config, group_opts);
    if (*export_tenant) return ExportTenant(config, export_opts);
  } catch (const std::exception& e) {
    std::cerr << "hearth: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace hearth::cli
