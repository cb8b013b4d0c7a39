// The reference for the import benchmark: raw SQLite inserting the same rows as
// `hearth import customers` into the same schema (same indexes, same search index, same
// timeline event per customer), with prepared statements in transactions of 100,000 rows and a
// 400 MB page cache (what `hearth import` uses), and
// nothing else: no checks, no duplicate lookups, no audit. The file is parsed and the search
// terms computed before the clock starts, so the figure is the database's alone.
//
//   hearth_bench_raw_import DB.sqlite FILE.csv   (DB migrated by `hearth migrate`)
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/phone.hpp"
#include "modules/customers/customer.hpp"

namespace {

struct RawRow {
  std::string name;
  std::string phone;
  std::string id_number;
  std::string terms;
};

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  Check(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), db, sql);
  return s;
}

void Run(sqlite3_stmt* s, sqlite3* db) {
  Check(sqlite3_step(s), db, sqlite3_sql(s));
  sqlite3_reset(s);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: hearth_bench_raw_import DB.sqlite FILE.csv\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto text = hearth::DecodeText(buffer.str());
  if (!text) return 1;
  std::vector<RawRow> rows;
  std::vector<std::string> header;
  hearth::ReadCsv(*text, [&](const std::vector<std::string>& cells, int) {
    if (header.empty()) {
      header = cells;
      return true;
    }
    RawRow r;
    hearth::customers::Customer c;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) {
      if (header[i] == "name") r.name = c.name = cells[i];
      if (header[i] == "phone" && !cells[i].empty()) {
        r.phone = hearth::NormalizePhone(cells[i]).value_or(cells[i]);
        c.phones.push_back({r.phone, ""});
      }
      if (header[i] == "id_number" && !cells[i].empty()) r.id_number = *(c.id_number = cells[i]);
    }
    r.terms = hearth::customers::SearchTermsOf(c);
    rows.push_back(std::move(r));
    return true;
  });

  sqlite3* db = nullptr;
  Check(sqlite3_open(argv[1], &db), db, "open");
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                     "PRAGMA cache_size=-409600; PRAGMA mmap_size=268435456;",
                     nullptr, nullptr, nullptr),
        db, "pragmas");
  sqlite3_stmt* org = Prepare(db, "SELECT tenant_id, id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1");
  Check(sqlite3_step(org), db, "org unit");
  const sqlite3_int64 tenant = sqlite3_column_int64(org, 0);
  const sqlite3_int64 unit = sqlite3_column_int64(org, 1);
  sqlite3_finalize(org);

  sqlite3_stmt* customer = Prepare(db,
      "INSERT INTO customers (tenant_id, org_unit_id, name, phones, id_number, id_type, search_terms, created_at, "
      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?5 IS NULL THEN NULL ELSE 'resident_id' END, ?6, ?7, ?7)");
  sqlite3_stmt* phone = Prepare(db,
      "INSERT INTO customer_phones (tenant_id, customer_id, phone, label, position, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, '', 0, ?4, ?4)");
  sqlite3_stmt* event = Prepare(db,
      "INSERT INTO timeline_events (tenant_id, customer_id, at, kind, ref_type, ref_id, summary, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, 'profile', 'customer', ?2, '导入客户档案', ?3, ?3)");
  sqlite3_stmt* index = Prepare(db,
      "INSERT INTO customer_fts (rowid, search_terms) SELECT id, search_terms FROM customers WHERE id BETWEEN ?1 AND ?2");

  const auto started = std::chrono::steady_clock::now();
  const sqlite3_int64 now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now().time_since_epoch()).count();
  std::size_t inserted = 0;
  constexpr std::size_t kBatch = 100000;
  for (std::size_t start = 0; start < rows.size(); start += kBatch) {
    Check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
    sqlite3_int64 first = 0, last = -1;
    for (std::size_t i = start; i < std::min(rows.size(), start + kBatch); ++i) {
      const RawRow& r = rows[i];
      sqlite3_bind_int64(customer, 1, tenant);
      sqlite3_bind_int64(customer, 2, unit);
      sqlite3_bind_text(customer, 3, r.name.data(), static_cast<int>(r.name.size()), SQLITE_STATIC);
      sqlite3_bind_text(customer, 4, r.phone.data(), static_cast<int>(r.phone.size()), SQLITE_STATIC);
      if (r.id_number.empty()) {
        sqlite3_bind_null(customer, 5);
      } else {
        sqlite3_bind_text(customer, 5, r.id_number.data(), static_cast<int>(r.id_number.size()), SQLITE_STATIC);
      }
      sqlite3_bind_text(customer, 6, r.terms.data(), static_cast<int>(r.terms.size()), SQLITE_STATIC);
      sqlite3_bind_int64(customer, 7, now);
      if (sqlite3_step(customer) != SQLITE_DONE) {  // a duplicate phone or ID: hearth skips these too
        sqlite3_reset(customer);
        continue;
      }
      sqlite3_reset(customer);
      const sqlite3_int64 id = sqlite3_last_insert_rowid(db);
      if (last < first) first = id;
      last = id;
      if (!r.phone.empty()) {
        sqlite3_bind_int64(phone, 1, tenant);
        sqlite3_bind_int64(phone, 2, id);
        sqlite3_bind_text(phone, 3, r.phone.data(), static_cast<int>(r.phone.size()), SQLITE_STATIC);
        sqlite3_bind_int64(phone, 4, now);
        if (sqlite3_step(phone) != SQLITE_DONE) {
          sqlite3_reset(phone);
          continue;
        }
        sqlite3_reset(phone);
      }
      sqlite3_bind_int64(event, 1, tenant);
      sqlite3_bind_int64(event, 2, id);
      sqlite3_bind_int64(event, 3, now);
      Run(event, db);
      ++inserted;
    }
    sqlite3_bind_int64(index, 1, first);
    sqlite3_bind_int64(index, 2, last);
    Run(index, db);
    Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%zu rows in %.2f s (%.0f rows/s)\n", inserted, s, inserted / s);
  for (auto* st : {customer, phone, event, index}) sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}
