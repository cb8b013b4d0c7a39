#include "modules/club/events/event_service.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/text.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::club {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kChinaMs = 8 * 3'600'000;

constexpr std::string_view kEventColumns =
    "e.id, e.org_unit_id, e.title, e.description, e.place, e.starts_at, e.ends_at, e.capacity, e.signed_up, e.checked_in, e.points, "
    "e.tier_min, e.status, e.version," HEARTH_ORG_PATH_OF("e.org_unit_id");

ClubEvent ReadEvent(const db::Row& r) {
  ClubEvent e;
  e.id = r.Int(0);
  e.org_unit_id = r.Int(1);
  e.title = r.Text(2);
  e.description = r.Text(3);
  e.place = r.Text(4);
  e.starts_at = Timestamp{r.Int(5)};
  e.ends_at = Timestamp{r.Int(6)};
  e.capacity = static_cast<int>(r.Int(7));
  e.signed_up = static_cast<int>(r.Int(8));
  e.checked_in = static_cast<int>(r.Int(9));
  e.points = r.Int(10);
  e.tier_min = r.OptText(11);
  e.status = r.Text(12);
  e.version = static_cast<int>(r.Int(13));
  return e;
}

constexpr std::string_view kOfferColumns =
    "o.id, o.org_unit_id, o.merchant, o.title, o.description, o.tier_min, o.points_cost, o.valid_from, o.valid_to, o.status, o.version,"
    HEARTH_ORG_PATH_OF("o.org_unit_id");

Offer ReadOffer(const db::Row& r) {
  Offer o;
  o.id = r.Int(0);
  o.org_unit_id = r.Int(1);
  o.merchant = r.Text(2);
  o.title = r.Text(3);
  o.description = r.Text(4);
  o.tier_min = r.OptText(5);
  o.points_cost = r.OptInt(6);
  o.valid_from = r.Text(7);
  o.valid_to = r.Text(8);
  o.status = r.Text(9);
  o.version = static_cast<int>(r.Int(10));
  return o;
}

/// The caller reads a record of a unit of theirs, one above (the group's) or one below; runs it
/// when it is theirs or below and they may write.
bool Reads(const Actor& actor, const std::string& path) { return actor.InScope(path) || actor.org_path.starts_with(path); }
bool Runs(const Actor& actor, const std::string& path) { return actor.Can(Permission::kRecordWrite) && actor.InScope(path); }

template <typename T>
void NameUnits(db::Tx& tx, std::int64_t tenant_id, std::vector<T>& items) {
  std::vector<std::int64_t> units;
  for (const auto& i : items) units.push_back(i.org_unit_id);
  const auto names = platform::directory::UnitNamesOf(tx, tenant_id, units);
  for (auto& i : items) {
    if (auto it = names.find(i.org_unit_id); it != names.end()) i.org_unit_name = it->second;
  }
}

std::size_t TierRank(const std::vector<Tier>& tiers, const std::string& code) {
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    if (tiers[i].code == code) return i;
  }
  return 0;
}

}  // namespace

EventService::EventService(db::Database& db, const Clock& clock, platform::AuditLog& audit, ClubService& members)
    : db_(db), clock_(clock), audit_(audit), members_(members) {}

std::string EventService::Today() const { return FormatIsoDate((clock_.Now().ms + kChinaMs) / kDayMs); }

std::optional<ClubEvent> EventService::FindEvent(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  static const std::string kSql = fmt::format("SELECT {} FROM club_events e WHERE e.id = $1 AND e.tenant_id = $2", kEventColumns);
  const auto rows = tx.Execute(kSql, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  std::vector<ClubEvent> one{ReadEvent(rows.front())};
  NameUnits(tx, tenant_id, one);
  return one.front();
}

Result<ClubEvent> EventService::VisibleEvent(db::Tx& tx, const Actor& actor, std::int64_t id) {
  static const std::string kPath = "SELECT" HEARTH_ORG_PATH_OF("e.org_unit_id") "FROM club_events e WHERE e.id = $1 AND e.tenant_id = $2";
  const auto rows = tx.Execute(kPath, id, actor.tenant_id);
  if (rows.empty() || !Reads(actor, rows.front().Text(0))) return NotFound("no such event");
  auto e = FindEvent(tx, actor.tenant_id, id);
  e->editable = Runs(actor, rows.front().Text(0));
  return *e;
}

Result<void> EventService::CheckTier(db::Tx& tx, std::int64_t tenant_id, const std::optional<std::string>& tier, const char* field) {
  if (!tier) return {};
  const auto settings = members_.CachedSettings(tx, tenant_id);
  for (const auto& t : settings->tiers) {
    if (t.code == *tier) return {};
  }
  return FailField(field, "unknown_tier");
}

Result<CountedPage<ClubEvent>> EventService::Events(const RequestContext& ctx, bool upcoming_only, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  // Events of the caller's units, below them and above them (the group's): the path is a prefix of
  // theirs or theirs is a prefix of it.
  static const std::string kWhere = R"sql( FROM club_events e
 WHERE e.tenant_id = $1 AND ()sql" HEARTH_ORG_PATH_OF("e.org_unit_id") R"sql(LIKE $2 OR $3 LIKE)sql" HEARTH_ORG_PATH_OF("e.org_unit_id") R"sql(|| '%')
   AND ($4 = 0 OR (e.ends_at > $5 AND e.status = 'open')))sql";
  static const std::string kPage = fmt::format("SELECT {}{} AND (CAST($6 AS BIGINT) IS NULL OR e.id < $6) ORDER BY e.id DESC LIMIT $7", kEventColumns, kWhere);
  static const std::string kCount = "SELECT count(*)" + kWhere;
  const std::string mine = actor.IsAdmin() ? std::string("/") : actor.org_path;
  const std::int64_t upcoming = upcoming_only ? 1 : 0;
  return db_.Read([&](db::Tx& tx) -> Result<CountedPage<ClubEvent>> {
    CountedPage<ClubEvent> out;
    const auto now = clock_.Now().ms;
    const auto rows = tx.Execute(kPage, actor.tenant_id, mine + "%", mine, upcoming, now, page.after_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out.items.push_back(ReadEvent(rows[i]));
      out.items.back().editable = Runs(actor, rows[i].Text(14));
    }
    out.next_cursor = TrimToPage(out.items, page, [](const ClubEvent& e) { return e.id; });
    NameUnits(tx, actor.tenant_id, out.items);
    out.total = tx.Execute(kCount, actor.tenant_id, mine + "%", mine, upcoming, now).front().Int(0);
    return out;
  });
}

Result<ClubEvent> EventService::Event(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return VisibleEvent(tx, actor, id); });
}

Result<ClubEvent> EventService::CreateEvent(const RequestContext& ctx, const EventInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  if (!in.title) return FailField("title", "required");
  if (!in.starts_at) return FailField("starts_at", "required");
  if (!in.ends_at) return FailField("ends_at", "required");
  if (!in.capacity) return FailField("capacity", "required");
  if (in.ends_at->ms <= in.starts_at->ms) return FailField("ends_at", "before_start");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<ClubEvent> {
    const std::int64_t unit = in.org_unit_id.value_or(actor.org_unit_id);
    const auto path = tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), unit).front().OptText(0);
    if (!path || platform::directory::GroupOf(tx, unit) != actor.tenant_id || !actor.InScope(*path)) return FailField("org_unit_id", "not_found");
    HEARTH_TRY(CheckTier(tx, actor.tenant_id, in.tier_min ? *in.tier_min : std::nullopt, "tier_min"));
    const std::int64_t id = tx.Execute(R"sql(INSERT INTO club_events (tenant_id, org_unit_id, title, description, place, starts_at, ends_at, capacity,
 points, tier_min, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id)sql",
                                       actor.tenant_id, unit, *in.title, in.description.value_or(""), in.place.value_or(""), in.starts_at->ms,
                                       in.ends_at->ms, *in.capacity, in.points.value_or(0), in.tier_min ? *in.tier_min : std::nullopt,
                                       actor.user_id, now.ms)
                                .front()
                                .Int(0);
    audit_.Record(tx, ctx, "club_event.created", "club_event", id, nullptr, boost::json::object{{"title", *in.title}, {"capacity", *in.capacity}});
    return VisibleEvent(tx, actor, id);
  });
}

Result<ClubEvent> EventService::UpdateEvent(const RequestContext& ctx, std::int64_t id, const EventInput& in,
                                            std::optional<std::int64_t> if_match) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  if (in.org_unit_id) return FailField("org_unit_id", "read_only");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<ClubEvent> {
    HEARTH_ASSIGN(ClubEvent e, VisibleEvent(tx, actor, id));
    if (!e.editable) return Forbidden("only the staff of the event's company change it");
    if (if_match && *if_match != e.version) return Fail(ErrorCode::kConflict, "version_conflict", "the event was changed meanwhile");
    if (in.capacity && *in.capacity < e.signed_up) return FailField("capacity", "below_signed_up");
    HEARTH_TRY(CheckTier(tx, actor.tenant_id, in.tier_min ? *in.tier_min : std::nullopt, "tier_min"));
    const Timestamp starts = in.starts_at.value_or(e.starts_at), ends = in.ends_at.value_or(e.ends_at);
    if (ends.ms <= starts.ms) return FailField("ends_at", "before_start");
    tx.Execute(R"sql(UPDATE club_events SET title = $3, description = $4, place = $5, starts_at = $6, ends_at = $7, capacity = $8, points = $9,
 tier_min = $10, status = $11, version = version + 1, updated_at = $12 WHERE id = $1 AND tenant_id = $2)sql",
               id, actor.tenant_id, in.title.value_or(e.title), in.description.value_or(e.description), in.place.value_or(e.place), starts.ms,
               ends.ms, in.capacity.value_or(e.capacity), in.points.value_or(e.points), in.tier_min ? *in.tier_min : e.tier_min,
               in.status.value_or(e.status), now.ms);
    audit_.Record(tx, ctx, "club_event.changed", "club_event", id, boost::json::object{{"version", e.version}},
                  boost::json::object{{"version", e.version + 1}});
    return VisibleEvent(tx, actor, id);
  });
}

namespace {
constexpr std::string_view kSignupColumns = "SELECT id, event_id, member_id, status, signed_at, checked_in_at FROM club_event_signups ";
Signup ReadSignup(const db::Row& r) {
  Signup s{r.Int(0), r.Int(1), r.Int(2), "", "", "", r.Text(3), Timestamp{r.Int(4)}, std::nullopt};
  if (auto at = r.OptInt(5)) s.checked_in_at = Timestamp{*at};
  return s;
}
}  // namespace

std::optional<Signup> EventService::FindSignup(db::Tx& tx, std::int64_t id) {
  const auto rows = tx.Execute(std::string(kSignupColumns) + "WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return ReadSignup(rows.front());
}

void EventService::NameSignups(db::Tx& tx, std::int64_t tenant_id, std::vector<Signup>& signups) {
  std::vector<std::int64_t> ids;
  for (const auto& s : signups) ids.push_back(s.member_id);
  const auto cards = members_.Cards(tx, tenant_id, ids);  // the page's members in one query
  for (auto& s : signups) {
    if (auto m = cards.find(s.member_id); m != cards.end()) {
      s.member_no = m->second.member_no;
      s.customer_name = m->second.customer_name;
      s.tier_name = m->second.tier_name;
    }
  }
}

Result<std::vector<Signup>> EventService::Signups(const RequestContext& ctx, std::int64_t event_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Signup>> {
    HEARTH_TRY(VisibleEvent(tx, actor, event_id));
    const auto rows = tx.Execute(std::string(kSignupColumns) + "WHERE event_id = $1 ORDER BY id LIMIT 2000", event_id);
    std::vector<Signup> out;
    for (const auto& r : rows) out.push_back(ReadSignup(r));
    NameSignups(tx, actor.tenant_id, out);
    return out;
  });
}

Result<Signup> EventService::SignUp(const RequestContext& ctx, std::int64_t event_id, std::int64_t member_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Signup> {
    HEARTH_ASSIGN(ClubEvent e, VisibleEvent(tx, actor, event_id));
    auto member = members_.MemberFor(tx, actor, member_id);
    if (!member) return FailField("member_id", "not_found");
    if (e.status != "open" || e.ends_at.ms <= now.ms) return Fail(ErrorCode::kConflict, "event_closed", "the event takes no more sign-ups");
    if (e.tier_min) {
      const auto settings = members_.CachedSettings(tx, actor.tenant_id);
      if (TierRank(settings->tiers, member->tier) < TierRank(settings->tiers, *e.tier_min)) return FailField("member_id", "tier_too_low");
    }
    const auto existing = tx.Execute("SELECT id, status FROM club_event_signups WHERE event_id = $1 AND member_id = $2", event_id, member_id);
    if (!existing.empty() && existing.front().Text(1) == "signed") return Fail(ErrorCode::kConflict, "already_signed", "the member has signed up already");
    // A place taken by compare-and-set: whatever the race, never more sign-ups than places.
    if (tx.Execute("UPDATE club_events SET signed_up = signed_up + 1 WHERE id = $1 AND signed_up < capacity", event_id).affected == 0) {
      return Fail(ErrorCode::kConflict, "event_full", "every place is taken");
    }
    std::int64_t id = 0;
    if (existing.empty()) {
      id = tx.Execute("INSERT INTO club_event_signups (event_id, member_id, signed_at) VALUES ($1, $2, $3) RETURNING id", event_id, member_id, now.ms)
               .front()
               .Int(0);
    } else {
      id = existing.front().Int(0);
      tx.Execute("UPDATE club_event_signups SET status = 'signed', signed_at = $2 WHERE id = $1", id, now.ms);
    }
    audit_.Record(tx, ctx, "club_event.signed_up", "club_event", event_id, nullptr, boost::json::object{{"member_id", member_id}});
    std::vector<Signup> one{*FindSignup(tx, id)};
    NameSignups(tx, actor.tenant_id, one);
    return one.front();
  });
}

Result<Signup> EventService::CancelSignup(const RequestContext& ctx, std::int64_t signup_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  return db_.Transact([&](db::Tx& tx) -> Result<Signup> {
    auto s = FindSignup(tx, signup_id);
    if (!s) return NotFound("no such sign-up");
    HEARTH_TRY(VisibleEvent(tx, actor, s->event_id));
    if (s->status != "signed") return Fail(ErrorCode::kConflict, "not_signed", "the sign-up was cancelled already");
    if (s->checked_in_at) return Fail(ErrorCode::kConflict, "checked_in", "the member came: the sign-up stays");
    tx.Execute("UPDATE club_event_signups SET status = 'cancelled' WHERE id = $1", signup_id);
    tx.Execute("UPDATE club_events SET signed_up = signed_up - 1 WHERE id = $1", s->event_id);
    audit_.Record(tx, ctx, "club_event.signup_cancelled", "club_event", s->event_id, nullptr, boost::json::object{{"member_id", s->member_id}});
    std::vector<Signup> one{*FindSignup(tx, signup_id)};
    NameSignups(tx, actor.tenant_id, one);
    return one.front();
  });
}

Result<Signup> EventService::CheckIn(const RequestContext& ctx, std::int64_t signup_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Signup> {
    auto s = FindSignup(tx, signup_id);
    if (!s) return NotFound("no such sign-up");
    HEARTH_ASSIGN(ClubEvent e, VisibleEvent(tx, actor, s->event_id));
    if (!e.editable) return Forbidden("only the staff of the event's company check members in");
    if (s->status != "signed") return Fail(ErrorCode::kConflict, "not_signed", "the sign-up was cancelled");
    if (s->checked_in_at) return Fail(ErrorCode::kConflict, "already_checked_in", "the member was checked in already");
    tx.Execute("UPDATE club_event_signups SET checked_in_at = $2 WHERE id = $1", signup_id, now.ms);
    tx.Execute("UPDATE club_events SET checked_in = checked_in + 1 WHERE id = $1", s->event_id);
    if (e.points > 0) {
      HEARTH_TRY(members_.MoveAt(tx, actor.tenant_id, s->member_id, {e.points, "event", fmt::format("event:{}", e.id), e.title}, now));
    }
    audit_.Record(tx, ctx, "club_event.checked_in", "club_event", s->event_id, nullptr,
                  boost::json::object{{"member_id", s->member_id}, {"points", e.points}});
    std::vector<Signup> one{*FindSignup(tx, signup_id)};
    NameSignups(tx, actor.tenant_id, one);
    return one.front();
  });
}

std::optional<Offer> EventService::FindOffer(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  static const std::string kSql = fmt::format("SELECT {} FROM club_offers o WHERE o.id = $1 AND o.tenant_id = $2", kOfferColumns);
  const auto rows = tx.Execute(kSql, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  std::vector<Offer> one{ReadOffer(rows.front())};
  NameUnits(tx, tenant_id, one);
  return one.front();
}

Result<CountedPage<Offer>> EventService::Offers(const RequestContext& ctx, bool current_only, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  static const std::string kWhere = R"sql( FROM club_offers o
 WHERE o.tenant_id = $1 AND ()sql" HEARTH_ORG_PATH_OF("o.org_unit_id") R"sql(LIKE $2 OR $3 LIKE)sql" HEARTH_ORG_PATH_OF("o.org_unit_id") R"sql(|| '%')
   AND ($4 = 0 OR (o.status = 'active' AND o.valid_from <= $5 AND o.valid_to >= $5)))sql";
  static const std::string kPage = fmt::format("SELECT {}{} AND (CAST($6 AS BIGINT) IS NULL OR o.id < $6) ORDER BY o.id DESC LIMIT $7", kOfferColumns, kWhere);
  static const std::string kCount = "SELECT count(*)" + kWhere;
  const std::string mine = actor.IsAdmin() ? std::string("/") : actor.org_path;
  const std::int64_t current = current_only ? 1 : 0;
  const std::string today = Today();
  return db_.Read([&](db::Tx& tx) -> Result<CountedPage<Offer>> {
    CountedPage<Offer> out;
    const auto rows = tx.Execute(kPage, actor.tenant_id, mine + "%", mine, current, today, page.after_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out.items.push_back(ReadOffer(rows[i]));
      out.items.back().editable = actor.IsManager() && actor.InScope(rows[i].Text(11));
    }
    out.next_cursor = TrimToPage(out.items, page, [](const Offer& o) { return o.id; });
    NameUnits(tx, actor.tenant_id, out.items);
    out.total = tx.Execute(kCount, actor.tenant_id, mine + "%", mine, current, today).front().Int(0);
    return out;
  });
}

Result<Offer> EventService::CreateOffer(const RequestContext& ctx, const OfferInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.IsManager()) return Forbidden("managers keep the merchants' offers");
  if (!in.merchant) return FailField("merchant", "required");
  if (!in.title) return FailField("title", "required");
  if (!in.valid_from) return FailField("valid_from", "required");
  if (!in.valid_to) return FailField("valid_to", "required");
  if (*in.valid_to < *in.valid_from) return FailField("valid_to", "before_start");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Offer> {
    HEARTH_TRY(CheckTier(tx, actor.tenant_id, in.tier_min ? *in.tier_min : std::nullopt, "tier_min"));
    const std::int64_t id = tx.Execute(R"sql(INSERT INTO club_offers (tenant_id, org_unit_id, merchant, title, description, tier_min, points_cost,
 valid_from, valid_to, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id)sql",
                                       actor.tenant_id, actor.org_unit_id, *in.merchant, *in.title, in.description.value_or(""),
                                       in.tier_min ? *in.tier_min : std::nullopt, in.points_cost ? *in.points_cost : std::nullopt,
                                       *in.valid_from, *in.valid_to, now.ms)
                                .front()
                                .Int(0);
    audit_.Record(tx, ctx, "club_offer.created", "club_offer", id, nullptr, boost::json::object{{"merchant", *in.merchant}, {"title", *in.title}});
    auto o = FindOffer(tx, actor.tenant_id, id);
    o->editable = true;
    return *o;
  });
}

Result<Offer> EventService::UpdateOffer(const RequestContext& ctx, std::int64_t id, const OfferInput& in, std::optional<std::int64_t> if_match) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Offer> {
    auto o = FindOffer(tx, actor.tenant_id, id);
    const auto path = o ? tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), o->org_unit_id).front().OptText(0).value_or("") : "";
    if (!o || !Reads(actor, path)) return NotFound("no such offer");
    if (!actor.IsManager() || !actor.InScope(path)) return Forbidden("managers of its unit change the offer");
    if (if_match && *if_match != o->version) return Fail(ErrorCode::kConflict, "version_conflict", "the offer was changed meanwhile");
    HEARTH_TRY(CheckTier(tx, actor.tenant_id, in.tier_min ? *in.tier_min : std::nullopt, "tier_min"));
    const std::string from = in.valid_from.value_or(o->valid_from), to = in.valid_to.value_or(o->valid_to);
    if (to < from) return FailField("valid_to", "before_start");
    tx.Execute(R"sql(UPDATE club_offers SET merchant = $3, title = $4, description = $5, tier_min = $6, points_cost = $7, valid_from = $8,
 valid_to = $9, status = $10, version = version + 1, updated_at = $11 WHERE id = $1 AND tenant_id = $2)sql",
               id, actor.tenant_id, in.merchant.value_or(o->merchant), in.title.value_or(o->title), in.description.value_or(o->description),
               in.tier_min ? *in.tier_min : o->tier_min, in.points_cost ? *in.points_cost : o->points_cost, from, to,
               in.status.value_or(o->status), now.ms);
    audit_.Record(tx, ctx, "club_offer.changed", "club_offer", id, boost::json::object{{"version", o->version}},
                  boost::json::object{{"version", o->version + 1}});
    auto after = FindOffer(tx, actor.tenant_id, id);
    after->editable = true;
    return *after;
  });
}

}  // namespace hearth::club
