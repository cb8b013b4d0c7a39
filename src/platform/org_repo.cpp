#include "platform/org_repo.hpp"

#include "core/hidden_impl.hpp"

namespace hearth::platform {

namespace {


constexpr std::string_view kInsert = R"sql(
INSERT INTO org_units (tenant_id, parent_id, kind, name, path, created_at, updated_at)
VALUES ($1, $2, $3, $4, '', $5, $5) RETURNING id)sql";
constexpr std::string_view kSetPath = "UPDATE org_units SET path = $2, tenant_id = $3 WHERE id = $1";
constexpr std::string_view kFind = R"sql(
SELECT id, tenant_id, parent_id, kind, name, path, version, created_at, updated_at
  FROM org_units WHERE id = $1 AND tenant_id = $2)sql";
constexpr std::string_view kListUnder = R"sql(
SELECT id, tenant_id, parent_id, kind, name, path, version, created_at, updated_at
  FROM org_units WHERE tenant_id = $1 AND path LIKE $2 AND id > $3 ORDER BY id LIMIT $4)sql";
constexpr std::string_view kRename = R"sql(
UPDATE org_units SET name = $3, version = version + 1, updated_at = $5
 WHERE id = $1 AND tenant_id = $2 AND (CAST($4 AS BIGINT) IS NULL OR version = $4))sql";

OrgUnit FromRow(const db::Row& r) {
  return OrgUnit{r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6), r.Time(7), r.Time(8)};
}

std::string EscapeLike(const std::string& s) {
  // Paths hold only digits and '/', so there is nothing to escape; kept explicit for clarity.
  return s;
}

}  // namespace

OrgUnit OrgRepo::Insert(db::Tx& tx, const std::string& name, const std::string& kind, const OrgUnit* parent,
                        Timestamp now) {
  const std::int64_t tenant = parent ? parent->tenant_id : 0;
  const auto id = tx.Execute(kInsert, tenant, parent ? std::optional<std::int64_t>(parent->id) : std::nullopt, kind,
                             name, now)
                      .front()
                      .Int(0);
  const std::string path = (parent ? parent->path : std::string("/")) + std::to_string(id) + "/";
  const std::int64_t tenant_id = parent ? parent->tenant_id : id;
  tx.Execute(kSetPath, id, path, tenant_id);
  return OrgUnit{id, tenant_id, parent ? std::optional<std::int64_t>(parent->id) : std::nullopt, kind, name, path, 1,
                 now, now};
}

std::optional<OrgUnit> OrgRepo::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return FromRow(rows.front());
}

std::vector<OrgUnit> OrgRepo::ListUnder(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                        const Page& page) {
  auto rows = tx.Execute(kListUnder, tenant_id, EscapeLike(path_prefix) + "%", page.after_id.value_or(0),
                         page.limit + 1);
  std::vector<OrgUnit> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(FromRow(rows[i]));
  return out;
}

bool OrgRepo::Rename(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, const std::string& name,
                     std::optional<std::int64_t> expected_version, Timestamp now) {
  return tx.Execute(kRename, id, tenant_id, name, expected_version, now).affected == 1;
}

std::int64_t OrgRepo::CountAll(db::Tx& tx) { return tx.Execute("SELECT COUNT(*) FROM org_units").front().Int(0); }

}  // namespace hearth::platform

template class hearth::Hidden<hearth::platform::OrgRepo>;  // owned by the module's services (core/hidden.hpp)
