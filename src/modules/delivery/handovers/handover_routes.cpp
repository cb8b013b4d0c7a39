// HTTP of the handover day: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;

/// `slot_at` as RFC 3339, required when no slot is named.
std::optional<Timestamp> SlotAtOf(http::BodyReader& in, bool required) {
  auto slot = in.String("slot_at", {.required = required, .max_chars = 40});
  if (!slot) return std::nullopt;
  auto at = ParseRfc3339(*slot);
  if (!at) in.Invalid("slot_at", "invalid_format");
  return at;
}

Result<Response> PostHandover(Request& req, HandoverService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  HandoverInput h;
  auto unit = in.Int("unit_id", true);
  h.slot_id = in.Int("slot_id");
  auto at = SlotAtOf(in, !h.slot_id);
  h.customer_id = in.Int("customer_id");
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  h.unit_id = *unit;
  h.slot_at = at.value_or(Timestamp{});
  h.note = note.value_or("");
  return http::Render(s.Create(req.context, h), http::kCreated, [](const Handover& x) { return ToJson(x); });
}

Result<Response> PostStep(Request& req, HandoverService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  const auto step = kHandoverSteps.Parse(req.PathText("step"));
  if (!step) return FailField("step", "invalid_value");
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  StepInput x;
  x.note = in.String("note", {.max_chars = 1000, .multiline = true}).value_or("");
  x.attendee = in.Enum("attendee", {"owner", "agent"});
  x.agent_name = in.String("agent_name", {.max_chars = 100});
  x.power_of_attorney = in.String("power_of_attorney", {.max_chars = 100});
  x.fees_cents = in.Int("fees_cents");
  if (x.fees_cents && *x.fees_cents < 0) in.Invalid("fees_cents", "negative");
  x.receipt_no = in.String("receipt_no", {.max_chars = 60});
  if (in.Has("defects") && !in.IsNull("defects")) {
    http::ReadArray(in, "defects", 50, [&](http::BodyReader& d) {
      auto location = d.String("location", {.required = true, .min_chars = 1, .max_chars = 100});
      auto category = d.String("category", {.min_chars = 1, .max_chars = 200});
      auto description = d.String("description", {.required = true, .min_chars = 1, .max_chars = 2000, .multiline = true});
      if (location && description) x.defects.push_back({*location, category, *description});
    });
  }
  x.water_m3 = in.Number("water_m3");
  x.electricity_kwh = in.Number("electricity_kwh");
  x.gas_m3 = in.Number("gas_m3");
  for (const char* meter : {"water_m3", "electricity_kwh", "gas_m3"}) {
    if (auto v = body.if_contains(meter); v && v->is_number() && v->to_number<double>() < 0) in.Invalid(meter, "negative");
  }
  if (auto keys = in.Int("key_count")) {
    if (*keys < 0 || *keys > 50) in.Invalid("key_count", "out_of_range");
    x.key_count = static_cast<int>(*keys);
  }
  HEARTH_TRY(in.Finish());
  return http::Render(s.Step(req.context, id, *step, x), http::kOk, [](const Handover& h) { return ToJson(h); });
}

Result<Response> PostReschedule(Request& req, HandoverService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  const auto slot = in.Int("slot_id");
  const auto at = SlotAtOf(in, !slot);
  HEARTH_TRY(in.Finish());
  return http::Render(s.Reschedule(req.context, id, slot, at), http::kOk, [](const Handover& h) { return ToJson(h); });
}

Result<Response> PostCancel(Request& req, HandoverService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto reason = in.String("reason", {.required = true, .min_chars = 1, .max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Cancel(req.context, id, *reason), http::kOk, [](const Handover& h) { return ToJson(h); });
}

}  // namespace

void AddHandoverRoutes(platform::Manifest& m, HandoverService& s) {
  m.Route({"POST", "/api/v1/handovers", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostHandover(r, s); });
  m.Route({"GET", "/api/v1/handovers", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HandoverFilter f;
    f.on = r.Query("on");
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.batch_id, http::QueryInt(r, "batch_id"));
    HEARTH_ASSIGN(f.status, http::QueryEnum(r, "status", kHandoverStatuses));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.List(r.context, f, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Handover& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/handovers/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, [](const Handover& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/handovers/{id}/steps/{step}", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostStep(r, s); });
  m.Route({"POST", "/api/v1/handovers/{id}/reschedule", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostReschedule(r, s); });
  m.Route({"POST", "/api/v1/handovers/{id}/cancel", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostCancel(r, s); });
}

}  // namespace hearth::delivery
