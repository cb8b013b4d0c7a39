#include "modules/club/members/club_service.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <fmt/format.h>

#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::club {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kYearMs = 365 * kDayMs;
constexpr std::int64_t kChinaMs = 8 * 3'600'000;

/// 03:00 China time tomorrow: when the nightly job runs.
Timestamp NextNight(Timestamp now) { return Timestamp{((now.ms + kChinaMs) / kDayMs + 1) * kDayMs - kChinaMs + 3 * 3'600'000}; }

constexpr std::string_view kColumns =
    "m.id, m.tenant_id, m.customer_id, m.org_unit_id, m.member_no, m.tier, m.balance, m.earned_total, m.status, m.joined_at, "
    "m.review_at, m.version";

Member ReadMember(const db::Row& r) {
  Member m;
  m.id = r.Int(0);
  m.tenant_id = r.Int(1);
  m.customer_id = r.Int(2);
  m.org_unit_id = r.Int(3);
  m.member_no = r.Text(4);
  m.tier = r.Text(5);
  m.balance = r.Int(6);
  m.earned_total = r.Int(7);
  m.status = r.Text(8);
  m.joined_at = Timestamp{r.Int(9)};
  m.review_at = Timestamp{r.Int(10)};
  m.version = static_cast<int>(r.Int(11));
  return m;
}

boost::json::array TiersJson(const std::vector<Tier>& tiers) {
  boost::json::array a;
  for (const auto& t : tiers) {
    a.push_back(boost::json::object{{"code", t.code}, {"name", t.name}, {"min_points_12m", t.min_points_12m}, {"benefits", t.benefits}});
  }
  return a;
}

std::vector<Tier> TiersOf(const std::string& json) {
  std::vector<Tier> out;
  const auto v = boost::json::parse(json);
  for (const auto& t : v.as_array()) {
    const auto& o = t.as_object();
    out.push_back({std::string(o.at("code").as_string()), std::string(o.at("name").as_string()), o.at("min_points_12m").as_int64(),
                   std::string(o.at("benefits").as_string())});
  }
  return out.empty() ? DefaultTiers() : out;
}

std::string ReasonWord(const std::string& reason) {
  static const std::map<std::string, std::string> kWords{{"referral", "推荐成交"}, {"purchase", "购房"},     {"survey", "参与调查"},
                                                         {"event", "参加活动"},     {"adjustment", "调整"}, {"redeem", "兑换"},
                                                         {"expired", "过期"}};
  auto it = kWords.find(reason);
  return it == kWords.end() ? reason : it->second;
}

}  // namespace

ClubService::ClubService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                         customers::CustomerService& customers)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), customers_(customers), writer_(db) {}

ClubSettings ClubService::SettingsOf(db::Tx& tx, std::int64_t tenant_id) {
  ClubSettings s;
  const auto rows = tx.Execute(
      "SELECT purchase_points, referral_points, survey_points, expiry_days, tiers, version FROM club_settings WHERE tenant_id = $1",
      tenant_id);
  if (rows.empty()) return s;
  const auto& r = rows.front();
  s.purchase_points = r.Int(0);
  s.referral_points = r.Int(1);
  s.survey_points = r.Int(2);
  s.expiry_days = static_cast<int>(r.Int(3));
  s.tiers = TiersOf(r.Text(4));
  s.version = static_cast<int>(r.Int(5));
  return s;
}

std::shared_ptr<const ClubSettings> ClubService::CachedSettings(db::Tx& tx, std::int64_t tenant_id) {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(settings_mutex_);
    if (auto it = settings_cache_.find(tenant_id); it != settings_cache_.end() && now - it->second.first < std::chrono::seconds(5)) {
      return it->second.second;
    }
  }
  auto fresh = std::make_shared<const ClubSettings>(SettingsOf(tx, tenant_id));
  std::lock_guard lock(settings_mutex_);
  settings_cache_[tenant_id] = {now, fresh};
  return fresh;
}

std::optional<Member> ClubService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  static const std::string kSql = fmt::format("SELECT {} FROM club_members m WHERE m.id = $1 AND m.tenant_id = $2", kColumns);
  const auto rows = tx.Execute(kSql, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  std::vector<Member> one{ReadMember(rows.front())};
  Complete(tx, tenant_id, one);
  return std::move(one.front());
}

std::map<std::int64_t, Member> ClubService::Cards(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
  static const std::string kSql = fmt::format("SELECT {} FROM club_members m WHERE m.tenant_id = $1 AND m.id IN ({{}})", kColumns);
  std::vector<Member> found;
  db::SelectIn(tx, kSql, {tenant_id}, ids, [&](const db::Row& r) { found.push_back(ReadMember(r)); });
  Complete(tx, tenant_id, found);
  std::map<std::int64_t, Member> out;
  for (auto& m : found) out.emplace(m.id, std::move(m));
  return out;
}

std::vector<std::int64_t> ClubService::CustomersAfter(db::Tx& tx, std::int64_t tenant_id, const std::optional<std::string>& tier,
                                                      const std::string& path_prefix, std::int64_t after_customer_id, int limit) {
  static const std::string kSql = R"sql(SELECT m.customer_id FROM club_members m
 WHERE m.tenant_id = $1 AND m.customer_id > $2 AND (CAST($3 AS TEXT) IS NULL OR m.tier = $3) AND m.status = 'active'
   AND)sql" HEARTH_ORG_PATH_OF("m.org_unit_id") R"sql(LIKE $4
 ORDER BY m.customer_id LIMIT $5)sql";
  std::vector<std::int64_t> out;
  for (const auto& r : tx.Execute(kSql, tenant_id, after_customer_id, tier, path_prefix + "%", limit)) out.push_back(r.Int(0));
  return out;
}

Result<Member> ClubService::Visible(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto m = Find(tx, actor.tenant_id, id);
  // A member is seen by whoever sees the customer (their company, or a company sharing them).
  if (!m || !customers_.CheckInScope(tx, actor, m->customer_id)) return NotFound("no such member");
  return std::move(*m);
}

void ClubService::Complete(db::Tx& tx, std::int64_t tenant_id, std::vector<Member>& members) {
  if (members.empty()) return;
  std::vector<std::int64_t> customers, units;
  for (const auto& m : members) customers.push_back(m.customer_id), units.push_back(m.org_unit_id);
  const auto cards = customers_.CardsOf(tx, tenant_id, customers);
  const auto units_named = platform::directory::UnitNamesOf(tx, tenant_id, units);
  const auto settings = CachedSettings(tx, tenant_id);
  const Timestamp now = clock_.Now();
  // The page's points earned in twelve months and open lots, one query each (not per member).
  std::map<std::int64_t, std::int64_t> earned;
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>> lots;  // member → (expires_at, remaining)
  std::vector<std::int64_t> ids;
  for (const auto& m : members) ids.push_back(m.id);
  db::SelectIn(tx, "SELECT member_id, sum(delta) FROM club_point_moves WHERE delta > 0 AND at > $1 AND member_id IN ({}) GROUP BY member_id",
               {now.ms - kYearMs}, ids, [&](const db::Row& r) { earned[r.Int(0)] = r.Int(1); });
  db::SelectIn(tx, "SELECT member_id, expires_at, remaining FROM club_point_lots WHERE remaining > 0 AND expires_at > $1 AND member_id IN ({})",
               {now.ms}, ids, [&](const db::Row& r) { lots[r.Int(0)].emplace_back(r.Int(1), r.Int(2)); });
  for (auto& m : members) {
    if (auto it = cards.find(m.customer_id); it != cards.end()) m.customer_name = it->second.name, m.customer_phone = it->second.phone;
    if (auto it = units_named.find(m.org_unit_id); it != units_named.end()) m.org_unit_name = it->second;
    m.tier_name = m.tier;
    for (const auto& t : settings->tiers) {
      if (t.code == m.tier) m.tier_name = t.name;
    }
    if (auto it = earned.find(m.id); it != earned.end()) m.earned_12m = it->second;
    // The next lot to expire, and every lot expiring the same day (China time) with it.
    if (auto it = lots.find(m.id); it != lots.end()) {
      std::int64_t at = it->second.front().first;
      for (const auto& [expires, remaining] : it->second) at = std::min(at, expires);
      const std::int64_t day_end = ((at + kChinaMs) / kDayMs + 1) * kDayMs - kChinaMs;
      m.expiring_at = Timestamp{at};
      m.expiring_points = 0;
      for (const auto& [expires, remaining] : it->second) {
        if (expires < day_end) m.expiring_points += remaining;
      }
    }
  }
}

std::int64_t ClubService::EarnedSince(db::Tx& tx, std::int64_t member_id, Timestamp since) {
  return tx.Execute("SELECT COALESCE(sum(delta), 0) FROM club_point_moves WHERE member_id = $1 AND delta > 0 AND at > $2", member_id,
                    since.ms)
      .front()
      .Int(0);
}

Result<Member> ClubService::Enrol(const RequestContext& ctx, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Member> {
    auto customer = customers_.CustomerFor(tx, actor, customer_id);
    if (!customer) return FailField("customer_id", "not_found");
    if (!tx.Execute("SELECT 1 FROM club_members WHERE tenant_id = $1 AND customer_id = $2", actor.tenant_id, customer_id).empty()) {
      return Fail(ErrorCode::kConflict, "already_member", "the customer is a member already");
    }
    const std::int64_t id = EnrolAt(tx, actor.tenant_id, customer_id, customer->org_unit_id, now);
    tx.Execute("UPDATE club_members SET enrolled_by = $2 WHERE id = $1", id, actor.user_id);
    const std::string member_no = tx.Execute("SELECT member_no FROM club_members WHERE id = $1", id).front().Text(0);
    audit_.Record(tx, ctx, "club_member.enrolled", "club_member", id, nullptr, boost::json::object{{"customer_id", customer_id}});
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, customer_id, now, "club", "club_member", id, fmt::format("加入万客会（会员号 {}）", member_no)},
                              actor.user_id);
    return *Find(tx, actor.tenant_id, id);
  });
}

std::int64_t ClubService::EnrolAt(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, std::int64_t org_unit_id, Timestamp at) {
  const auto settings = SettingsOf(tx, tenant_id);
  const std::int64_t id = tx.Execute(R"sql(INSERT INTO club_members (tenant_id, customer_id, org_unit_id, member_no, tier, joined_at, review_at)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id)sql", tenant_id, customer_id, org_unit_id, fmt::format("new-{}", customer_id),
                                     settings.tiers.front().code, at.ms, at.ms + kYearMs)
                              .front()
                              .Int(0);
  // 万客会 numbers: WK, the year joined, the member's id.
  const std::string year = FormatIsoDate((at.ms + 8 * 3'600'000) / kDayMs).substr(0, 4);
  tx.Execute("UPDATE club_members SET member_no = $2 WHERE id = $1", id, fmt::format("WK{}{:06}", year, id));
  return id;
}

Result<MemberPage> ClubService::List(const RequestContext& ctx, const MemberFilter& filter, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  static const std::string kWhere = R"sql( FROM club_members m
 WHERE m.tenant_id = $1 AND)sql" HEARTH_ORG_PATH_OF("m.org_unit_id") R"sql(LIKE $2
   AND (CAST($3 AS TEXT) IS NULL OR m.tier = $3)
   AND (CAST($4 AS TEXT) IS NULL OR m.member_no LIKE $4))sql";
  static const std::string kPage = fmt::format("SELECT {}{} AND (CAST($5 AS BIGINT) IS NULL OR m.id < $5) ORDER BY m.id DESC LIMIT $6", kColumns, kWhere);
  static const std::string kCount = "SELECT count(*)" + kWhere;
  const std::string path = (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%";
  std::optional<std::string> number;
  if (filter.q && !filter.q->empty()) number = *filter.q + "%";
  return db_.Read([&](db::Tx& tx) -> Result<MemberPage> {
    MemberPage out;
    const auto rows = tx.Execute(kPage, actor.tenant_id, path, filter.tier, number, page.after_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(ReadMember(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Member& m) { return m.id; });
    Complete(tx, actor.tenant_id, out.items);
    out.total = tx.Execute(kCount, actor.tenant_id, path, filter.tier, number).front().Int(0);
    return out;
  });
}

Result<Member> ClubService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return Visible(tx, actor, id); });
}

Result<std::optional<Member>> ClubService::OfCustomer(const RequestContext& ctx, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::optional<Member>> {
    HEARTH_TRY(customers_.CheckInScope(tx, actor, customer_id));
    const auto rows = tx.Execute("SELECT id FROM club_members WHERE tenant_id = $1 AND customer_id = $2", actor.tenant_id, customer_id);
    if (rows.empty()) return std::optional<Member>();
    return Find(tx, actor.tenant_id, rows.front().Int(0));
  });
}

std::int64_t ClubService::ExpireDue(db::Tx& tx, std::int64_t tenant_id, std::int64_t member_id, Timestamp now) {
  const std::int64_t due =
      tx.Execute("SELECT COALESCE(sum(remaining), 0) FROM club_point_lots WHERE member_id = $1 AND remaining > 0 AND expires_at <= $2",
                 member_id, now.ms)
          .front()
          .Int(0);
  if (due == 0) return 0;
  tx.Execute("UPDATE club_point_lots SET remaining = 0 WHERE member_id = $1 AND remaining > 0 AND expires_at <= $2", member_id, now.ms);
  const std::int64_t balance =
      tx.Execute("UPDATE club_members SET balance = balance - $2 WHERE id = $1 RETURNING balance", member_id, due).front().Int(0);
  tx.Execute(R"sql(INSERT INTO club_point_moves (member_id, tenant_id, delta, balance_after, reason, note, at)
VALUES ($1, $2, $3, $4, 'expired', $5, $6))sql", member_id, tenant_id, -due, balance, "积分到期", now.ms);
  return due;
}

Result<PointMove> ClubService::Write(db::Tx& tx, std::int64_t tenant_id, std::int64_t member_id, const PointsInput& in,
                                     std::optional<std::int64_t> actor_id, Timestamp now) {
  PointMove move;
  move.member_id = member_id;
  move.delta = in.delta;
  move.reason = in.reason;
  move.ref = in.ref;
  move.note = in.note;
  move.actor_id = actor_id;
  move.at = now;
  std::optional<std::int64_t> lot_id;
  // Each write starts with the member's row: a second write of the same member waits there until
  // this one commits, so no two redemptions read the same balance (PostgreSQL's row lock; SQLite's
  // one writer).
  if (in.delta > 0) {
    // An earning needs no balance read: it adds (lots past their date are taken by the nightly job
    // and before any spend).
    const auto rows = tx.Execute(R"sql(UPDATE club_members SET balance = balance + $3, earned_total = earned_total + $3, version = version + 1
 WHERE id = $1 AND tenant_id = $2 AND status = 'active' RETURNING balance, tier)sql", member_id, tenant_id, in.delta);
    if (rows.empty()) return Fail(ErrorCode::kConflict, "member_left", "the member has left the club");
    move.balance_after = rows.front().Int(0);
    const std::string tier = rows.front().Text(1);
    const auto settings = CachedSettings(tx, tenant_id);
    const Timestamp expires{now.ms + static_cast<std::int64_t>(settings->expiry_days) * kDayMs};
    lot_id = tx.Execute("INSERT INTO club_point_lots (member_id, points, remaining, earned_at, expires_at) VALUES ($1, $2, $2, $3, $4) RETURNING id",
                        member_id, in.delta, now.ms, expires.ms)
                 .front()
                 .Int(0);
    move.expires_at = expires;
    if (tier != settings->tiers.back().code) {  // the top tier goes no higher
      const std::string up = TierAfterEarning(settings->tiers, tier, EarnedSince(tx, member_id, Timestamp{now.ms - kYearMs}) + in.delta);
      if (up != tier) tx.Execute("UPDATE club_members SET tier = $2 WHERE id = $1", member_id, up);
    }
  } else {
    const auto locked = tx.Execute("UPDATE club_members SET version = version + 1 WHERE id = $1 AND tenant_id = $2 AND status = 'active' RETURNING id",
                                   member_id, tenant_id);
    if (locked.empty()) return Fail(ErrorCode::kConflict, "member_left", "the member has left the club");
    ExpireDue(tx, tenant_id, member_id, now);
    const std::int64_t spend = -in.delta;
    const auto rows = tx.Execute("UPDATE club_members SET balance = balance - $2 WHERE id = $1 AND balance >= $2 RETURNING balance", member_id, spend);
    if (rows.empty()) {
      const std::int64_t held = tx.Execute("SELECT balance FROM club_members WHERE id = $1", member_id).front().Int(0);
      Error e{ErrorCode::kConflict, "insufficient_points", fmt::format("the member holds {} points, fewer than {}", held, spend), {}, {}};
      e.extra.emplace_back("balance", std::to_string(held));
      return tl::unexpected(std::move(e));
    }
    move.balance_after = rows.front().Int(0);
    std::vector<Lot> lots;
    const auto open = tx.Execute("SELECT id, remaining, expires_at FROM club_point_lots WHERE member_id = $1 AND remaining > 0 ORDER BY expires_at, id", member_id);
    for (std::size_t i = 0; i < open.size(); ++i) lots.push_back({open[i].Int(0), open[i].Int(1), open[i].Int(2)});
    const auto takes = TakeOldestFirst(std::move(lots), spend, now.ms);
    // The balance is the sum of the open lots (expired ones were taken just above).
    HEARTH_ASSERT(takes.has_value(), "a member's balance exceeds their open lots");
    for (const auto& t : *takes) tx.Execute("UPDATE club_point_lots SET remaining = remaining - $2 WHERE id = $1", t.lot_id, t.points);
  }
  move.id = tx.Execute(R"sql(INSERT INTO club_point_moves (member_id, tenant_id, delta, balance_after, reason, ref, note, lot_id, actor_id, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id)sql", member_id, tenant_id, in.delta, move.balance_after, in.reason, in.ref,
                         in.note, lot_id, actor_id, now.ms)
                .front()
                .Int(0);
  return move;
}

Result<PointMove> ClubService::Move(const RequestContext& ctx, std::int64_t member_id, const PointsInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  if (in.delta == 0) return FailField("delta", "must_not_be_zero");
  const auto& allowed = in.delta > 0 ? kEarnReasons : kSpendReasons;
  if (std::find(allowed.begin(), allowed.end(), in.reason) == allowed.end()) return FailField("reason", "invalid_value");
  // Only a manager gives or takes points by hand.
  if (in.reason == "adjustment" && !actor.IsManager()) return Forbidden("only a manager adjusts points by hand");
  // The scope check alone (the member's card is not needed to write a line of their ledger).
  HEARTH_TRY(db_.Read([&](db::Tx& tx) -> Result<void> {
    const auto rows = tx.Execute("SELECT customer_id FROM club_members WHERE id = $1 AND tenant_id = $2", member_id, actor.tenant_id);
    if (rows.empty() || !customers_.CheckInScope(tx, actor, rows.front().Int(0))) return NotFound("no such member");
    return {};
  }));
  auto move = writer_.Submit([&](db::Tx& tx) -> Result<PointMove> {
    HEARTH_ASSIGN(PointMove written, Write(tx, actor.tenant_id, member_id, in, actor.user_id, clock_.Now()));
    audit_.Record(tx, ctx, in.delta > 0 ? "club_points.earned" : "club_points.spent", "club_member", member_id, nullptr,
                  boost::json::object{{"delta", in.delta}, {"reason", in.reason}, {"balance", written.balance_after}});
    return written;
  });
  if (move) {  // the ledger's name of the actor (their display name), read after the write
    std::vector<PointMove> one{std::move(*move)};
    db_.Read([&](db::Tx& tx) { platform::directory::NameActors(tx, actor.tenant_id, one); });
    return std::move(one.front());
  }
  return move;
}

Result<platform::Listing<PointMove>> ClubService::Ledger(const RequestContext& ctx, std::int64_t member_id, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<PointMove>> {
    HEARTH_TRY(Visible(tx, actor, member_id));
    const auto rows = tx.Execute(R"sql(SELECT p.id, p.delta, p.balance_after, p.reason, p.ref, p.note, p.actor_id, p.at, l.expires_at
 FROM club_point_moves p LEFT JOIN club_point_lots l ON l.id = p.lot_id
 WHERE p.member_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR p.id < $2) ORDER BY p.id DESC LIMIT $3)sql",
                                 member_id, page.after_id, page.limit + 1);
    platform::Listing<PointMove> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      PointMove p;
      p.id = r.Int(0);
      p.member_id = member_id;
      p.delta = r.Int(1);
      p.balance_after = r.Int(2);
      p.reason = r.Text(3);
      p.ref = r.OptText(4);
      p.note = r.OptText(5);
      p.actor_id = r.OptInt(6);
      p.at = Timestamp{r.Int(7)};
      if (auto e = r.OptInt(8)) p.expires_at = Timestamp{*e};
      out.items.push_back(std::move(p));
    }
    out.next_cursor = TrimToPage(out.items, page, [](const PointMove& p) { return p.id; });
    platform::directory::NameActors(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<ClubSettings> ClubService::Settings(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<ClubSettings> { return SettingsOf(tx, actor.tenant_id); });
}

Result<ClubSettings> ClubService::SetSettings(const RequestContext& ctx, const ClubSettings& in, std::optional<std::int64_t> if_match) {
  const Actor& actor = ctx.actor_ref();
  // The group's club: its managers (of the group's own unit) and administrators.
  if (!actor.IsManager() || (!actor.IsAdmin() && actor.org_unit_id != actor.tenant_id)) {
    return Forbidden("only the group's managers set the club's rules");
  }
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<ClubSettings> {
    const ClubSettings before = SettingsOf(tx, actor.tenant_id);
    if (if_match && *if_match != before.version) return Fail(ErrorCode::kConflict, "version_conflict", "the club's rules were changed meanwhile");
    tx.Execute(R"sql(UPDATE club_settings SET purchase_points = $2, referral_points = $3, survey_points = $4, expiry_days = $5, tiers = $6,
 version = version + 1, updated_at = $7 WHERE tenant_id = $1)sql", actor.tenant_id, in.purchase_points, in.referral_points,
               in.survey_points, in.expiry_days, boost::json::serialize(TiersJson(in.tiers)), now.ms);
    {
      std::lock_guard lock(settings_mutex_);
      settings_cache_.erase(actor.tenant_id);
    }
    audit_.Record(tx, ctx, "club_settings.changed", "club_settings", actor.tenant_id, boost::json::object{{"version", before.version}},
                  boost::json::object{{"version", before.version + 1}});
    return SettingsOf(tx, actor.tenant_id);
  });
}

void ClubService::EarnFor(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, const std::string& reason,
                          const std::string& ref, const std::string& note) {
  const auto rows = tx.Execute(fmt::format("SELECT {} FROM club_members m WHERE m.tenant_id = $1 AND m.customer_id = $2 AND m.status = 'active'", kColumns),
                               tenant_id, customer_id);
  if (rows.empty()) return;
  const Member m = ReadMember(rows.front());
  // Once per thing earned for: a replayed event earns nothing.
  if (!tx.Execute("SELECT 1 FROM club_point_moves WHERE member_id = $1 AND reason = $2 AND ref = $3 AND delta > 0", m.id, reason, ref).empty()) {
    return;
  }
  const auto settings = SettingsOf(tx, tenant_id);
  const std::int64_t points = reason == "purchase" ? settings.purchase_points : reason == "referral" ? settings.referral_points : settings.survey_points;
  if (points <= 0) return;
  const Timestamp now = clock_.Now();
  auto written = Write(tx, tenant_id, m.id, {points, reason, ref, note}, std::nullopt, now);
  if (!written) return;
  customers_.AppendTimeline(tx, tenant_id,
                            {0, customer_id, now, "club", "club_member", m.id,
                             fmt::format("万客会积分 +{}（{}：{}），余额 {}", points, ReasonWord(reason), note, written->balance_after)},
                            std::nullopt);
}

Result<void> ClubService::Seed() {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    for (const std::int64_t tenant : platform::directory::Groups(tx)) {
      const bool first = tx.Execute("INSERT INTO club_settings (tenant_id, tiers, updated_at) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING",
                                    tenant, boost::json::serialize(TiersJson(DefaultTiers())), now.ms)
                             .affected == 1;
      // The first night's run at the next 03:00 (a first start computes nothing at once).
      if (first) jobs_.Enqueue(tx, tenant, kNightlyJob, {}, NextNight(now));
    }
    return {};
  });
}

Result<void> ClubService::OnNightlyJob(db::Tx& tx, const platform::Job& job) {
  const std::int64_t tenant = job.tenant_id;
  const Timestamp now = clock_.Now();
  // Lots past their date, member by member (each expiry a line of the member's ledger).
  const auto due = tx.Execute(R"sql(SELECT DISTINCT l.member_id FROM club_point_lots l JOIN club_members m ON m.id = l.member_id
 WHERE m.tenant_id = $1 AND l.remaining > 0 AND l.expires_at <= $2)sql", tenant, now.ms);
  for (std::size_t i = 0; i < due.size(); ++i) ExpireDue(tx, tenant, due[i].Int(0), now);
  // Yearly reviews: the tier the last twelve months reach, at most one step down.
  const auto settings = SettingsOf(tx, tenant);
  const auto review = tx.Execute("SELECT id, tier FROM club_members WHERE tenant_id = $1 AND status = 'active' AND review_at <= $2", tenant, now.ms);
  for (std::size_t i = 0; i < review.size(); ++i) {
    const std::int64_t id = review[i].Int(0);
    const std::string tier = TierAtReview(settings.tiers, review[i].Text(1), EarnedSince(tx, id, Timestamp{now.ms - kYearMs}));
    tx.Execute("UPDATE club_members SET tier = $2, review_at = review_at + $3, version = version + 1 WHERE id = $1", id, tier, kYearMs);
  }
  jobs_.Enqueue(tx, tenant, kNightlyJob, {}, NextNight(now));
  return {};
}

}  // namespace hearth::club
