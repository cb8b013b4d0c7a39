#include "modules/campaigns/campaign_service.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/masking.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::campaigns {
namespace {

constexpr std::string_view kColumns =
    "c.id, c.tenant_id, c.org_unit_id, c.name, c.channel, c.audience, c.audience_label, c.subject, c.template, c.wechat_template_id, "
    "c.wechat_fields, c.rate_per_minute, c.quiet_hours, c.status, c.send_at, c.audience_count, c.queued_count, c.skipped_no_consent, "
    "c.skipped_opted_out, c.skipped_no_address, c.queued_at, c.finished_at, c.created_by, c.link_base, c.version, c.created_at, "
    "c.updated_at, c.queued_through";

std::optional<Timestamp> OptTime(const db::Row& r, std::size_t i) {
  if (auto v = r.OptInt(i)) return Timestamp{*v};
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> FieldsOf(const std::optional<std::string>& json) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!json) return out;
  boost::system::error_code ec;
  const auto v = boost::json::parse(*json, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& [k, x] : v.as_object()) {
    if (x.is_string()) out.emplace_back(std::string(k), std::string(x.as_string()));
  }
  return out;
}

std::optional<std::string> FieldsJson(const std::vector<std::pair<std::string, std::string>>& fields) {
  if (fields.empty()) return std::nullopt;
  boost::json::object o;
  for (const auto& [k, v] : fields) o[k] = v;
  return boost::json::serialize(o);
}

Campaign Read(const db::Row& r) {
  Campaign c;
  c.id = r.Int(0);
  c.tenant_id = r.Int(1);
  c.org_unit_id = r.Int(2);
  c.name = r.Text(3);
  c.channel = kChannels.Stored(r.Text(4));
  c.audience = AudienceOf(r.Text(5));
  c.audience_label = r.Text(6);
  c.subject = r.OptText(7);
  c.text = r.Text(8);
  c.wechat_template_id = r.OptText(9);
  c.wechat_fields = FieldsOf(r.OptText(10));
  c.rate_per_minute = static_cast<int>(r.Int(11));
  c.quiet_hours = r.Bool(12);
  c.status = r.Text(13);
  c.send_at = OptTime(r, 14);
  c.audience_count = r.Int(15);
  c.queued_count = r.Int(16);
  c.skipped_no_consent = r.Int(17);
  c.skipped_opted_out = r.Int(18);
  c.skipped_no_address = r.Int(19);
  c.queued_at = OptTime(r, 20);
  c.finished_at = OptTime(r, 21);
  c.created_by = r.OptInt(22);
  c.link_base = r.OptText(23).value_or("");
  c.version = r.Int(24);
  c.created_at = Timestamp{r.Int(25)};
  c.updated_at = Timestamp{r.Int(26)};
  c.queued_through = r.Int(27);
  return c;
}

/// The secret half of an unsubscribe link: 9 random bytes, 12 URL-safe characters.
std::string NewSecret() {
  unsigned char bytes[9];
  randombytes_buf(bytes, sizeof(bytes));
  char out[sodium_base64_ENCODED_LEN(9, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof(out), bytes, sizeof(bytes), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string LinkOf(const std::string& base, std::int64_t recipient_id, const std::string& secret) {
  return fmt::format("{}/u/{}-{}", base, recipient_id, secret);
}

/// The address of a recipient on a channel ("" when they have none).
std::string AddressOf(Channel channel, const customers::CustomerContact& c, const std::map<std::int64_t, std::string>& followers,
                      std::int64_t id) {
  switch (channel) {
    case Channel::kSms:
      return c.phone;
    case Channel::kEmail:
      return c.email.value_or("");
    case Channel::kWeChat: {
      auto f = followers.find(id);
      return f == followers.end() ? "" : f->second;
    }
  }
  return "";
}

std::string Masked(Channel channel, const std::string& address) {
  switch (channel) {
    case Channel::kSms:
      return MaskPhone(address);
    case Channel::kEmail: {
      const auto at = address.find('@');
      return at == std::string::npos ? "***" : address.substr(0, 1) + "***" + address.substr(at);
    }
    case Channel::kWeChat:
      return address.substr(0, 4) + "***";
  }
  return "***";
}

std::string ChannelWord(Channel c) {
  switch (c) {
    case Channel::kSms:
      return "短信";
    case Channel::kEmail:
      return "邮件";
    case Channel::kWeChat:
      return "微信";
  }
  return "";
}

/// The rows of one multi-row INSERT of recipients (200 rows: 800 parameters).
constexpr std::size_t kInsertRows = 200;

// GCC 12 misreads a vector of variants holding strings when this is inlined (maybe-uninitialized,
// as response_row.cpp notes); AddressSanitizer and the tests check the real thing.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
void InsertRecipients(db::Tx& tx, std::int64_t campaign_id, std::int64_t tenant_id, const std::vector<std::int64_t>& customers) {
  std::vector<db::Value> values;
  for (std::size_t at = 0; at < customers.size(); at += kInsertRows) {
    const std::size_t n = std::min(kInsertRows, customers.size() - at);
    std::string sql = "INSERT INTO campaign_recipients (campaign_id, tenant_id, customer_id, secret) VALUES ";
    values.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t p = i * 4;
      sql += fmt::format("{}(${}, ${}, ${}, ${})", i ? ", " : "", p + 1, p + 2, p + 3, p + 4);
      values.emplace_back(campaign_id);
      values.emplace_back(tenant_id);
      values.emplace_back(customers[at + i]);
      values.emplace_back(NewSecret());
    }
    tx.ExecuteValues(sql, values);
  }
}
#pragma GCC diagnostic pop

}  // namespace

CampaignService::CampaignService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                                 platform::MessageGateway& gateway, customers::CustomerService& customers,
                                 inventory::InventoryService& inventory, segments::SegmentService& segments, club::ClubService& club)
    : db_(db),
      clock_(clock),
      audit_(audit),
      jobs_(jobs),
      gateway_(gateway),
      customers_(customers),
      inventory_(inventory),
      segments_(segments),
      club_(club) {
  // Reading a million customers takes many transactions: the job runs outside one.
  jobs_.RegisterIo(kQueueJob, [this](const platform::Job& job) { return OnQueueJob(job); });
}

std::optional<Campaign> CampaignService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  static const std::string kSql = fmt::format("SELECT {} FROM campaigns c WHERE c.id = $1 AND c.tenant_id = $2", kColumns);
  const auto rows = tx.Execute(kSql, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return Read(rows.front());
}

std::string CampaignService::PathOf(db::Tx& tx, const Campaign& c) {
  return tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), c.org_unit_id).front().OptText(0).value_or("/");
}

Result<Campaign> CampaignService::Visible(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto c = Find(tx, actor.tenant_id, id);
  if (!c || (!actor.IsAdmin() && PathOf(tx, *c).rfind(actor.org_path, 0) != 0)) return NotFound("no such campaign");
  const auto units = platform::directory::UnitNamesOf(tx, actor.tenant_id, {c->org_unit_id});
  if (auto u = units.find(c->org_unit_id); u != units.end()) c->org_unit_name = u->second;
  return std::move(*c);
}

Result<void> CampaignService::CheckManager(const Actor& actor) const {
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) return Forbidden("campaigns are made and sent by managers");
  return {};
}

Result<std::string> CampaignService::LabelOf(db::Tx& tx, const Actor& actor, const Audience& a) {
  switch (a.kind) {
    case AudienceKind::kSegment: {
      auto model = segments_.ModelFor(tx, actor, a.model_id);
      if (!model) return FailField("audience.model_id", "not_found");
      if (model->computed_version == 0) return FailField("audience.model_id", "not_computed");
      std::string names;
      for (const auto& code : a.segments) {
        std::string name;
        if (code == "_none") name = "未归类";
        for (const auto& s : model->def.segments) {
          if (s.code == code) name = s.name;
        }
        if (name.empty()) return FailField("audience.segments", "unknown_segment");
        names += (names.empty() ? "" : "、") + name;
      }
      return model->name + "：" + names;
    }
    case AudienceKind::kProject: {
      auto project = inventory_.ProjectFor(tx, actor, a.project_id);
      if (!project) return FailField("audience.project_id", "not_found");
      return project->name + " 业主";
    }
    case AudienceKind::kTier: {
      if (!a.tier) return std::string("万客会全体会员");
      const auto settings = club_.CachedSettings(tx, actor.tenant_id);
      for (const auto& t : settings->tiers) {
        if (t.code == *a.tier) return "万客会 " + t.name + "会员";
      }
      return FailField("audience.tier", "unknown_tier");
    }
    case AudienceKind::kAll:
      return std::string("全部客户");
    case AudienceKind::kCustomers:
      return fmt::format("选定的 {} 位客户", a.customer_ids.size());
  }
  return std::string();
}

std::vector<std::pair<std::int64_t, customers::CustomerContact>> CampaignService::NextChunk(db::Tx& tx, std::int64_t tenant_id,
                                                                                           const std::string& path, const Audience& a,
                                                                                           std::int64_t after, int limit) {
  if (a.kind == AudienceKind::kAll) return customers_.ContactsAfter(tx, tenant_id, path, after, limit);
  std::vector<std::int64_t> ids;
  switch (a.kind) {
    case AudienceKind::kSegment: {
      // The segments' indices in the model as it stands (a code no longer there reads nobody).
      auto model = segments_.ModelOf(tx, tenant_id, a.model_id);
      std::vector<int> indices;
      for (const auto& code : a.segments) {
        if (code == "_none") indices.push_back(-1);
        for (std::size_t i = 0; model && i < model->def.segments.size(); ++i) {
          if (model->def.segments[i].code == code) indices.push_back(static_cast<int>(i));
        }
      }
      ids = segments_.MembersAfter(tx, a.model_id, indices, after, limit);
      break;
    }
    case AudienceKind::kProject: {
      std::set<std::int64_t> owners;
      for (const auto& h : inventory_.OwnedHomes(tx, tenant_id, a.project_id)) {
        if (h.customer_id > after) owners.insert(h.customer_id);
      }
      for (auto id : owners) {
        if (static_cast<int>(ids.size()) == limit) break;
        ids.push_back(id);
      }
      break;
    }
    case AudienceKind::kTier:
      ids = club_.CustomersAfter(tx, tenant_id, a.tier, "/", after, limit);
      break;
    case AudienceKind::kCustomers:
      for (auto it = std::upper_bound(a.customer_ids.begin(), a.customer_ids.end(), after);
           it != a.customer_ids.end() && static_cast<int>(ids.size()) < limit; ++it) {
        ids.push_back(*it);
      }
      break;
    case AudienceKind::kAll:
      break;
  }
  std::vector<std::pair<std::int64_t, customers::CustomerContact>> out;
  if (ids.empty()) return out;
  // Those of the chunk the campaign's company sees; the chunk's last id moves the reading on even
  // when none of it is in scope (kept as an entry with id and no name).
  auto contacts = customers_.ContactsIn(tx, tenant_id, path, ids);
  for (auto id : ids) {
    if (auto c = contacts.find(id); c != contacts.end()) out.emplace_back(id, std::move(c->second));
  }
  if (out.empty() || out.back().first != ids.back()) out.emplace_back(ids.back(), customers::CustomerContact{"", "", std::nullopt, false});
  return out;
}

std::map<std::int64_t, bool> CampaignService::OptedOut(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids,
                                                       Channel channel) {
  std::map<std::int64_t, bool> out;
  db::SelectIn(tx, "SELECT customer_id FROM marketing_opt_outs WHERE tenant_id = $1 AND channel IN ('all', $2) AND customer_id IN ({})",
               {tenant_id, std::string(WordOf(channel))}, ids, [&](const db::Row& r) { out[r.Int(0)] = true; });
  return out;
}

std::map<std::int64_t, std::string> CampaignService::Followers(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  db::SelectIn(tx, "SELECT customer_id, openid FROM wechat_followers WHERE tenant_id = $1 AND customer_id IN ({})", {tenant_id}, ids,
               [&](const db::Row& r) { out[r.Int(0)] = r.Text(1); });
  return out;
}

std::vector<std::int64_t> CampaignService::Classify(db::Tx& tx, std::int64_t tenant_id, Channel channel,
                                                   const std::vector<std::pair<std::int64_t, customers::CustomerContact>>& chunk,
                                                   AudienceCount& counts) {
  std::vector<std::int64_t> ids, eligible;
  for (const auto& [id, contact] : chunk) ids.push_back(id);
  const auto opted = OptedOut(tx, tenant_id, ids, channel);
  const auto followers = channel == Channel::kWeChat ? Followers(tx, tenant_id, ids) : std::map<std::int64_t, std::string>{};
  for (const auto& [id, contact] : chunk) {
    if (contact.name.empty() && contact.phone.empty() && !contact.email) continue;  // out of scope: the cursor's marker
    ++counts.audience;
    if (!contact.consent_marketing) {
      ++counts.no_consent;
    } else if (opted.contains(id)) {
      ++counts.opted_out;
    } else if (AddressOf(channel, contact, followers, id).empty()) {
      ++counts.no_address;
    } else {
      ++counts.eligible;
      eligible.push_back(id);
    }
  }
  return eligible;
}

std::int64_t CampaignService::QueueChunk(db::Tx& tx, const Campaign& c, const std::string& path, int limit) {
  const auto chunk = NextChunk(tx, c.tenant_id, path, c.audience, c.queued_through, limit);
  if (chunk.empty()) return 0;
  AudienceCount n;
  const auto queued = Classify(tx, c.tenant_id, c.channel, chunk, n);
  InsertRecipients(tx, c.id, c.tenant_id, queued);
  tx.Execute(R"sql(UPDATE campaigns SET queued_through = $2, audience_count = audience_count + $3, queued_count = queued_count + $4,
 skipped_no_consent = skipped_no_consent + $5, skipped_opted_out = skipped_opted_out + $6, skipped_no_address = skipped_no_address + $7
 WHERE id = $1)sql",
             c.id, chunk.back().first, n.audience, n.eligible, n.no_consent, n.opted_out, n.no_address);
  return chunk.back().first;
}

Result<void> CampaignService::OnQueueJob(const platform::Job& job) {
  const auto* id = job.payload.if_contains("campaign_id");
  if (!id || !id->is_int64()) return {};
  // A chunk a transaction: a crash loses at most the chunk it was in, and the job (retried)
  // resumes after the last chunk written.
  for (;;) {
    HEARTH_ASSIGN(bool more, db_.Transact([&](db::Tx& tx) -> Result<bool> {
      auto c = Find(tx, job.tenant_id, id->as_int64());
      if (!c || c->status != "queuing") return false;
      if (QueueChunk(tx, *c, PathOf(tx, *c), kChunk) != 0) return true;
      const Timestamp now = clock_.Now();
      tx.Execute("UPDATE campaigns SET status = 'sending', version = version + 1, updated_at = $2 WHERE id = $1", c->id, now.ms);
      const Timestamp start = c->send_at && c->send_at->ms > now.ms ? *c->send_at : now;
      jobs_.Enqueue(tx, c->tenant_id, kSendJob, boost::json::object{{"campaign_id", c->id}}, NextSendTime(start, c->quiet_hours));
      return false;
    }));
    if (!more) return {};
  }
}

std::int64_t CampaignService::SendBatch(db::Tx& tx, const Campaign& c, int limit) {
  std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> batch;  // recipient, customer, secret
  for (const auto& r : tx.Execute("SELECT id, customer_id, secret FROM campaign_recipients WHERE campaign_id = $1 AND status = 'queued' ORDER BY id LIMIT $2",
                                  c.id, limit)) {
    batch.emplace_back(r.Int(0), r.Int(1), r.Text(2));
  }
  if (batch.empty()) return 0;
  std::vector<std::int64_t> ids;
  for (const auto& [rid, customer, secret] : batch) ids.push_back(customer);
  // Consent and opt-outs read again: a customer who withdrew since queueing gets nothing.
  const auto contacts = customers_.ContactsOf(tx, c.tenant_id, ids);
  const auto opted = OptedOut(tx, c.tenant_id, ids, c.channel);
  const auto followers = c.channel == Channel::kWeChat ? Followers(tx, c.tenant_id, ids) : std::map<std::int64_t, std::string>{};
  const Timestamp now = clock_.Now();
  for (const auto& [rid, customer, secret] : batch) {
    const auto contact = contacts.find(customer);
    std::optional<std::string> reason;
    std::string address;
    if (contact == contacts.end() || !contact->second.consent_marketing) {
      reason = "no_consent";
    } else if (opted.contains(customer)) {
      reason = "opted_out";
    } else if ((address = AddressOf(c.channel, contact->second, followers, customer)).empty()) {
      reason = "no_address";
    }
    if (reason) {
      tx.Execute("UPDATE campaign_recipients SET status = 'skipped', reason = $2 WHERE id = $1", rid, *reason);
      continue;
    }
    const std::string link = LinkOf(c.link_base, rid, secret), masked_link = LinkOf(c.link_base, rid, "******");
    const std::string& name = contact->second.name;
    std::int64_t message = 0;
    switch (c.channel) {
      case Channel::kSms:
        message = gateway_.SendSms(tx, {c.tenant_id, c.org_unit_id, address, "campaign", Render(c.text, name, link, c.channel),
                                        Render(c.text, name, masked_link, c.channel), "campaign", c.id});
        break;
      case Channel::kEmail:
        message = gateway_.SendEmail(tx, {c.tenant_id, c.org_unit_id, address, c.subject.value_or(c.name), "campaign",
                                          Render(c.text, name, link, c.channel), Render(c.text, name, masked_link, c.channel), "campaign",
                                          c.id});
        break;
      case Channel::kWeChat: {
        platform::WeChat w{c.tenant_id, c.org_unit_id, address, c.wechat_template_id.value_or(""), {}, "", "campaign", "", "campaign", c.id};
        // The text is the template's "first" field; the others follow with the same placeholders,
        // and the link goes in "remark" unless a field places it.
        bool placed = c.text.find("{unsubscribe}") != std::string::npos;
        w.fields.emplace_back("first", Render(c.text, name, placed ? link : "", c.channel));
        for (const auto& [key, value] : c.wechat_fields) {
          placed = placed || value.find("{unsubscribe}") != std::string::npos;
          w.fields.emplace_back(key, Render(value, name, value.find("{unsubscribe}") != std::string::npos ? link : "", c.channel));
        }
        if (!placed) {
          bool had_remark = false;
          for (auto& [key, value] : w.fields) {
            if (key == "remark") value += " 退订：" + link, had_remark = true;
          }
          if (!had_remark) w.fields.emplace_back("remark", "退订：" + link);
        }
        w.logged = w.fields.front().second;
        for (std::size_t i = 1; i < w.fields.size(); ++i) w.logged += " | " + w.fields[i].second;
        const auto at = w.logged.find(link);
        if (at != std::string::npos) w.logged.replace(at, link.size(), masked_link);
        message = gateway_.SendWeChat(tx, w);
        break;
      }
    }
    tx.Execute("UPDATE campaign_recipients SET status = 'sent', address = $2, message_id = $3, sent_at = $4 WHERE id = $1", rid, address,
               message, now.ms);
  }
  return static_cast<std::int64_t>(batch.size());
}

Result<void> CampaignService::OnSendJob(db::Tx& tx, const platform::Job& job) {
  const auto* id = job.payload.if_contains("campaign_id");
  if (!id || !id->is_int64()) return {};
  auto c = Find(tx, job.tenant_id, id->as_int64());
  if (!c || c->status != "sending") return {};
  const Timestamp now = clock_.Now();
  const Timestamp allowed = NextSendTime(now, c->quiet_hours);
  const boost::json::object payload{{"campaign_id", c->id}};
  if (allowed.ms > now.ms) {  // night came: the rest waits for the morning
    jobs_.Enqueue(tx, c->tenant_id, kSendJob, payload, allowed);
    return {};
  }
  const SendPace pace = PaceOf(c->rate_per_minute);
  const std::int64_t taken = SendBatch(tx, *c, pace.batch);
  if (taken == pace.batch) {
    jobs_.Enqueue(tx, c->tenant_id, kSendJob, payload, Timestamp{now.ms + pace.every_ms});
  } else {
    tx.Execute("UPDATE campaigns SET status = 'done', finished_at = $2, version = version + 1, updated_at = $2 WHERE id = $1", c->id, now.ms);
  }
  return {};
}

Result<CampaignPage> CampaignService::List(const RequestContext& ctx, const std::optional<std::string>& status, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  static const std::string kWhere = R"sql( FROM campaigns c
 WHERE c.tenant_id = $1 AND)sql" HEARTH_ORG_PATH_OF("c.org_unit_id") R"sql(LIKE $2 AND (CAST($3 AS TEXT) IS NULL OR c.status = $3))sql";
  static const std::string kPage = fmt::format("SELECT {}{} AND (CAST($4 AS BIGINT) IS NULL OR c.id < $4) ORDER BY c.id DESC LIMIT $5", kColumns, kWhere);
  static const std::string kCount = "SELECT count(*)" + kWhere;
  const std::string path = (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%";
  return db_.Read([&](db::Tx& tx) -> Result<CampaignPage> {
    CampaignPage out;
    for (const auto& r : tx.Execute(kPage, actor.tenant_id, path, status, page.after_id, page.limit + 1)) out.items.push_back(Read(r));
    out.next_cursor = TrimToPage(out.items, page, [](const Campaign& c) { return c.id; });
    out.total = tx.Execute(kCount, actor.tenant_id, path, status).front().Int(0);
    std::vector<std::int64_t> units, users;
    for (const auto& c : out.items) {
      units.push_back(c.org_unit_id);
      if (c.created_by) users.push_back(*c.created_by);
    }
    const auto unit_names = platform::directory::UnitNamesOf(tx, actor.tenant_id, units);
    const auto user_names = platform::directory::NamesOf(tx, actor.tenant_id, users);
    for (auto& c : out.items) {
      if (auto u = unit_names.find(c.org_unit_id); u != unit_names.end()) c.org_unit_name = u->second;
      if (c.created_by) {
        if (auto u = user_names.find(*c.created_by); u != user_names.end()) c.created_by_name = u->second.Shown();
      }
    }
    return out;
  });
}

Result<Campaign> CampaignService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Campaign> {
    HEARTH_ASSIGN(Campaign c, Visible(tx, actor, id));
    Results r;
    for (const auto& row : tx.Execute("SELECT status, count(*) FROM campaign_recipients WHERE campaign_id = $1 GROUP BY status", c.id)) {
      const std::string s = row.Text(0);
      (s == "queued" ? r.queued : s == "sent" ? r.handed : s == "skipped" ? r.skipped_at_send : r.cancelled) = row.Int(1);
    }
    const auto messages = gateway_.CountsByRef(tx, c.tenant_id, "campaign", c.id);
    const auto count = [&](const char* s) {
      auto it = messages.find(s);
      return it == messages.end() ? 0 : it->second;
    };
    r.delivered = count("sent");
    r.failed = count("failed");
    r.pending = count("queued");
    r.unconfigured = count("unconfigured");
    r.unsubscribed = tx.Execute("SELECT count(*) FROM marketing_opt_outs WHERE tenant_id = $1 AND campaign_id = $2", c.tenant_id, c.id).front().Int(0);
    c.results = r;
    if (c.created_by) {
      const auto names = platform::directory::NamesOf(tx, actor.tenant_id, {*c.created_by});
      if (auto u = names.find(*c.created_by); u != names.end()) c.created_by_name = u->second.Shown();
    }
    return c;
  });
}

namespace {

/// The draft's fields after `in`, with every fault named.
Result<void> CheckDraft(const Campaign& c) {
  std::vector<FieldError> errors;
  if (auto fault = CheckTemplate(c.text)) errors.push_back({"template", fault->reason + "@" + std::to_string(fault->at)});
  for (const auto& [key, value] : c.wechat_fields) {
    if (auto fault = CheckTemplate(value)) errors.push_back({"wechat_fields." + key, fault->reason + "@" + std::to_string(fault->at)});
  }
  if (c.channel == Channel::kEmail && (!c.subject || c.subject->empty())) errors.push_back({"subject", "required"});
  if (c.channel == Channel::kWeChat && (!c.wechat_template_id || c.wechat_template_id->empty())) {
    errors.push_back({"wechat_template_id", "required"});
  }
  if (!errors.empty()) {
    return Fail(Error{ErrorCode::kInvalidArgument, "validation_failed", "a field is not valid", std::move(errors), {}});
  }
  return {};
}

void Apply(Campaign& c, const CampaignInput& in) {
  if (in.name) c.name = *in.name;
  if (in.channel) c.channel = *in.channel;
  if (in.audience) c.audience = *in.audience;
  if (in.subject) c.subject = in.subject->empty() ? std::nullopt : in.subject;
  if (in.text) c.text = *in.text;
  if (in.wechat_template_id) c.wechat_template_id = in.wechat_template_id->empty() ? std::nullopt : in.wechat_template_id;
  if (in.wechat_fields) c.wechat_fields = *in.wechat_fields;
  if (in.rate_per_minute) c.rate_per_minute = *in.rate_per_minute;
  if (in.quiet_hours) c.quiet_hours = *in.quiet_hours;
}

boost::json::object Summary(const Campaign& c) {
  return {{"name", c.name}, {"channel", WordOf(c.channel)}, {"audience", c.audience_label}, {"status", c.status}};
}

}  // namespace

Result<Campaign> CampaignService::Create(const RequestContext& ctx, const CampaignInput& in) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_TRY(CheckManager(actor));
  if (!in.name || !in.channel || !in.audience || !in.text) return FailField(!in.name ? "name" : !in.channel ? "channel" : !in.audience ? "audience" : "template", "required");
  Campaign c;
  Apply(c, in);
  HEARTH_TRY(CheckDraft(c));
  const Timestamp now = clock_.Now();
  HEARTH_ASSIGN(Campaign made, db_.Transact([&](db::Tx& tx) -> Result<Campaign> {
    HEARTH_ASSIGN(std::string label, LabelOf(tx, actor, c.audience));
    const std::int64_t id = tx.Execute(R"sql(INSERT INTO campaigns (tenant_id, org_unit_id, name, channel, audience, audience_label, subject, template,
 wechat_template_id, wechat_fields, rate_per_minute, quiet_hours, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id)sql",
                                       actor.tenant_id, actor.org_unit_id, c.name, WordOf(c.channel),
                                       boost::json::serialize(ToJson(c.audience)), label, c.subject, c.text, c.wechat_template_id,
                                       FieldsJson(c.wechat_fields), c.rate_per_minute, c.quiet_hours, actor.user_id, now.ms)
                                .front()
                                .Int(0);
    HEARTH_ASSIGN(Campaign written, Visible(tx, actor, id));
    audit_.Record(tx, ctx, "campaign.created", "campaign", id, nullptr, Summary(written));
    return written;
  }));
  return Get(ctx, made.id);  // with its results and its author's name, as a read answers
}

Result<Campaign> CampaignService::Update(const RequestContext& ctx, std::int64_t id, const CampaignInput& in,
                                         std::optional<std::int64_t> if_match) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_TRY(CheckManager(actor));
  const Timestamp now = clock_.Now();
  HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<Campaign> {
    HEARTH_ASSIGN(Campaign c, Visible(tx, actor, id));
    if (if_match && *if_match != c.version) return Fail(ErrorCode::kConflict, "version_conflict", "the campaign was changed meanwhile");
    if (c.status != "draft") return Fail(ErrorCode::kConflict, "not_draft", "a campaign is changed only while it is a draft");
    const Campaign before = c;
    Apply(c, in);
    HEARTH_TRY(CheckDraft(c));
    HEARTH_ASSIGN(std::string label, LabelOf(tx, actor, c.audience));
    tx.Execute(R"sql(UPDATE campaigns SET name = $2, channel = $3, audience = $4, audience_label = $5, subject = $6, template = $7,
 wechat_template_id = $8, wechat_fields = $9, rate_per_minute = $10, quiet_hours = $11, version = version + 1, updated_at = $12 WHERE id = $1)sql",
               id, c.name, WordOf(c.channel), boost::json::serialize(ToJson(c.audience)), label, c.subject, c.text, c.wechat_template_id,
               FieldsJson(c.wechat_fields), c.rate_per_minute, c.quiet_hours, now.ms);
    HEARTH_ASSIGN(Campaign after, Visible(tx, actor, id));
    audit_.Record(tx, ctx, "campaign.changed", "campaign", id, Summary(before), Summary(after));
    return after;
  }));
  return Get(ctx, id);
}

Result<AudienceCount> CampaignService::Count(const RequestContext& ctx, const Audience& audience, Channel channel) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_TRY(CheckManager(actor));
  return db_.Read([&](db::Tx& tx) -> Result<AudienceCount> {
    AudienceCount out;
    HEARTH_ASSIGN(out.label, LabelOf(tx, actor, audience));
    const std::string path = actor.IsAdmin() ? std::string("/") : actor.org_path;
    std::int64_t after = 0;
    for (;;) {
      const auto chunk = NextChunk(tx, actor.tenant_id, path, audience, after, kChunk);
      if (chunk.empty()) break;
      Classify(tx, actor.tenant_id, channel, chunk, out);
      after = chunk.back().first;
    }
    return out;
  });
}

Result<Campaign> CampaignService::Send(const RequestContext& ctx, std::int64_t id, std::optional<Timestamp> send_at,
                                       const std::string& origin, std::optional<std::int64_t> if_match) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_TRY(CheckManager(actor));
  const Timestamp now = clock_.Now();
  if (send_at && send_at->ms > now.ms + 90LL * 86'400'000) return FailField("send_at", "too_far");
  HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<Campaign> {
    HEARTH_ASSIGN(Campaign c, Visible(tx, actor, id));
    if (if_match && *if_match != c.version) return Fail(ErrorCode::kConflict, "version_conflict", "the campaign was changed meanwhile");
    if (c.status != "draft") return Fail(ErrorCode::kConflict, "not_draft", "the campaign was sent already");
    HEARTH_TRY(LabelOf(tx, actor, c.audience));  // the audience still there (a model not deleted, a project in scope)
    const std::optional<std::int64_t> at = send_at && send_at->ms > now.ms ? std::optional<std::int64_t>(send_at->ms) : std::nullopt;
    tx.Execute(R"sql(UPDATE campaigns SET status = 'queuing', send_at = $2, queued_at = $3, link_base = $4, version = version + 1, updated_at = $3
 WHERE id = $1)sql", id, at, now.ms, origin);
    jobs_.Enqueue(tx, c.tenant_id, kQueueJob, boost::json::object{{"campaign_id", id}}, now);
    HEARTH_ASSIGN(Campaign after, Visible(tx, actor, id));
    audit_.Record(tx, ctx, "campaign.sent", "campaign", id, nullptr, Summary(after));
    return after;
  }));
  return Get(ctx, id);
}

Result<Campaign> CampaignService::Cancel(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_TRY(CheckManager(actor));
  const Timestamp now = clock_.Now();
  HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<Campaign> {
    HEARTH_ASSIGN(Campaign c, Visible(tx, actor, id));
    if (c.status == "done" || c.status == "cancelled") return Fail(ErrorCode::kConflict, "finished", "the campaign has finished");
    tx.Execute("UPDATE campaigns SET status = 'cancelled', finished_at = $2, version = version + 1, updated_at = $2 WHERE id = $1", id, now.ms);
    tx.Execute("UPDATE campaign_recipients SET status = 'cancelled' WHERE campaign_id = $1 AND status = 'queued'", id);
    HEARTH_ASSIGN(Campaign after, Visible(tx, actor, id));
    audit_.Record(tx, ctx, "campaign.cancelled", "campaign", id, Summary(c), Summary(after));
    return after;
  }));
  return Get(ctx, id);
}

Result<RecipientPage> CampaignService::Recipients(const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& status,
                                                  const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const bool unmasked = customers::CustomerService::SeesPersonalData(ctx);
  return db_.Read([&](db::Tx& tx) -> Result<RecipientPage> {
    HEARTH_ASSIGN(Campaign c, Visible(tx, actor, id));
    RecipientPage out;
    static const std::string kWhere = " FROM campaign_recipients WHERE campaign_id = $1 AND (CAST($2 AS TEXT) IS NULL OR status = $2)";
    const auto rows = tx.Execute("SELECT id, customer_id, status, reason, address, message_id, sent_at" + kWhere +
                                     " AND (CAST($3 AS BIGINT) IS NULL OR id > $3) ORDER BY id LIMIT $4",
                                 id, status, page.after_id, page.limit + 1);
    std::vector<std::int64_t> messages;
    std::vector<std::optional<std::int64_t>> message_of;
    for (const auto& r : rows) {
      Recipient x;
      x.id = r.Int(0);
      x.customer_id = r.Int(1);
      x.status = r.Text(2);
      x.reason = r.OptText(3);
      x.address = r.OptText(4);
      if (x.address && !unmasked) x.address = Masked(c.channel, *x.address);
      x.sent_at = OptTime(r, 6);
      message_of.push_back(r.OptInt(5));
      if (auto m = r.OptInt(5)) messages.push_back(*m);
      out.items.push_back(std::move(x));
    }
    if (static_cast<int>(out.items.size()) > page.limit) {
      out.items.resize(static_cast<std::size_t>(page.limit));
      out.next_cursor = EncodeCursor(out.items.back().id);
    }
    std::vector<std::int64_t> customers;
    for (const auto& x : out.items) customers.push_back(x.customer_id);
    const auto names = customers_.NamesOf(tx, actor.tenant_id, customers);
    const auto statuses = gateway_.StatusesOf(tx, actor.tenant_id, messages);
    for (std::size_t i = 0; i < out.items.size(); ++i) {
      auto& x = out.items[i];
      if (auto n = names.find(x.customer_id); n != names.end()) x.customer_name = n->second;
      if (message_of[i]) {
        if (auto s = statuses.find(*message_of[i]); s != statuses.end()) x.message_status = s->second.first, x.message_error = s->second.second;
      }
    }
    out.total = tx.Execute("SELECT count(*)" + kWhere, id, status).front().Int(0);
    return out;
  });
}

MarketingPrefs CampaignService::PrefsIn(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, bool unmasked) {
  MarketingPrefs p;
  const auto contacts = customers_.ContactsOf(tx, tenant_id, {customer_id});
  if (auto c = contacts.find(customer_id); c != contacts.end()) p.consent_marketing = c->second.consent_marketing;
  for (const auto& r : tx.Execute(R"sql(SELECT o.channel, o.source, c.name, o.created_at FROM marketing_opt_outs o
  LEFT JOIN campaigns c ON c.id = o.campaign_id WHERE o.tenant_id = $1 AND o.customer_id = $2 ORDER BY o.created_at)sql",
                                  tenant_id, customer_id)) {
    p.opt_outs.push_back({r.Text(0), r.Text(1), r.OptText(2), Timestamp{r.Int(3)}});
  }
  const auto f = tx.Execute("SELECT openid FROM wechat_followers WHERE tenant_id = $1 AND customer_id = $2", tenant_id, customer_id);
  if (!f.empty()) p.wechat_openid = unmasked ? f.front().Text(0) : Masked(Channel::kWeChat, f.front().Text(0));
  return p;
}

Result<MarketingPrefs> CampaignService::PrefsOf(const RequestContext& ctx, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<MarketingPrefs> {
    HEARTH_TRY(customers_.CheckInScope(tx, actor, customer_id));
    return PrefsIn(tx, actor.tenant_id, customer_id, customers::CustomerService::SeesPersonalData(ctx));
  });
}

Result<MarketingPrefs> CampaignService::SetOptOut(const RequestContext& ctx, std::int64_t customer_id, const std::string& channel,
                                                  bool opted_out) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  if (channel != "all" && !kChannels.Parse(channel)) return FailField("channel", "invalid");
  // Taking a "no" back needs the customer's word again: a manager's.
  if (!opted_out && !actor.IsManager()) return Forbidden("only a manager records that a customer takes an opt-out back");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<MarketingPrefs> {
    HEARTH_TRY(customers_.CheckInScope(tx, actor, customer_id));
    const std::string word = channel == "all" ? "全部渠道" : ChannelWord(*kChannels.Parse(channel));
    if (opted_out) {
      tx.Execute(R"sql(INSERT INTO marketing_opt_outs (tenant_id, customer_id, channel, source, created_by, created_at) VALUES ($1, $2, $3, 'staff', $4, $5)
 ON CONFLICT (tenant_id, customer_id, channel) DO NOTHING)sql", actor.tenant_id, customer_id, channel, actor.user_id, now.ms);
    } else {
      tx.Execute("DELETE FROM marketing_opt_outs WHERE tenant_id = $1 AND customer_id = $2 AND channel = $3", actor.tenant_id, customer_id, channel);
    }
    audit_.Record(tx, ctx, opted_out ? "marketing.opted_out" : "marketing.opted_in", "customer", customer_id, nullptr,
                  boost::json::object{{"channel", channel}});
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, customer_id, now, "marketing", "customer", customer_id,
                               opted_out ? "退订营销信息（" + word + "），由客服登记" : "恢复接收营销信息（" + word + "）"},
                              actor.user_id);
    return PrefsIn(tx, actor.tenant_id, customer_id, customers::CustomerService::SeesPersonalData(ctx));
  });
}

Result<MarketingPrefs> CampaignService::SetWeChat(const RequestContext& ctx, std::int64_t customer_id, const std::optional<std::string>& openid) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<MarketingPrefs> {
    HEARTH_TRY(customers_.CheckInScope(tx, actor, customer_id));
    tx.Execute("DELETE FROM wechat_followers WHERE tenant_id = $1 AND customer_id = $2", actor.tenant_id, customer_id);
    if (openid) {
      tx.Execute("INSERT INTO wechat_followers (tenant_id, customer_id, openid, created_at) VALUES ($1, $2, $3, $4)", actor.tenant_id,
                 customer_id, *openid, now.ms);
    }
    audit_.Record(tx, ctx, openid ? "marketing.wechat_bound" : "marketing.wechat_unbound", "customer", customer_id, nullptr, nullptr);
    return PrefsIn(tx, actor.tenant_id, customer_id, customers::CustomerService::SeesPersonalData(ctx));
  });
}

namespace {

/// "123-secret" → (123, "secret").
std::optional<std::pair<std::int64_t, std::string>> TokenParts(const std::string& token) {
  const auto dash = token.find('-');
  if (dash == std::string::npos || dash == 0 || dash > 18 || token.size() - dash - 1 != 12) return std::nullopt;
  std::int64_t id = 0;
  for (std::size_t i = 0; i < dash; ++i) {
    if (token[i] < '0' || token[i] > '9') return std::nullopt;
    id = id * 10 + (token[i] - '0');
  }
  return std::make_pair(id, token.substr(dash + 1));
}

}  // namespace

Result<Unsubscribe> CampaignService::UnsubscribeView(const std::string& token) {
  return db_.Read([&](db::Tx& tx) -> Result<Unsubscribe> {
    const auto parts = TokenParts(token);
    if (!parts) return NotFound("no such link");
    const auto rows = tx.Execute(R"sql(SELECT r.tenant_id, r.customer_id, r.secret, c.name, c.channel, c.org_unit_id FROM campaign_recipients r
  JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = $1)sql", parts->first);
    if (rows.empty()) return NotFound("no such link");
    const auto& r = rows.front();
    const std::string secret = r.Text(2);
    if (secret.size() != parts->second.size() || sodium_memcmp(secret.data(), parts->second.data(), secret.size()) != 0) {
      return NotFound("no such link");
    }
    Unsubscribe u;
    u.campaign = r.Text(3);
    u.channel = kChannels.Stored(r.Text(4));
    // The company that sent it: the group's name (the top of the campaign's org path).
    const auto names = platform::directory::UnitNamesOf(tx, r.Int(0), {r.Int(0)});
    u.company = names.contains(r.Int(0)) ? names.at(r.Int(0)) : "";
    for (const auto& o : tx.Execute("SELECT channel FROM marketing_opt_outs WHERE tenant_id = $1 AND customer_id = $2", r.Int(0), r.Int(1))) {
      if (o.Text(0) == "all") u.opted_out_all = u.opted_out = true;
      if (o.Text(0) == WordOf(u.channel)) u.opted_out = true;
    }
    return u;
  });
}

Result<Unsubscribe> CampaignService::UnsubscribeNow(const std::string& token, bool all) {
  HEARTH_TRY(UnsubscribeView(token));  // the token checked (and the secret) before any write
  const auto parts = TokenParts(token);
  const Timestamp now = clock_.Now();
  HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<void> {
    const auto rows = tx.Execute(R"sql(SELECT r.tenant_id, r.customer_id, r.campaign_id, c.channel FROM campaign_recipients r
  JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = $1)sql", parts->first);
    if (rows.empty()) return NotFound("no such link");
    const auto& r = rows.front();
    const std::string channel = all ? "all" : r.Text(3);
    const auto written = tx.Execute(R"sql(INSERT INTO marketing_opt_outs (tenant_id, customer_id, channel, source, campaign_id, created_at)
VALUES ($1, $2, $3, 'link', $4, $5) ON CONFLICT (tenant_id, customer_id, channel) DO NOTHING)sql", r.Int(0), r.Int(1), channel, r.Int(2), now.ms);
    if (written.affected > 0) {
      customers_.AppendTimeline(tx, r.Int(0),
                                {0, r.Int(1), now, "marketing", "campaign", r.Int(2),
                                 "客户通过退订链接退订营销信息（" + (all ? std::string("全部渠道") : ChannelWord(kChannels.Stored(channel))) + "）"},
                                std::nullopt);
    }
    return {};
  }));
  return UnsubscribeView(token);
}

Result<std::int64_t> CampaignService::DemoCampaign(std::int64_t tenant_id, std::int64_t org_unit_id, std::int64_t user_id,
                                                   const CampaignInput& in, const std::string& label, const std::string& status,
                                                   Timestamp at, int fail_every) {
  Campaign c;
  Apply(c, in);
  return db_.Transact([&](db::Tx& tx) -> Result<std::int64_t> {
    const std::int64_t id = tx.Execute(R"sql(INSERT INTO campaigns (tenant_id, org_unit_id, name, channel, audience, audience_label, subject, template,
 wechat_template_id, wechat_fields, rate_per_minute, quiet_hours, created_by, created_at, updated_at, link_base)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, 'http://127.0.0.1:8080') RETURNING id)sql",
                                       tenant_id, org_unit_id, c.name, WordOf(c.channel), boost::json::serialize(ToJson(c.audience)),
                                       label, c.subject, c.text, c.wechat_template_id, FieldsJson(c.wechat_fields),
                                       c.rate_per_minute, c.quiet_hours, user_id, at.ms)
                                .front()
                                .Int(0);
    if (status == "draft") return id;
    tx.Execute("UPDATE campaigns SET status = 'queuing', queued_at = $2 WHERE id = $1", id, at.ms);
    auto made = Find(tx, tenant_id, id);
    const std::string path = PathOf(tx, *made);
    while (QueueChunk(tx, *made, path, kChunk) != 0) made = Find(tx, tenant_id, id);
    made = Find(tx, tenant_id, id);
    while (SendBatch(tx, *made, kMaxBatch) > 0) {
    }
    // The gateway's log settled as the provider would have: most delivered, some failed.
    int n = 0;
    for (const auto& r : tx.Execute("SELECT message_id FROM campaign_recipients WHERE campaign_id = $1 AND message_id IS NOT NULL ORDER BY id", id)) {
      gateway_.Settle(tx, r.Int(0), fail_every > 0 && ++n % fail_every == 0 ? "failed" : "sent", Timestamp{at.ms + 60'000});
    }
    tx.Execute("UPDATE campaigns SET status = 'done', finished_at = $2 WHERE id = $1", id, at.ms + 3'600'000);
    return id;
  });
}

}  // namespace hearth::campaigns
