// HTTP of the handover calendar and the owners' booking links: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;

boost::json::object SlotList(const std::vector<Slot>& slots) {
  boost::json::array items;
  int capacity = 0, booked = 0;
  for (const auto& s : slots) {
    items.push_back(ToJson(s));
    capacity += s.capacity;
    booked += s.booked;
  }
  return {{"items", std::move(items)}, {"capacity", capacity}, {"booked", booked}};
}

Result<Response> PostSlots(Request& req, BookingService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  SlotPlan plan;
  plan.from_on = in.String("from_on", {.required = true, .max_chars = 10}).value_or("");
  plan.to_on = in.String("to_on", {.required = true, .max_chars = 10}).value_or("");
  for (auto h : in.IntArray("hours", true, 24).value_or(std::vector<std::int64_t>{})) plan.hours.push_back(static_cast<int>(h));
  for (auto d : in.IntArray("weekdays", false, 7).value_or(std::vector<std::int64_t>{})) plan.weekdays.push_back(static_cast<int>(d));
  const auto per_hour = in.Int("per_hour", true);
  HEARTH_TRY(in.Finish());
  plan.per_hour = static_cast<int>(std::clamp<std::int64_t>(*per_hour, -1, kMaxPerHour + 1));
  HEARTH_ASSIGN(auto slots, s.AddSlots(req.context, id, plan));
  return http::Json(http::kCreated, SlotList(slots));
}

Result<Response> PatchSlot(Request& req, BookingService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  const auto capacity = in.Int("capacity", true);
  HEARTH_TRY(in.Finish());
  const int value = static_cast<int>(std::clamp<std::int64_t>(*capacity, -1, kMaxPerHour + 1));
  return http::Render(s.SetCapacity(req.context, id, value, version), http::kOk, [](const Slot& x) { return ToJson(x); });
}

}  // namespace

void AddBookingRoutes(platform::Manifest& m, BookingService& s, platform::LoginThrottle& links) {
  m.Route({"POST", "/api/v1/delivery-batches/{id}/slots", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostSlots(r, s); });
  m.Route({"GET", "/api/v1/delivery-batches/{id}/slots", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto slots, s.Slots(r.context, id));
    return http::Json(http::kOk, SlotList(slots));
  });
  m.Route({"PATCH", "/api/v1/handover-slots/{id}", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PatchSlot(r, s); });
  m.Route({"POST", "/api/v1/delivery-batches/{id}/invitations", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.SendInvites(r.context, id, OriginOf(r)), http::kOk, [](const InviteRun& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/delivery-batches/{id}/invitations", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto invites, s.Invites(r.context, id));
    return http::ListResponse(invites, std::nullopt, [](const Invite& x) { return ToJson(x); });
  });
  auto guarded = [&links, &s](Request& r, const http::Handler& handle) { return GuardLink(links, s.Now(), r, handle); };
  m.Route({"GET", "/api/v1/public/handover-bookings/{token}", http::kPublic}, [&s, guarded](Request& r) -> Result<Response> {
    return guarded(r, [&s](Request& req) -> Result<Response> {
      return http::Render(s.PublicView(req.PathText("token")), http::kOk, [](const PublicBooking& b) { return ToJson(b); });
    });
  });
  m.Route({"POST", "/api/v1/public/handover-bookings/{token}", http::kPublic}, [&s, guarded](Request& r) -> Result<Response> {
    return guarded(r, [&s](Request& req) -> Result<Response> {
      HEARTH_ASSIGN(auto body, req.JsonObject());
      http::BodyReader in(body);
      const auto slot = in.Int("slot_id", true);
      HEARTH_TRY(in.Finish());
      return http::Render(s.PublicBook(req.PathText("token"), *slot, req.remote_address), http::kOk,
                          [](const PublicBooking& b) { return ToJson(b); });
    });
  });
}

}  // namespace hearth::delivery
