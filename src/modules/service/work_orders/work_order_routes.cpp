// HTTP of the service centre's work orders: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/service/service_routes.hpp"

namespace hearth::service {

namespace {

using http::Request;
using http::Response;

Result<Response> PostWorkOrder(Request& req, WorkOrderService& w) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto contractor = in.String("contractor", {.required = true, .max_chars = 100});
  auto plan = in.String("plan", {.required = true, .max_chars = 5000, .multiline = true});
  auto appointment = in.String("appointment_at", {.required = true, .max_chars = 40});
  std::optional<Timestamp> at;
  if (appointment && !(at = ParseRfc3339(*appointment))) in.Invalid("appointment_at", "invalid_format");
  HEARTH_TRY(in.Finish());
  return http::Render(w.Create(req.context, id, {*contractor, *plan, *at}), http::kCreated,
                      [](const WorkOrder& x) { return ToJson(x); });
}

Result<Response> PostWorkOrderAction(Request& req, WorkOrderService& w, WorkOrderAction action) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  auto appointment = in.String("appointment_at", {.max_chars = 40});
  std::optional<Timestamp> at;
  if (appointment && !(at = ParseRfc3339(*appointment))) in.Invalid("appointment_at", "invalid_format");
  auto cost = in.Int("cost_fen");
  auto charge_to = in.Enum("charge_to", kChargeTo);
  auto note = in.String("note", {.max_chars = 2000, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(w.Act(req.context, id, action, at, cost, charge_to, note), http::kOk,
                      [](const WorkOrder& x) { return ToJson(x); });
}

}  // namespace

void AddWorkOrderRoutes(platform::Manifest& m, WorkOrderService& work_orders) {
  m.Route({"POST", "/api/v1/tickets/{id}/work-orders", Permission::kRecordWrite}, [&work_orders](Request& r) -> Result<http::Response> { return PostWorkOrder(r, work_orders); });
  m.Route({"GET", "/api/v1/tickets/{id}/work-orders", Permission::kRecordRead}, [&work_orders](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, work_orders.OfTicket(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const WorkOrder& w) { return ToJson(w); });
  });
  m.Route({"GET", "/api/v1/work-orders", Permission::kRecordRead}, [&work_orders](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto customer, http::QueryInt(r, "customer_id"));
    if (!customer) return FailField("customer_id", "required");
    HEARTH_ASSIGN(auto open, http::QueryBool(r, "open"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, work_orders.OfCustomer(r.context, *customer, open.value_or(false), page.limit));
    return http::ListResponse(list, std::nullopt, [](const WorkOrder& w) { return ToJson(w); });
  });
  for (const WorkOrderAction action : kWorkOrderActions.values()) {
    m.Route({"POST", "/api/v1/work-orders/{id}/" + kWorkOrderActions.Text(action), Permission::kRecordWrite},
               [&work_orders, action](Request& r) -> Result<http::Response> { return PostWorkOrderAction(r, work_orders, action); });
  }
}

}  // namespace hearth::service
