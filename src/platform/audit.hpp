#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/audit_journal.hpp"

namespace hearth::platform {

struct AuditEntry {
  std::int64_t id = 0;
  Timestamp at;
  std::optional<std::int64_t> actor_id;
  std::string actor_username;
  std::string action;       ///< "user.created", "org_unit.updated", "personal_data.viewed"…
  std::string entity_type;  ///< "user", "org_unit"…
  std::optional<std::int64_t> entity_id;
  boost::json::value before;  ///< null when nothing existed before
  boost::json::value after;   ///< null when nothing exists after
  std::string request_id;
  /// The object's name as people know it (a customer's name, a unit's code), when listed and a
  /// module names objects of this type (AuditLog::AddNamer).
  std::optional<std::string> entity_name = std::nullopt;
  std::optional<std::string> actor_name = std::nullopt;  ///< the actor's display name, when listed
};

/// Names the objects of one entity type for the audit log's readers: id → name for those of `ids`
/// in the group (one query for a page of entries).
using AuditNamer = std::function<std::map<std::int64_t, std::string>(db::Tx& tx, std::int64_t tenant_id,
                                                                     const std::vector<std::int64_t>& ids)>;

struct AuditFilter {
  std::optional<std::string> action;
  std::optional<std::string> entity_type;
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> actor_id;
  std::optional<Timestamp> from;  ///< at or after
  std::optional<Timestamp> to;    ///< before
};

/// The audit log: every write (who, when, what, before and after) and every read of unmasked
/// personal data. Entries of writes are written inside the caller's transaction, so they commit
/// or roll back with the change they describe. Entries of reads go through the journal when one
/// is open (`hearth serve`): off the read's path, written in batches, never lost.
class AuditLog {
 public:
  AuditLog(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  ~AuditLog();

  /// Sends the entries of reads through a journal in `options.dir` from now on, after writing
  /// those that an earlier process left there (returns how many). Throws when the directory
  /// cannot be written.
  std::size_t OpenJournal(AuditJournal::Options options);
  AuditJournal* journal() { return journal_.get(); }

  /// Appends an entry in `tx`. `tenant_id` defaults to the actor's.
  void Record(db::Tx& tx, const RequestContext& ctx, std::string_view action, std::string_view entity_type,
              std::optional<std::int64_t> entity_id, const boost::json::value& before,
              const boost::json::value& after, std::optional<std::int64_t> tenant_id = std::nullopt);

  /// Audits that personal data (`fields`) of the records `ids` was shown unmasked: one entry per
  /// response, journaled (or, without a journal, written in a transaction of its own). Nothing
  /// when `ids` is empty.
  void RecordUnmaskedRead(const RequestContext& ctx, std::string_view entity_type, const std::vector<std::int64_t>& ids,
                          const std::vector<std::string>& fields);

  /// Entries of the caller's tenant, newest first (the journal's pending ones written first).
  /// Needs Permission::kAuditRead (403 otherwise).
  Result<std::pair<std::vector<AuditEntry>, std::optional<std::string>>> List(const RequestContext& ctx,
                                                                              const AuditFilter& filter,
                                                                              const Page& page);

  /// A module names its objects in the log (customers by name, units by code…), registered once
  /// at start-up, as CustomerService::AddLookup does for search.
  void AddNamer(std::string entity_type, AuditNamer namer) { namers_.emplace(std::move(entity_type), std::move(namer)); }

 private:
  /// Fills the entries' entity and actor names: one query per entity type and one for the people.
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<AuditEntry>& entries) const;

  db::Database& db_;
  const Clock& clock_;
  std::map<std::string, AuditNamer, std::less<>> namers_;
  std::unique_ptr<AuditJournal> journal_;
};

boost::json::object ToJson(const AuditEntry& entry);

/// The rows that journaled entries are written as. Reads (RecordUnmaskedRead's entries) of one
/// person, from one address, of one kind of record and the same fields fold into one entry of at
/// most 100 reads: `after` is {"fields", "ids" (distinct), "reads": [{"at", "request_id", "ids"}]},
/// `entity_id` is set when they all read one record, `request_id` is empty. A manager reading
/// thousands of records a second adds tens of rows, not thousands of random index entries. An
/// entry alone, or one of another shape, is written as it came. Order is kept (by first read).
std::vector<JournaledEntry> FoldReads(const std::vector<const JournaledEntry*>& entries);

}  // namespace hearth::platform
