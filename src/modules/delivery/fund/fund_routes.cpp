// HTTP of the 一路同行 fund: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;

Result<Response> PostEntry(Request& req, FundService& s) {
  HEARTH_ASSIGN(auto company, req.PathId("company_id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto kind = in.Enum("kind", {"profit_share", "owner_contribution", "correction"}, true);
  auto amount = in.Int("amount_cents", true);
  auto project = in.Int("project_id");
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Record(req.context, company, {*kind, *amount, project, note.value_or("")}), http::kCreated,
                      [](const FundEntry& x) { return ToJson(x); });
}

Result<Response> PostProposal(Request& req, FundService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto project = in.Int("project_id", true);
  auto title = in.String("title", {.required = true, .min_chars = 1, .max_chars = 200});
  auto detail = in.String("detail", {.max_chars = 4000, .multiline = true});
  auto meeting = in.String("meeting_on", {.required = true, .max_chars = 10});
  auto owners = in.Int("owners_present");
  auto amount = in.Int("amount_cents", true);
  if (owners && (*owners < 0 || *owners > 100000)) in.Invalid("owners_present", "out_of_range");
  HEARTH_TRY(in.Finish());
  NewFundProposal p{*project, *title, detail.value_or(""), *meeting, owners.value_or(0), *amount};
  return http::Render(s.Propose(req.context, p), http::kCreated, [](const FundProposal& x) { return ToJson(x); });
}

Result<Response> PostDecision(Request& req, FundService& s, bool approve) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto text = approve ? in.String("note", {.max_chars = 1000, .multiline = true})
                      : in.String("reason", {.required = true, .min_chars = 1, .max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  auto decided = approve ? s.Approve(req.context, id, text.value_or("")) : s.Reject(req.context, id, text.value_or(""));
  return http::Render(decided, http::kOk, [](const FundProposal& x) { return ToJson(x); });
}

}  // namespace

void AddFundRoutes(platform::Manifest& m, FundService& s) {
  m.Route({"GET", "/api/v1/journey-funds", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.Funds(r.context, page));
    return http::ListResponse(list.items, list.next_cursor, [](const JourneyFund& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/journey-funds/{company_id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto company, r.PathId("company_id"));
    return http::Render(s.Fund(r.context, company), http::kOk, [](const JourneyFund& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/journey-funds/{company_id}/entries", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto company, r.PathId("company_id"));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.Entries(r.context, company, page));
    return http::ListResponse(list.items, list.next_cursor, [](const FundEntry& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/journey-funds/{company_id}/entries", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostEntry(r, s); });
  m.Route({"GET", "/api/v1/journey-funds/{company_id}/statement", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto company, r.PathId("company_id"));
    return http::Render(s.Statement(r.context, company, r.Query("from"), r.Query("to")), http::kOk,
                        [](const FundStatement& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/fund-proposals", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostProposal(r, s); });
  m.Route({"GET", "/api/v1/fund-proposals", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    FundProposalFilter f;
    HEARTH_ASSIGN(f.company_id, http::QueryInt(r, "company_id"));
    HEARTH_ASSIGN(f.project_id, http::QueryInt(r, "project_id"));
    HEARTH_ASSIGN(f.status, http::QueryEnum(r, "status", {"proposed", "approved", "rejected"}));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.Proposals(r.context, f, page));
    return http::ListResponse(list.items, list.next_cursor, [](const FundProposal& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/fund-proposals/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Proposal(r.context, id), http::kOk, [](const FundProposal& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/fund-proposals/{id}/approve", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostDecision(r, s, true); });
  m.Route({"POST", "/api/v1/fund-proposals/{id}/reject", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostDecision(r, s, false); });
}

}  // namespace hearth::delivery
