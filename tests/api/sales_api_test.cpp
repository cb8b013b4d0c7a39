// Sales over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock): attribution (判客) with
// the project's protection windows, follow-ups with reminders, the shared pool and claims; the
// deal chain pledge → subscription → contract → payments moving the unit, the buyers becoming its
// owners; the race of 64 subscriptions for the same units; bad input refused with nothing written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/event_reader.hpp"
#include "support/sms_provider.hpp"

namespace hearth::test {
namespace {

class SalesApi : public ApiTest {
 protected:
  std::vector<std::string> ExtraArgs() override { return {"--test-clock", "2026-11-20T01:00:00Z"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"深圳公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    other_company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"北京公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    project_ = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"四季花城","city":"深圳","org_unit_id":{}}})", company_)).Int("id");
    auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_),
                             R"({"building":"3","entrance":"1","floor_from":1,"floor_to":4,"rooms":[{"suffix":"01","area_m2":89,"list_price_cents":300000000},{"suffix":"02","area_m2":120,"list_price_cents":420000000}]})");
    ASSERT_EQ(bulk.status, 201) << bulk.body;
    for (const auto& u : bulk.json.at("items").as_array()) units_.push_back(u.at("id").as_int64());
    wang_ = User("wang.sales", "sales", company_);
    li_ = User("li.sales", "sales", company_);
    manager_ = User("zhao.manager", "manager", company_);
    beijing_ = User("bj.sales", "sales", other_company_);
    buyer_ = Customer("陈志强", "13800138001");
    spouse_ = Customer("林晓燕", "13800138002");
  }

  std::unique_ptr<Api> User(const std::string& name, const std::string& role, std::int64_t org_unit) {
    auto made = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"{}","roles":["{}"],"org_unit_id":{}}})",
                                                          name, name, role, org_unit));
    EXPECT_EQ(made.status, 201) << made.body;
    ids_[name] = made.Int("id");
    auto api = std::make_unique<Api>(*server_);
    EXPECT_EQ(api->Login(name, "Passw0rd-x").status, 200);
    signed_in_.emplace_back(api.get(), name);
    return api;
  }
  std::int64_t Customer(const std::string& name, const std::string& phone) {
    return admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"{}","phone":"{}","org_unit_id":{}}})", name, phone, company_)).Int("id");
  }
  /// Days pass: sessions last 12 hours, so everyone signs in again.
  void Advance(int days) {
    auto r = ToReply(admin_->raw().Put("/api/v1/test/clock", fmt::format(R"({{"advance_minutes":{}}})", days * 24 * 60), "application/json"));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(admin_->Login("admin", TestServer::kAdminPassword).status, 200);
    for (auto& [api, name] : signed_in_) ASSERT_EQ(api->Login(name, "Passw0rd-x").status, 200);
  }
  Reply Register(Api& api, std::int64_t customer, const std::string& source = "visit", const std::string& extra = "") {
    return api.Post("/api/v1/leads", fmt::format(R"({{"project_id":{},"customer_id":{},"source":"{}","intent":"A"{}}})", project_, customer,
                                                 source, extra));
  }
  Reply Subscribe(Api& api, std::int64_t unit, const std::string& buyers) {
    return api.Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":{},"price_cents":450000000,"deposit_cents":5000000}})", unit, buyers));
  }
  std::string OneBuyer() const { return fmt::format(R"([{{"customer_id":{},"share":1}}])", buyer_); }
  std::string UnitStatus(std::int64_t unit) { return admin_->Get(fmt::format("/api/v1/units/{}", unit)).Str("status"); }
  std::int64_t Count(const std::string& path) { return static_cast<std::int64_t>(admin_->Get(path).json.at("items").as_array().size()); }

  std::int64_t company_ = 0, other_company_ = 0, project_ = 0, buyer_ = 0, spouse_ = 0;
  std::vector<std::int64_t> units_;
  std::unique_ptr<Api> wang_, li_, manager_, beijing_;
  std::map<std::string, std::int64_t> ids_;
  std::vector<std::pair<Api*, std::string>> signed_in_;
};

TEST_P(SalesApi, TheFirstRegistrationHoldsTheCustomerWhileProtected) {
  auto first = Register(*wang_, buyer_, "visit", R"(,"budget_cents":300000000,"needs":"三房，近地铁","age_band":"35_44","household":"school_family","need_type":"upgrade")");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Str("status"), "active");
  EXPECT_EQ(first.Int("consultant_id"), ids_["wang.sales"]);
  EXPECT_EQ(first.Str("consultant_name"), "wang.sales");
  EXPECT_EQ(first.Str("customer_name"), "陈志强");
  EXPECT_EQ(first.Str("project_name"), "四季花城");
  EXPECT_EQ(first.Str("protected_until"), "2026-12-20T01:00:00Z") << "a visit protects for 30 days";
  EXPECT_EQ(first.Str("household"), "school_family");

  auto other = Register(*li_, buyer_);
  EXPECT_EQ(other.status, 409) << other.body;
  EXPECT_EQ(other.ErrorCode(), "lead_protected");
  EXPECT_EQ(other.json.at("error").at("owner_id").as_int64(), ids_["wang.sales"]);
  EXPECT_EQ(other.json.at("error").at("protected_until").as_string(), "2026-12-20T01:00:00Z");

  Advance(3);
  auto again = Register(*wang_, buyer_);
  EXPECT_EQ(again.status, 200) << "the same consultant's revisit: " << again.body;
  EXPECT_EQ(again.Int("id"), first.Int("id"));
  EXPECT_EQ(again.Int("visits"), 2);
  EXPECT_EQ(again.Str("protected_until"), "2026-12-23T01:00:00Z");

  auto call = Register(*li_, spouse_, "call");
  ASSERT_EQ(call.status, 201) << call.body;
  EXPECT_EQ(call.Str("protected_until"), "2026-12-08T01:00:00Z") << "a call protects for 15 days";

  // The registration is on the customer's timeline.
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_));
  EXPECT_NE(timeline.body.find("来访登记：四季花城"), std::string::npos) << timeline.body;
  // Another company's consultant cannot see the project.
  EXPECT_EQ(Register(*beijing_, buyer_).FieldReason("project_id"), "not_found");
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/leads/{}", first.Int("id"))).status, 404);
}

TEST_P(SalesApi, ProtectionWindowsAreTheProjectsAndOnlyAManagerChangesThem) {
  const auto path = fmt::format("/api/v1/projects/{}/sales-settings", project_);
  auto defaults = wang_->Get(path);
  ASSERT_EQ(defaults.status, 200) << defaults.body;
  EXPECT_EQ(defaults.Int("call_days"), 15);
  EXPECT_EQ(defaults.Int("visit_days"), 30);
  EXPECT_EQ(defaults.Int("follow_up_days"), 30);
  const std::string rules = R"({"call_days":7,"visit_days":20,"follow_up_days":10,"max_active_leads":1})";
  EXPECT_EQ(wang_->Put(path, rules).status, 403);
  auto set = manager_->Put(path, rules);
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Int("call_days"), 7);
  auto bad = manager_->Put(path, R"({"call_days":0,"visit_days":400,"follow_up_days":10,"max_active_leads":1})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.FieldReason("call_days"), "out_of_range");
  EXPECT_EQ(bad.FieldReason("visit_days"), "out_of_range");
  EXPECT_EQ(manager_->Put(path, R"({"call_days":"x","visit_days":1,"follow_up_days":1,"max_active_leads":1})").status, 400);
  EXPECT_EQ(manager_->Put(path, rules, {{"If-Match", "1"}}).ErrorCode(), "version_conflict");

  auto call = Register(*wang_, buyer_, "call");
  ASSERT_EQ(call.status, 201) << call.body;
  EXPECT_EQ(call.Str("protected_until"), "2026-11-27T01:00:00Z") << "the project's own call window";
  // One active lead at most: a second is refused, naming the limit.
  auto second = Register(*wang_, spouse_);
  EXPECT_EQ(second.status, 409) << second.body;
  EXPECT_EQ(second.ErrorCode(), "lead_limit");
}

TEST_P(SalesApi, FollowUpsExtendProtectionAndRemindWhenDue) {
  const auto lead = Register(*wang_, buyer_, "call").Int("id");
  Advance(10);
  auto f = wang_->Post(fmt::format("/api/v1/leads/{}/follow-ups", lead), R"({"kind":"wechat","note":"发了户型图","next_at":"2026-12-02T02:00:00Z"})");
  ASSERT_EQ(f.status, 201) << f.body;
  EXPECT_EQ(f.Str("actor_name"), "wang.sales");
  auto after = wang_->Get(fmt::format("/api/v1/leads/{}", lead));
  EXPECT_EQ(after.Str("protected_until"), "2026-12-30T01:00:00Z") << "30 days from the follow-up";
  EXPECT_EQ(after.Str("next_follow_up_at"), "2026-12-02T02:00:00Z");
  // Someone else's follow-up on a protected lead is refused; bad input names the field.
  EXPECT_EQ(li_->Post(fmt::format("/api/v1/leads/{}/follow-ups", lead), R"({"kind":"call"})").ErrorCode(), "lead_protected");
  EXPECT_EQ(wang_->Post(fmt::format("/api/v1/leads/{}/follow-ups", lead), R"({"kind":"fax"})").FieldReason("kind"), "invalid_value");
  EXPECT_EQ(wang_->Post(fmt::format("/api/v1/leads/{}/follow-ups", lead), R"({"kind":"call","next_at":"2020-01-01T00:00:00Z"})").FieldReason("next_at"), "in_the_past");
  EXPECT_EQ(wang_->Get("/api/v1/notifications").body.find("跟进提醒"), std::string::npos);
  EXPECT_EQ(Count(fmt::format("/api/v1/leads?due=true&consultant_id={}", ids_["wang.sales"])), 0);
  Advance(2);  // 2026-12-02 01:00: the follow-up is due today
  EXPECT_EQ(Count(fmt::format("/api/v1/leads?due=true&consultant_id={}", ids_["wang.sales"])), 1);
  Advance(1);
  auto bell = wang_->Get("/api/v1/notifications");
  EXPECT_NE(bell.body.find("跟进提醒：陈志强"), std::string::npos) << bell.body;
  EXPECT_EQ(li_->Get("/api/v1/notifications").body.find("跟进提醒"), std::string::npos) << "only the consultant is reminded";
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/leads/{}/follow-ups", lead)).json.at("items").as_array().size(), 1u);
}

TEST_P(SalesApi, LapsedLeadsReturnToThePoolAndAnyoneMayClaimThem) {
  const auto lead = Register(*wang_, buyer_, "call").Int("id");
  EXPECT_EQ(li_->Post(fmt::format("/api/v1/leads/{}/claim", lead), "{}").ErrorCode(), "lead_protected");
  EXPECT_EQ(Count(fmt::format("/api/v1/leads?pool=true&project_id={}", project_)), 0);
  Advance(16);
  auto pool = li_->Get(fmt::format("/api/v1/leads?pool=true&project_id={}", project_));
  ASSERT_EQ(pool.json.at("items").as_array().size(), 1u) << pool.body;
  EXPECT_TRUE(pool.json.at("items").as_array()[0].at("in_pool").as_bool());
  auto claimed = li_->Post(fmt::format("/api/v1/leads/{}/claim", lead), "{}");
  ASSERT_EQ(claimed.status, 200) << claimed.body;
  EXPECT_EQ(claimed.Int("consultant_id"), ids_["li.sales"]);
  EXPECT_FALSE(claimed.json.at("in_pool").as_bool());
  EXPECT_EQ(wang_->Post(fmt::format("/api/v1/leads/{}/claim", lead), "{}").ErrorCode(), "lead_protected");
  EXPECT_EQ(Count(fmt::format("/api/v1/leads?pool=true&project_id={}", project_)), 0);
  EXPECT_EQ(Count("/api/v1/leads?mine=true"), 0) << "the admin holds none";
  EXPECT_EQ(li_->Get("/api/v1/leads?mine=true").json.at("items").as_array().size(), 1u);
  // A registration of a lapsed lead by someone else takes it too.
  Advance(31);
  auto taken = Register(*wang_, buyer_);
  EXPECT_EQ(taken.status, 200) << taken.body;
  EXPECT_EQ(taken.Int("consultant_id"), ids_["wang.sales"]);
  // The funnel's tally followed the lead from consultant to consultant: it counts once, as wang's.
  auto funnel = manager_->Get(fmt::format("/api/v1/sales/funnel?project_id={}&from=2026-11-01&to=2026-11-30&by=consultant", project_));
  std::map<std::string, std::int64_t> leads;
  for (const auto& r : funnel.json.at("rows").as_array()) leads[std::string(r.at("label").as_string())] = r.at("leads").as_int64();
  EXPECT_EQ(leads["wang.sales"], 1) << funnel.body;
  EXPECT_EQ(leads["li.sales"], 0) << funnel.body;
  EXPECT_EQ(funnel.json.at("total").at("leads").as_int64(), 1);
  EXPECT_EQ(funnel.json.at("total").at("visits").as_int64(), 1) << "the re-registration was a visit";
}

TEST_P(SalesApi, TheDealChainMovesTheUnitAndMakesTheBuyersItsOwners) {
  const auto lead = Register(*wang_, buyer_).Int("id");
  const auto unit = units_[0];
  auto pledge = wang_->Post("/api/v1/pledges", fmt::format(R"({{"project_id":{},"customer_id":{},"amount_cents":2000000,"unit_id":{},"lead_id":{}}})",
                                                           project_, buyer_, unit, lead));
  ASSERT_EQ(pledge.status, 201) << pledge.body;
  EXPECT_EQ(pledge.Int("queue_no"), 1);
  EXPECT_EQ(UnitStatus(unit), "pledged");
  EXPECT_EQ(li_->Post("/api/v1/pledges", fmt::format(R"({{"project_id":{},"customer_id":{},"amount_cents":2000000}})", project_, spouse_)).Int("queue_no"), 2);

  auto sub = wang_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":[{{"customer_id":{},"share":0.5}},{{"customer_id":{},"share":0.5}}],
      "price_cents":298000000,"deposit_cents":5000000,"lead_id":{},"pledge_id":{}}})", unit, buyer_, spouse_, lead, pledge.Int("id")));
  ASSERT_EQ(sub.status, 201) << sub.body;
  EXPECT_EQ(sub.Str("unit_code"), "3-1-101");
  EXPECT_EQ(sub.json.at("buyers").as_array().size(), 2u);
  EXPECT_EQ(UnitStatus(unit), "subscribed");
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/pledges/{}", pledge.Int("id"))).Str("status"), "converted");
  EXPECT_EQ(Subscribe(*li_, unit, OneBuyer()).ErrorCode(), "unit_unavailable");

  // The contract: the plan must sum; another consultant may not sign it.
  const auto contract_body = [&](const std::string& no, std::int64_t down) {
    return fmt::format(R"({{"subscription_id":{},"contract_no":"{}","signed_on":"2026-11-20","total_cents":298000000,
      "payment_plan":[{{"due_on":"2026-11-25","amount_cents":{},"kind":"down_payment"}},{{"due_on":"2027-01-20","amount_cents":208000000,"kind":"mortgage"}}]}})",
                       sub.Int("id"), no, down);
  };
  auto uneven = wang_->Post("/api/v1/contracts", contract_body("SZ-2026-0001", 80000000));
  EXPECT_EQ(uneven.status, 422);
  EXPECT_EQ(uneven.FieldReason("payment_plan"), "does_not_sum");
  EXPECT_EQ(li_->Post("/api/v1/contracts", contract_body("SZ-2026-0001", 90000000)).status, 403) << "another consultant's subscription";
  EXPECT_EQ(UnitStatus(unit), "subscribed") << "nothing written";
  auto contract = wang_->Post("/api/v1/contracts", contract_body("SZ-2026-0001", 90000000));
  ASSERT_EQ(contract.status, 201) << contract.body;
  EXPECT_EQ(contract.Int("paid_cents"), 0);
  EXPECT_EQ(contract.Int("overdue_cents"), 0);
  EXPECT_EQ(UnitStatus(unit), "contracted");
  auto owners = admin_->Get(fmt::format("/api/v1/units/{}", unit)).json.at("owners").as_array();
  EXPECT_EQ(owners.size(), 2u) << "the buyers are the unit's owners";
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/leads/{}", lead)).Str("status"), "won");
  EXPECT_EQ(wang_->Post("/api/v1/contracts", contract_body("SZ-2026-0002", 90000000)).ErrorCode(), "subscription_closed");
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline", spouse_));
  EXPECT_NE(timeline.body.find("签约 3-1-101：合同 SZ-2026-0001"), std::string::npos) << timeline.body;

  // Payments settle the down payment first; a late instalment is overdue.
  const auto pay = fmt::format("/api/v1/contracts/{}/payments", contract.Int("id"));
  EXPECT_EQ(wang_->Post(pay, R"({"amount_cents":400000000,"paid_on":"2026-11-21","method":"bank_transfer"})").FieldReason("amount_cents"), "exceeds_balance");
  EXPECT_EQ(wang_->Post(pay, R"({"amount_cents":100,"paid_on":"2026-11-21","method":"gold"})").FieldReason("method"), "invalid_value");
  auto paid = wang_->Post(pay, R"({"amount_cents":50000000,"paid_on":"2026-11-21","method":"pos"})");
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.Str("receipt_no"), "SZ-2026-0001-01");
  EXPECT_EQ(paid.json.at("contract").at("paid_cents").as_int64(), 50000000);
  Advance(6);  // 2026-11-26: the down payment was due yesterday
  auto late = wang_->Get(fmt::format("/api/v1/contracts/{}", contract.Int("id")));
  EXPECT_EQ(late.Int("overdue_cents"), 40000000);
  EXPECT_EQ(Count("/api/v1/contracts?overdue=true"), 1);
  ASSERT_EQ(wang_->Post(pay, R"({"amount_cents":40000000,"paid_on":"2026-11-26","method":"bank_transfer"})").status, 201);
  EXPECT_EQ(Count("/api/v1/contracts?overdue=true"), 0);
  EXPECT_EQ(wang_->Get(pay).json.at("items").as_array().size(), 2u);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/contracts/{}", contract.Int("id"))).status, 404);
}

TEST_P(SalesApi, CancellingASubscriptionOrRefundingAPledgeFreesTheUnit) {
  auto pledge = wang_->Post("/api/v1/pledges", fmt::format(R"({{"project_id":{},"customer_id":{},"amount_cents":2000000,"unit_id":{}}})", project_, buyer_, units_[1]));
  ASSERT_EQ(pledge.status, 201) << pledge.body;
  EXPECT_EQ(UnitStatus(units_[1]), "pledged");
  ASSERT_EQ(wang_->Post(fmt::format("/api/v1/pledges/{}/refund", pledge.Int("id")), "{}").status, 200);
  EXPECT_EQ(UnitStatus(units_[1]), "available");
  EXPECT_EQ(wang_->Post(fmt::format("/api/v1/pledges/{}/refund", pledge.Int("id")), "{}").ErrorCode(), "pledge_closed");

  auto sub = Subscribe(*wang_, units_[1], OneBuyer());
  ASSERT_EQ(sub.status, 201) << sub.body;
  const auto cancel = fmt::format("/api/v1/subscriptions/{}/cancel", sub.Int("id"));
  EXPECT_EQ(li_->Post(cancel, R"({"reason":"客户资金不足"})").status, 403);
  EXPECT_EQ(wang_->Post(cancel, R"({"reason":""})").FieldReason("reason"), "required");
  ASSERT_EQ(manager_->Post(cancel, R"({"reason":"客户资金不足"})").status, 200);
  EXPECT_EQ(UnitStatus(units_[1]), "available");
  EXPECT_EQ(manager_->Post(cancel, R"({"reason":"again"})").ErrorCode(), "subscription_closed");
  EXPECT_EQ(Subscribe(*li_, units_[1], OneBuyer()).status, 201) << "for sale again";
}

TEST_P(SalesApi, BadDealsAreRefusedNamingTheFieldAndWriteNothing) {
  const auto unit = units_[2];
  struct Case {
    std::string buyers;
    std::string field, reason;
  } cases[] = {
      {fmt::format(R"([{{"customer_id":{},"share":0.5}},{{"customer_id":{},"share":0.4}}])", buyer_, spouse_), "buyers", "shares_not_one"},
      {"[]", "buyers", "required"},
      {fmt::format(R"([{{"customer_id":{},"share":0.5}},{{"customer_id":{},"share":0.5}}])", buyer_, buyer_), "buyers[1].customer_id", "duplicate"},
      {R"([{"customer_id":999999,"share":1}])", "buyers[0].customer_id", "not_found"},
      {fmt::format(R"([{{"customer_id":{},"share":1,"age":3}}])", buyer_), "buyers[0].age", "unknown_field"},
  };
  for (const auto& c : cases) {
    auto r = Subscribe(*wang_, unit, c.buyers);
    EXPECT_TRUE(r.status == 422 || r.status == 400) << c.buyers << ": " << r.body;
    EXPECT_EQ(r.FieldReason(c.field), c.reason) << c.buyers << ": " << r.body;
  }
  EXPECT_EQ(wang_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":{},"price_cents":-5}})", unit, OneBuyer())).FieldReason("price_cents"), "invalid_value");
  EXPECT_EQ(wang_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":{},"price_cents":100,"deposit_cents":200}})", unit, OneBuyer())).FieldReason("deposit_cents"), "invalid_value");
  EXPECT_EQ(Subscribe(*wang_, 999999, OneBuyer()).FieldReason("unit_id"), "not_found");
  EXPECT_EQ(UnitStatus(unit), "available") << "nothing written";
  EXPECT_EQ(Count(fmt::format("/api/v1/subscriptions?project_id={}", project_)), 0);
  EXPECT_EQ(wang_->Get("/api/v1/subscriptions").status, 400) << "project_id is required";
  EXPECT_EQ(wang_->Post("/api/v1/pledges", fmt::format(R"({{"project_id":{},"customer_id":{},"amount_cents":0}})", project_, buyer_)).FieldReason("amount_cents"), "invalid_value");
  EXPECT_EQ(wang_->Post("/api/v1/contracts", R"({"subscription_id":999999,"contract_no":"X","signed_on":"2026-11-20","total_cents":100,"payment_plan":[{"due_on":"2026-12-01","amount_cents":100,"kind":"down_payment"}]})").FieldReason("subscription_id"), "not_found");
  EXPECT_EQ(wang_->Post("/api/v1/contracts", R"({"subscription_id":1,"contract_no":"X","signed_on":"2026-11-31","total_cents":100,"payment_plan":[]})").FieldReason("signed_on"), "invalid_format");
  EXPECT_EQ(wang_->Post("/api/v1/leads", fmt::format(R"({{"project_id":{},"customer_id":{},"source":"tv"}})", project_, buyer_)).FieldReason("source"), "invalid_value");
  EXPECT_EQ(wang_->Post("/api/v1/leads", fmt::format(R"({{"project_id":{},"customer_id":{},"source":"visit","consultant_id":{}}})", project_, buyer_, ids_["li.sales"])).FieldReason("consultant_id"), "not_allowed");
  EXPECT_EQ(Count(fmt::format("/api/v1/leads?project_id={}", project_)), 0);
}

// Change orders of a signed contract: requested by the consultant, decided by a manager, applied
// on approval in one transaction; refused on a cancelled contract.
TEST_P(SalesApi, ChangeOrdersAreAppliedOnlyWhenAManagerApproves) {
  auto sign = [&](std::int64_t unit, const std::string& no) {
    auto sub = Subscribe(*wang_, unit, OneBuyer());
    EXPECT_EQ(sub.status, 201) << sub.body;
    auto c = wang_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"{}","signed_on":"2026-11-20","total_cents":1000000,
        "payment_plan":[{{"due_on":"2026-11-25","amount_cents":300000,"kind":"down_payment"}},{{"due_on":"2027-01-20","amount_cents":700000,"kind":"mortgage"}}]}})",
                                                          sub.Int("id"), no));
    EXPECT_EQ(c.status, 201) << c.body;
    return c.Int("id");
  };
  const auto contract = sign(units_[0], "CO-1");
  const auto changes = fmt::format("/api/v1/contracts/{}/changes", contract);

  // 换房 to 3-1-102: bad input first, nothing written.
  EXPECT_EQ(wang_->Post(changes, R"({"kind":"change_unit","reason":"换高楼层"})").FieldReason("new_unit_id"), "required");
  EXPECT_EQ(wang_->Post(changes, R"({"kind":"swap","reason":"x"})").FieldReason("kind"), "invalid_value");
  EXPECT_EQ(wang_->Post(changes, R"({"kind":"discount","reason":"团购","discount_cents":1000001})").FieldReason("discount_cents"), "exceeds_balance");
  EXPECT_EQ(wang_->Post(changes, R"({"kind":"rename","reason":"加名"})").FieldReason("buyers"), "required");
  auto move = wang_->Post(changes, fmt::format(R"({{"kind":"change_unit","reason":"换高楼层","new_unit_id":{}}})", units_[1]));
  ASSERT_EQ(move.status, 201) << move.body;
  EXPECT_EQ(move.Str("status"), "pending");
  EXPECT_EQ(move.Str("new_unit_code"), "3-1-102");
  EXPECT_EQ(wang_->Post(changes, R"({"kind":"cancel","reason":"x"})").ErrorCode(), "change_pending");
  EXPECT_EQ(UnitStatus(units_[1]), "available") << "nothing changes before the decision";
  EXPECT_EQ(wang_->Post(fmt::format("/api/v1/change-orders/{}/approve", move.Int("id")), "{}").status, 403) << "a consultant does not decide";
  EXPECT_EQ(manager_->Get("/api/v1/change-orders?status=pending").json.at("items").as_array().size(), 1u);
  auto approved = manager_->Post(fmt::format("/api/v1/change-orders/{}/approve", move.Int("id")), R"({"note":"同意"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Str("status"), "approved");
  EXPECT_EQ(UnitStatus(units_[0]), "available");
  EXPECT_EQ(UnitStatus(units_[1]), "contracted");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/units/{}", units_[1])).json.at("owners").as_array().size(), 1u);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/units/{}", units_[0])).json.at("owners").as_array().size(), 0u);
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/contracts/{}", contract)).Str("unit_code"), "3-1-102");
  EXPECT_EQ(manager_->Post(fmt::format("/api/v1/change-orders/{}/reject", move.Int("id")), "{}").ErrorCode(), "change_closed");

  // 更名: the spouse joins; 折扣: 100,000 off the mortgage; a rejected one changes nothing.
  auto rename = wang_->Post(changes, fmt::format(R"({{"kind":"rename","reason":"加名","buyers":[{{"customer_id":{},"share":0.5}},{{"customer_id":{},"share":0.5}}]}})",
                                                 buyer_, spouse_));
  ASSERT_EQ(rename.status, 201) << rename.body;
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/change-orders/{}/approve", rename.Int("id")), "{}").status, 200);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/units/{}", units_[1])).json.at("owners").as_array().size(), 2u);
  auto discount = wang_->Post(changes, R"({"kind":"discount","reason":"老业主优惠","discount_cents":100000})");
  ASSERT_EQ(discount.status, 201) << discount.body;
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/change-orders/{}/reject", discount.Int("id")), R"({"note":"超出权限"})").status, 200);
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/contracts/{}", contract)).Int("total_cents"), 1000000);
  discount = wang_->Post(changes, R"({"kind":"discount","reason":"老业主优惠","discount_cents":100000})");
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/change-orders/{}/approve", discount.Int("id")), "{}").status, 200);
  auto after = wang_->Get(fmt::format("/api/v1/contracts/{}", contract));
  EXPECT_EQ(after.Int("total_cents"), 900000);
  EXPECT_EQ(after.json.at("payment_plan").as_array().at(1).at("amount_cents").as_int64(), 600000);

  // 退房: the unit is for sale again, the owners go; then nothing more may change.
  auto cancel = wang_->Post(changes, R"({"kind":"cancel","reason":"客户贷款未批"})");
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/change-orders/{}/approve", cancel.Int("id")), "{}").status, 200);
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/contracts/{}", contract)).Str("status"), "cancelled");
  EXPECT_EQ(UnitStatus(units_[1]), "available");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/units/{}", units_[1])).json.at("owners").as_array().size(), 0u);
  EXPECT_EQ(wang_->Post(changes, R"({"kind":"discount","reason":"x","discount_cents":1})").ErrorCode(), "contract_closed");
  EXPECT_EQ(wang_->Post(fmt::format("/api/v1/contracts/{}/payments", contract), R"({"amount_cents":100,"paid_on":"2026-11-21","method":"pos"})").ErrorCode(), "contract_closed");
  EXPECT_EQ(wang_->Get(changes).json.at("items").as_array().size(), 5u);
  EXPECT_EQ(Subscribe(*li_, units_[1], OneBuyer()).status, 201) << "for sale again";
  EXPECT_EQ(beijing_->Get(changes).status, 404);
}

// The funnel counts the period's leads by how far they went, by channel and by consultant.
TEST_P(SalesApi, TheFunnelCountsEachStageByChannelAndConsultant) {
  const auto third = Customer("王芳", "13800138003");
  const auto referred = Register(*wang_, buyer_, "referral").Int("id");
  Register(*wang_, spouse_, "visit");
  Register(*li_, third, "call");
  // 陈志强 pledges, subscribes and signs; the others only came.
  ASSERT_EQ(wang_->Post("/api/v1/pledges", fmt::format(R"({{"project_id":{},"customer_id":{},"amount_cents":100}})", project_, buyer_)).status, 201);
  auto sub = Subscribe(*wang_, units_[5], OneBuyer());
  ASSERT_EQ(sub.status, 201) << sub.body;
  ASSERT_EQ(wang_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"F-1","signed_on":"2026-11-20","total_cents":100,
      "payment_plan":[{{"due_on":"2026-12-01","amount_cents":100,"kind":"down_payment"}}]}})", sub.Int("id"))).status, 201);
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/leads/{}", referred)).Str("status"), "won");

  auto funnel = manager_->Get(fmt::format("/api/v1/sales/funnel?project_id={}&from=2026-11-01&to=2026-11-30", project_));
  ASSERT_EQ(funnel.status, 200) << funnel.body;
  const auto& total = funnel.json.at("total");
  EXPECT_EQ(total.at("leads").as_int64(), 3);
  EXPECT_EQ(total.at("visits").as_int64(), 1) << "only the visit's lead has come to the sales centre";
  EXPECT_EQ(total.at("pledges").as_int64(), 1);
  EXPECT_EQ(total.at("subscriptions").as_int64(), 1);
  EXPECT_EQ(total.at("contracts").as_int64(), 1);
  EXPECT_DOUBLE_EQ(total.at("referral_share").as_double(), 1.0) << "the one contract came by referral";
  std::map<std::string, std::pair<std::string, std::int64_t>> rows;
  for (const auto& r : funnel.json.at("rows").as_array()) {
    rows[std::string(r.at("key").as_string())] = {std::string(r.at("label").as_string()), r.at("contracts").as_int64()};
  }
  EXPECT_EQ(rows["referral"], (std::pair<std::string, std::int64_t>{"老带新", 1}));
  EXPECT_EQ(rows["call"], (std::pair<std::string, std::int64_t>{"来电", 0}));
  auto by_consultant = manager_->Get(fmt::format("/api/v1/sales/funnel?project_id={}&from=2026-11-01&to=2026-11-30&by=consultant", project_));
  ASSERT_EQ(by_consultant.status, 200) << by_consultant.body;
  const auto& top = by_consultant.json.at("rows").as_array().at(0);
  EXPECT_EQ(top.at("label").as_string(), "wang.sales");
  EXPECT_EQ(top.at("leads").as_int64(), 2);
  // Another month has none; all projects in scope give the same; bad dates name the field.
  EXPECT_EQ(manager_->Get(fmt::format("/api/v1/sales/funnel?project_id={}&from=2026-10-01&to=2026-10-31", project_)).json.at("total").at("leads").as_int64(), 0);
  EXPECT_EQ(manager_->Get("/api/v1/sales/funnel?from=2026-11-01&to=2026-11-30").json.at("total").at("leads").as_int64(), 3);
  EXPECT_EQ(admin_->Get("/api/v1/sales/funnel").json.at("total").at("leads").as_int64(), 3) << "the last 30 days by default";
  EXPECT_EQ(beijing_->Get("/api/v1/sales/funnel?from=2026-11-01&to=2026-11-30").json.at("total").at("leads").as_int64(), 0);
  EXPECT_EQ(manager_->Get("/api/v1/sales/funnel?from=2026-11-31&to=2026-11-30").FieldReason("from"), "invalid_format");
  EXPECT_EQ(manager_->Get("/api/v1/sales/funnel?from=2026-11-30&to=2026-11-01").FieldReason("to"), "before_from");
  EXPECT_EQ(manager_->Get("/api/v1/sales/funnel?by=month").status, 400);
}

// 老带新: an owner refers a friend; the fraud checks of API.md refuse with the reason and write
// nothing; the reward is earned when the referee signs, back to pending when that contract is
// cancelled, and paid by a manager.
TEST_P(SalesApi, ReferralsAreCheckedForFraudAndEarnTheirRewardWhenTheRefereeSigns) {
  auto sign = [&](Api& api, std::int64_t unit, std::int64_t customer, const std::string& no) {
    auto sub = Subscribe(api, unit, fmt::format(R"([{{"customer_id":{},"share":1}}])", customer));
    EXPECT_EQ(sub.status, 201) << sub.body;
    auto c = api.Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"{}","signed_on":"2026-11-20","total_cents":1000000,
        "payment_plan":[{{"due_on":"2026-12-01","amount_cents":1000000,"kind":"down_payment"}}]}})", sub.Int("id"), no));
    EXPECT_EQ(c.status, 201) << c.body;
    return c.Int("id");
  };
  sign(*wang_, units_[0], buyer_, "R-1");  // 陈志强 owns 3-1-101
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/customers/{}", buyer_), R"({"address":"深圳市南山区 四季花城 3栋101"})").status, 200);
  const auto friend_ = Customer("王芳", "13800138003");
  const auto cousin = Customer("赵雷", "13800138004");
  const auto housemate = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"陈小明","phone":"13800138005","address":"深圳市南山区四季花城3栋101","org_unit_id":{}}})", company_)).Int("id");
  const auto lis_lead = Customer("孙丽", "13800138006");
  ASSERT_EQ(Register(*li_, lis_lead).status, 201);
  auto refer = [&](Api& api, std::int64_t referrer, std::int64_t referee) {
    return api.Post("/api/v1/referrals", fmt::format(R"({{"referrer_id":{},"referee_id":{},"project_id":{}}})", referrer, referee, project_));
  };
  auto reason = [](const Reply& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.ErrorCode(), "referral_invalid") << r.body;
    return r.status == 422 ? std::string(r.json.at("error").at("reason").as_string()) : std::string();
  };
  EXPECT_EQ(reason(refer(*wang_, buyer_, buyer_)), "same_person");
  EXPECT_EQ(reason(refer(*wang_, spouse_, friend_)), "referrer_not_owner");
  EXPECT_EQ(refer(*wang_, spouse_, friend_).FieldReason("referrer_id"), "referrer_not_owner");
  EXPECT_EQ(reason(refer(*wang_, buyer_, housemate)), "same_household") << "one address, spacing aside";
  auto protected_ = refer(*wang_, buyer_, lis_lead);
  EXPECT_EQ(reason(protected_), "referee_protected");
  EXPECT_NE(protected_.body.find("li.sales"), std::string::npos) << protected_.body;
  ASSERT_EQ(Subscribe(*li_, units_[2], fmt::format(R"([{{"customer_id":{},"share":1}}])", spouse_)).status, 201);
  EXPECT_EQ(reason(refer(*wang_, buyer_, spouse_)), "already_bought");
  EXPECT_EQ(refer(*wang_, buyer_, 999999).FieldReason("referee_id"), "not_found");
  EXPECT_EQ(wang_->Post("/api/v1/referrals", fmt::format(R"({{"referrer_id":{},"project_id":{}}})", buyer_, project_)).FieldReason("referee_id"), "required");
  EXPECT_EQ(refer(*beijing_, buyer_, friend_).FieldReason("project_id"), "not_found");
  EXPECT_EQ(Count("/api/v1/referrals"), 0) << "nothing written";
  EXPECT_EQ(Count(fmt::format("/api/v1/leads?customer_id={}", friend_)), 0);

  // Accepted: the friend is wang's lead, from a referral; one referrer per referee and project.
  auto referral = refer(*wang_, buyer_, friend_);
  ASSERT_EQ(referral.status, 201) << referral.body;
  EXPECT_EQ(referral.Str("status"), "pending");
  EXPECT_EQ(referral.Int("reward_cents"), 500000) << "the project's default reward";
  EXPECT_EQ(referral.Str("referrer_name"), "陈志强");
  EXPECT_EQ(referral.Str("referee_name"), "王芳");
  auto lead = wang_->Get(fmt::format("/api/v1/leads/{}", referral.Int("lead_id")));
  EXPECT_EQ(lead.Str("source"), "referral");
  EXPECT_EQ(lead.Int("consultant_id"), ids_["wang.sales"]);
  EXPECT_EQ(refer(*li_, buyer_, friend_).ErrorCode(), "referral_exists");
  const auto pay = fmt::format("/api/v1/referrals/{}/pay", referral.Int("id"));
  EXPECT_EQ(manager_->Post(pay, "{}").ErrorCode(), "invalid_transition") << "not earned before the contract";
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/referrals/{}", referral.Int("id"))).status, 404);

  // The friend signs: the reward is earned in the same transaction.
  const auto contract = sign(*wang_, units_[3], friend_, "R-2");
  auto earned = wang_->Get(fmt::format("/api/v1/referrals/{}", referral.Int("id")));
  EXPECT_EQ(earned.Str("status"), "earned");
  EXPECT_EQ(earned.Int("contract_id"), contract);
  EXPECT_EQ(earned.Str("contract_no"), "R-2");
  EXPECT_NE(admin_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_)).body.find("推荐奖励已达成"), std::string::npos);
  EXPECT_EQ(wang_->Post(pay, "{}").status, 403) << "a consultant does not pay rewards";
  auto paid = manager_->Post(pay, R"({"note":"转账 2026-11-20"})");
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.Str("status"), "paid");
  EXPECT_EQ(manager_->Post(pay, "{}").ErrorCode(), "invalid_transition");
  EXPECT_EQ(Count("/api/v1/referrals?status=paid"), 1);
  auto funnel = manager_->Get(fmt::format("/api/v1/sales/funnel?project_id={}&from=2026-11-01&to=2026-11-30", project_));
  EXPECT_DOUBLE_EQ(funnel.json.at("total").at("referral_share").as_double(), 1.0) << "the one lead that signed came by referral: " << funnel.body;

  // The reward follows the project's rules when referred; a cancelled contract takes it back.
  const auto settings = fmt::format("/api/v1/projects/{}/sales-settings", project_);
  ASSERT_EQ(manager_->Put(settings, R"({"call_days":15,"visit_days":30,"follow_up_days":30,"max_active_leads":200,"referral_reward_cents":800000})").status, 200);
  EXPECT_EQ(wang_->Get(settings).Int("max_active_leads"), 200);
  auto second = refer(*wang_, buyer_, cousin);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.Int("reward_cents"), 800000);
  const auto cousins = sign(*wang_, units_[4], cousin, "R-3");
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/referrals/{}", second.Int("id"))).Str("status"), "earned");
  auto cancel = wang_->Post(fmt::format("/api/v1/contracts/{}/changes", cousins), R"({"kind":"cancel","reason":"贷款未批"})");
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/change-orders/{}/approve", cancel.Int("id")), "{}").status, 200);
  auto back = wang_->Get(fmt::format("/api/v1/referrals/{}", second.Int("id")));
  EXPECT_EQ(back.Str("status"), "pending");
  EXPECT_TRUE(back.json.at("contract_id").is_null());
  EXPECT_EQ(Count(fmt::format("/api/v1/referrals?customer_id={}", buyer_)), 2);
}

// Price lists: a batch adjustment is drafted, then applied by a manager to every unsold unit of
// the batch at once (or to none when one moved since the draft), with the unit's price history;
// discount schemes within their limits; a price below the floor waits for a manager.
TEST_P(SalesApi, PricesChangeByBatchesAndAPriceBelowTheFloorWaitsForAManager) {
  auto price_of = [&](std::int64_t unit) { return admin_->Get(fmt::format("/api/v1/units/{}", unit)).Int("list_price_cents"); };
  const std::string batch = fmt::format(R"({{"project_id":{},"name":"二批次调价","reason":"去化快","method":"percent","value":300,"building":"3"}})", project_);
  auto draft = wang_->Post("/api/v1/price-adjustments", batch);
  ASSERT_EQ(draft.status, 201) << draft.body;
  EXPECT_EQ(draft.Str("status"), "draft");
  EXPECT_EQ(draft.Int("units"), 8);
  for (const auto& line : draft.json.at("lines").as_array()) {
    if (line.at("unit_code").as_string() != "3-1-101") continue;
    EXPECT_EQ(line.at("before_cents").as_int64(), 300000000);
    EXPECT_EQ(line.at("after_cents").as_int64(), 309000000);
  }
  EXPECT_EQ(price_of(units_[0]), 300000000) << "a draft changes nothing";
  const auto apply = fmt::format("/api/v1/price-adjustments/{}/apply", draft.Int("id"));
  EXPECT_EQ(wang_->Post(apply, "{}").status, 403) << "a consultant does not apply prices";
  auto applied = manager_->Post(apply, "{}");
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.Str("status"), "applied");
  EXPECT_EQ(price_of(units_[0]), 309000000);
  EXPECT_EQ(price_of(units_[1]), 432600000);
  EXPECT_EQ(manager_->Post(apply, "{}").ErrorCode(), "invalid_transition");
  auto history = wang_->Get(fmt::format("/api/v1/units/{}/price-history", units_[0]));
  ASSERT_EQ(history.json.at("items").as_array().size(), 1u) << history.body;
  EXPECT_EQ(history.json.at("items").as_array().at(0).at("name").as_string(), "二批次调价");
  EXPECT_EQ(history.json.at("items").as_array().at(0).at("by_name").as_string(), "zhao.manager");
  // Bad batches name the field; none is written.
  EXPECT_EQ(wang_->Post("/api/v1/price-adjustments", fmt::format(R"({{"project_id":{},"name":"x","method":"double","value":1}})", project_)).FieldReason("method"), "invalid_value");
  EXPECT_EQ(wang_->Post("/api/v1/price-adjustments", fmt::format(R"({{"project_id":{},"name":"x","method":"percent","value":0}})", project_)).FieldReason("value"), "out_of_range");
  EXPECT_EQ(wang_->Post("/api/v1/price-adjustments", fmt::format(R"({{"project_id":{},"name":"x","method":"percent","value":100,"building":"9"}})", project_)).FieldReason("building"), "no_unsold_units");
  EXPECT_EQ(beijing_->Post("/api/v1/price-adjustments", batch).FieldReason("project_id"), "not_found");
  EXPECT_EQ(Count(fmt::format("/api/v1/price-adjustments?project_id={}", project_)), 1);

  // A unit sold after the draft: the whole batch is refused, naming it.
  auto stale = wang_->Post("/api/v1/price-adjustments", fmt::format(R"({{"project_id":{},"name":"降价","method":"percent","value":-200}})", project_));
  ASSERT_EQ(stale.status, 201) << stale.body;
  auto sold = Subscribe(*wang_, units_[7], OneBuyer());
  ASSERT_EQ(sold.status, 201) << sold.body;
  auto refused = manager_->Post(fmt::format("/api/v1/price-adjustments/{}/apply", stale.Int("id")), "{}");
  EXPECT_EQ(refused.ErrorCode(), "prices_changed") << refused.body;
  EXPECT_NE(refused.body.find("3-1-402"), std::string::npos) << refused.body;
  EXPECT_EQ(price_of(units_[0]), 309000000) << "all or nothing";
  EXPECT_EQ(wang_->Post(fmt::format("/api/v1/price-adjustments/{}/cancel", stale.Int("id")), "{}").Str("status"), "cancelled");
  ASSERT_EQ(wang_->Post(fmt::format("/api/v1/subscriptions/{}/cancel", sold.Int("id")), R"({"reason":"测试"})").status, 200);

  // Discount schemes, kept by a manager.
  auto scheme = [&](const std::string& body) {
    return manager_->Post("/api/v1/discount-schemes", fmt::format(R"({{"project_id":{},{}}})", project_, body));
  };
  EXPECT_EQ(wang_->Post("/api/v1/discount-schemes", fmt::format(R"({{"project_id":{},"name":"x","percent_off_bp":100}})", project_)).status, 403);
  EXPECT_EQ(scheme(R"("name":"x","percent_off_bp":100,"amount_off_cents":100)").FieldReason("percent_off_bp"), "one_of_percent_or_amount");
  EXPECT_EQ(scheme(R"("name":"x","percent_off_bp":100,"valid_from":"2026-12-01","valid_to":"2026-11-01")").FieldReason("valid_to"), "before_valid_from");
  const auto cash = scheme(R"("name":"一次性付款九八折","percent_off_bp":200)").Int("id");
  const auto owners = scheme(R"("name":"老业主减5万","amount_off_cents":5000000,"max_uses":1)").Int("id");
  const auto launch = scheme(R"("name":"首开特惠","percent_off_bp":100,"stackable":false)").Int("id");
  ASSERT_TRUE(cash && owners && launch);
  auto with_schemes = [&](std::int64_t unit, std::int64_t price, const std::string& ids) {
    return wang_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":{},"price_cents":{},"discount_scheme_ids":{}}})",
                                                            unit, OneBuyer(), price, ids));
  };
  // 4,326,000 × 0.98 − 50,000 = 4,189,480 (yuan): above the floor (95%: 4,109,700).
  auto priced = with_schemes(units_[1], 418948000, fmt::format("[{},{}]", cash, owners));
  ASSERT_EQ(priced.status, 201) << priced.body;
  EXPECT_EQ(priced.Int("list_price_cents"), 432600000);
  EXPECT_EQ(priced.Int("scheme_price_cents"), 418948000);
  EXPECT_EQ(priced.Int("floor_cents"), 410970000);
  EXPECT_EQ(priced.Str("approval"), "none");
  EXPECT_EQ(priced.json.at("discounts").as_array().size(), 2u);
  EXPECT_EQ(with_schemes(units_[3], 400000000, fmt::format("[{}]", owners)).FieldReason("discount_scheme_ids[0]"), "exhausted");
  EXPECT_EQ(UnitStatus(units_[3]), "available") << "a refused scheme leaves the unit for sale";
  EXPECT_EQ(with_schemes(units_[3], 400000000, fmt::format("[{},{}]", launch, cash)).FieldReason("discount_scheme_ids[0]"), "not_stackable");
  EXPECT_EQ(with_schemes(units_[3], 400000000, "[999999]").FieldReason("discount_scheme_ids[0]"), "not_found");
  ASSERT_EQ(wang_->Post(fmt::format("/api/v1/subscriptions/{}/cancel", priced.Int("id")), R"({"reason":"客户改主意"})").status, 200);
  auto schemes = wang_->Get(fmt::format("/api/v1/discount-schemes?project_id={}", project_));
  EXPECT_EQ(schemes.json.at("items").as_array().at(1).at("uses").as_int64(), 0) << "a cancelled subscription gives its use back";
  auto closed = manager_->Patch(fmt::format("/api/v1/discount-schemes/{}", launch), R"({"active":false})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(with_schemes(units_[3], 400000000, fmt::format("[{}]", launch)).FieldReason("discount_scheme_ids[0]"), "inactive");

  // Below the floor: the unit is held, the contract waits for a manager's approval.
  auto low = with_schemes(units_[2], 250000000, "[]");
  ASSERT_EQ(low.status, 201) << low.body;
  EXPECT_EQ(low.Str("approval"), "pending");
  EXPECT_EQ(UnitStatus(units_[2]), "subscribed");
  const auto contract = fmt::format(R"({{"subscription_id":{},"contract_no":"P-1","signed_on":"2026-11-20","total_cents":250000000,
      "payment_plan":[{{"due_on":"2026-12-01","amount_cents":250000000,"kind":"down_payment"}}]}})", low.Int("id"));
  EXPECT_EQ(wang_->Post("/api/v1/contracts", contract).ErrorCode(), "price_approval_pending");
  EXPECT_EQ(manager_->Get("/api/v1/subscriptions?approval=pending").json.at("items").as_array().size(), 1u);
  EXPECT_NE(manager_->Get("/api/v1/notifications").body.find("底价审批"), std::string::npos) << "the managers are told";
  EXPECT_EQ(beijing_->Get("/api/v1/subscriptions?approval=pending").json.at("items").as_array().size(), 0u);
  const auto approve = fmt::format("/api/v1/subscriptions/{}/approve-price", low.Int("id"));
  EXPECT_EQ(wang_->Post(approve, "{}").status, 403);
  auto approved = manager_->Post(approve, R"({"note":"年底冲量，同意"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Str("approval"), "approved");
  EXPECT_EQ(manager_->Post(approve, "{}").ErrorCode(), "invalid_transition");
  EXPECT_NE(wang_->Get("/api/v1/notifications").body.find("底价审批已通过"), std::string::npos) << "the consultant is told";
  EXPECT_EQ(wang_->Post("/api/v1/contracts", contract).status, 201);
  auto refused_price = with_schemes(units_[3], 200000000, "[]");
  ASSERT_EQ(refused_price.Str("approval"), "pending");
  auto rejected = manager_->Post(fmt::format("/api/v1/subscriptions/{}/reject-price", refused_price.Int("id")), R"({"note":"低于底价太多"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.Str("status"), "cancelled");
  EXPECT_EQ(UnitStatus(units_[3]), "available");
  // The floor is the project's rule.
  ASSERT_EQ(manager_->Put(fmt::format("/api/v1/projects/{}/sales-settings", project_),
                          R"({"call_days":15,"visit_days":30,"follow_up_days":30,"max_active_leads":200,"floor_percent":80})").status, 200);
  EXPECT_EQ(with_schemes(units_[4], 250000000, "[]").Str("approval"), "none");
}

// Collections: an instalment unpaid the day after its due date opens a dunning task for the
// consultant, raised by stage as days pass, with contacts and promises; paid up, it closes. The
// ageing report and the other reports, also as CSV and XLSX.
TEST_P(SalesApi, OverdueInstalmentsAreChasedAndAgedUntilPaid) {
  auto sub = Subscribe(*wang_, units_[0], OneBuyer());
  ASSERT_EQ(sub.status, 201) << sub.body;
  auto contract = wang_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"D-1","signed_on":"2026-11-20","total_cents":1000000,
      "payment_plan":[{{"due_on":"2026-11-25","amount_cents":300000,"kind":"down_payment"}},{{"due_on":"2026-12-10","amount_cents":700000,"kind":"mortgage"}}]}})", sub.Int("id")));
  ASSERT_EQ(contract.status, 201) << contract.body;
  auto tasks = [&](Api& api, const std::string& query = "") {
    return api.Get("/api/v1/dunning-tasks" + query).json.at("items").as_array();
  };
  auto wait_for = [&](auto&& done) {
    for (int i = 0; i < 100 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return done();
  };
  EXPECT_TRUE(tasks(*manager_).empty()) << "nothing is overdue yet";

  Advance(6);  // 11-26: the down payment of 11-25 is a day late
  ASSERT_TRUE(wait_for([&] { return tasks(*manager_).size() == 1; }));
  auto task = tasks(*manager_).at(0).as_object();
  EXPECT_EQ(task.at("stage").as_int64(), 1);
  EXPECT_EQ(task.at("overdue_cents").as_int64(), 300000);
  EXPECT_EQ(task.at("days_overdue").as_int64(), 1);
  EXPECT_EQ(task.at("contract_no").as_string(), "D-1");
  EXPECT_EQ(task.at("consultant_name").as_string(), "wang.sales");
  EXPECT_EQ(task.at("buyers").as_array().at(0).at("name").as_string(), "陈志强");
  EXPECT_NE(wang_->Get("/api/v1/notifications").body.find("逾期提醒"), std::string::npos);
  EXPECT_EQ(tasks(*wang_, "?mine=true").size(), 1u);
  EXPECT_EQ(tasks(*beijing_).size(), 0u);
  const auto contacts = fmt::format("/api/v1/dunning-tasks/{}/contacts", task.at("id").as_int64());
  EXPECT_EQ(wang_->Post(contacts, R"({"kind":"call","promised_on":"2026-11-01"})").FieldReason("promised_on"), "in_the_past");
  EXPECT_EQ(li_->Post(contacts, R"({"kind":"call"})").status, 403) << "another consultant's contract";
  auto promised = wang_->Post(contacts, R"({"kind":"call","note":"客户说周五转账","promised_on":"2026-11-28"})");
  ASSERT_EQ(promised.status, 201) << promised.body;
  EXPECT_EQ(tasks(*manager_).at(0).at("status").as_string(), "promised");
  EXPECT_NE(admin_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_)).body.find("催款（电话）"), std::string::npos);

  Advance(7);  // 12-03: the 8th day, and the promise of 11-28 broken
  ASSERT_TRUE(wait_for([&] { return tasks(*manager_).at(0).at("stage").as_int64() == 2; }));
  EXPECT_EQ(tasks(*manager_).at(0).at("status").as_string(), "open");

  // Another contract signed with an instalment already a month late: aged 31–60 days.
  auto old_sub = Subscribe(*wang_, units_[1], OneBuyer());
  ASSERT_EQ(wang_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"D-2","signed_on":"2026-11-01","total_cents":500000,
      "payment_plan":[{{"due_on":"2026-11-01","amount_cents":500000,"kind":"down_payment"}}]}})", old_sub.Int("id"))).status, 201);
  auto report = manager_->Get(fmt::format("/api/v1/sales/collections?project_id={}", project_));
  ASSERT_EQ(report.status, 200) << report.body;
  const auto& total = report.json.at("total");
  EXPECT_EQ(total.at("contracts").as_int64(), 2);
  EXPECT_EQ(total.at("total_cents").as_int64(), 1500000);
  EXPECT_EQ(total.at("overdue_1_30_cents").as_int64(), 300000);
  EXPECT_EQ(total.at("overdue_31_60_cents").as_int64(), 500000);
  EXPECT_EQ(total.at("not_due_cents").as_int64(), 700000);
  EXPECT_EQ(total.at("overdue_contracts").as_int64(), 2);
  EXPECT_EQ(tasks(*manager_).size(), 2u) << "signing a contract already late opens its task at once";

  // Paid: the task closes in the payment's transaction.
  ASSERT_EQ(wang_->Post(fmt::format("/api/v1/contracts/{}/payments", contract.Int("id")), R"({"amount_cents":300000,"paid_on":"2026-12-03","method":"bank_transfer"})").status, 201);
  EXPECT_EQ(tasks(*manager_).size(), 1u);
  EXPECT_EQ(tasks(*manager_, "?status=closed").size(), 1u);
  EXPECT_EQ(wang_->Post(contacts, R"({"kind":"call"})").ErrorCode(), "dunning_closed");

  // The reports as files.
  auto csv = manager_->Get(fmt::format("/api/v1/sales/collections?project_id={}&format=csv", project_));
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "a BOM for Excel";
  EXPECT_NE(csv.body.find("合计"), std::string::npos);
  EXPECT_EQ(manager_->Get("/api/v1/sales/collections?format=xlsx").body.rfind("PK", 0), 0u);
  EXPECT_EQ(manager_->Get("/api/v1/sales/collections?format=pdf").status, 400);
}

TEST_P(SalesApi, TheVisitorProfileAndTheFunnelByProjectCountThePeriodsLeads) {
  const auto third = Customer("王芳", "13800138003");
  ASSERT_EQ(Register(*wang_, buyer_, "visit", R"(,"age_band":"35_44","household":"school_family","need_type":"upgrade")").status, 201);
  ASSERT_EQ(Register(*wang_, spouse_, "call", R"(,"age_band":"35_44","need_type":"school")").status, 201);
  ASSERT_EQ(Register(*li_, third, "referral").status, 201);
  const auto query = fmt::format("project_id={}&from=2026-11-01&to=2026-11-30", project_);
  auto profile = manager_->Get("/api/v1/sales/visitor-profile?" + query);
  ASSERT_EQ(profile.status, 200) << profile.body;
  EXPECT_EQ(profile.Int("total"), 3);
  std::map<std::string, std::map<std::string, std::int64_t>> counts;
  for (const auto& d : profile.json.at("dimensions").as_array()) {
    for (const auto& i : d.at("items").as_array()) {
      counts[std::string(d.at("key").as_string())][std::string(i.at("key").as_string())] = i.at("count").as_int64();
    }
  }
  EXPECT_EQ(counts["age_band"]["35_44"], 2);
  EXPECT_EQ(counts["age_band"]["unknown"], 1);
  EXPECT_EQ(counts["household"]["school_family"], 1);
  EXPECT_EQ(counts["source"]["referral"], 1);
  EXPECT_EQ(counts["intent"]["A"], 3);
  EXPECT_EQ(manager_->Get("/api/v1/sales/visitor-profile?from=2026-10-01&to=2026-10-31").Int("total"), 0);
  EXPECT_EQ(beijing_->Get("/api/v1/sales/visitor-profile?from=2026-11-01&to=2026-11-30").Int("total"), 0);
  EXPECT_EQ(manager_->Get("/api/v1/sales/visitor-profile?from=2026-11-31").FieldReason("from"), "invalid_format");
  auto csv = manager_->Get("/api/v1/sales/visitor-profile?format=csv&" + query);
  EXPECT_NE(csv.body.find("年龄段,35–44 岁,2"), std::string::npos) << csv.body;

  auto by_project = manager_->Get("/api/v1/sales/funnel?by=project&from=2026-11-01&to=2026-11-30");
  ASSERT_EQ(by_project.status, 200) << by_project.body;
  ASSERT_EQ(by_project.json.at("rows").as_array().size(), 1u);
  EXPECT_EQ(by_project.json.at("rows").as_array().at(0).at("label").as_string(), "四季花城");
  EXPECT_EQ(by_project.json.at("rows").as_array().at(0).at("leads").as_int64(), 3);
  auto funnel_csv = manager_->Get("/api/v1/sales/funnel?by=project&format=csv&from=2026-11-01&to=2026-11-30");
  EXPECT_NE(funnel_csv.body.find("四季花城,3,"), std::string::npos) << funnel_csv.body;
}

// 判客 disputes: a consultant claims another's lead; a manager decides, audited; an upheld claim
// moves the lead with fresh protection, and both consultants are told.
TEST_P(SalesApi, AManagerDecidesAttributionDisputes) {
  auto lead = Register(*wang_, buyer_);
  ASSERT_EQ(lead.status, 201) << lead.body;
  const auto disputes = fmt::format("/api/v1/leads/{}/disputes", lead.Int("id"));
  EXPECT_EQ(wang_->Post(disputes, R"({"reason":"x"})").FieldReason("lead_id"), "own_lead");
  EXPECT_EQ(li_->Post(disputes, "{}").FieldReason("reason"), "required");
  auto claim = li_->Post(disputes, R"({"reason":"客户上周先到我的接待台，登记表有签字"})");
  ASSERT_EQ(claim.status, 201) << claim.body;
  EXPECT_EQ(claim.Str("status"), "pending");
  EXPECT_EQ(claim.Str("claimant_name"), "li.sales");
  EXPECT_EQ(claim.Str("holder_name"), "wang.sales");
  EXPECT_EQ(claim.Str("customer_name"), "陈志强");
  EXPECT_EQ(li_->Post(disputes, R"({"reason":"again"})").ErrorCode(), "dispute_pending");
  EXPECT_NE(manager_->Get("/api/v1/notifications").body.find("判客争议"), std::string::npos);
  EXPECT_EQ(manager_->Get("/api/v1/lead-disputes?status=pending").json.at("items").as_array().size(), 1u);
  EXPECT_EQ(beijing_->Get("/api/v1/lead-disputes").json.at("items").as_array().size(), 0u);
  const auto uphold = fmt::format("/api/v1/lead-disputes/{}/uphold", claim.Int("id"));
  EXPECT_EQ(li_->Post(uphold, R"({"note":"x"})").status, 403) << "a consultant does not decide";
  EXPECT_EQ(manager_->Post(uphold, "{}").FieldReason("note"), "required") << "a decision gives its reason";
  auto decided = manager_->Post(uphold, R"({"note":"登记表签字在先"})");
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.Str("status"), "upheld");
  EXPECT_EQ(decided.Str("decided_by_name"), "zhao.manager");
  auto moved = li_->Get(fmt::format("/api/v1/leads/{}", lead.Int("id")));
  EXPECT_EQ(moved.Int("consultant_id"), ids_["li.sales"]);
  EXPECT_EQ(moved.Str("protected_until"), "2026-12-20T01:00:00Z") << "fresh protection from the decision";
  EXPECT_NE(wang_->Get("/api/v1/notifications").body.find("判客争议已裁决"), std::string::npos);
  EXPECT_EQ(manager_->Post(uphold, R"({"note":"x"})").ErrorCode(), "invalid_transition");
  auto audit = admin_->Get("/api/v1/audit-log?entity_type=lead_dispute");
  EXPECT_NE(audit.body.find("lead_dispute.upheld"), std::string::npos) << audit.body.substr(0, 500);
  // A rejected claim leaves the lead where it is.
  auto back = wang_->Post(disputes, R"({"reason":"我一直在跟进"})");
  ASSERT_EQ(back.status, 201) << back.body;
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/lead-disputes/{}/reject", back.Int("id")), R"({"note":"维持裁决"})").Str("status"), "rejected");
  EXPECT_EQ(li_->Get(fmt::format("/api/v1/leads/{}", lead.Int("id"))).Int("consultant_id"), ids_["li.sales"]);
}

// The sales-control board live: a sale reaches every open screen of people who may see the project
// within a second (GET /api/v1/events, event `unit`), after it commits; nobody else's.
TEST_P(SalesApi, EveryOpenBoardOfTheProjectSeesASaleWithinASecond) {
  EventReader colleague(*server_, li_->token());
  EventReader manager(*server_, manager_->token());
  EventReader elsewhere(*server_, beijing_->token());
  for (auto* screen : {&colleague, &manager, &elsewhere}) ASSERT_TRUE(screen->WaitFor(": connected", std::chrono::seconds(5)));
  const auto unit = units_[3];
  const std::string sold = fmt::format(R"("unit_id":{},"code":"3-1-202","status":"subscribed")", unit);
  const auto sent = std::chrono::steady_clock::now();
  auto sub = Subscribe(*wang_, unit, OneBuyer());
  ASSERT_EQ(sub.status, 201) << sub.body;
  EXPECT_TRUE(colleague.WaitFor(sold, std::chrono::seconds(1))) << colleague.text();
  EXPECT_LT(std::chrono::steady_clock::now() - sent, std::chrono::seconds(1));
  EXPECT_TRUE(manager.WaitFor(sold, std::chrono::seconds(1))) << manager.text();
  EXPECT_NE(colleague.text().find("event: unit"), std::string::npos);
  // A refused sale moves nothing and tells nobody.
  EXPECT_EQ(Subscribe(*li_, unit, OneBuyer()).status, 409);
  ASSERT_EQ(wang_->Post(fmt::format("/api/v1/subscriptions/{}/cancel", sub.Int("id")), R"({"reason":"换房"})").status, 200);
  EXPECT_TRUE(colleague.WaitFor(fmt::format(R"("unit_id":{},"code":"3-1-202","status":"available")", unit), std::chrono::seconds(1)))
      << colleague.text();
  EXPECT_FALSE(elsewhere.WaitFor("3-1-202", std::chrono::milliseconds(300))) << "another company's staff: " << elsewhere.text();
}

// 64 clients subscribe at once to the same units: exactly one subscription per unit, none lost,
// no unit in two deals.
TEST_P(SalesApi, SixtyFourClientsRaceForTheSameUnitsAndEachUnitSellsOnce) {
  constexpr int kClients = 64;
  std::vector<std::unique_ptr<Api>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<Api>(*server_));
    clients.back()->SetToken(wang_->token());
  }
  std::atomic<int> created{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      for (const auto unit : units_) {
        auto r = Subscribe(*clients[i], unit, OneBuyer());
        if (r.status == 201) {
          ++created;
        } else if (r.status == 409 && r.ErrorCode() == "unit_unavailable") {
          ++refused;
        } else {
          ++other;
          ADD_FAILURE() << r.status << " " << r.body;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), static_cast<int>(units_.size()));
  EXPECT_EQ(refused.load(), kClients * static_cast<int>(units_.size()) - static_cast<int>(units_.size()));
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Count(fmt::format("/api/v1/subscriptions?project_id={}&limit=500", project_)), static_cast<std::int64_t>(units_.size()));
  for (const auto unit : units_) EXPECT_EQ(UnitStatus(unit), "subscribed");
}

// 报备 with the customer's consent, through the message gateway and a stand-in of the SMS
// provider: the lead is registered only when the customer confirms (the code read out, or the
// desk's QR code agreed on their phone); codes expire and allow five tries; the log keeps no code.
class SalesConsentApi : public SalesApi {
 protected:
  std::vector<std::string> ExtraArgs() override {
    auto args = SalesApi::ExtraArgs();
    args.insert(args.end(), {"--sms-url", sms_.url()});
    return args;
  }
  std::vector<std::pair<std::string, std::string>> ExtraEnv() override { return {{"HEARTH_SMS_KEY", "sms-test-key"}}; }
  Reply Ask(Api& api, std::int64_t customer, const std::string& method = "sms") {
    return api.Post("/api/v1/lead-consents", fmt::format(R"({{"project_id":{},"customer_id":{},"method":"{}"}})", project_, customer, method));
  }
  static std::string CodeIn(const std::string& text) {
    std::smatch m;
    return std::regex_search(text, m, std::regex("验证码 ([0-9]{6})")) ? m[1].str() : std::string();
  }
  /// The gateway's log as a manager sees it, once the message has been tried.
  boost::json::object Logged(std::int64_t consent) {
    for (int i = 0; i < 200; ++i) {
      auto log = manager_->Get(fmt::format("/api/v1/messages?ref_type=lead_consent&ref_id={}", consent));
      if (!log.json.at("items").as_array().empty()) {
        const auto& m = log.json.at("items").as_array().at(0).as_object();
        if (m.at("attempts").as_int64() > 0) return m;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return {};
  }
  SmsProvider sms_;
};

TEST_P(SalesConsentApi, ALeadIsRegisteredOnlyWhenTheCustomerConfirms) {
  auto asked = Ask(*wang_, buyer_);
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.Str("status"), "waiting");
  EXPECT_EQ(asked.Str("phone"), "138****8001");
  EXPECT_EQ(asked.Str("expires_at"), "2026-11-20T01:10:00Z");
  const auto sent = sms_.WaitFor(1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].to, "13800138001");
  EXPECT_EQ(sent[0].sign, "Hearth");
  EXPECT_EQ(sent[0].authorization, "Bearer sms-test-key");
  EXPECT_NE(sent[0].text.find("四季花城"), std::string::npos) << sent[0].text;
  const std::string code = CodeIn(sent[0].text);
  ASSERT_EQ(code.size(), 6u) << sent[0].text;
  // The log: sent, with the provider's id, and never the code.
  const auto logged = Logged(asked.Int("id"));
  ASSERT_FALSE(logged.empty());
  EXPECT_EQ(logged.at("status").as_string(), "sent");
  EXPECT_EQ(logged.at("provider_id").as_string(), "sm-1");
  EXPECT_EQ(std::string(logged.at("text").as_string()).find(code), std::string::npos);
  EXPECT_NE(std::string(logged.at("text").as_string()).find("******"), std::string::npos);
  EXPECT_EQ(wang_->Get("/api/v1/messages").status, 403) << "the log is for managers";
  EXPECT_EQ(Count(fmt::format("/api/v1/leads?customer_id={}", buyer_)), 0) << "nothing registered before consent";

  // Another consultant asks for a customer wang now waits on: allowed (no lead yet); but once
  // confirmed, nobody else may even send a code.
  const auto confirm = fmt::format("/api/v1/lead-consents/{}/confirm", asked.Int("id"));
  auto wrong = wang_->Post(confirm, R"({"code":"000000"})");
  if (code == "000000") wrong = wang_->Post(confirm, R"({"code":"111111"})");
  EXPECT_EQ(wrong.FieldReason("code"), "mismatch");
  EXPECT_EQ(wrong.json.at("error").at("attempts_left").as_int64(), 4);
  EXPECT_EQ(li_->Post(confirm, fmt::format(R"({{"code":"{}"}})", code)).status, 403) << "another consultant's consent";
  auto ok = wang_->Post(confirm, fmt::format(R"({{"code":"{}"}})", code));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Str("status"), "confirmed");
  auto lead = wang_->Get(fmt::format("/api/v1/leads/{}", ok.Int("lead_id")));
  EXPECT_EQ(lead.Str("source"), "agent");
  EXPECT_EQ(lead.Int("consultant_id"), ids_["wang.sales"]);
  EXPECT_EQ(wang_->Post(confirm, fmt::format(R"({{"code":"{}"}})", code)).ErrorCode(), "consent_confirmed");
  auto held = Ask(*li_, buyer_);
  EXPECT_EQ(held.ErrorCode(), "lead_protected");
  EXPECT_EQ(held.json.at("error").at("owner_name").as_string(), "wang.sales") << "named as a registration names them";
  EXPECT_EQ(sms_.Received().size(), 1u) << "nothing sent for a customer someone holds";

  // One request a minute per customer; five wrong codes end it; ten minutes end it.
  ASSERT_EQ(Ask(*wang_, spouse_).status, 201);
  EXPECT_EQ(Ask(*wang_, spouse_).status, 429);
  const auto third = Customer("王芳", "13800138003");
  auto tries = Ask(*wang_, third);
  ASSERT_EQ(tries.status, 201);
  const auto try_path = fmt::format("/api/v1/lead-consents/{}/confirm", tries.Int("id"));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(wang_->Post(try_path, R"({"code":"abc"})").FieldReason("code"), "mismatch");
  EXPECT_EQ(wang_->Post(try_path, R"({"code":"abc"})").ErrorCode(), "consent_failed");
  const auto fourth = Customer("赵雷", "13800138004");
  auto late = Ask(*wang_, fourth);
  ASSERT_EQ(late.status, 201);
  const auto late_code = CodeIn(sms_.WaitFor(4).back().text);
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":11})", "application/json")).status, 200);
  auto expired = wang_->Post(fmt::format("/api/v1/lead-consents/{}/confirm", late.Int("id")), fmt::format(R"({{"code":"{}"}})", late_code));
  EXPECT_EQ(expired.ErrorCode(), "consent_expired") << expired.body;
  EXPECT_EQ(wang_->Get(fmt::format("/api/v1/lead-consents/{}", late.Int("id"))).Str("status"), "expired");

  // The desk's QR code: the customer opens the link on their own phone and agrees; no sign-in.
  const auto fifth = Customer("孙丽", "13800138005");
  auto qr = Ask(*wang_, fifth, "qr");
  ASSERT_EQ(qr.status, 201) << qr.body;
  const std::string token(qr.json.at("token").as_string());
  Api anonymous(*server_);
  auto page = anonymous.Get("/api/v1/public/lead-consents/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Str("project_name"), "四季花城");
  EXPECT_EQ(page.Str("consultant_name"), "wang.sales");
  EXPECT_FALSE(page.json.as_object().contains("phone"));
  EXPECT_EQ(anonymous.Get("/api/v1/public/lead-consents/not-a-token").status, 404);
  auto agreed = anonymous.Post("/api/v1/public/lead-consents/" + token + "/agree", "{}");
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  EXPECT_EQ(agreed.Str("status"), "confirmed");
  auto leads = wang_->Get(fmt::format("/api/v1/leads?customer_id={}", fifth));
  ASSERT_EQ(leads.json.at("items").as_array().size(), 1u) << leads.body;
  EXPECT_EQ(leads.json.at("items").as_array().at(0).at("consultant_id").as_int64(), ids_["wang.sales"]);

  // The provider down: the message waits in the log with the provider's answer, and is retried.
  sms_.fail = true;
  const auto sixth = Customer("周杰", "13800138006");
  auto down = Ask(*wang_, sixth);
  ASSERT_EQ(down.status, 201) << "the request does not wait for the provider";
  const auto failed = Logged(down.Int("id"));
  ASSERT_FALSE(failed.empty());
  EXPECT_EQ(failed.at("status").as_string(), "queued");
  EXPECT_NE(std::string(failed.at("error").as_string()).find("503"), std::string::npos);
}

TEST_P(SalesApi, WithoutAnSmsProviderTheDeskUsesTheQrCode) {
  auto asked = wang_->Post("/api/v1/lead-consents", fmt::format(R"({{"project_id":{},"customer_id":{},"method":"sms"}})", project_, buyer_));
  EXPECT_EQ(asked.status, 503);
  EXPECT_EQ(asked.ErrorCode(), "sms_unavailable");
  EXPECT_EQ(wang_->Post("/api/v1/lead-consents", fmt::format(R"({{"project_id":{},"customer_id":{},"method":"qr"}})", project_, buyer_)).status, 201);
}

INSTANTIATE_TEST_SUITE_P(Backends, SalesApi, testing::ValuesIn(EnabledBackends()), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, SalesConsentApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
