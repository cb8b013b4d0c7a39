#include "modules/customers/customer_repo.hpp"

#include "core/hidden_impl.hpp"
#include "db/columns.hpp"

#include <charconv>
#include "platform/org_scope.hpp"

namespace hearth::customers {

namespace {

constexpr std::string_view kInsert = R"sql(
INSERT INTO customers (tenant_id, org_unit_id, name, phones, id_type, id_number, gender, birth_date, marital_status,
                       children_birth_years, elders, income_level, email, address, city, occupation, source_channel,
                       tags, consent_marketing, consent_changed_at, search_terms, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22)
RETURNING id)sql";
constexpr std::string_view kIndexOne = "INSERT INTO customer_fts (rowid, search_terms) VALUES ($1, $2)";
constexpr std::string_view kIndexRange = R"sql(
INSERT INTO customer_fts (rowid, search_terms) SELECT id, search_terms FROM customers WHERE id BETWEEN $1 AND $2)sql";
constexpr std::string_view kUpdate = R"sql(
UPDATE customers SET org_unit_id = $3, name = $4, phones = $5, id_type = $6, id_number = $7, gender = $8,
       birth_date = $9, marital_status = $10, children_birth_years = $11, elders = $12, income_level = $13,
       email = $14, address = $15, city = $16, occupation = $17, source_channel = $18, tags = $19,
       consent_marketing = $20, consent_changed_at = $21, search_terms = $22, anonymized_at = $23,
       version = version + 1, updated_at = $24
 WHERE id = $1 AND tenant_id = $2 AND (CAST($25 AS BIGINT) IS NULL OR version = $25))sql";
constexpr std::string_view kPhoneOwner = "SELECT customer_id FROM customer_phones WHERE tenant_id = $1 AND phone = $2 AND customer_id <> $3";
constexpr std::string_view kIdOwner = "SELECT id FROM customers WHERE tenant_id = $1 AND id_number = $2 AND id <> $3";
constexpr std::string_view kDeletePhones = "DELETE FROM customer_phones WHERE customer_id = $1 AND tenant_id = $2";
constexpr std::string_view kInsertPhone = R"sql(
INSERT INTO customer_phones (tenant_id, customer_id, phone, label, position, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $6))sql";
constexpr std::string_view kMarkMerged = R"sql(
UPDATE customers SET merged_into = $3, phones = '', id_number = NULL, id_type = NULL, search_terms = '',
       version = version + 1, updated_at = $4
 WHERE id = $2 AND tenant_id = $1)sql";

// Lists are stored as text: phones "phone|label,phone|label", years "1990,1995", tags "a,b" (tags
// may not contain commas: the reader keeps them short words).
std::string JoinPhones(const std::vector<CustomerPhone>& phones) {
  std::string out;
  for (const auto& p : phones) {
    if (!out.empty()) out += ',';
    out += p.phone + '|' + p.label;
  }
  return out;
}

std::vector<std::string> Split(std::string_view text, char sep) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find(sep, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::vector<CustomerPhone> SplitPhones(std::string_view text) {
  std::vector<CustomerPhone> phones;
  for (const auto& item : Split(text, ',')) {
    const auto bar = item.find('|');
    phones.push_back({item.substr(0, bar), bar == std::string::npos ? "mobile" : item.substr(bar + 1)});
  }
  return phones;
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) {
    if (!out.empty()) out += '\x1f';  // unit separator: tags may hold any printable character
    out += t;
  }
  return out;
}

std::string JoinYears(const std::vector<int>& years) {
  std::string out;
  for (int y : years) {
    if (!out.empty()) out += ',';
    out += std::to_string(y);
  }
  return out;
}

// A customer's columns, declared once: the SELECTs list them and FromRow reads them. Lists are
// kept as text (see above).
const db::Columns<Customer> kCustomerColumns{
    {"id", &Customer::id},
    {"tenant_id", &Customer::tenant_id},
    {"org_unit_id", &Customer::org_unit_id},
    {"name", &Customer::name},
    {"phones", [](Customer& c, const db::Row& r, std::size_t i) { c.phones = SplitPhones(r.Text(i)); }},
    {"id_type", &Customer::id_type},
    {"id_number", &Customer::id_number},
    {"gender", &Customer::gender},
    {"birth_date", &Customer::birth_date},
    {"marital_status", &Customer::marital_status},
    {"children_birth_years",
     [](Customer& c, const db::Row& r, std::size_t i) {
       for (const auto& y : Split(r.Text(i), ',')) {
         int v = 0;
         std::from_chars(y.data(), y.data() + y.size(), v);
         c.children_birth_years.push_back(v);
       }
     }},
    {"elders", &Customer::elders},
    {"income_level", &Customer::income_level},
    {"email", &Customer::email},
    {"address", &Customer::address},
    {"city", &Customer::city},
    {"occupation", &Customer::occupation},
    {"source_channel", &Customer::source_channel},
    {"tags", [](Customer& c, const db::Row& r, std::size_t i) { c.tags = Split(r.Text(i), '\x1f'); }},
    {"consent_marketing", &Customer::consent_marketing},
    {"consent_changed_at", &Customer::consent_changed_at},
    {"merged_into", &Customer::merged_into},
    {"anonymized_at", &Customer::anonymized_at},
    {"version", &Customer::version},
    {"created_at", &Customer::created_at},
    {"updated_at", &Customer::updated_at},
};
const std::string kCustomerSelect = "SELECT " + kCustomerColumns.List("c") + ", o.path, o.name";
// Shared with the org unit whose path is bound to `param` or one under it (customer_shares).
#define SHARED_UNDER(param)                                                                         \
  " EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND " HEARTH_ORG_PATH_OF( \
      "s.org_unit_id") "LIKE " param ") "
// The path test first: the share lookup runs only for a record held by another company.
const std::string kFind = kCustomerSelect + ", CASE WHEN o.path LIKE $3 OR" SHARED_UNDER("$3") R"sql(THEN 1 ELSE 0 END
  FROM customers c)sql" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.id = $1 AND c.tenant_id = $2)sql";
const std::string kList = kCustomerSelect + R"sql(
  FROM customers c)sql" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.tenant_id = $1 AND (o.path LIKE $2 OR)sql" SHARED_UNDER("$2") R"sql() AND c.id < $3 AND c.merged_into IS NULL
 ORDER BY c.id DESC LIMIT $4)sql";
constexpr std::string_view kAddShare = R"sql(
INSERT INTO customer_shares (tenant_id, customer_id, org_unit_id, reason, source_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (customer_id, org_unit_id, reason, source_id) DO NOTHING)sql";
constexpr std::string_view kRemoveShare =
    "DELETE FROM customer_shares WHERE reason = $3 AND source_id = $4 AND customer_id = $2 AND tenant_id = $1";
constexpr std::string_view kCopyShares = R"sql(
INSERT INTO customer_shares (tenant_id, customer_id, org_unit_id, reason, source_id, created_at)
SELECT tenant_id, $3, org_unit_id, reason, source_id, created_at FROM customer_shares WHERE customer_id = $2 AND tenant_id = $1
ON CONFLICT (customer_id, org_unit_id, reason, source_id) DO NOTHING)sql";
constexpr std::string_view kDropShares = "DELETE FROM customer_shares WHERE customer_id = $2 AND tenant_id = $1";
// CROSS JOIN makes SQLite read the FTS index first; left to itself it scans the tenant's
// customers and probes the index once per row (seconds at a million rows).
std::string MatchSqlite(std::string_view customers) {
  return std::string("\n  FROM customer_fts f CROSS JOIN ") + std::string(customers) + " ON c.id = f.rowid" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE customer_fts MATCH $1 AND c.tenant_id = $2 AND (o.path LIKE $3 OR)sql" SHARED_UNDER("$3") R"sql()
   AND c.merged_into IS NULL)sql";
}
const std::string kMatchSqlite = MatchSqlite("customers c");
const std::string kMatchPg = R"sql(
  FROM customers c)sql" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE string_to_array(c.search_terms, ' ') @> string_to_array($1, ' ') AND c.tenant_id = $2
   AND (o.path LIKE $3 OR)sql" SHARED_UNDER("$3") R"sql() AND c.merged_into IS NULL)sql";
const std::string kSearchSqlite = kCustomerSelect + kMatchSqlite + " ORDER BY f.rowid DESC LIMIT $4";
const std::string kSearchPg = kCustomerSelect + kMatchPg + " ORDER BY c.id DESC LIMIT $4";
const std::string kCandidatesSqlite = "SELECT c.id, c.name, c.phones, c.id_number" + kMatchSqlite + " LIMIT $4";
const std::string kCandidatesPg = "SELECT c.id, c.name, c.phones, c.id_number" + kMatchPg + " LIMIT $4";
// The count reads only the columns of the scope test, from a narrow index led by the id (a
// tenth of the table's pages): an ID-number head matches thousands and is counted to the cap,
// and reading 201 whole rows from across the table was half the search's time and its tail.
const std::string kCountSqlite =
    "SELECT count(*) FROM (SELECT 1" + MatchSqlite("customers c INDEXED BY ix_customers_scope") + " LIMIT $4) m";
const std::string kCountPg = "SELECT count(*) FROM (SELECT 1" + kMatchPg + " LIMIT $4) m";

/// A row of kCustomerSelect: the columns, then the org unit's path and name.
Customer FromRow(const db::Row& r) {
  Customer c = kCustomerColumns.Read(r);
  c.org_unit_name = r.Text(kCustomerColumns.size() + 1);
  return c;
}

void WritePhones(db::Tx& tx, const Customer& c, bool replace) {
  if (replace) tx.Execute(kDeletePhones, c.id, c.tenant_id);
  for (std::size_t i = 0; i < c.phones.size(); ++i) {
    tx.Execute(kInsertPhone, c.tenant_id, c.id, c.phones[i].phone, c.phones[i].label, static_cast<int>(i), c.updated_at);
  }
}

std::vector<Customer> Rows(const db::QueryResult& rows) {
  std::vector<Customer> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(FromRow(rows[i]));
  return out;
}

}  // namespace

std::int64_t CustomerRepo::Insert(db::Tx& tx, const Customer& c, const std::string& search_terms, bool index_now) {
  const auto id = tx.Execute(kInsert, c.tenant_id, c.org_unit_id, c.name, JoinPhones(c.phones), c.id_type, c.id_number,
                             c.gender, c.birth_date, c.marital_status, JoinYears(c.children_birth_years), c.elders,
                             c.income_level, c.email, c.address, c.city, c.occupation, c.source_channel, JoinTags(c.tags),
                             c.consent_marketing,
                             c.consent_changed_at ? std::optional<std::int64_t>(c.consent_changed_at->ms) : std::nullopt,
                             search_terms, c.created_at)
                      .front()
                      .Int(0);
  Customer stored = c;
  stored.id = id;
  stored.updated_at = c.created_at;
  WritePhones(tx, stored, false);  // a new customer has none to replace
  if (index_now && tx.backend() == db::Backend::kSqlite) tx.Execute(kIndexOne, id, search_terms);
  return id;
}

void CustomerRepo::CompactIndex(db::Tx& tx) {
  if (tx.backend() == db::Backend::kSqlite) tx.Execute("INSERT INTO customer_fts (customer_fts) VALUES ('optimize')");
}

std::vector<std::pair<Customer, std::string>> CustomerRepo::ListForIndexing(db::Tx& tx, std::int64_t after_id, int limit) {
  static const std::string kSql =
      "SELECT " + kCustomerColumns.List("c") + ", c.search_terms FROM customers c WHERE c.id > $1 ORDER BY c.id LIMIT $2";
  std::vector<std::pair<Customer, std::string>> out;
  const auto rows = tx.Execute(kSql, after_id, limit);
  for (std::size_t i = 0; i < rows.size(); ++i) out.emplace_back(kCustomerColumns.Read(rows[i]), rows[i].Text(kCustomerColumns.size()));
  return out;
}

void CustomerRepo::SetSearchTerms(db::Tx& tx, std::int64_t id, const std::string& search_terms) {
  tx.Execute("UPDATE customers SET search_terms = $2 WHERE id = $1", id, search_terms);
}

int CustomerRepo::SearchTermsVersion(db::Tx& tx) {
  const auto rows = tx.Execute("SELECT terms_version FROM customer_search_state WHERE id = 1");
  return rows.empty() ? 0 : static_cast<int>(rows.front().Int(0));
}

void CustomerRepo::SetSearchTermsVersion(db::Tx& tx, int version) {
  tx.Execute("UPDATE customer_search_state SET terms_version = $1 WHERE id = 1", version);
}

namespace {
constexpr std::int64_t kErrorReportKeptMs = 7LL * 24 * 3600 * 1000;
constexpr std::string_view kForgetErrorReports = "DELETE FROM import_error_reports WHERE created_at < $1";
constexpr std::string_view kInsertErrorReport = R"sql(
INSERT INTO import_error_reports (tenant_id, user_id, rows_rejected, content, created_at)
VALUES ($1, $2, $3, $4, $5) RETURNING id)sql";
constexpr std::string_view kFindErrorReport =
    "SELECT user_id, content FROM import_error_reports WHERE id = $1 AND tenant_id = $2 AND created_at >= $3";
}  // namespace

std::int64_t CustomerRepo::InsertErrorReport(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id,
                                             std::int64_t rows, const std::string& csv, Timestamp now) {
  tx.Execute(kForgetErrorReports, Timestamp{now.ms - kErrorReportKeptMs});
  return tx.Execute(kInsertErrorReport, tenant_id, user_id, rows, csv, now).front().Int(0);
}

std::optional<std::pair<std::int64_t, std::string>> CustomerRepo::FindErrorReport(db::Tx& tx, std::int64_t tenant_id,
                                                                                  std::int64_t id, Timestamp now) {
  auto rows = tx.Execute(kFindErrorReport, id, tenant_id, Timestamp{now.ms - kErrorReportKeptMs});
  if (rows.empty()) return std::nullopt;
  return std::pair{rows.front().Int(0), rows.front().Text(1)};
}

void CustomerRepo::IndexInserted(db::Tx& tx, std::int64_t first_id, std::int64_t last_id) {
  if (tx.backend() == db::Backend::kSqlite && first_id <= last_id) tx.Execute(kIndexRange, first_id, last_id);
}

bool CustomerRepo::Update(db::Tx& tx, const Customer& c, const std::string& search_terms,
                          std::optional<std::int64_t> expected_version) {
  const bool done =
      tx.Execute(kUpdate, c.id, c.tenant_id, c.org_unit_id, c.name, JoinPhones(c.phones), c.id_type, c.id_number, c.gender,
                 c.birth_date, c.marital_status, JoinYears(c.children_birth_years), c.elders, c.income_level, c.email,
                 c.address, c.city, c.occupation, c.source_channel, JoinTags(c.tags), c.consent_marketing,
                 c.consent_changed_at ? std::optional<std::int64_t>(c.consent_changed_at->ms) : std::nullopt,
                 search_terms, c.anonymized_at ? std::optional<std::int64_t>(c.anonymized_at->ms) : std::nullopt,
                 c.updated_at, expected_version)
          .affected == 1;
  if (done) WritePhones(tx, c, true);
  return done;
}

std::optional<ScopedCustomer> CustomerRepo::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id,
                                                 const std::string& viewer_path) {
  auto rows = tx.Execute(kFind, id, tenant_id, viewer_path + "%");
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return ScopedCustomer{FromRow(r), r.Text(kCustomerColumns.size()), r.Int(kCustomerColumns.size() + 2) == 1};
}

bool CustomerRepo::AddShare(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, std::int64_t org_unit_id,
                            ShareReason reason, std::int64_t source_id, Timestamp now) {
  return tx.Execute(kAddShare, tenant_id, customer_id, org_unit_id, reason, source_id, now).affected == 1;
}

void CustomerRepo::RemoveShare(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, ShareReason reason,
                               std::int64_t source_id) {
  tx.Execute(kRemoveShare, tenant_id, customer_id, reason, source_id);
}

void CustomerRepo::MoveShares(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into) {
  tx.Execute(kCopyShares, tenant_id, from, into);
  tx.Execute(kDropShares, tenant_id, from);
}

std::optional<std::pair<std::int64_t, std::string>> CustomerRepo::FindDuplicate(db::Tx& tx, std::int64_t tenant_id,
                                                        const std::vector<CustomerPhone>& phones,
                                                        const std::optional<std::string>& id_number,
                                                        std::int64_t except_id) {
  for (const auto& p : phones) {
    auto rows = tx.Execute(kPhoneOwner, tenant_id, p.phone, except_id);
    if (!rows.empty()) return std::make_pair(rows.front().Int(0), std::string("phone"));
  }
  if (id_number) {
    auto rows = tx.Execute(kIdOwner, tenant_id, *id_number, except_id);
    if (!rows.empty()) return std::make_pair(rows.front().Int(0), std::string("id_number"));
  }
  return std::nullopt;
}

std::vector<Customer> CustomerRepo::List(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                         const Page& page) {
  return Rows(tx.Execute(kList, tenant_id, path_prefix + "%", page.after_id.value_or(INT64_MAX), page.limit + 1));
}

namespace {

/// The tokens as the engine's index reads them: an FTS5 query of quoted tokens, all required
/// ("欣怡" AND "5678"), or PostgreSQL's space-separated array text.
std::string MatchOf(db::Backend backend, const std::vector<std::string>& tokens) {
  const bool fts = backend == db::Backend::kSqlite;
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += fts ? " AND " : " ";
    out += fts ? '"' + t + '"' : t;  // tokens hold no quotes: search_terms.cpp keeps only letters and digits
  }
  return out;
}

}  // namespace

std::vector<Customer> CustomerRepo::Search(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                           const std::vector<std::string>& tokens, int max) {
  const bool sqlite = tx.backend() == db::Backend::kSqlite;
  return Rows(tx.Execute(sqlite ? kSearchSqlite : kSearchPg, MatchOf(tx.backend(), tokens), tenant_id,
                         path_prefix + "%", max));
}

std::vector<Customer> CustomerRepo::Candidates(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                               const std::vector<std::string>& tokens, int max) {
  const bool sqlite = tx.backend() == db::Backend::kSqlite;
  const auto rows = tx.Execute(sqlite ? kCandidatesSqlite : kCandidatesPg, MatchOf(tx.backend(), tokens), tenant_id,
                               path_prefix + "%", max);
  std::vector<Customer> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out[i].id = rows[i].Int(0);
    out[i].name = rows[i].Text(1);
    out[i].phones = SplitPhones(rows[i].Text(2));
    out[i].id_number = rows[i].OptText(3);
  }
  return out;
}

std::int64_t CustomerRepo::CountMatches(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                        const std::vector<std::string>& tokens, std::int64_t cap) {
  const bool sqlite = tx.backend() == db::Backend::kSqlite;
  return tx.Execute(sqlite ? kCountSqlite : kCountPg, MatchOf(tx.backend(), tokens), tenant_id, path_prefix + "%", cap)
      .front()
      .Int(0);
}

void CustomerRepo::MarkMerged(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into, Timestamp now) {
  tx.Execute(kMarkMerged, tenant_id, from, into, now);
  tx.Execute(kDeletePhones, from, tenant_id);
}

std::pair<std::int64_t, std::int64_t> CustomerRepo::IdRange(db::Tx& tx, std::int64_t tenant_id) {
  const auto lo = tx.Execute("SELECT id FROM customers WHERE tenant_id = $1 ORDER BY tenant_id, id LIMIT 1", tenant_id);
  const auto hi = tx.Execute("SELECT id FROM customers WHERE tenant_id = $1 ORDER BY tenant_id DESC, id DESC LIMIT 1", tenant_id);
  if (lo.empty() || hi.empty()) return {0, 0};
  return {lo.front().Int(0), hi.front().Int(0)};
}

std::vector<Customer> CustomerRepo::PageAfter(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                             std::int64_t after_id, int limit) {
  static const std::string kSql = kCustomerSelect + R"sql(
  FROM customers c)sql" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.tenant_id = $1 AND c.id > $2 AND c.merged_into IS NULL AND o.path LIKE $3 ORDER BY c.id LIMIT $4)sql";
  return Rows(tx.Execute(kSql, tenant_id, after_id, path_prefix + "%", limit));
}

std::map<std::int64_t, CustomerContact> CustomerRepo::ContactsOf(db::Tx& tx, std::int64_t tenant_id,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, CustomerContact> out;
  db::SelectIn(tx, R"sql(SELECT id, name, phones, email, consent_marketing FROM customers
 WHERE tenant_id = $1 AND id IN ({}) AND merged_into IS NULL AND anonymized_at IS NULL)sql", {tenant_id}, ids,
               [&](const db::Row& r) {
                 const std::string phones = r.Text(2);
                 out[r.Int(0)] = {r.Text(1), phones.substr(0, phones.find_first_of("|,")), r.OptText(3), r.Bool(4)};
               });
  return out;
}

namespace {
CustomerContact ContactOf(const db::Row& r) {
  const std::string phones = r.Text(2);  // "phone|label,…": the first phone
  return {r.Text(1), phones.substr(0, phones.find_first_of("|,")), r.OptText(3), r.Bool(4)};
}
}  // namespace

std::map<std::int64_t, CustomerContact> CustomerRepo::ContactsIn(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                                const std::vector<std::int64_t>& ids) {
  static const std::string kSql = R"sql(SELECT c.id, c.name, c.phones, c.email, c.consent_marketing FROM customers c)sql" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.tenant_id = $1 AND c.merged_into IS NULL AND c.anonymized_at IS NULL AND (o.path LIKE $2 OR)sql" SHARED_UNDER("$2") R"sql()
   AND c.id IN ({}))sql";
  std::map<std::int64_t, CustomerContact> out;
  db::SelectIn(tx, kSql, {tenant_id, path_prefix + "%"}, ids, [&](const db::Row& r) { out[r.Int(0)] = ContactOf(r); });
  return out;
}

std::vector<std::pair<std::int64_t, CustomerContact>> CustomerRepo::ContactsAfter(db::Tx& tx, std::int64_t tenant_id,
                                                                                  const std::string& path_prefix, std::int64_t after_id,
                                                                                  int limit) {
  static const std::string kSql = R"sql(SELECT c.id, c.name, c.phones, c.email, c.consent_marketing FROM customers c)sql" HEARTH_JOIN_ORG_UNIT("c") R"sql(
 WHERE c.tenant_id = $1 AND c.id > $2 AND c.merged_into IS NULL AND c.anonymized_at IS NULL AND (o.path LIKE $3 OR)sql" SHARED_UNDER("$3") R"sql()
 ORDER BY c.id LIMIT $4)sql";
  std::vector<std::pair<std::int64_t, CustomerContact>> out;
  for (const auto& r : tx.Execute(kSql, tenant_id, after_id, path_prefix + "%", limit)) out.emplace_back(r.Int(0), ContactOf(r));
  return out;
}

std::map<std::int64_t, CustomerCard> CustomerRepo::CardsOf(db::Tx& tx, std::int64_t tenant_id,
                                                          const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, CustomerCard> out;
  db::SelectIn(tx, "SELECT id, name, phones FROM customers WHERE tenant_id = $1 AND id IN ({})", {tenant_id}, ids,
               [&](const db::Row& r) {
                 const std::string phones = r.Text(2);  // "phone|label,…": the first phone
                 out[r.Int(0)] = {r.Text(1), phones.substr(0, phones.find_first_of("|,"))};
               });
  return out;
}

}  // namespace hearth::customers

template class hearth::Hidden<hearth::customers::CustomerRepo>;  // owned by the module's services (core/hidden.hpp)
