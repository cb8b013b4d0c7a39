#pragma once
#include <map>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer.hpp"
#include "modules/customers/customer_import.hpp"
#include "core/hidden.hpp"
#include "modules/customers/timeline.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"

namespace hearth::customers {

class CustomerRepo;  // modules/customers/customer_repo.hpp: the module's SQL, not part of this interface

/// What another module does when two customers are merged: move its own records of `from` to
/// `into`, in the merge's transaction. Registered once at start-up (STYLE.md §8.6).
using MergeHook = std::function<void(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into)>;

/// Finds customers by something another module owns (a unit code "3-2-1101" → its owners).
using CustomerLookup =
    std::function<std::vector<std::int64_t>(db::Tx& tx, std::int64_t tenant_id, const std::string& query)>;

struct SearchResult {
  std::vector<Customer> items;
  bool truncated = false;  ///< more rows matched than were ranked
  std::int64_t total = 0;  ///< how many match, counted up to kSearchCountCap
  bool total_capped = false;
  std::optional<int> next_offset;  ///< where the next page of the best matches starts
};

/// Customer 360 use cases. Reads need kRecordRead, writes kRecordWrite, and every customer is
/// scoped by its owning org unit and by its shares (a home, deal or ticket in another company's
/// org unit): 404 when neither lies in the caller's subtree. Phones and ID numbers are
/// shown unmasked only to roles with kPersonalDataView (each such read is audited) or through
/// Reveal (audited).
class CustomerService {
 public:
  CustomerService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::OrgService& orgs)
      : db_(db), clock_(clock), audit_(audit), orgs_(orgs) {
    // The audit log names customers by name.
    audit_.AddNamer("customer", [this](db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
      return NamesOf(tx, tenant_id, ids);
    });
  }

  /// 409 duplicate_customer (with existing_id) when a phone or the ID number is already held
  /// in the group; 422 for bad fields.
  Result<Customer> Create(const RequestContext& ctx, const CustomerInput& input);
  /// 404 for unknown, out-of-scope, or merged customers (the error then carries merged_into).
  Result<Customer> Get(const RequestContext& ctx, std::int64_t id);
  /// The customer holding this phone number (any form NormalizePhone reads) in the caller's
  /// scope; nullopt when none does (or only one the caller may not see).
  Result<std::optional<Customer>> FindByPhone(const RequestContext& ctx, const std::string& phone);
  Result<Customer> Update(const RequestContext& ctx, std::int64_t id, const CustomerInput& input,
                          std::optional<std::int64_t> expected_version);
  Result<platform::Listing<Customer>> List(const RequestContext& ctx, const Page& page);
  /// Best matches first for a fragment of a name (2 characters or more), of a phone or ID
  /// number (4 digits or more), `limit` of them from `offset` (pages reach the best
  /// kSearchRankCap), with the number of matches. 422 "q" "too_short" for shorter queries.
  Result<SearchResult> Search(const RequestContext& ctx, const std::string& q, int limit, int offset = 0);
  static constexpr int kSearchRankCap = 200;
  static constexpr std::int64_t kSearchCountCap = 200;  // as far as the ranked pages reach
  /// The unmasked phones and ID number, audited as personal_data.revealed. Any role that may
  /// write records may reveal; viewers may not (403).
  Result<Customer> Reveal(const RequestContext& ctx, std::int64_t id, const std::string& reason);
  /// Moves phones, ID number, timeline and every module's records of `from_id` to `id`; `from_id`
  /// then answers 404 with merged_into. 422 when merging a customer into itself.
  Result<Customer> Merge(const RequestContext& ctx, std::int64_t id, std::int64_t from_id);
  /// At start-up: when the customers were indexed with older search terms (kSearchTermsVersion),
  /// indexes them again, 2,000 at a time; returns how many changed.
  Result<std::int64_t> RefreshSearchTerms();
  /// Anonymises under the personal-information law: name, phones, ID, contact and household data
  /// are erased; business records (units, tickets, timeline) stay. Needs kPersonalDataView.
  Result<Customer> Anonymize(const RequestContext& ctx, std::int64_t id);
  /// Timeline of a customer in scope, newest first.
  Result<std::pair<std::vector<TimelineEvent>, std::optional<std::string>>> TimelinePage(
      const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& kind,
      const std::optional<std::string>& cursor, int limit);

  /// Imports a CSV (UTF-8 with or without BOM, or GB18030) or an XLSX workbook (its first sheet)
  /// whose header names customer fields. The file is read and checked on a thread of its own
  /// while this one writes batches of rows, each batch one transaction.
  /// Every row passes the checks of Create; rejected rows are reported with line, field and
  /// reason and never stop the good ones. Rows whose phone or ID number is already known (in the
  /// group or earlier in the file) count as duplicates and are skipped, or merged when asked.
  /// 422 "file" when the file is not text or has no usable header.
  /// The org unit an import would file customers under; 403 when the caller may not import,
  /// 422 org_unit_id outside their scope.
  Result<std::int64_t> ImportTarget(const RequestContext& ctx, const ImportOptions& options);
  Result<ImportReport> Import(const RequestContext& ctx, std::string_view bytes, const ImportOptions& options,
                              const ImportProgress& progress = {});
  /// What the caller may see (matching `q` when given), masked as they would see it, as CSV
  /// (UTF-8 with BOM, for Excel) or XLSX. At most `max_rows` rows.
  /// An import's error report (ImportReport::error_report_id) as "csv" (UTF-8 with a BOM) or
  /// "xlsx": the importer's own, or any of the group's for an administrator; 404 otherwise.
  Result<std::string> ErrorReport(const RequestContext& ctx, std::int64_t id, const std::string& format);
  Result<std::string> Export(const RequestContext& ctx, const std::optional<std::string>& q, const std::string& format,
                             int max_rows);

  /// The names of those of `ids` that are customers of the group, in the caller's transaction (for
  /// other modules' lists: a unit's owners). Names are not masked; no scope check.
  std::map<std::int64_t, std::string> NamesOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  /// Name and masked first phone of those of `ids` that are customers of the group (other
  /// modules' lists: a ticket queue). No scope check.
  std::map<std::int64_t, CustomerCard> CardsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  /// How to reach those of `ids` that are live customers of the group (not merged, not
  /// anonymised): name, first phone and e-mail unmasked, marketing consent. For other modules'
  /// messages (a survey's invitations); never rendered. No scope check.
  std::map<std::int64_t, CustomerContact> ContactsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  /// The same for those of `ids` whose record lies under `path_prefix` or is shared with a unit
  /// there (a campaign's audience in its company's scope).
  std::map<std::int64_t, CustomerContact> ContactsIn(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                      const std::vector<std::int64_t>& ids);
  /// Every live customer whose record lies under `path_prefix` or is shared with a unit there, from
  /// the first id after `after_id`, in id order, with how to reach them (a campaign to all).
  std::vector<std::pair<std::int64_t, CustomerContact>> ContactsAfter(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                                      std::int64_t after_id, int limit);
  /// The group's live customers (not merged away) whose record sits under `path_prefix`, from the
  /// first id after `after_id`, in id order, with their org unit's path (the segments read them
  /// a page at a time; no scope check, no masking: what is computed from them is aggregates).
  std::vector<Customer> PageAfter(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix, std::int64_t after_id,
                                  int limit);
  /// The lowest and highest id of the group's customers ({0, 0} when none): a sample's range.
  std::pair<std::int64_t, std::int64_t> IdRange(db::Tx& tx, std::int64_t tenant_id);
  /// Appends an event to a customer's timeline in the caller's transaction (for other modules).
  void AppendTimeline(db::Tx& tx, std::int64_t tenant_id, const TimelineEvent& event,
                      std::optional<std::int64_t> actor_id);
  /// The sharing rule (customer_shares): another module that gives a customer a home, a deal or
  /// a ticket in org unit `org_unit_id` shares the customer with that unit's staff, in its own
  /// transaction (`source_id`: the unit, contract or ticket). Idempotent; a new share is audited
  /// as customer.shared when `ctx` is given (the demo loader passes none).
  void Share(db::Tx& tx, const RequestContext* ctx, std::int64_t tenant_id, std::int64_t customer_id,
             std::int64_t org_unit_id, ShareReason reason, std::int64_t source_id);
  /// The reason is gone (an owner removed): the share it gave is withdrawn, audited.
  void Unshare(db::Tx& tx, const RequestContext& ctx, std::int64_t customer_id, ShareReason reason,
               std::int64_t source_id);
  void AddMergeHook(MergeHook hook) { merge_hooks_.push_back(std::move(hook)); }
  /// Consulted for queries shaped like a unit code (letters and digits in 2–3 groups joined by '-').
  void AddLookup(CustomerLookup lookup) { lookups_.push_back(std::move(lookup)); }

  static bool SeesPersonalData(const RequestContext& ctx) {
    return ctx.actor && ctx.actor->Can(Permission::kPersonalDataView);
  }
  /// 404 unless customer `id` exists, is not merged away and lies in the actor's scope (for other
  /// modules' reads about a customer, in the caller's transaction).
  Result<void> CheckInScope(db::Tx& tx, const Actor& actor, std::int64_t id) {
    HEARTH_TRY(FindInScope(tx, actor, id));
    return {};
  }
  /// The same check, answering the customer (unmasked: for the caller's rules, not for showing).
  Result<Customer> CustomerFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
    HEARTH_ASSIGN(auto found, FindInScope(tx, actor, id));
    return std::move(found.customer);
  }
  /// Audits that these customers were shown unmasked (one entry per response).
  void NoteUnmaskedRead(const RequestContext& ctx, const std::vector<const Customer*>& shown);

 private:
  Result<ScopedCustomer> FindInScope(db::Tx& tx, const Actor& actor, std::int64_t id);
  /// The customer holding one of these whole numbers (unique in the group), when `actor` sees them.
  std::optional<Customer> FindByNumber(db::Tx& tx, const Actor& actor, const std::vector<CustomerPhone>& phones,
                                       const std::optional<std::string>& id_number);
  Result<void> CheckDuplicate(db::Tx& tx, const Customer& c);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::OrgService& orgs_;
  Hidden<CustomerRepo> repo_;
  Timeline timeline_;
  std::vector<MergeHook> merge_hooks_;
  std::vector<CustomerLookup> lookups_;
};

}  // namespace hearth::customers
