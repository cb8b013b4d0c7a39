// Sales over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock): attribution (判客) with
// the project's protection windows, follow-ups with reminders, the shared pool and claims; the
// deal chain pledge → subscription → contract → payments moving the unit, the buyers becoming its
// owners; the race of 64 subscriptions for the same units; bad input refused with nothing written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/event_reader.hpp"

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
    return api.Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":{},"price_cents":300000000,"deposit_cents":5000000}})", unit, buyers));
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

INSTANTIATE_TEST_SUITE_P(Backends, SalesApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
