// The owners' own sign-up for a site open day: a link per household sent by SMS, and the page behind it.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/json.hpp"
#include "modules/delivery/booking/slot.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "modules/delivery/signups/signup_service.hpp"

namespace hearth::delivery {

namespace {

// The units whose household has signed up (and not cancelled).
constexpr std::string_view kLiveUnits = R"sql(
SELECT unit_id FROM open_day_signups WHERE open_day_id = $1 AND status <> 'cancelled')sql";

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::int64_t kChinaOffsetMs = 8LL * 3600 * 1000;

std::string RequestIdOf(const SignupInvite& i) { return "open-day-link:" + std::to_string(i.id); }

}  // namespace

std::string SignupService::Today() const { return ChinaToday(clock_); }

boost::json::object ToJson(const SignupInvite& i) {
  std::string state = "sent";
  if (i.opened_at) state = "opened";
  if (i.signup) state = i.signup->status;  // signed_up | checked_in
  return {{"id", i.id},
          {"open_day_id", i.parent_id},
          {"unit_id", i.unit_id},
          {"unit_code", i.unit_code},
          {"customer_id", i.customer_id},
          {"customer_name", i.customer_name},
          {"message_id", JsonOr(i.message_id)},
          {"sent_at", FormatRfc3339(i.created_at)},
          {"expires_at", FormatRfc3339(i.expires_at)},
          {"opened_at", i.opened_at ? boost::json::value(FormatRfc3339(*i.opened_at)) : boost::json::value(nullptr)},
          {"state", state},
          {"signup_id", i.signup ? boost::json::value(i.signup->id) : boost::json::value(nullptr)},
          {"party_size", i.signup ? boost::json::value(i.signup->party_size) : boost::json::value(nullptr)},
          {"signed_up_via", i.signup ? boost::json::value(i.signup->created_by == 0 ? "owner" : "staff") : boost::json::value(nullptr)}};
}

boost::json::object ToJson(const PublicSignup& p, const std::string& today) {
  // The day as the owner needs it: open (takes sign-ups), vetoed (called off) or past.
  std::string state = "open";
  if (p.day.status == "vetoed") state = "vetoed";
  else if (p.day.on < today) state = "past";
  else if (p.day.capacity && p.day.signed_up >= *p.day.capacity) state = "full";
  boost::json::value signup = nullptr;
  if (p.signup) {
    signup = boost::json::object{{"party_size", p.signup->party_size},
                                 {"status", p.signup->status},
                                 {"may_cancel", p.signup->status == "signed_up" && state != "past"}};
  }
  return {{"project_name", p.project_name},
          {"project_address", p.project_address},
          {"unit_code", p.unit_code},
          {"owner", p.owner},
          {"on", p.day.on},
          {"decoration", p.day.decoration},
          {"note", p.day.note},
          {"state", state},
          {"places_left", p.day.capacity ? boost::json::value(std::max<std::int64_t>(0, *p.day.capacity - p.day.signed_up))
                                         : boost::json::value(nullptr)},
          {"signup", std::move(signup)}};
}

Result<SignupInviteRun> SignupService::SendInvites(const RequestContext& ctx, std::int64_t open_day_id, const std::string& origin) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations invite owners to open days");
  const Timestamp now = clock_.Now();
  const std::string today = ChinaToday(clock_);
  return db_.Transact([&](db::Tx& tx) -> Result<SignupInviteRun> {
    HEARTH_ASSIGN(const OpenDay day, batches_.OpenDayFor(tx, actor, open_day_id));
    if (day.status == "vetoed") return Fail(ErrorCode::kConflict, "invalid_transition", "the open day was vetoed");
    if (day.on <= today) return Fail(ErrorCode::kConflict, "open_day_past", fmt::format("the open day is on {}: invite before it", day.on));
    const auto project = inventory_.ProjectFor(tx, actor, day.project_id);
    if (!project) return NotFound("no such open day");
    std::set<std::int64_t> signed_up;
    for (const auto& r : tx.Execute(kLiveUnits, day.id)) signed_up.insert(r.Int(0));
    // Good through the day itself (until midnight China time after it).
    const auto day_number = ParseIsoDate(day.on).value_or(0);
    const Timestamp expires{(day_number + 1) * kDayMs - kChinaOffsetMs};
    const std::string word = day.decoration == "raw" ? "毛坯" : "精装";
    const LinkMessage message{origin, "/o/", "open_day_signup", "open_day_invite", project->org_unit_id,
                              [&](const std::string& owner, const std::string& unit, const std::string& link) {
                                return fmt::format("{}您好：{}将于{}举办{}工地开放日，诚邀您到现场看看新家 {} 的建造进度。报名请点击 {}", owner,
                                                   project->name, day.on, word, unit, link);
                              }};
    SignupInviteRun run;
    for (const auto& unit : inventory_.UnitsOfProject(tx, actor.tenant_id, day.project_id)) {
      // The households still waiting for their home, of the day's kind.
      if (unit.status != inventory::UnitStatus::kContracted || WordOf(unit.decoration) != day.decoration) continue;
      if (signed_up.contains(unit.id)) {
        run.skipped.push_back({unit.id, unit.code, "signed_up"});
        continue;
      }
      links_.SendTo(tx, actor, unit, day.id, now, expires, message, run);
    }
    audit_.Record(tx, ctx, "open_day_invites.sent", "open_day", day.id, nullptr,
                  boost::json::object{{"sent", run.sent.size()}, {"skipped", run.skipped.size()}});
    return run;
  });
}

Result<std::vector<SignupInvite>> SignupService::Invites(const RequestContext& ctx, std::int64_t open_day_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<SignupInvite>> {
    HEARTH_ASSIGN(const OpenDay day, batches_.OpenDayFor(tx, actor, open_day_id));
    std::vector<SignupInvite> out;
    for (auto& link : links_.OfParent(tx, actor.tenant_id, day.id)) {
      SignupInvite i{std::move(link)};
      i.signup = LiveOfUnit(tx, actor.tenant_id, day.id, i.unit_id);
      out.push_back(std::move(i));
    }
    return out;
  });
}

std::optional<SignupInvite> SignupService::FindByToken(db::Tx& tx, const std::string& token) {
  auto link = links_.Find(tx, token, clock_.Now());
  if (!link) return std::nullopt;
  return SignupInvite{NamedLink{std::move(*link)}};
}

Result<PublicSignup> SignupService::ViewIn(db::Tx& tx, const SignupInvite& invite, const Actor& owner) {
  auto day = batches_.OpenDayFor(tx, owner, invite.parent_id);
  if (!day) return NotFound("no such sign-up link");
  const auto project = inventory_.ProjectFor(tx, owner, day->project_id);
  const auto units = inventory_.UnitsById(tx, invite.tenant_id, {invite.unit_id});
  if (!project || units.empty()) return NotFound("no such sign-up link");
  PublicSignup out;
  out.project_name = project->name;
  out.project_address = project->address;
  out.unit_code = units.front().code;
  const auto names = customers_.NamesOf(tx, invite.tenant_id, {invite.customer_id});
  if (auto it = names.find(invite.customer_id); it != names.end()) out.owner = InitialOnly(it->second);
  out.signup = LiveOfUnit(tx, invite.tenant_id, day->id, invite.unit_id);
  out.day = std::move(*day);
  return out;
}

Result<PublicSignup> SignupService::PublicView(const std::string& token) {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<PublicSignup> {
    auto invite = FindByToken(tx, token);
    if (!invite) return NotFound("no such sign-up link");
    links_.Opened(tx, invite->id, now);
    const RequestContext ctx = OwnerContext(invite->tenant_id, RequestIdOf(*invite), "");
    return ViewIn(tx, *invite, ctx.actor_ref());
  });
}

Result<PublicSignup> SignupService::PublicSignUp(const std::string& token, std::int64_t party_size, const std::string& remote_address) {
  return db_.Transact([&](db::Tx& tx) -> Result<PublicSignup> {
    auto invite = FindByToken(tx, token);
    if (!invite) return NotFound("no such sign-up link");
    const RequestContext ctx = OwnerContext(invite->tenant_id, RequestIdOf(*invite), remote_address);
    HEARTH_ASSIGN(const Signup s, SignUpIn(tx, ctx, invite->parent_id, invite->unit_id, invite->customer_id, party_size, ""));
    HEARTH_ASSIGN(PublicSignup view, ViewIn(tx, *invite, ctx.actor_ref()));
    // A confirmation to the owner's phone (the link itself is not repeated).
    auto owner = customers_.CustomerFor(tx, ctx.actor_ref(), invite->customer_id);
    if (owner && !owner->phones.empty()) {
      const std::string text = fmt::format("您已报名{} {}工地开放日（{} 人），地点：{}。如需取消，可再次打开报名链接。", view.project_name,
                                           view.day.on, s.party_size, view.project_address);
      messages_.SendSms(tx, {invite->tenant_id, view.day.org_unit_id, owner->phones.front().phone, "open_day_signup", text, text,
                             "open_day_signup", s.id});
    }
    return view;
  });
}

Result<PublicSignup> SignupService::PublicCancel(const std::string& token, const std::string& remote_address) {
  return db_.Transact([&](db::Tx& tx) -> Result<PublicSignup> {
    auto invite = FindByToken(tx, token);
    if (!invite) return NotFound("no such sign-up link");
    const RequestContext ctx = OwnerContext(invite->tenant_id, RequestIdOf(*invite), remote_address);
    const auto live = LiveOfUnit(tx, invite->tenant_id, invite->parent_id, invite->unit_id);
    if (!live) return Fail(ErrorCode::kConflict, "invalid_transition", "the household has not signed up");
    if (auto day = batches_.OpenDayFor(tx, ctx.actor_ref(), invite->parent_id); day && day->on < ChinaToday(clock_)) {
      return Fail(ErrorCode::kConflict, "open_day_past", fmt::format("the open day was on {}", day->on));
    }
    HEARTH_TRY(CancelIn(tx, ctx, live->id));
    return ViewIn(tx, *invite, ctx.actor_ref());
  });
}

}  // namespace hearth::delivery
