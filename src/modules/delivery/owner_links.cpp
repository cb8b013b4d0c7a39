#include "modules/delivery/owner_links.hpp"

#include <fmt/format.h>

#include "core/hash.hpp"
#include "db/columns.hpp"
#include "platform/password.hpp"

namespace hearth::delivery {

namespace {

// Read in this order; the parent's column is named by the store.
const db::Columns<OwnerLink> kColumns{
    {"id", &OwnerLink::id},
    {"tenant_id", &OwnerLink::tenant_id},
    {"parent_id", &OwnerLink::parent_id},
    {"unit_id", &OwnerLink::unit_id},
    {"customer_id", &OwnerLink::customer_id},
    {"message_id", &OwnerLink::message_id},
    {"created_at", &OwnerLink::created_at},
    {"expires_at", &OwnerLink::expires_at},
    {"opened_at", &OwnerLink::opened_at},
};

}  // namespace

boost::json::object ToJson(const LinkRun& r) {
  boost::json::array sent, skipped;
  for (const auto& s : r.sent) {
    sent.push_back(boost::json::object{{"unit_id", s.unit_id}, {"unit_code", s.unit_code}, {"customer_name", s.customer_name}, {"url", s.url}});
  }
  for (const auto& s : r.skipped) {
    skipped.push_back(boost::json::object{{"unit_id", s.unit_id}, {"unit_code", s.unit_code}, {"reason", s.reason}});
  }
  return {{"sent_count", r.sent.size()}, {"skipped_count", r.skipped.size()}, {"sent", std::move(sent)}, {"skipped", std::move(skipped)}};
}

OwnerLinkStore::OwnerLinkStore(std::string_view table, std::string_view parent, inventory::InventoryService& inventory,
                               customers::CustomerService& customers, platform::MessageGateway& messages)
    : inventory_(inventory), customers_(customers), messages_(messages) {
  const std::string columns = fmt::format("id, tenant_id, {}, unit_id, customer_id, message_id, created_at, expires_at, opened_at", parent);
  by_token_ = fmt::format("SELECT {} FROM {} WHERE token_hash = $1", columns, table);
  of_parent_ = fmt::format("SELECT {} FROM {} WHERE {} = $1 ORDER BY unit_id", columns, table, parent);
  forget_ = fmt::format("DELETE FROM {} WHERE {} = $1 AND unit_id = $2", table, parent);
  insert_ = fmt::format(
      "INSERT INTO {} (tenant_id, {}, unit_id, customer_id, token_hash, created_by, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      table, parent);
  set_message_ = fmt::format("UPDATE {} SET message_id = $2 WHERE id = $1", table);
  opened_ = fmt::format("UPDATE {} SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL", table);
}

std::pair<std::int64_t, std::string> OwnerLinkStore::Issue(db::Tx& tx, std::int64_t tenant_id, std::int64_t parent_id, std::int64_t unit_id,
                                                           std::int64_t customer_id, std::int64_t created_by, Timestamp now,
                                                           Timestamp expires) const {
  std::string token = platform::RandomToken();
  tx.Execute(forget_, parent_id, unit_id);
  const auto id = tx.Execute(insert_, tenant_id, parent_id, unit_id, customer_id, Sha256Hex(token), created_by, now, expires).front().Int(0);
  return {id, std::move(token)};
}

void OwnerLinkStore::SendTo(db::Tx& tx, const Actor& actor, const inventory::Unit& unit, std::int64_t parent_id, Timestamp now,
                            Timestamp expires, const LinkMessage& message, LinkRun& run) const {
  const auto view = inventory_.OwnersOf(tx, unit);
  if (view.owners.empty()) {
    run.skipped.push_back({unit.id, unit.code, "no_owner"});
    return;
  }
  auto owner = customers_.CustomerFor(tx, actor, view.owners.front().customer_id);
  if (!owner || owner->phones.empty()) {
    run.skipped.push_back({unit.id, unit.code, "no_phone"});
    return;
  }
  const auto [id, token] = Issue(tx, actor.tenant_id, parent_id, unit.id, owner->id, actor.user_id, now, expires);
  const std::string url = message.origin + message.path + token;
  const auto sms = messages_.SendSms(tx, {actor.tenant_id, message.org_unit_id, owner->phones.front().phone, message.purpose,
                                          message.text(owner->name, unit.code, url),
                                          message.text(owner->name, unit.code, message.origin + message.path + "******"),
                                          message.ref_type, id});
  SetMessage(tx, id, sms);
  run.sent.push_back({unit.id, unit.code, owner->name, url});
}

void OwnerLinkStore::SetMessage(db::Tx& tx, std::int64_t id, std::int64_t message_id) const { tx.Execute(set_message_, id, message_id); }

std::optional<OwnerLink> OwnerLinkStore::Find(db::Tx& tx, const std::string& token, Timestamp now) const {
  if (token.size() < 20 || token.size() > 100) return std::nullopt;
  auto rows = tx.Execute(by_token_, Sha256Hex(token));
  if (rows.empty()) return std::nullopt;
  OwnerLink link = kColumns.Read(rows.front());
  if (link.expires_at <= now) return std::nullopt;
  return link;
}

void OwnerLinkStore::Opened(db::Tx& tx, std::int64_t id, Timestamp now) const { tx.Execute(opened_, id, now); }

std::vector<NamedLink> OwnerLinkStore::OfParent(db::Tx& tx, std::int64_t tenant_id, std::int64_t parent_id) const {
  std::vector<NamedLink> out;
  std::vector<std::int64_t> units, owners;
  for (const auto& r : tx.Execute(of_parent_, parent_id)) {
    out.push_back(NamedLink{kColumns.Read(r)});
    units.push_back(out.back().unit_id);
    owners.push_back(out.back().customer_id);
  }
  const auto codes = inventory_.CodesOf(tx, tenant_id, units);
  const auto names = customers_.NamesOf(tx, tenant_id, owners);
  for (auto& n : out) {
    if (auto it = codes.find(n.unit_id); it != codes.end()) n.unit_code = it->second;
    if (auto it = names.find(n.customer_id); it != names.end()) n.customer_name = it->second;
  }
  return out;
}

}  // namespace hearth::delivery
