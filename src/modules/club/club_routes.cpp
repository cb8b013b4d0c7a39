// The club module's manifest and HTTP: parse → use case → JSON.
#include <boost/json.hpp>

#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "http/router.hpp"
#include "modules/club/club_module.hpp"

namespace hearth::club {
namespace {

using http::Request;
using http::Response;

boost::json::value OptTime(const std::optional<Timestamp>& t) { return t ? boost::json::value(FormatRfc3339(*t)) : nullptr; }

boost::json::object ToJson(const Member& m) {
  return {{"id", m.id},
          {"customer_id", m.customer_id},
          {"customer_name", m.customer_name},
          {"customer_phone", m.customer_phone},
          {"org_unit_id", m.org_unit_id},
          {"org_unit_name", m.org_unit_name},
          {"member_no", m.member_no},
          {"tier", m.tier},
          {"tier_name", m.tier_name},
          {"balance", m.balance},
          {"earned_total", m.earned_total},
          {"earned_12m", m.earned_12m},
          {"status", m.status},
          {"joined_at", FormatRfc3339(m.joined_at)},
          {"review_at", FormatRfc3339(m.review_at)},
          {"expiring_points", m.expiring_points},
          {"expiring_at", OptTime(m.expiring_at)},
          {"version", m.version}};
}

boost::json::object MoveJson(const PointMove& p) {
  return {{"id", p.id},
          {"member_id", p.member_id},
          {"delta", p.delta},
          {"balance_after", p.balance_after},
          {"reason", p.reason},
          {"ref", p.ref ? boost::json::value(*p.ref) : nullptr},
          {"note", p.note ? boost::json::value(*p.note) : nullptr},
          {"actor_id", p.actor_id ? boost::json::value(*p.actor_id) : nullptr},
          {"actor_name", p.actor_name ? boost::json::value(*p.actor_name) : nullptr},
          {"at", FormatRfc3339(p.at)},
          {"expires_at", OptTime(p.expires_at)}};
}

boost::json::object SettingsJson(const ClubSettings& s) {
  boost::json::array tiers;
  for (const auto& t : s.tiers) {
    tiers.push_back(boost::json::object{{"code", t.code}, {"name", t.name}, {"min_points_12m", t.min_points_12m}, {"benefits", t.benefits}});
  }
  return {{"purchase_points", s.purchase_points}, {"referral_points", s.referral_points}, {"survey_points", s.survey_points},
          {"expiry_days", s.expiry_days},         {"tiers", std::move(tiers)},           {"version", s.version}};
}

/// The club's rules from a PUT body: every field, the tiers ascending from 0.
Result<ClubSettings> ReadSettings(const boost::json::object& body) {
  http::BodyReader in(body);
  ClubSettings s;
  const auto points = [&](const char* key) {
    const auto v = in.Int(key, true);
    if (v && (*v < 0 || *v > 1'000'000)) in.Invalid(key, "out_of_range");
    return v.value_or(0);
  };
  s.purchase_points = points("purchase_points");
  s.referral_points = points("referral_points");
  s.survey_points = points("survey_points");
  const auto days = in.Int("expiry_days", true);
  if (days && (*days < 30 || *days > 3650)) in.Invalid("expiry_days", "out_of_range");
  s.expiry_days = static_cast<int>(days.value_or(730));
  s.tiers.clear();
  if (const auto* tiers = in.Raw("tiers"); tiers && tiers->is_array() && !tiers->as_array().empty() && tiers->as_array().size() <= 10) {
    std::int64_t last = -1;
    std::set<std::string> codes;
    for (std::size_t i = 0; i < tiers->as_array().size(); ++i) {
      const std::string at = "tiers[" + std::to_string(i) + "]";
      const auto& v = tiers->as_array()[i];
      if (!v.is_object()) {
        in.Invalid(at, "must_be_object");
        continue;
      }
      http::BodyReader t(v.as_object());
      Tier tier;
      tier.code = t.String("code", {.required = true, .min_chars = 1, .max_chars = 20}).value_or("");
      tier.name = t.String("name", {.required = true, .min_chars = 1, .max_chars = 20}).value_or("");
      tier.min_points_12m = t.Int("min_points_12m", true).value_or(0);
      tier.benefits = t.String("benefits", {.max_chars = 500, .multiline = true}).value_or("");
      if (auto done = t.Finish(); !done) {
        for (const auto& f : done.error().fields) in.Invalid(at + "." + f.field, f.reason);
      }
      if (!codes.insert(tier.code).second) in.Invalid(at + ".code", "duplicate");
      if ((i == 0 && tier.min_points_12m != 0) || (i > 0 && tier.min_points_12m <= last)) in.Invalid(at + ".min_points_12m", "not_ascending");
      last = tier.min_points_12m;
      s.tiers.push_back(std::move(tier));
    }
  } else {
    in.Invalid("tiers", "must_be_array_of_1_to_10");
  }
  HEARTH_TRY(in.Finish());
  return s;
}

}  // namespace

platform::Manifest BuildManifest(ClubModule& module) {
  platform::Manifest m{.name = "club", .folder = "modules/club", .tables = {
      {"club_settings"}, {"club_members"},
      {"club_point_lots", "member_id IN (SELECT id FROM club_members WHERE tenant_id = $1)"}, {"club_point_moves"},
      {"club_events"}, {"club_event_signups", "event_id IN (SELECT id FROM club_events WHERE tenant_id = $1)"}, {"club_offers"},
      {"club_rates"}}};
  ClubService& s = module.members;
  m.constraints.push_back({"uq_club_members_customer", {"customer_id", "already_member", ErrorCode::kConflict, "already_member"}});
  m.constraints.push_back({"uq_club_point_moves_ref", {"ref", "already_earned", ErrorCode::kConflict, "already_earned"}});
  m.seed = [&s] { return s.Seed(); };
  m.demo = [&module](platform::Demo& demo) { return AddDemoClub(module, demo); };
  // Each night: expiries and tier reviews in the job's transaction, then the members' rates
  // against the other owners' (a pass over every customer) after it commits.
  m.jobs.push_back({ClubService::kNightlyJob, [&module](db::Tx& tx, const platform::Job& job) -> Result<void> {
                      HEARTH_TRY(module.members.OnNightlyJob(tx, job));
                      tx.AfterCommit([&module, tenant = job.tenant_id] { module.rates.Compute(tenant); });
                      return {};
                    }});

  m.Route({"GET", "/api/v1/club/settings", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    return http::Render(s.Settings(r.context), http::kOk, SettingsJson);
  });
  m.Route({"PUT", "/api/v1/club/settings", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto version, http::IfMatchVersion(r));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto settings, ReadSettings(body));
    return http::Render(s.SetSettings(r.context, settings, version), http::kOk, SettingsJson);
  });
  m.Route({"GET", "/api/v1/club/members", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    MemberFilter f;
    f.tier = r.Query("tier");
    if (f.tier && f.tier->empty()) f.tier.reset();
    f.q = r.Query("q");
    if (f.q && f.q->size() > 40) return http::BadQuery("q", "too_long", "q is at most 40 characters");
    auto found = s.List(r.context, f, page);
    if (!found) return tl::unexpected(found.error());
    boost::json::array items;
    for (const auto& x : found->items) items.push_back(ToJson(x));
    return http::Json(http::kOk, boost::json::object{{"items", std::move(items)},
                                                     {"next_cursor", found->next_cursor ? boost::json::value(*found->next_cursor) : nullptr},
                                                     {"total", found->total}});
  });
  m.Route({"POST", "/api/v1/club/members", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    const auto customer = in.Int("customer_id", true);
    HEARTH_TRY(in.Finish());
    return http::Render(s.Enrol(r.context, *customer), http::kCreated, ToJson);
  });
  m.Route({"GET", "/api/v1/club/members/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, ToJson);
  });
  m.Route({"GET", "/api/v1/club/members/{id}/points", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    auto found = s.Ledger(r.context, id, page);
    if (!found) return tl::unexpected(found.error());
    return http::ListResponse(found->items, found->next_cursor, MoveJson);
  });
  // On the worker pool: earnings and redemptions are written together, a batch per commit.
  m.Route({"POST", "/api/v1/club/members/{id}/points", Permission::kRecordWrite, http::BodyLimit::kJson, /*slow=*/true},
          [&s](Request& r) -> Result<Response> {
            HEARTH_ASSIGN(auto id, r.PathId("id"));
            HEARTH_ASSIGN(auto body, r.JsonObject());
            http::BodyReader in(body);
            PointsInput p;
            const auto delta = in.Int("delta", true);
            if (delta && (*delta == 0 || *delta > 1'000'000 || *delta < -1'000'000)) in.Invalid("delta", "out_of_range");
            p.delta = delta.value_or(0);
            std::vector<std::string> reasons = kEarnReasons;
            reasons.insert(reasons.end(), kSpendReasons.begin(), kSpendReasons.end());
            p.reason = in.Enum("reason", reasons, true).value_or("");
            p.ref = in.String("ref", {.min_chars = 1, .max_chars = 100});
            p.note = in.String("note", {.max_chars = 500, .multiline = true});
            HEARTH_TRY(in.Finish());
            return http::Render(s.Move(r.context, id, p), http::kCreated, MoveJson);
          });
  m.Route({"GET", "/api/v1/customers/{id}/club", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.OfCustomer(r.context, id), http::kOk, [](const std::optional<Member>& m) -> boost::json::value {
      return boost::json::object{{"member", m ? boost::json::value(ToJson(*m)) : nullptr}};
    });
  });
  AddEventRoutes(m, module.events);
  RatesService& rates = module.rates;
  const auto rates_json = [](const ClubRates& x) {
    const auto side = [](const RateCounts& n) {
      const auto share = [](std::int64_t part, std::int64_t whole) -> boost::json::value {
        if (whole == 0) return nullptr;
        return static_cast<double>(part) / static_cast<double>(whole);
      };
      return boost::json::object{{"owners", n.owners},           {"repurchased", n.repurchased}, {"repurchase_rate", share(n.repurchased, n.owners)},
                                 {"answered", n.answered},       {"would_rebuy", n.would_rebuy}, {"rebuy_rate", share(n.would_rebuy, n.answered)},
                                 {"referrers", n.referrers},     {"referral_rate", share(n.referrers, n.owners)}};
    };
    return boost::json::object{{"members", side(x.members)},
                               {"others", side(x.others)},
                               {"computed_at", x.computed_at ? boost::json::value(FormatRfc3339(*x.computed_at)) : nullptr}};
  };
  m.Route({"GET", "/api/v1/club/rates", Permission::kRecordRead}, [&rates, rates_json](Request& r) -> Result<Response> {
    return http::Render(rates.Rates(r.context), http::kOk, rates_json);
  });
  // On the worker pool: a pass over every customer of the group.
  m.Route({"POST", "/api/v1/club/rates/recompute", Permission::kRecordRead, http::BodyLimit::kJson, /*slow=*/true},
          [&rates, rates_json](Request& r) -> Result<Response> { return http::Render(rates.Recompute(r.context), http::kOk, rates_json); });
  return m;
}

}  // namespace hearth::club
