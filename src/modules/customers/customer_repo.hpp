#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "db/database.hpp"
#include "modules/customers/customer.hpp"

namespace hearth::customers {

/// A customer with the materialised path of its org unit, for scope checks.
/// SQL of customers and customer_phones. Every method runs in the caller's transaction.
class CustomerRepo {
 public:
  /// Inserts the customer with its phones and search terms; returns the new id. With
  /// `index_now` false the row stays out of the SQLite search index until IndexInserted covers
  /// it (bulk writers index a batch with one statement; PostgreSQL indexes the column itself).
  std::int64_t Insert(db::Tx& tx, const Customer& c, const std::string& search_terms, bool index_now = true);
  /// After a bulk load (demo data, a command-line import): merges the SQLite search index into
  /// one segment, which halves the time of searches whose terms are in many records (6 s at a
  /// million customers). Nothing on PostgreSQL.
  static void CompactIndex(db::Tx& tx);
  /// The customers of every group after `after_id`, by id, with their stored search terms (for
  /// indexing them again).
  std::vector<std::pair<Customer, std::string>> ListForIndexing(db::Tx& tx, std::int64_t after_id, int limit);
  void SetSearchTerms(db::Tx& tx, std::int64_t id, const std::string& search_terms);
  /// The version of the search terms the customers were indexed with (kSearchTermsVersion).
  int SearchTermsVersion(db::Tx& tx);
  void SetSearchTermsVersion(db::Tx& tx, int version);
  /// Adds customers `first_id`..`last_id` (inserted with index_now false, in this transaction)
  /// to the search index.
  void IndexInserted(db::Tx& tx, std::int64_t first_id, std::int64_t last_id);
  /// Stores an import's error report (ErrorReportWriter's CSV) and forgets reports older than a
  /// week; answers its id.
  std::int64_t InsertErrorReport(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id, std::int64_t rows,
                                 const std::string& csv, Timestamp now);
  /// An error report of the tenant younger than a week: who made it and its CSV.
  std::optional<std::pair<std::int64_t, std::string>> FindErrorReport(db::Tx& tx, std::int64_t tenant_id, std::int64_t id,
                                                                      Timestamp now);
  /// Writes every column and replaces the phones when the version matches (or is not given).
  bool Update(db::Tx& tx, const Customer& c, const std::string& search_terms, std::optional<std::int64_t> expected_version);
  /// The customer, with its org path and whether a viewer at `viewer_path` sees it (`shared`: held
  /// under that path, or shared with it or a unit under it).
  std::optional<ScopedCustomer> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, const std::string& viewer_path);
  /// Shares the customer with an org unit for a reason; false when that share already existed.
  bool AddShare(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, std::int64_t org_unit_id,
                ShareReason reason, std::int64_t source_id, Timestamp now);
  void RemoveShare(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, ShareReason reason,
                   std::int64_t source_id);
  /// A merge: `from`'s shares become `into`'s.
  void MoveShares(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into);
  /// The customer already holding one of `phones` or `id_number` in the tenant, other than
  /// `except_id`, with the field that clashed ("phone" or "id_number"); nullopt when none does.
  std::optional<std::pair<std::int64_t, std::string>> FindDuplicate(db::Tx& tx, std::int64_t tenant_id, const std::vector<CustomerPhone>& phones,
                                            const std::optional<std::string>& id_number, std::int64_t except_id);
  /// Customers under `path_prefix` or shared with it, newest first, after the cursor; one more than the limit.
  std::vector<Customer> List(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, const Page& page);
  /// Up to `max` customers under `path_prefix` whose search terms hold all of `tokens`, newest
  /// first. Reads the index first, then at most `max` rows.
  std::vector<Customer> Search(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                               const std::vector<std::string>& tokens, int max);
  /// How many customers under `path_prefix` (or shared with it) the index finds for `tokens`,
  /// counting up to `cap` (index entries and each match's scope; not its columns).
  /// Like Search, unordered, with only the id, name, phones and ID number of each record (to
  /// check candidates against a query without reading whole records).
  std::vector<Customer> Candidates(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                   const std::vector<std::string>& tokens, int max);
  std::int64_t CountMatches(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                            const std::vector<std::string>& tokens, std::int64_t cap);
  /// Marks `from` as merged into `into`: it keeps its name, loses phones, ID and search terms.
  void MarkMerged(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into, Timestamp now);
  /// id → name of those of `ids` in the group.
  std::map<std::int64_t, CustomerContact> ContactsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  std::map<std::int64_t, CustomerContact> ContactsIn(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                      const std::vector<std::int64_t>& ids);
  std::vector<std::pair<std::int64_t, CustomerContact>> ContactsAfter(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                                      std::int64_t after_id, int limit);
  std::pair<std::int64_t, std::int64_t> IdRange(db::Tx& tx, std::int64_t tenant_id);
  std::vector<Customer> PageAfter(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, std::int64_t after_id,
                                  int limit);
  std::map<std::int64_t, CustomerCard> CardsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
};

}  // namespace hearth::customers
