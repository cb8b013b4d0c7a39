// HTTP of the club's events and offers: parse → use case → JSON.
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

boost::json::value Opt(const std::optional<std::string>& s) { return s ? boost::json::value(*s) : nullptr; }

boost::json::object EventJson(const ClubEvent& e) {
  return {{"id", e.id},           {"org_unit_id", e.org_unit_id},   {"org_unit_name", e.org_unit_name},
          {"title", e.title},     {"description", e.description},   {"place", e.place},
          {"starts_at", FormatRfc3339(e.starts_at)},                {"ends_at", FormatRfc3339(e.ends_at)},
          {"capacity", e.capacity}, {"signed_up", e.signed_up},     {"checked_in", e.checked_in},
          {"points", e.points},   {"tier_min", Opt(e.tier_min)},    {"status", e.status},
          {"version", e.version}, {"editable", e.editable}};
}

boost::json::object SignupJson(const Signup& s) {
  return {{"id", s.id},
          {"event_id", s.event_id},
          {"member_id", s.member_id},
          {"member_no", s.member_no},
          {"customer_name", s.customer_name},
          {"tier_name", s.tier_name},
          {"status", s.status},
          {"signed_at", FormatRfc3339(s.signed_at)},
          {"checked_in_at", s.checked_in_at ? boost::json::value(FormatRfc3339(*s.checked_in_at)) : nullptr}};
}

boost::json::object OfferJson(const Offer& o) {
  return {{"id", o.id},
          {"org_unit_id", o.org_unit_id},
          {"org_unit_name", o.org_unit_name},
          {"merchant", o.merchant},
          {"title", o.title},
          {"description", o.description},
          {"tier_min", Opt(o.tier_min)},
          {"points_cost", o.points_cost ? boost::json::value(*o.points_cost) : nullptr},
          {"valid_from", o.valid_from},
          {"valid_to", o.valid_to},
          {"status", o.status},
          {"version", o.version},
          {"editable", o.editable}};
}

template <typename T, typename ToJson>
Result<Response> CountedJson(const Result<CountedPage<T>>& found, ToJson to_json) {
  if (!found) return tl::unexpected(found.error());
  boost::json::array items;
  for (const auto& x : found->items) items.push_back(to_json(x));
  return http::Json(http::kOk, boost::json::object{{"items", std::move(items)},
                                                   {"next_cursor", found->next_cursor ? boost::json::value(*found->next_cursor) : nullptr},
                                                   {"total", found->total}});
}

std::optional<Timestamp> TimeOf(http::BodyReader& in, const char* key) {
  const auto text = in.String(key, {.max_chars = 40});
  if (!text) return std::nullopt;
  auto t = ParseRfc3339(*text);
  if (!t) in.Invalid(key, "invalid_format");
  return t;
}

/// An optional field that may be set to null: absent → nullopt; null → {nullopt}.
std::optional<std::optional<std::string>> NullableText(http::BodyReader& in, const char* key, std::size_t max_chars) {
  if (!in.Has(key)) return std::nullopt;
  if (in.IsNull(key)) return std::optional<std::string>();
  return in.String(key, {.min_chars = 1, .max_chars = max_chars});
}

Result<EventInput> ReadEvent(const boost::json::object& body) {
  http::BodyReader in(body);
  EventInput e;
  e.title = in.String("title", {.min_chars = 1, .max_chars = 60});
  e.description = in.String("description", {.max_chars = 2000, .multiline = true});
  e.place = in.String("place", {.max_chars = 100});
  e.starts_at = TimeOf(in, "starts_at");
  e.ends_at = TimeOf(in, "ends_at");
  if (auto c = in.Int("capacity")) {
    if (*c < 1 || *c > 100'000) in.Invalid("capacity", "out_of_range");
    e.capacity = static_cast<int>(*c);
  }
  e.points = in.Int("points");
  if (e.points && (*e.points < 0 || *e.points > 100'000)) in.Invalid("points", "out_of_range");
  e.tier_min = NullableText(in, "tier_min", 20);
  e.status = in.Enum("status", {"open", "closed", "cancelled"});
  e.org_unit_id = in.Int("org_unit_id");
  HEARTH_TRY(in.Finish());
  return e;
}

Result<OfferInput> ReadOffer(const boost::json::object& body) {
  http::BodyReader in(body);
  OfferInput o;
  o.merchant = in.String("merchant", {.min_chars = 1, .max_chars = 60});
  o.title = in.String("title", {.min_chars = 1, .max_chars = 60});
  o.description = in.String("description", {.max_chars = 2000, .multiline = true});
  for (const char* key : {"valid_from", "valid_to"}) {
    auto d = in.String(key, {.max_chars = 10});
    if (d && !ParseIsoDate(*d)) in.Invalid(key, "invalid_format");
    (std::string_view(key) == "valid_from" ? o.valid_from : o.valid_to) = d;
  }
  o.status = in.Enum("status", {"active", "withdrawn"});
  o.tier_min = NullableText(in, "tier_min", 20);
  if (in.Has("points_cost")) {
    if (in.IsNull("points_cost")) {
      o.points_cost = std::optional<std::int64_t>();
    } else {
      const auto p = in.Int("points_cost");
      if (p && (*p < 1 || *p > 10'000'000)) in.Invalid("points_cost", "out_of_range");
      o.points_cost = p;
    }
  }
  HEARTH_TRY(in.Finish());
  return o;
}

}  // namespace

void AddEventRoutes(platform::Manifest& m, EventService& s) {
  m.Route({"GET", "/api/v1/club/events", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto upcoming, http::QueryBool(r, "upcoming"));
    return CountedJson(s.Events(r.context, upcoming.value_or(false), page), EventJson);
  });
  m.Route({"POST", "/api/v1/club/events", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto input, ReadEvent(body));
    return http::Render(s.CreateEvent(r.context, input), http::kCreated, EventJson);
  });
  m.Route({"GET", "/api/v1/club/events/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Event(r.context, id), http::kOk, EventJson);
  });
  m.Route({"PATCH", "/api/v1/club/events/{id}", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto patch, http::ReadPatch(r));
    HEARTH_ASSIGN(auto input, ReadEvent(patch.body));
    return http::Render(s.UpdateEvent(r.context, patch.id, input, patch.version), http::kOk, EventJson);
  });
  m.Route({"GET", "/api/v1/club/events/{id}/signups", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderList(s.Signups(r.context, id), SignupJson);
  });
  m.Route({"POST", "/api/v1/club/events/{id}/signups", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    const auto member = in.Int("member_id", true);
    HEARTH_TRY(in.Finish());
    return http::Render(s.SignUp(r.context, id, *member), http::kCreated, SignupJson);
  });
  m.Route({"POST", "/api/v1/club/event-signups/{id}/cancel", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.CancelSignup(r.context, id), http::kOk, SignupJson);
  });
  m.Route({"POST", "/api/v1/club/event-signups/{id}/check-in", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.CheckIn(r.context, id), http::kOk, SignupJson);
  });
  m.Route({"GET", "/api/v1/club/offers", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto current, http::QueryBool(r, "current"));
    return CountedJson(s.Offers(r.context, current.value_or(false), page), OfferJson);
  });
  m.Route({"POST", "/api/v1/club/offers", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto input, ReadOffer(body));
    return http::Render(s.CreateOffer(r.context, input), http::kCreated, OfferJson);
  });
  m.Route({"PATCH", "/api/v1/club/offers/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto patch, http::ReadPatch(r));
    HEARTH_ASSIGN(auto input, ReadOffer(patch.body));
    return http::Render(s.UpdateOffer(r.context, patch.id, input, patch.version), http::kOk, OfferJson);
  });
}

}  // namespace hearth::club
