#include "platform/org_service.hpp"

#include "platform/org_repo.hpp"

namespace hearth::platform {

int KindRank(std::string_view kind) {
  if (kind == "group") return 0;
  if (kind == "region") return 1;
  if (kind == "city") return 2;
  if (kind == "project") return 3;
  return -1;
}

boost::json::object ToJson(const OrgUnit& u) {
  boost::json::object o;
  o["id"] = u.id;
  o["name"] = u.name;
  o["kind"] = u.kind;
  o["parent_id"] = u.parent_id ? boost::json::value(*u.parent_id) : nullptr;
  o["version"] = u.version;
  o["created_at"] = FormatRfc3339(u.created_at);
  o["updated_at"] = FormatRfc3339(u.updated_at);
  return o;
}

Result<OrgUnit> OrgService::FindInScope(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto unit = repo_->Find(tx, actor.tenant_id, id);
  if (!unit || !actor.InScope(unit->path)) return NotFound("no such org unit");
  return *unit;
}

OrgUnit OrgService::CreateGroup(db::Tx& tx, const std::string& name) {
  return repo_->Insert(tx, name, "group", nullptr, clock_.Now());
}

Result<OrgUnit> OrgService::Create(const RequestContext& ctx, const CreateOrgUnit& cmd) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kOrgWrite)) return Forbidden("your role may not change the org tree");
  if (!cmd.parent_id) return FailField("parent_id", "required");
  return db_.Transact([&](db::Tx& tx) -> Result<OrgUnit> {
    auto parent = FindInScope(tx, actor, *cmd.parent_id);
    if (!parent) return FailField("parent_id", "not_found");
    if (KindRank(cmd.kind) <= KindRank(parent->kind)) return FailField("kind", "invalid_for_parent");
    OrgUnit unit = repo_->Insert(tx, cmd.name, cmd.kind, &*parent, clock_.Now());
    audit_.Record(tx, ctx, "org_unit.created", "org_unit", unit.id, nullptr, ToJson(unit));
    return unit;
  });
}

Result<OrgUnit> OrgService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kOrgRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return FindInScope(tx, actor, id); });
}

Result<Listing<OrgUnit>> OrgService::List(const RequestContext& ctx, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kOrgRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Listing<OrgUnit>> {
    Listing<OrgUnit> out;
    out.items = repo_->ListUnder(tx, actor.tenant_id, actor.IsAdmin() ? "/" : actor.org_path, page);
    out.next_cursor = TrimToPage(out.items, page, [](const OrgUnit& u) { return u.id; });
    return out;
  });
}

Result<OrgUnit> OrgService::Rename(const RequestContext& ctx, std::int64_t id, const std::string& name,
                                   std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kOrgWrite)) return Forbidden("your role may not change the org tree");
  return db_.Transact([&](db::Tx& tx) -> Result<OrgUnit> {
    HEARTH_ASSIGN(OrgUnit before, FindInScope(tx, actor, id));
    if (!repo_->Rename(tx, actor.tenant_id, id, name, expected_version, clock_.Now())) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the org unit was changed by someone else; reload it");
    }
    OrgUnit after = *repo_->Find(tx, actor.tenant_id, id);
    audit_.Record(tx, ctx, "org_unit.updated", "org_unit", id, ToJson(before), ToJson(after));
    return after;
  });
}

}  // namespace hearth::platform
