// HTTP of the deal chain: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

namespace {

using http::Request;
using http::Response;

Result<Response> PostPledge(Request& req, DealService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto project = in.Int("project_id", true);
  auto customer = in.Int("customer_id", true);
  auto amount = in.Int("amount_cents", true);
  auto unit = in.Int("unit_id");
  auto lead = in.Int("lead_id");
  HEARTH_TRY(in.Finish());
  return http::Render(s.CreatePledge(req.context, {*project, *customer, *amount, unit, lead}), http::kCreated,
                      [](const Pledge& p) { return ToJson(p); });
}

Result<Response> PostSubscription(Request& req, DealService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  SubscriptionInput sub;
  auto unit = in.Int("unit_id", true);
  auto price = in.Int("price_cents", true);
  auto deposit = in.Int("deposit_cents");
  sub.lead_id = in.Int("lead_id");
  sub.pledge_id = in.Int("pledge_id");
  if (auto ids = in.IntArray("discount_scheme_ids", false, 5)) sub.discount_scheme_ids = *ids;
  http::ReadArray(in, "buyers", 10, [&](http::BodyReader& b) {
    auto customer = b.Int("customer_id", true);
    auto share = b.Number("share", true);
    if (customer && share) sub.buyers.push_back({*customer, *share, ""});
  });
  HEARTH_TRY(in.Finish());
  sub.unit_id = *unit;
  sub.price_cents = *price;
  sub.deposit_cents = deposit.value_or(0);
  return http::Render(s.Subscribe(req.context, sub), http::kCreated, [](const Subscription& x) { return ToJson(x); });
}

Result<Response> PostContract(Request& req, DealService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  ContractInput c;
  auto subscription = in.Int("subscription_id", true);
  auto no = in.String("contract_no", {.required = true, .min_chars = 1, .max_chars = 40});
  auto signed_on = in.String("signed_on", {.required = true, .max_chars = 10});
  auto total = in.Int("total_cents", true);
  http::ReadArray(in, "payment_plan", 120, [&](http::BodyReader& line) {
    auto due = line.String("due_on", {.required = true, .max_chars = 10});
    auto amount = line.Int("amount_cents", true);
    auto kind = line.Enum("kind", kInstalmentKinds, true);
    if (due && amount && kind) c.plan.push_back({0, *due, *kind, *amount, 0});
  });
  HEARTH_TRY(in.Finish());
  c.subscription_id = *subscription;
  c.contract_no = *no;
  c.signed_on = *signed_on;
  c.total_cents = *total;
  const std::string today = s.Today();
  return http::Render(s.Sign(req.context, c), http::kCreated, [&today](const Contract& x) { return ToJson(x, today); });
}

Result<Response> PostPayment(Request& req, DealService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto amount = in.Int("amount_cents", true);
  auto paid_on = in.String("paid_on", {.required = true, .max_chars = 10});
  auto method = in.Enum("method", kPaymentMethods, true);
  HEARTH_TRY(in.Finish());
  const std::string today = s.Today();
  return http::Render(s.Pay(req.context, id, {*amount, *paid_on, *method}), http::kCreated,
                      [&today](const std::pair<Payment, Contract>& x) {
                        auto o = ToJson(x.first);
                        o["contract"] = ToJson(x.second, today);
                        return o;
                      });
}

Result<Response> PostChange(Request& req, DealService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  ChangeInput c;
  auto kind = in.Enum("kind", kChangeKinds, true);
  auto reason = in.String("reason", {.required = true, .min_chars = 1, .max_chars = 500, .multiline = true});
  c.new_unit_id = in.Int("new_unit_id");
  c.discount_cents = in.Int("discount_cents");
  if (in.Has("buyers")) {
    http::ReadArray(in, "buyers", 10, [&](http::BodyReader& b) {
      auto customer = b.Int("customer_id", true);
      auto share = b.Number("share", true);
      if (customer && share) c.buyers.push_back({*customer, *share, ""});
    });
  }
  HEARTH_TRY(in.Finish());
  c.kind = *kind;
  c.reason = *reason;
  if (c.kind == ChangeKind::kRename && !in.Has("buyers")) return FailField("buyers", "required");
  return http::Render(s.RequestChange(req.context, id, c), http::kCreated, [](const ChangeOrder& x) { return ToJson(x); });
}

Result<Response> PostDecision(Request& req, DealService& s, bool approve) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  boost::json::object empty;
  HEARTH_ASSIGN(auto body, req.body.empty() ? Result<boost::json::object>(empty) : req.JsonObject());
  http::BodyReader in(body);
  auto note = in.String("note", {.max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.DecideChange(req.context, id, approve, note.value_or("")), http::kOk,
                      [](const ChangeOrder& x) { return ToJson(x); });
}

Result<std::int64_t> RequiredProject(Request& r) {
  HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
  if (!project) return http::BadQuery("project_id", "required", "name the project: ?project_id=");
  return *project;
}

}  // namespace

void AddDealRoutes(platform::Manifest& m, DealService& s) {
  m.Route({"POST", "/api/v1/pledges", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> { return PostPledge(r, s); });
  m.Route({"GET", "/api/v1/pledges", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, RequiredProject(r));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.ListPledges(r.context, project, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Pledge& p) { return ToJson(p); });
  });
  m.Route({"GET", "/api/v1/pledges/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.GetPledge(r.context, id), http::kOk, [](const Pledge& p) { return ToJson(p); });
  });
  m.Route({"POST", "/api/v1/pledges/{id}/refund", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.RefundPledge(r.context, id), http::kOk, [](const Pledge& p) { return ToJson(p); });
  });

  // On the worker pool: the subscriptions of a launch day's race wait there to be written together.
  m.Route({"POST", "/api/v1/subscriptions", Permission::kRecordWrite, http::BodyLimit::kJson, /*slow=*/true},
          [&s](Request& r) -> Result<Response> { return PostSubscription(r, s); });
  m.Route({"GET", "/api/v1/subscriptions", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    SubscriptionFilter f;
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.approval, http::QueryEnum(r, "approval", kPriceApprovals));
    if (!f.project_id && !f.approval) return http::BadQuery("project_id", "required", "name the project: ?project_id=");
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.ListSubscriptions(r.context, f, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Subscription& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/subscriptions/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.GetSubscription(r.context, id), http::kOk, [](const Subscription& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/subscriptions/{id}/cancel", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    http::BodyReader in(body);
    auto reason = in.String("reason", {.required = true, .min_chars = 1, .max_chars = 500, .multiline = true});
    HEARTH_TRY(in.Finish());
    return http::Render(s.CancelSubscription(r.context, id, *reason), http::kOk, [](const Subscription& x) { return ToJson(x); });
  });

  for (const bool approve : {true, false}) {
    m.Route({"POST", approve ? "/api/v1/subscriptions/{id}/approve-price" : "/api/v1/subscriptions/{id}/reject-price",
             Permission::kRecordWrite},
            [&s, approve](Request& r) -> Result<Response> {
              HEARTH_ASSIGN(auto id, r.PathId("id"));
              boost::json::object empty;
              HEARTH_ASSIGN(auto body, r.body.empty() ? Result<boost::json::object>(empty) : r.JsonObject());
              http::BodyReader in(body);
              auto note = in.String("note", {.max_chars = 500, .multiline = true});
              HEARTH_TRY(in.Finish());
              return http::Render(s.DecidePrice(r.context, id, approve, note.value_or("")), http::kOk,
                                  [](const Subscription& x) { return ToJson(x); });
            });
  }

  m.Route({"POST", "/api/v1/contracts", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> { return PostContract(r, s); });
  m.Route({"GET", "/api/v1/contracts", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    ContractFilter f;
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.customer_id, http::QueryInt(r, "customer_id"));
    HEARTH_ASSIGN(auto overdue, http::QueryBool(r, "overdue"));
    f.overdue = overdue.value_or(false);
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.ListContracts(r.context, f, page));
    const std::string today = s.Today();
    return http::ListResponse(list.items, list.next_cursor, [&today](const Contract& c) { return ToJson(c, today); });
  });
  m.Route({"GET", "/api/v1/contracts/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    const std::string today = s.Today();
    return http::Render(s.GetContract(r.context, id), http::kOk, [&today](const Contract& c) { return ToJson(c, today); });
  });
  m.Route({"POST", "/api/v1/contracts/{id}/payments", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostPayment(r, s); });
  m.Route({"POST", "/api/v1/contracts/{id}/changes", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostChange(r, s); });
  m.Route({"GET", "/api/v1/contracts/{id}/changes", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, s.ChangesOf(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const ChangeOrder& c) { return ToJson(c); });
  });
  m.Route({"GET", "/api/v1/change-orders", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto status, http::QueryEnum(r, "status", kChangeStatuses));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.ListChanges(r.context, status, page));
    return http::ListResponse(list.items, list.next_cursor, [](const ChangeOrder& c) { return ToJson(c); });
  });
  m.Route({"POST", "/api/v1/change-orders/{id}/approve", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostDecision(r, s, true); });
  m.Route({"POST", "/api/v1/change-orders/{id}/reject", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostDecision(r, s, false); });
  m.Route({"GET", "/api/v1/contracts/{id}/payments", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, s.Payments(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const Payment& p) { return ToJson(p); });
  });
}

}  // namespace hearth::sales
