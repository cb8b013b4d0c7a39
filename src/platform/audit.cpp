#include "platform/audit.hpp"

#include "platform/directory.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hearth::platform {

namespace {

constexpr std::string_view kInsert = R"sql(
INSERT INTO audit_log (tenant_id, at, actor_id, actor_username, action, entity_type, entity_id, before_json,
                       after_json, request_id, remote_address, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $2))sql";

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

void AuditLog::Record(db::Tx& tx, const RequestContext& ctx, std::string_view action, std::string_view entity_type,
                      std::optional<std::int64_t> entity_id, const boost::json::value& before,
                      const boost::json::value& after, std::optional<std::int64_t> tenant_id) {
  const Actor* actor = ctx.actor ? &*ctx.actor : nullptr;
  const std::int64_t tenant = tenant_id ? *tenant_id : (actor ? actor->tenant_id : 0);
  tx.Execute(kInsert, tenant, clock_.Now(), actor ? std::optional<std::int64_t>(actor->user_id) : std::nullopt,
             actor ? std::optional<std::string>(actor->username) : std::nullopt, action, entity_type, entity_id,
             SerializeOrNull(before), SerializeOrNull(after), ctx.request_id, ctx.remote_address);
}

void AuditLog::RecordUnmaskedRead(const RequestContext& ctx, std::string_view entity_type,
                                  const std::vector<std::int64_t>& ids, const std::vector<std::string>& fields) {
  if (ids.empty()) return;
  boost::json::array id_array(ids.begin(), ids.end());
  boost::json::array field_array(fields.begin(), fields.end());
  auto done = db_.Transact([&](db::Tx& tx) -> Result<void> {
    const std::optional<std::int64_t> single = ids.size() == 1 ? std::optional<std::int64_t>(ids[0]) : std::nullopt;
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

void AuditLog::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<AuditEntry>& entries) const {
  std::map<std::string_view, std::vector<std::int64_t>> ids_by_type;
  for (const auto& e : entries) {
    if (e.entity_id && namers_.contains(e.entity_type)) ids_by_type[e.entity_type].push_back(*e.entity_id);
  }
  for (const auto& [type, ids] : ids_by_type) {
    const auto names = namers_.find(type)->second(tx, tenant_id, ids);
    for (auto& e : entries) {
      if (e.entity_type != type || !e.entity_id) continue;
      if (auto n = names.find(*e.entity_id); n != names.end()) e.entity_name = n->second;
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
