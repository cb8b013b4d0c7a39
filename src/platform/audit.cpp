#include "platform/audit.hpp"

#include "core/json_writer.hpp"
#include "platform/directory.hpp"

#include <boost/json/parse.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <set>

namespace hearth::platform {

namespace {

constexpr std::string_view kInsert = R"sql(
INSERT INTO audit_log (tenant_id, at, actor_id, actor_username, action, entity_type, entity_id, before_json,
                       after_json, request_id, remote_address, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $2))sql";

constexpr std::string_view kInsertJournaled = R"sql(
INSERT INTO audit_log (tenant_id, at, actor_id, actor_username, action, entity_type, entity_id, after_json,
                       request_id, remote_address, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $2))sql";
// Journaled entries go in kRowsPerInsert at a time (one statement, prepared once).
constexpr std::size_t kRowsPerInsert = 50;
const std::string kInsertJournaledRows = [] {
  std::string sql = R"sql(INSERT INTO audit_log (tenant_id, at, actor_id, actor_username, action, entity_type, entity_id,
                       after_json, request_id, remote_address, created_at) VALUES )sql";
  for (std::size_t r = 0; r < kRowsPerInsert; ++r) {
    const std::size_t b = r * 10;
    sql += fmt::format("{}(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})", r ? ", " : "", b + 1, b + 2, b + 3,
                       b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 2);
  }
  return sql;
}();
constexpr std::string_view kJournalMark = "SELECT written_seq FROM audit_journal_marks WHERE boot = $1";
constexpr std::string_view kSetJournalMark = R"sql(
INSERT INTO audit_journal_marks (boot, written_seq, at) VALUES ($1, $2, $3)
ON CONFLICT (boot) DO UPDATE SET written_seq = excluded.written_seq, at = excluded.at)sql";

// Optional filters are written as "$n IS NULL OR column = $n" so that one statement serves every
// combination; CAST keeps PostgreSQL from guessing the type of a NULL parameter.
constexpr std::string_view kList = R"sql(
SELECT id, at, actor_id, actor_username, action, entity_type, entity_id, before_json, after_json, request_id
  FROM audit_log
 WHERE tenant_id = $1 AND id < $2
   AND (CAST($3 AS TEXT) IS NULL OR action = $3)
   AND (CAST($4 AS TEXT) IS NULL OR entity_type = $4)
   AND (CAST($5 AS BIGINT) IS NULL OR entity_id = $5)
   AND (CAST($6 AS BIGINT) IS NULL OR actor_id = $6)
   AND (CAST($8 AS BIGINT) IS NULL OR at >= $8)
   AND (CAST($9 AS BIGINT) IS NULL OR at < $9)
 ORDER BY id DESC
 LIMIT $7)sql";

// Reads of one person folded into one entry: at most this many (a page of the log names them all).
constexpr std::size_t kReadsPerEntry = 100;

boost::json::value ParseOrNull(const std::optional<std::string>& text) {
  if (!text || text->empty()) return nullptr;
  boost::system::error_code ec;
  auto v = boost::json::parse(*text, ec);
  return ec ? boost::json::value(nullptr) : v;
}

std::optional<std::string> SerializeOrNull(const boost::json::value& v) {
  if (v.is_null()) return std::nullopt;
  return boost::json::serialize(v);
}

}  // namespace

namespace {

// A read as RecordUnmaskedRead writes it: {"fields":[…],"ids":[…]}, the fields' JSON and the ids.
// Read from the text (the writer folds thousands a second); nullopt for any other shape.
struct ReadText {
  std::string_view fields;  ///< the array, brackets included
  std::vector<std::int64_t> ids;
};
std::optional<ReadText> ParseRead(std::string_view after) {
  constexpr std::string_view kHead = R"({"fields":[)";
  constexpr std::string_view kIds = R"(],"ids":[)";
  if (!after.starts_with(kHead) || !after.ends_with("]}")) return std::nullopt;
  const auto ids_at = after.find(kIds);
  if (ids_at == std::string_view::npos) return std::nullopt;
  ReadText read{after.substr(kHead.size() - 1, ids_at - kHead.size() + 2), {}};
  std::string_view rest = after.substr(ids_at + kIds.size(), after.size() - ids_at - kIds.size() - 2);
  while (!rest.empty()) {
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
    if (ec != std::errc()) return std::nullopt;
    read.ids.push_back(id);
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    if (!rest.empty() && rest.front() != ',') return std::nullopt;
    if (!rest.empty()) rest.remove_prefix(1);
  }
  // The fields are quoted words (RecordUnmaskedRead's callers name them): nothing to unescape.
  if (read.fields.find_first_of("{}\\") != std::string_view::npos) return std::nullopt;
  return read;
}

}  // namespace

std::vector<JournaledEntry> FoldReads(const std::vector<const JournaledEntry*>& entries) {
  struct Fold {
    const JournaledEntry* first;
    std::size_t row;  // its place in rows
    std::string_view fields;
    std::vector<std::int64_t> ids;  // distinct, in the order first read
    std::set<std::int64_t> seen;
    std::vector<std::pair<const JournaledEntry*, std::vector<std::int64_t>>> reads;
  };
  std::vector<Fold> folds;
  std::vector<JournaledEntry> rows;        // in order; a fold's row is filled in at the end
  std::map<std::string, std::size_t> open;  // key → index in folds of the fold still taking reads
  for (const JournaledEntry* e : entries) {
    auto read = e->after_json ? ParseRead(*e->after_json) : std::nullopt;
    if (!read) {
      rows.push_back(*e);  // not a read as RecordUnmaskedRead writes it: as it came
      continue;
    }
    // One person, one address, one kind of record, the same fields.
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", e->tenant_id, e->actor_id.value_or(-1),
                                  e->actor_username.value_or(""), e->action, e->entity_type, e->remote_address,
                                  read->fields);
    auto it = open.find(key);
    if (it == open.end() || folds[it->second].reads.size() >= kReadsPerEntry) {
      folds.push_back(Fold{e, rows.size(), read->fields, {}, {}, {}});
      rows.emplace_back();
      it = open.insert_or_assign(std::move(key), folds.size() - 1).first;
    }
    Fold& fold = folds[it->second];
    for (auto id : read->ids) {
      if (fold.seen.insert(id).second) fold.ids.push_back(id);
    }
    fold.reads.emplace_back(e, std::move(read->ids));
  }
  for (const Fold& fold : folds) {
    JournaledEntry entry = *fold.first;
    if (fold.reads.size() > 1) {
      entry.entity_id = fold.ids.size() == 1 ? std::optional<std::int64_t>(fold.ids[0]) : std::nullopt;
      entry.request_id.clear();  // each read's is in `reads`
      JsonWriter w;
      w.BeginObject();
      w.Key("fields");
      w.Raw(fold.fields);
      w.Key("ids");
      w.BeginArray();
      for (auto id : fold.ids) w.Int(id);
      w.EndArray();
      w.Key("reads");
      w.BeginArray();
      for (const auto& [e, ids] : fold.reads) {
        w.BeginObject();
        w.Key("at");
        w.String(FormatRfc3339(Timestamp{e->at_ms}));
        w.Key("request_id");
        w.Bytes(e->request_id);
        w.Key("ids");
        w.BeginArray();
        for (auto id : ids) w.Int(id);
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
      entry.after_json = std::move(w).Take();
    }
    rows[fold.row] = std::move(entry);
  }
  return rows;
}

void AuditLog::Record(db::Tx& tx, const RequestContext& ctx, std::string_view action, std::string_view entity_type,
                      std::optional<std::int64_t> entity_id, const boost::json::value& before,
                      const boost::json::value& after, std::optional<std::int64_t> tenant_id) {
  const Actor* actor = ctx.actor ? &*ctx.actor : nullptr;
  const std::int64_t tenant = tenant_id ? *tenant_id : (actor ? actor->tenant_id : 0);
  tx.Execute(kInsert, tenant, clock_.Now(), actor ? std::optional<std::int64_t>(actor->user_id) : std::nullopt,
             actor ? std::optional<std::string>(actor->username) : std::nullopt, action, entity_type, entity_id,
             SerializeOrNull(before), SerializeOrNull(after), ctx.request_id, ctx.remote_address);
}

AuditLog::~AuditLog() = default;

std::size_t AuditLog::OpenJournal(AuditJournal::Options options) {
  auto journal = std::make_unique<AuditJournal>(std::move(options), [this](const std::vector<JournaledEntry>& batch) {
    if (batch.empty()) return;
    auto done = db_.Transact([&](db::Tx& tx) -> Result<void> {
      // Entries up to the mark were written before (a journal replayed after a crash).
      const auto mark = tx.Execute(kJournalMark, batch.front().boot);
      const std::int64_t written = mark.empty() ? 0 : mark.front().Int(0);
      std::vector<const JournaledEntry*> fresh;
      for (const auto& e : batch) {
        if (e.seq > written) fresh.push_back(&e);
      }
      const std::vector<JournaledEntry> rows = FoldReads(fresh);
      std::vector<const JournaledEntry*> unwritten;
      for (const auto& e : rows) unwritten.push_back(&e);
      std::vector<db::Value> values;
      std::size_t i = 0;
      for (; i + kRowsPerInsert <= unwritten.size(); i += kRowsPerInsert) {
        values.clear();
        for (std::size_t r = i; r < i + kRowsPerInsert; ++r) {
          const JournaledEntry& e = *unwritten[r];
          for (db::Value v : {db::ToValue(e.tenant_id), db::ToValue(e.at_ms), db::ToValue(e.actor_id),
                              db::ToValue(e.actor_username), db::ToValue(e.action), db::ToValue(e.entity_type),
                              db::ToValue(e.entity_id), db::ToValue(e.after_json), db::ToValue(e.request_id),
                              db::ToValue(e.remote_address)}) {
            values.push_back(std::move(v));
          }
        }
        tx.ExecuteValues(kInsertJournaledRows, values);
      }
      for (; i < unwritten.size(); ++i) {
        const JournaledEntry& e = *unwritten[i];
        tx.Execute(kInsertJournaled, e.tenant_id, e.at_ms, e.actor_id, e.actor_username, e.action, e.entity_type,
                   e.entity_id, e.after_json, e.request_id, e.remote_address);
      }
      tx.Execute(kSetJournalMark, batch.front().boot, std::max(written, batch.back().seq), clock_.Now());
      return {};
    });
    if (!done) throw std::runtime_error(done.error().message);
  });
  const std::size_t replayed = journal->Recover();
  journal_ = std::move(journal);
  return replayed;
}

void AuditLog::RecordUnmaskedRead(const RequestContext& ctx, std::string_view entity_type,
                                  const std::vector<std::int64_t>& ids, const std::vector<std::string>& fields) {
  if (ids.empty()) return;
  const std::optional<std::int64_t> single = ids.size() == 1 ? std::optional<std::int64_t>(ids[0]) : std::nullopt;
  if (journal_) {
    // On the read's path: the entry is made as cheaply as it can be ({"fields":[…],"ids":[…]};
    // the fields are words of the caller's, FoldReads reads this shape back).
    std::string after = R"({"fields":[)";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) after += ',';
      after += '"';
      after += fields[i];
      after += '"';
    }
    after += R"(],"ids":[)";
    char digits[24];
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (i) after += ',';
      after.append(digits, std::to_chars(digits, digits + sizeof digits, ids[i]).ptr);
    }
    after += "]}";
    const Actor* actor = ctx.actor ? &*ctx.actor : nullptr;
    journal_->Append(JournaledEntry{
        .boot = {},
        .seq = 0,
        .tenant_id = actor ? actor->tenant_id : 0,
        .at_ms = clock_.Now().ms,
        .actor_id = actor ? std::optional<std::int64_t>(actor->user_id) : std::nullopt,
        .actor_username = actor ? std::optional<std::string>(actor->username) : std::nullopt,
        .action = "personal_data.viewed",
        .entity_type = std::string(entity_type),
        .entity_id = single,
        .after_json = std::move(after),
        .request_id = ctx.request_id,
        .remote_address = ctx.remote_address});
    return;
  }
  boost::json::array id_array(ids.begin(), ids.end());
  boost::json::array field_array(fields.begin(), fields.end());
  auto done = db_.Transact([&](db::Tx& tx) -> Result<void> {
    Record(tx, ctx, "personal_data.viewed", entity_type, single, nullptr,
           boost::json::object{{"fields", std::move(field_array)}, {"ids", std::move(id_array)}});
    return {};
  });
  (void)done;  // the lambda cannot fail; a database error throws
}

Result<std::pair<std::vector<AuditEntry>, std::optional<std::string>>> AuditLog::List(const RequestContext& ctx,
                                                                                      const AuditFilter& filter,
                                                                                      const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kAuditRead)) return Forbidden("only administrators may read the audit log");
  if (journal_) journal_->Flush();  // the reader sees the reads audited a moment ago
  return db_.Read([&](db::Tx& tx) -> Result<std::pair<std::vector<AuditEntry>, std::optional<std::string>>> {
    auto rows = tx.Execute(kList, actor.tenant_id, page.after_id.value_or(INT64_MAX), filter.action,
                           filter.entity_type, filter.entity_id, filter.actor_id, page.limit + 1,
                           filter.from ? std::optional<std::int64_t>(filter.from->ms) : std::nullopt,
                           filter.to ? std::optional<std::int64_t>(filter.to->ms) : std::nullopt);
    std::vector<AuditEntry> entries;
    std::optional<std::string> next;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      entries.push_back(AuditEntry{r.Int(0), r.Time(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.OptInt(6),
                                   ParseOrNull(r.OptText(7)), ParseOrNull(r.OptText(8)), r.Text(9)});
    }
    next = TrimToPage(entries, page, [](const AuditEntry& e) { return e.id; });
    Name(tx, actor.tenant_id, entries);
    return std::make_pair(std::move(entries), next);
  });
}

namespace {

// The reads of a folded entry (FoldReads) that read one record each.
std::vector<boost::json::object*> SingleReads(AuditEntry& e) {
  std::vector<boost::json::object*> out;
  auto* after = e.after.if_object();
  auto* reads = after ? after->if_contains("reads") : nullptr;
  if (!reads || !reads->is_array()) return out;
  for (auto& read : reads->as_array()) {
    auto* r = read.if_object();
    const auto* ids = r ? r->if_contains("ids") : nullptr;
    if (ids && ids->is_array() && ids->as_array().size() == 1 && ids->as_array()[0].is_int64()) out.push_back(r);
  }
  return out;
}

}  // namespace

void AuditLog::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<AuditEntry>& entries) const {
  std::map<std::string_view, std::vector<std::int64_t>> ids_by_type;
  for (auto& e : entries) {
    if (!namers_.contains(e.entity_type)) continue;
    auto& ids = ids_by_type[e.entity_type];
    if (e.entity_id) ids.push_back(*e.entity_id);
    for (auto* read : SingleReads(e)) ids.push_back(read->at("ids").as_array()[0].as_int64());
  }
  for (auto& [type, ids] : ids_by_type) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const auto names = namers_.find(type)->second(tx, tenant_id, ids);
    for (auto& e : entries) {
      if (e.entity_type != type) continue;
      if (e.entity_id) {
        if (auto n = names.find(*e.entity_id); n != names.end()) e.entity_name = n->second;
      }
      // Each read of a folded entry is named where it is, as `entity_name`.
      for (auto* read : SingleReads(e)) {
        if (auto n = names.find(read->at("ids").as_array()[0].as_int64()); n != names.end()) {
          (*read)["entity_name"] = n->second;
        }
      }
    }
  }
  directory::NameActors(tx, tenant_id, entries);
}

boost::json::object ToJson(const AuditEntry& e) {
  boost::json::object o;
  o["id"] = e.id;
  o["at"] = FormatRfc3339(e.at);
  o["actor_id"] = e.actor_id ? boost::json::value(*e.actor_id) : nullptr;
  o["actor_username"] = e.actor_username;
  o["action"] = e.action;
  o["entity_type"] = e.entity_type;
  o["entity_id"] = e.entity_id ? boost::json::value(*e.entity_id) : nullptr;
  o["before"] = e.before;
  o["after"] = e.after;
  o["request_id"] = e.request_id;
  o["entity_name"] = e.entity_name ? boost::json::value(*e.entity_name) : nullptr;
  o["actor_name"] = e.actor_name ? boost::json::value(*e.actor_name) : nullptr;
  return o;
}

}  // namespace hearth::platform
