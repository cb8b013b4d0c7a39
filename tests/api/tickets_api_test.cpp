// The service centre over HTTP, on SQLite and PostgreSQL, with the server's clock moved by hand
// (hearth serve --test-clock): routing, SLA deadlines on the business calendar across a weekend,
// a holiday and a make-up working day, hold and resume, breach, the status machine, call-back.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/smtp_sink.hpp"

namespace hearth::test {
namespace {

class TicketsApi : public ApiTest {
 protected:
  // Friday 20 November 2026, 09:00 in China.
  std::vector<std::string> ExtraArgs() override { return {"--test-clock", "2026-11-20T01:00:00Z"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    project_ = admin_->Post("/api/v1/projects", R"({"name":"翡翠湾","city":"深圳","completion_date":"2025-06-30"})").Int("id");
    auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_),
                             R"({"building":"3","entrance":"2","floor_from":11,"floor_to":11,"rooms":[{"suffix":"01","area_m2":89},{"suffix":"02","area_m2":120}]})");
    ASSERT_EQ(bulk.status, 201) << bulk.body;
    delivered_unit_ = bulk.json.at("items").as_array().at(0).at("id").as_int64();
    unsold_unit_ = bulk.json.at("items").as_array()[1].at("id").as_int64();
    for (const char* status : {"subscribed", "contracted", "delivered"}) {
      ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", delivered_unit_), fmt::format(R"({{"status":"{}"}})", status)).status, 200);
    }
    customer_ = admin_->Post("/api/v1/customers", R"({"name":"林晓燕","phone":"13600001111"})").Int("id");
  }

  Reply Open(const std::string& extra) {
    return admin_->Post("/api/v1/tickets", fmt::format(R"({{"customer_id":{},"channel":"hotline",{}}})", customer_, extra));
  }
  Reply Act(std::int64_t id, const std::string& action, const std::string& body = "{}") {
    return admin_->Post(fmt::format("/api/v1/tickets/{}/{}", id, action), body);
  }
  /// Moves the server's clock (China time "2026-09-30 16:00") and logs in again (tokens expire).
  void SetClock(const std::string& china) {
    const std::string rfc = china.substr(0, 10) + "T" + china.substr(11) + ":00+08:00";
    auto r = ToReply(admin_->raw().Put("/api/v1/test/clock", fmt::format(R"({{"now":"{}"}})", rfc), "application/json"));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(admin_->Login("admin", TestServer::kAdminPassword).status, 200);
  }
  std::int64_t CategoryId(const std::string& name) {
    const auto categories = admin_->Get("/api/v1/ticket-categories");
    for (const auto& c : categories.json.at("items").as_array()) {
      if (c.at("name").as_string() == name) return c.at("id").as_int64();
    }
    return 0;
  }

  std::int64_t project_ = 0, delivered_unit_ = 0, unsold_unit_ = 0, customer_ = 0;
};

TEST_P(TicketsApi, DeadlinesRunInWorkingTimeAcrossTheWeekend) {
  auto t = Open(R"("kind":"complaint","title":"售楼处承诺的会所未建")");
  ASSERT_EQ(t.status, 201) << t.body;
  EXPECT_EQ(t.Str("status"), "new");
  EXPECT_EQ(t.Str("grade"), "general");
  EXPECT_EQ(t.Str("department"), "customer_relations");
  // 24 working hours from Friday 09:00 (9-hour days): Friday, Monday, then Tuesday until 15:00.
  EXPECT_EQ(t.Str("response_due_at"), "2026-11-24T07:00:00Z");
  // Ten working days: the tenth is Thursday 3 December, until 18:00.
  EXPECT_EQ(t.Str("resolve_due_at"), "2026-12-03T10:00:00Z");
  EXPECT_FALSE(t.json.at("sla_breached").as_bool());
  // A major complaint answers within 2 working hours and goes to engineering.
  auto major = Open(R"("kind":"complaint","grade":"major","title":"多户外墙渗漏，业主聚集")");
  EXPECT_EQ(major.Str("department"), "engineering");
  EXPECT_EQ(major.Str("response_due_at"), "2026-11-20T03:00:00Z");
  // Bad input names the field.
  EXPECT_EQ(Open(R"("kind":"rant","title":"x")").FieldReason("kind"), "invalid_value");
  EXPECT_EQ(Open(R"("kind":"inquiry")").FieldReason("title"), "required");
  EXPECT_EQ(admin_->Post("/api/v1/tickets", R"({"kind":"inquiry","channel":"fax","customer_id":1,"title":"x"})").FieldReason("channel"), "invalid_value");
  EXPECT_EQ(admin_->Post("/api/v1/tickets", R"({"kind":"inquiry","channel":"web","customer_id":999999,"title":"x"})").FieldReason("customer_id"), "not_found");
  EXPECT_EQ(Open(R"("kind":"repair","title":"x","unit_id":999999)").FieldReason("unit_id"), "not_found");
}

TEST_P(TicketsApi, HolidaysAndMakeUpWorkingDaysMoveDeadlines) {
  SetClock("2026-09-30 16:00");  // Wednesday before National Day (1–7 October off)
  auto before = Open(R"("kind":"inquiry","title":"交房时间咨询")");
  ASSERT_EQ(before.status, 201) << before.body;
  // Inquiries answer within 4 working hours: 2 on Wednesday, 2 on Thursday 8 October.
  EXPECT_EQ(before.Str("response_due_at"), "2026-10-08T03:00:00Z");
  SetClock("2026-10-09 17:00");  // Friday; Saturday 10 October is a make-up working day
  EXPECT_EQ(Open(R"("kind":"inquiry","title":"车位咨询")").Str("response_due_at"), "2026-10-10T04:00:00Z");
  // The calendar is editable: make 8 October a holiday too.
  auto put = ToReply(admin_->raw().Put("/api/v1/calendars/CN/days/2026-10-08", {{"Authorization", "Bearer " + admin_->token()}},
                                       R"({"working":false,"name":"公司假日"})", "application/json"));
  ASSERT_EQ(put.status, 200) << put.body;
  SetClock("2026-09-30 16:00");
  EXPECT_EQ(Open(R"("kind":"inquiry","title":"再问交房")").Str("response_due_at"), "2026-10-09T03:00:00Z");
  auto calendar = admin_->Get("/api/v1/calendars/CN");
  EXPECT_EQ(calendar.Str("day_start"), "09:00");
  EXPECT_GE(calendar.json.at("days").as_array().size(), 72u);
  auto bad = ToReply(admin_->raw().Put("/api/v1/calendars/CN/days/2026-02-30", {{"Authorization", "Bearer " + admin_->token()}},
                                       R"({"working":true})", "application/json"));
  EXPECT_EQ(bad.FieldReason("day"), "invalid_format");
}

TEST_P(TicketsApi, RoutingFollowsTheWorkInterfaceAndADissolvedTeam) {
  auto repair = Open(fmt::format(R"("kind":"repair","title":"卫生间渗漏","unit_id":{},"category_id":{})", delivered_unit_,
                                 CategoryId("卫生间渗漏")));
  ASSERT_EQ(repair.status, 201) << repair.body;
  EXPECT_EQ(repair.Str("department"), "project") << "a delivered home: the project team rectifies";
  EXPECT_EQ(repair.Int("project_id"), project_);
  // Repairs, 15 working days: from Friday 20 November to Thursday 10 December 18:00.
  EXPECT_EQ(repair.Str("resolve_due_at"), "2026-12-10T10:00:00Z");
  EXPECT_EQ(Open(fmt::format(R"("kind":"repair","title":"门窗变形","unit_id":{})", unsold_unit_)).Str("department"), "engineering");
  EXPECT_EQ(Open(fmt::format(R"("kind":"complaint","title":"保洁不到位","category_id":{})", CategoryId("保洁"))).Str("department"),
            "property")
      << "a rule on 物业服务 covers its children";
  auto patched = admin_->Patch(fmt::format("/api/v1/projects/{}", project_), R"({"team_dissolved":true})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto after = Open(fmt::format(R"("kind":"repair","title":"墙面开裂","unit_id":{})", delivered_unit_));
  EXPECT_EQ(after.Str("department"), "engineering") << "the project team is gone";
  auto events = admin_->Get(fmt::format("/api/v1/tickets/{}/events", after.Int("id")));
  EXPECT_EQ(events.json.at("items").as_array().at(0).at("detail").at("fallback").as_string(), "team_dissolved");
  // The unit's history and the customer's timeline show the tickets.
  auto history = admin_->Get(fmt::format("/api/v1/units/{}/history", delivered_unit_));
  EXPECT_EQ(history.json.at("items").as_array().at(history.json.at("items").as_array().size() - 1).at("kind").as_string(), "ticket");
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline?kind=ticket", customer_));
  EXPECT_EQ(timeline.json.at("items").as_array().size(), 4u);
  EXPECT_EQ(Open(fmt::format(R"("kind":"repair","title":"x","unit_id":{},"project_id":999999)", delivered_unit_)).FieldReason("project_id"),
            "not_the_units_project");
}

TEST_P(TicketsApi, StatusMachineHoldBreachAndCallBack) {
  const auto id = Open(R"("kind":"complaint","title":"入户门变形关不严")").Int("id");
  EXPECT_EQ(Act(id, "start").ErrorCode(), "invalid_transition") << "not assigned yet";
  auto assigned = Act(id, "assign", R"({"department":"engineering"})");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Str("status"), "assigned");
  EXPECT_EQ(Act(id, "assign", "{}").FieldReason("department"), "required");
  EXPECT_EQ(Act(id, "callback", R"({"satisfaction":5})").ErrorCode(), "invalid_transition");
  auto started = Act(id, "start");
  EXPECT_EQ(started.Str("status"), "in_progress");
  EXPECT_FALSE(started.json.at("responded_at").is_null());
  // Waiting for the customer stops the clock: a month on hold is not a breach.
  EXPECT_EQ(Act(id, "hold", "{}").FieldReason("reason"), "required");
  ASSERT_EQ(Act(id, "hold", R"({"reason":"业主出差，约下周上门"})").Str("status"), "on_hold");
  SetClock("2026-12-21 10:00");
  EXPECT_FALSE(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).json.at("sla_breached").as_bool());
  auto resumed = Act(id, "resume");
  ASSERT_EQ(resumed.status, 200) << resumed.body;
  EXPECT_FALSE(resumed.json.at("sla_breached").as_bool());
  EXPECT_GT(resumed.Str("resolve_due_at"), std::string("2026-12-21"));
  // Past the moved deadline it is breached, and the breached queue lists it.
  SetClock("2027-02-01 10:00");
  EXPECT_TRUE(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).json.at("sla_breached").as_bool());
  auto breached = admin_->Get("/api/v1/tickets?breached=true");
  ASSERT_EQ(breached.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(breached.json.at("items").as_array().at(0).at("id").as_int64(), id);
  EXPECT_EQ(admin_->Get("/api/v1/tickets?breached=maybe").FieldReason("breached"), "invalid_value");
  // Resolution, an unhappy call-back reopens, a happy one closes.
  EXPECT_EQ(Act(id, "resolve", R"({"responsibility":"contractor"})").FieldReason("resolution"), "required");
  auto resolved = Act(id, "resolve", R"({"resolution":"更换门扇","responsibility":"contractor"})");
  EXPECT_EQ(resolved.Str("status"), "resolved");
  EXPECT_EQ(Act(id, "callback", R"({"satisfaction":9})").FieldReason("satisfaction"), "out_of_range");
  auto unhappy = Act(id, "callback", R"({"satisfaction":2,"comment":"门还是有缝"})");
  EXPECT_EQ(unhappy.Str("status"), "reopened");
  EXPECT_TRUE(unhappy.json.at("resolved_at").is_null());
  EXPECT_FALSE(unhappy.json.at("sla_breached").as_bool()) << "a fresh resolution deadline from the reopening";
  EXPECT_EQ(Act(id, "start").Str("status"), "in_progress");
  Act(id, "resolve", R"({"resolution":"重新调校门框","responsibility":"contractor"})");
  auto closed = Act(id, "callback", R"({"satisfaction":5})");
  EXPECT_EQ(closed.Str("status"), "closed");
  EXPECT_EQ(closed.Int("satisfaction"), 5);
  EXPECT_EQ(Act(id, "cancel", R"({"reason":"x"})").ErrorCode(), "invalid_transition");
  EXPECT_EQ(Act(id, "comment", R"({"text":"已电话致谢"})").Str("status"), "closed");
  const auto events = admin_->Get(fmt::format("/api/v1/tickets/{}/events", id));
  std::vector<std::string> actions;
  for (const auto& e : events.json.at("items").as_array()) actions.emplace_back(e.at("action").as_string());
  EXPECT_EQ(actions, (std::vector<std::string>{"created", "assign", "start", "hold", "resume", "escalated", "resolve",
                                               "callback", "start", "resolve", "callback", "comment"}));
  // A stale version is refused.
  EXPECT_EQ(ToReply(admin_->raw().Post(fmt::format("/api/v1/tickets/{}/comment", id),
                                       {{"Authorization", "Bearer " + admin_->token()}, {"If-Match", "1"}},
                                       R"({"text":"x"})", "application/json"))
                .ErrorCode(),
            "version_conflict");
  EXPECT_EQ(Act(999999, "start").status, 404);
}

TEST_P(TicketsApi, AdminsEditRulesPoliciesAndCategories) {
  admin_->Post("/api/v1/users", R"({"username":"t.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  Api agent(*server_);
  ASSERT_EQ(agent.Login("t.agent", "Passw0rd-x").status, 200);
  EXPECT_EQ(agent.Post("/api/v1/routing-rules", R"({"name":"x","department":"sales"})").status, 403);
  EXPECT_EQ(agent.Get("/api/v1/routing-rules").status, 200);
  auto rule = admin_->Post("/api/v1/routing-rules", R"({"name":"建议转营销","position":1,"kind":"suggestion","department":"sales"})");
  ASSERT_EQ(rule.status, 201) << rule.body;
  EXPECT_EQ(Open(R"("kind":"suggestion","title":"增加充电桩")").Str("department"), "sales");
  EXPECT_EQ(admin_->Post("/api/v1/routing-rules", R"({"name":"x","department":"marketing"})").FieldReason("department"), "invalid_value");
  // Edited and reordered, not only deleted: a second rule put before it takes the suggestions.
  const auto design = admin_->Post("/api/v1/routing-rules", R"({"name":"建议转设计","position":5,"kind":"suggestion","department":"design"})");
  ASSERT_EQ(design.status, 201) << design.body;
  auto moved = admin_->Put(fmt::format("/api/v1/routing-rules/{}", design.Int("id")),
                           R"({"name":"建议转设计","position":0,"kind":"suggestion","department":"design"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Int("position"), 0);
  EXPECT_EQ(Open(R"("kind":"suggestion","title":"增加儿童乐园")").Str("department"), "design");
  EXPECT_EQ(agent.Put(fmt::format("/api/v1/routing-rules/{}", design.Int("id")), R"({"name":"x","department":"sales"})").status, 403);
  EXPECT_EQ(admin_->Put(fmt::format("/api/v1/routing-rules/{}", design.Int("id")), R"({"name":"x","department":"marketing"})")
                .FieldReason("department"),
            "invalid_value");
  EXPECT_EQ(admin_->Put("/api/v1/routing-rules/999999", R"({"name":"x","department":"sales"})").status, 404);
  EXPECT_EQ(admin_->Put(fmt::format("/api/v1/routing-rules/{}", design.Int("id")),
                        R"({"name":"建议转设计（停用）","position":0,"kind":"suggestion","department":"design","active":false})")
                .status,
            200);
  EXPECT_EQ(Open(R"("kind":"suggestion","title":"增加长椅")").Str("department"), "sales") << "an inactive rule is skipped";
  EXPECT_EQ(ToReply(admin_->raw().Delete(fmt::format("/api/v1/routing-rules/{}", rule.Int("id")),
                                         {{"Authorization", "Bearer " + admin_->token()}}))
                .status,
            204);
  EXPECT_EQ(Open(R"("kind":"suggestion","title":"增加快递柜")").Str("department"), "customer_relations");
  // A stricter policy for one category.
  const auto leaks = CategoryId("渗漏");
  auto policy = admin_->Post("/api/v1/sla-policies",
                             fmt::format(R"({{"name":"渗漏加急","category_id":{},"response_minutes":60,"resolve_minutes":540}})", leaks));
  ASSERT_EQ(policy.status, 201) << policy.body;
  auto leak = Open(fmt::format(R"("kind":"repair","title":"屋面渗漏","category_id":{})", CategoryId("屋面渗漏")));
  EXPECT_EQ(leak.Str("response_due_at"), "2026-11-20T02:00:00Z");
  EXPECT_EQ(leak.Str("resolve_due_at"), "2026-11-20T10:00:00Z");
  auto relaxed = admin_->Put(fmt::format("/api/v1/sla-policies/{}", policy.Int("id")),
                             fmt::format(R"({{"name":"渗漏加急","category_id":{},"response_minutes":120,"resolve_minutes":540}})", leaks));
  ASSERT_EQ(relaxed.status, 200) << relaxed.body;
  EXPECT_EQ(Open(fmt::format(R"("kind":"repair","title":"屋面渗漏","category_id":{})", CategoryId("屋面渗漏"))).Str("response_due_at"),
            "2026-11-20T03:00:00Z");
  EXPECT_EQ(admin_->Put(fmt::format("/api/v1/sla-policies/{}", policy.Int("id")), R"({"name":"x","response_minutes":600,"resolve_minutes":60})")
                .FieldReason("resolve_minutes"),
            "before_response");
  EXPECT_EQ(admin_->Put("/api/v1/sla-policies/999999", R"({"name":"x","response_minutes":6,"resolve_minutes":60})").status, 404);
  // The category by name or by path (API.md), with the same rules as by id.
  auto by_path = Open(R"("kind":"repair","title":"屋面渗漏","category":"渗漏/屋面渗漏")");
  ASSERT_EQ(by_path.status, 201) << by_path.body;
  EXPECT_EQ(by_path.Int("category_id"), CategoryId("屋面渗漏"));
  EXPECT_EQ(by_path.Str("resolve_due_at"), "2026-11-20T10:00:00Z");
  EXPECT_EQ(Open(R"("kind":"repair","title":"x","category":"屋面渗漏")").Int("category_id"), CategoryId("屋面渗漏"));
  EXPECT_EQ(Open(R"("kind":"repair","title":"x","category":"渗漏/电梯")").FieldReason("category"), "not_found");
  EXPECT_EQ(Open(fmt::format(R"("kind":"repair","title":"x","category":"渗漏/屋面渗漏","category_id":{})", leaks))
                .FieldReason("category"),
            "does_not_match_category_id");
  EXPECT_EQ(admin_->Post("/api/v1/sla-policies", R"({"name":"x","response_minutes":600,"resolve_minutes":60})").FieldReason("resolve_minutes"),
            "before_response");
  // Categories: a new child, then retired.
  auto child = admin_->Post("/api/v1/ticket-categories", fmt::format(R"({{"name":"飘窗渗漏","parent_id":{}}})", leaks));
  ASSERT_EQ(child.status, 201) << child.body;
  EXPECT_EQ(admin_->Post("/api/v1/ticket-categories", fmt::format(R"({{"name":"飘窗渗漏","parent_id":{}}})", leaks)).FieldReason("name"), "taken");
  EXPECT_EQ(admin_->Patch(fmt::format("/api/v1/ticket-categories/{}", child.Int("id")), R"({"active":false})").status, 200);
  EXPECT_EQ(Open(fmt::format(R"("kind":"repair","title":"x","category_id":{})", child.Int("id"))).FieldReason("category_id"), "not_found");
  EXPECT_EQ(agent.Post("/api/v1/ticket-categories", R"({"name":"x"})").status, 403);
}

TEST_P(TicketsApi, TicketsAreScopedAndFollowAMerge) {
  const auto id = Open(R"("kind":"inquiry","title":"物业费标准")").Int("id");
  const auto east = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华东","kind":"region","parent_id":{}}})", group_id_)).Int("id");
  admin_->Post("/api/v1/users", fmt::format(R"({{"username":"e.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"],"org_unit_id":{}}})", east));
  Api agent(*server_);
  ASSERT_EQ(agent.Login("e.agent", "Passw0rd-x").status, 200);
  EXPECT_EQ(agent.Get(fmt::format("/api/v1/tickets/{}", id)).status, 404);
  EXPECT_TRUE(agent.Get("/api/v1/tickets").json.at("items").as_array().empty());
  EXPECT_EQ(agent.Post("/api/v1/tickets", fmt::format(R"({{"kind":"inquiry","channel":"web","customer_id":{},"title":"x"}})", customer_)).FieldReason("customer_id"),
            "not_found");
  EXPECT_EQ(agent.Post(fmt::format("/api/v1/tickets/{}/start", id), "{}").status, 404);
  // Merging the customer moves the ticket.
  const auto keep = admin_->Post("/api/v1/customers", R"({"name":"林晓燕","phone":"13600002222"})").Int("id");
  ASSERT_EQ(admin_->Post(fmt::format("/api/v1/customers/{}/merge", keep), fmt::format(R"({{"from_id":{}}})", customer_)).status, 200);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).Int("customer_id"), keep);
  auto list = admin_->Get(fmt::format("/api/v1/tickets?customer_id={}", keep));
  EXPECT_EQ(list.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(admin_->Get("/api/v1/tickets?status=open").FieldReason("status"), "invalid_value");
}

TEST_P(TicketsApi, RemindersThenEscalationTwiceUpTheOrgTree) {
  // Group → 华南 region → 深圳 company; the project and its tickets belong to the company.
  const auto region = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华南","kind":"region","parent_id":{}}})", group_id_)).Int("id");
  const auto city = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"深圳公司","kind":"city","parent_id":{}}})", region)).Int("id");
  auto user = [&](const std::string& name, std::int64_t unit) {
    ASSERT_EQ(admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"{}","roles":["manager"],"org_unit_id":{}}})",
                                                        name, name, unit)).status, 201);
  };
  user("m.city", city);
  user("m.region", region);
  // Customer-relations members: one in the company (reminded while nobody is assigned), one in
  // another region (who cannot see the ticket, so is not).
  const auto north = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华北","kind":"region","parent_id":{}}})", group_id_)).Int("id");
  for (auto [name, unit] : {std::pair{"c.city", city}, std::pair{"c.north", north}}) {
    ASSERT_EQ(admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"{}","roles":["agent"],"org_unit_id":{}}})",
                                                        name, name, unit)).status, 201);
  }
  const auto users = admin_->Get("/api/v1/users?limit=500");
  std::vector<std::int64_t> member_ids;
  for (const auto& u : users.json.at("items").as_array()) {
    if (u.at("username").as_string().starts_with("c.")) member_ids.push_back(u.at("id").as_int64());
  }
  ASSERT_EQ(member_ids.size(), 2u);
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/departments/customer_relations/members",
                                      {{"Authorization", "Bearer " + admin_->token()}},
                                      fmt::format(R"({{"user_ids":[{},{}]}})", member_ids[0], member_ids[1]), "application/json")).status,
            200);
  const auto project = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"南山府","org_unit_id":{}}})", city)).Int("id");
  const auto id = Open(fmt::format(R"("kind":"complaint","title":"园林绿化与宣传不符","project_id":{})", project)).Int("id");
  const auto calm = Open(fmt::format(R"("kind":"complaint","title":"已处理的投诉","project_id":{})", project)).Int("id");
  ASSERT_EQ(Act(calm, "resolve", R"({"resolution":"已补种"})").status, 200);
  auto unread = [&](const std::string& name) {
    Api api(*server_);
    EXPECT_EQ(api.Login(name, "Passw0rd-x").status, 200);
    return api.Get("/api/v1/notifications?unread=true").json.at("items").as_array().size();
  };
  // Resolution due Thursday 3 December 18:00; 80% of the ten working days (72 of 90 hours) ends
  // Tuesday 1 December at 18:00.
  SetClock("2026-12-01 17:50");
  EXPECT_EQ(unread("m.city"), 0u);
  SetClock("2026-12-02 09:30");
  EXPECT_EQ(unread("m.city"), 1u) << "reminded before the deadline";
  EXPECT_EQ(unread("c.city"), 1u) << "unassigned: the department's member who sees it is reminded";
  EXPECT_EQ(unread("c.north"), 0u) << "a member who cannot see the ticket is not";
  EXPECT_EQ(unread("m.region"), 0u);
  SetClock("2026-12-03 18:30");
  auto t = admin_->Get(fmt::format("/api/v1/tickets/{}", id));
  EXPECT_TRUE(t.json.at("sla_breached").as_bool());
  EXPECT_EQ(t.Int("escalation_level"), 1);
  EXPECT_EQ(unread("m.region"), 1u) << "escalated one level up: the region";
  // A further working day later (Friday 4 December 18:30), up again: the group's administrators.
  SetClock("2026-12-04 18:40");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).Int("escalation_level"), 2);
  const auto mine = admin_->Get("/api/v1/notifications?unread=true");
  ASSERT_EQ(mine.json.at("items").as_array().size(), 1u);
  const auto& note = mine.json.at("items").as_array().at(0);
  EXPECT_EQ(note.at("kind").as_string(), "ticket.escalated");
  EXPECT_EQ(note.at("ref_id").as_int64(), id);
  SetClock("2026-12-20 10:00");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).Int("escalation_level"), 2) << "twice, not more";
  // Jobs that ran more than a week ago are gone; the database holds no backlog.
  auto db = db::Database::Open(db_->url());
  auto left = db->Read([](db::Tx& tx) -> Result<std::int64_t> {
    // (The nightly jobs are due again each night; the clock's jump makes their last run late.)
    return tx.Execute(fmt::format("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND run_at < $1 AND kind NOT IN ({})", kNightlyJobKinds),
                      Timestamp{*ParseRfc3339("2026-12-13T02:00:00Z")}).front().Int(0);
  });
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, 0);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", calm)).Int("escalation_level"), 0) << "resolved in time";
  std::vector<std::string> actions;
  const auto events = admin_->Get(fmt::format("/api/v1/tickets/{}/events", id));
  for (const auto& e : events.json.at("items").as_array()) actions.emplace_back(e.at("action").as_string());
  EXPECT_EQ(actions, (std::vector<std::string>{"created", "reminded", "escalated", "escalated"}));
  // Reading a notification; someone else's is not found.
  const auto note_id = note.at("id").as_int64();
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/notifications/{}/read", note_id), "").status, 204);
  EXPECT_TRUE(admin_->Get("/api/v1/notifications?unread=true").json.at("items").as_array().empty());
  EXPECT_EQ(admin_->Get("/api/v1/notifications").json.at("items").as_array().size(), 1u);
  Api region_manager(*server_);
  region_manager.Login("m.region", "Passw0rd-x");
  EXPECT_EQ(region_manager.Post(fmt::format("/api/v1/notifications/{}/read", note_id), "").status, 404);
}

TEST_P(TicketsApi, RepairTicketsShowTheWarrantyFromCompletion) {
  // The project was accepted on 30 June 2025; today is 20 November 2026.
  auto leak = Open(fmt::format(R"("kind":"repair","title":"卫生间渗漏","unit_id":{},"category_id":{})", delivered_unit_,
                               CategoryId("卫生间渗漏")));
  ASSERT_EQ(leak.status, 201) << leak.body;
  const auto& w = leak.json.at("warranty");
  EXPECT_EQ(w.at("type").as_string(), "waterproofing") << "inherited from 渗漏";
  EXPECT_EQ(w.at("until").as_string(), "2030-06-30");
  EXPECT_TRUE(w.at("in_warranty").as_bool());
  EXPECT_EQ(w.at("responsible").as_string(), "contractor");
  SetClock("2027-08-01 10:00");
  auto crack = Open(fmt::format(R"("kind":"repair","title":"墙面开裂","unit_id":{},"category_id":{})", delivered_unit_,
                                CategoryId("墙面开裂")));
  EXPECT_EQ(crack.json.at("warranty").at("type").as_string(), "fitout");
  EXPECT_EQ(crack.json.at("warranty").at("until").as_string(), "2027-06-30");
  EXPECT_FALSE(crack.json.at("warranty").at("in_warranty").as_bool());
  EXPECT_EQ(crack.json.at("warranty").at("responsible").as_string(), "customer");
  auto read = admin_->Get(fmt::format("/api/v1/tickets/{}", leak.Int("id")));
  EXPECT_TRUE(read.json.at("warranty").at("in_warranty").as_bool()) << "judged on the day it was reported";
  EXPECT_TRUE(Open(R"("kind":"inquiry","title":"无房源的咨询")").json.at("warranty").is_null());
  EXPECT_EQ(admin_->Post("/api/v1/ticket-categories", R"({"name":"x","warranty":"forever"})").FieldReason("warranty"), "invalid_value");
}

TEST_P(TicketsApi, ClustersOfComplaintsRaiseAMassAlert) {
  auto put = ToReply(admin_->raw().Put("/api/v1/service-settings", {{"Authorization", "Bearer " + admin_->token()}},
                                       R"({"mass_threshold":3,"mass_window_hours":48})", "application/json"));
  ASSERT_EQ(put.status, 200) << put.body;
  auto other = admin_->Post("/api/v1/units", fmt::format(R"({{"project_id":{},"building":"5","room":"101","floor":1,"area_m2":90}})", project_)).Int("id");
  auto leak = [&](const std::string& category, std::int64_t unit) {
    return Open(fmt::format(R"("kind":"complaint","title":"渗漏","unit_id":{},"category_id":{})", unit, CategoryId(category)));
  };
  leak("卫生间渗漏", delivered_unit_);
  leak("外墙渗漏", unsold_unit_);
  Open(fmt::format(R"("kind":"complaint","title":"门窗","unit_id":{},"category_id":{})", delivered_unit_, CategoryId("门窗变形")));
  leak("屋面渗漏", other);  // another building
  EXPECT_TRUE(admin_->Get("/api/v1/mass-alerts").json.at("items").as_array().empty());
  const auto third = leak("窗边渗漏", delivered_unit_).Int("id");  // the third leak in building 3
  auto alerts = admin_->Get("/api/v1/mass-alerts?status=open");
  ASSERT_EQ(alerts.json.at("items").as_array().size(), 1u) << alerts.body;
  auto alert = alerts.json.at("items").as_array().at(0);
  EXPECT_EQ(alert.at("building").as_string(), "3");
  EXPECT_EQ(alert.at("category_id").as_int64(), CategoryId("渗漏"));
  EXPECT_EQ(alert.at("ticket_count").as_int64(), 3);
  EXPECT_EQ(alert.at("proposed_grade").as_string(), "hot");
  EXPECT_EQ(alert.at("ticket_ids").as_array().size(), 3u);
  for (int i = 0; i < 3; ++i) leak("卫生间渗漏", unsold_unit_);
  auto grown = admin_->Get(fmt::format("/api/v1/mass-alerts/{}", alert.at("id").as_int64()));
  EXPECT_EQ(grown.Int("ticket_count"), 6);
  EXPECT_EQ(grown.Str("proposed_grade"), "major") << "twice the threshold";
  // The customer centre decides: the open tickets become 重大.
  auto taken = admin_->Post(fmt::format("/api/v1/mass-alerts/{}/acknowledge", grown.Int("id")), R"({"grade":"major","note":"成立专项小组"})");
  ASSERT_EQ(taken.status, 200) << taken.body;
  EXPECT_EQ(taken.Str("status"), "acknowledged");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", third)).Str("grade"), "major");
  const auto events = admin_->Get(fmt::format("/api/v1/tickets/{}/events", third));
  EXPECT_EQ(events.json.at("items").as_array().at(1).at("action").as_string(), "graded");
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/mass-alerts/{}/acknowledge", grown.Int("id")), "").ErrorCode(), "invalid_transition");
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/mass-alerts/{}/close", grown.Int("id")), "").Str("status"), "closed");
  // Outside the window they no longer count; agents may not change the settings.
  SetClock("2026-11-25 09:00");
  leak("卫生间渗漏", delivered_unit_);
  EXPECT_TRUE(admin_->Get("/api/v1/mass-alerts?status=open").json.at("items").as_array().empty());
  admin_->Post("/api/v1/users", R"({"username":"m.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  Api agent(*server_);
  agent.Login("m.agent", "Passw0rd-x");
  EXPECT_EQ(ToReply(agent.raw().Put("/api/v1/service-settings", {{"Authorization", "Bearer " + agent.token()}},
                                    R"({"mass_threshold":3,"mass_window_hours":48})", "application/json"))
                .status,
            403);
  EXPECT_EQ(ToReply(admin_->raw().Put("/api/v1/service-settings", {{"Authorization", "Bearer " + admin_->token()}},
                                      R"({"mass_threshold":1,"mass_window_hours":48})", "application/json"))
                .FieldReason("mass_threshold"),
            "out_of_range");
}

TEST_P(TicketsApi, MonthAndHalfMonthReports) {
  const auto repair = Open(fmt::format(R"("kind":"repair","title":"卫生间渗漏","unit_id":{},"category_id":{})", delivered_unit_,
                                       CategoryId("卫生间渗漏"))).Int("id");
  const auto complaint = Open(R"("kind":"complaint","title":"物业费争议")").Int("id");
  const auto inquiry = Open(R"("kind":"inquiry","title":"交房时间")").Int("id");
  Act(repair, "assign", R"({"department":"project"})");
  Act(repair, "start");
  Act(repair, "resolve", R"({"resolution":"已修复","responsibility":"contractor"})");
  Act(repair, "callback", R"({"satisfaction":5})");
  Act(inquiry, "resolve", R"({"resolution":"已告知"})");
  Act(inquiry, "callback", R"({"satisfaction":2})");
  (void)complaint;
  SetClock("2026-12-10 10:00");
  auto month = admin_->Get("/api/v1/reports/tickets?month=2026-11");
  ASSERT_EQ(month.status, 200) << month.body;
  EXPECT_EQ(month.Str("from"), "2026-11-01");
  EXPECT_EQ(month.Str("to"), "2026-11-30");
  EXPECT_EQ(month.Str("due_by"), "2026-12-03") << "the month report is due the 3rd";
  EXPECT_EQ(month.Int("total"), 3);
  EXPECT_EQ(month.json.at("by_kind").at("repair").as_int64(), 1);
  EXPECT_EQ(month.json.at("by_status").at("closed").as_int64(), 1);
  EXPECT_EQ(month.json.at("by_status").at("reopened").as_int64(), 1);
  EXPECT_EQ(month.json.at("by_category").as_array().at(0).at("name").as_string(), "渗漏");
  EXPECT_EQ(month.json.at("by_project").as_array().at(0).at("project_id").as_int64(), project_);
  EXPECT_EQ(month.json.at("sla").at("breached").as_int64(), 2) << "the open complaint and the reopened inquiry";
  EXPECT_NEAR(month.json.at("sla").at("compliance_rate").as_double(), 0.3333, 1e-4);
  EXPECT_EQ(month.json.at("callback").at("resolved").as_int64(), 2);
  EXPECT_DOUBLE_EQ(month.json.at("callback").at("rate").as_double(), 1.0);
  EXPECT_DOUBLE_EQ(month.json.at("callback").at("avg_satisfaction").as_double(), 3.5);
  EXPECT_DOUBLE_EQ(month.json.at("callback").at("satisfied_rate").as_double(), 0.5);
  auto first_half = admin_->Get("/api/v1/reports/tickets?month=2026-11&half=1");
  EXPECT_EQ(first_half.Int("total"), 0);
  EXPECT_EQ(first_half.Str("due_by"), "2026-11-18") << "the half-month report is due the 18th";
  EXPECT_EQ(admin_->Get("/api/v1/reports/tickets?month=2026-11&half=2").Int("total"), 3);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/reports/tickets?from=2026-11-20&to=2026-11-20&project_id={}", project_)).Int("total"), 1);
  EXPECT_EQ(admin_->Get("/api/v1/reports/tickets?month=2026-13").FieldReason("month"), "invalid_format");
  EXPECT_EQ(admin_->Get("/api/v1/reports/tickets?from=2026-11-01").FieldReason("to"), "invalid_format");
}

TEST_P(TicketsApi, TheCustomerFollowsTheTicketByLinkAndConfirmsTheRepair) {
  const auto id = Open(fmt::format(R"("kind":"repair","title":"厨房下水堵塞","unit_id":{})", delivered_unit_)).Int("id");
  auto shared = admin_->Post(fmt::format("/api/v1/tickets/{}/share", id), "");
  ASSERT_EQ(shared.status, 200) << shared.body;
  const std::string token = shared.Str("token");
  EXPECT_GE(token.size(), 32u);
  EXPECT_EQ(shared.Str("url"), "/t/" + token);
  Api anonymous(*server_);
  auto view = anonymous.Get("/api/v1/public/tickets/" + token);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.Str("status"), "new");
  EXPECT_FALSE(view.json.at("can_confirm").as_bool());
  EXPECT_FALSE(view.json.as_object().contains("customer_id")) << "nothing internal";
  EXPECT_EQ(anonymous.Post("/api/v1/public/tickets/" + token + "/confirm", R"({"satisfaction":5})").ErrorCode(), "invalid_transition");
  Act(id, "assign", R"({"department":"project"})");
  Act(id, "start");
  Act(id, "comment", R"({"text":"内部备注：承包商延误"})");
  Act(id, "resolve", R"({"resolution":"疏通并更换存水弯","responsibility":"contractor"})");
  view = anonymous.Get("/api/v1/public/tickets/" + token);
  EXPECT_TRUE(view.json.at("can_confirm").as_bool());
  EXPECT_EQ(view.Str("resolution"), "疏通并更换存水弯");
  EXPECT_EQ(view.json.at("progress").as_array().size(), 4u) << "new, assigned, in_progress, resolved; the comment stays inside";
  EXPECT_EQ(anonymous.Post("/api/v1/public/tickets/" + token + "/confirm", R"({"satisfaction":0})").FieldReason("satisfaction"), "out_of_range");
  auto confirmed = anonymous.Post("/api/v1/public/tickets/" + token + "/confirm", R"({"satisfaction":4,"comment":"师傅很专业"})");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.Str("status"), "closed");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).Int("satisfaction"), 4);
  // A new link retires the old one; a made-up one finds nothing.
  admin_->Post(fmt::format("/api/v1/tickets/{}/share", id), "");
  EXPECT_EQ(anonymous.Get("/api/v1/public/tickets/" + token).status, 404);
  EXPECT_EQ(anonymous.Get("/api/v1/public/tickets/abc").status, 404);
  // Guessing links is slowed down: after 30 unknown tokens from one address, 429 for a while.
  int misses = 2;
  while (misses < 30) {
    EXPECT_EQ(anonymous.Get(fmt::format("/api/v1/public/tickets/guess{}", misses++)).status, 404);
  }
  EXPECT_EQ(anonymous.Get("/api/v1/public/tickets/guess-more").ErrorCode(), "rate_limited");
  SetClock("2026-11-20 09:20");
  EXPECT_EQ(anonymous.Get("/api/v1/public/tickets/guess-later").status, 404) << "the window passed";
}

TEST_P(TicketsApi, RoundRobinCaseLibraryAndStandardAnswers) {
  std::vector<std::int64_t> engineers;
  for (const char* name : {"e.one", "e.two"}) {
    auto u = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"{}","roles":["engineer"]}})", name, name));
    ASSERT_EQ(u.status, 201) << u.body;
    engineers.push_back(u.Int("id"));
  }
  auto members = ToReply(admin_->raw().Put("/api/v1/departments/engineering/members", {{"Authorization", "Bearer " + admin_->token()}},
                                           fmt::format(R"({{"user_ids":[{},{}]}})", engineers[0], engineers[1]), "application/json"));
  ASSERT_EQ(members.status, 200) << members.body;
  EXPECT_EQ(members.json.at("items").as_array().size(), 2u);
  std::vector<std::int64_t> assigned;
  for (int i = 0; i < 3; ++i) {
    const auto id = Open(R"("kind":"repair","title":"轮派")").Int("id");
    auto a = Act(id, "assign", R"({"department":"engineering","round_robin":true})");
    ASSERT_EQ(a.status, 200) << a.body;
    assigned.push_back(a.Int("assignee_id"));
  }
  EXPECT_EQ(assigned, (std::vector<std::int64_t>{engineers[0], engineers[1], engineers[0]})) << "in turn";
  EXPECT_EQ(Act(Open(R"("kind":"repair","title":"无人")").Int("id"), "assign", R"({"department":"design","round_robin":true})")
                .FieldReason("assignee_id"),
            "no_department_member");
  EXPECT_EQ(Act(Open(R"("kind":"repair","title":"两者")").Int("id"), "assign",
                fmt::format(R"({{"department":"engineering","round_robin":true,"assignee_id":{}}})", engineers[1]))
                .FieldReason("round_robin"),
            "with_assignee_id")
      << "a person and the rotation at once is a contradiction, not a silent choice";
  EXPECT_EQ(admin_->Get("/api/v1/departments/finance/members").status, 404);
  // Standard answers fit the category: the 渗漏 answer for a 卫生间渗漏 ticket, before the general ones.
  auto answers = admin_->Get(fmt::format("/api/v1/standard-answers?category_id={}&kind=complaint", CategoryId("卫生间渗漏")));
  ASSERT_EQ(answers.status, 200) << answers.body;
  const auto& list = answers.json.at("items").as_array();
  ASSERT_GE(list.size(), 3u);
  EXPECT_EQ(list.at(0).at("title").as_string(), "渗漏：安排上门查勘");
  EXPECT_EQ(list.at(1).at("kind").as_string(), "complaint");
  for (const auto& a : list) EXPECT_NE(a.at("title").as_string(), "门窗：预约维修");
  auto added = admin_->Post("/api/v1/standard-answers", R"({"kind":"praise","title":"表扬：致谢","body":"感谢您的肯定！"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(admin_->Get("/api/v1/standard-answers?kind=praise").json.at("items").as_array().at(0).at("title").as_string(), "表扬：致谢");
  // Only a closed ticket is filed as a case, once.
  const auto id = Open(fmt::format(R"("kind":"repair","title":"卫生间渗漏","category_id":{})", CategoryId("卫生间渗漏"))).Int("id");
  const std::string filing = R"({"problem":"楼上防水层破损","solution":"重做防水，闭水试验48小时"})";
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/tickets/{}/file-case", id), filing).ErrorCode(), "invalid_transition");
  Act(id, "resolve", R"({"resolution":"重做防水"})");
  Act(id, "callback", R"({"satisfaction":5})");
  auto filed = admin_->Post(fmt::format("/api/v1/tickets/{}/file-case", id), filing);
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(filed.Str("title"), "卫生间渗漏");
  const auto history = admin_->Get(fmt::format("/api/v1/tickets/{}/events", id));
  EXPECT_EQ(history.json.at("items").as_array().back().at("action").as_string(), "filed_case") << "in the ticket's history";
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/tickets/{}/file-case", id), filing).FieldReason("ticket_id"), "taken");
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/tickets/{}/file-case", id), R"({"problem":"x"})").FieldReason("solution"), "required");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/cases?category_id={}", CategoryId("渗漏"))).json.at("items").as_array().size(), 1u);
  EXPECT_EQ(admin_->Get("/api/v1/cases?q=闭水").json.at("items").as_array().size(), 1u);
  EXPECT_TRUE(admin_->Get("/api/v1/cases?q=100%25").json.at("items").as_array().empty());
  EXPECT_TRUE(admin_->Get(fmt::format("/api/v1/cases?category_id={}", CategoryId("门窗"))).json.at("items").as_array().empty());
}

TEST_P(TicketsApi, RepairWorkOrdersFromDispatchToAcceptance) {
  const auto id = Open(fmt::format(R"("kind":"repair","title":"卫生间渗漏","unit_id":{})", delivered_unit_)).Int("id");
  const std::string order = R"({"contractor":"鸿达防水工程","plan":"重做卫生间防水层","appointment_at":"2026-11-23T02:00:00Z"})";
  auto w = admin_->Post(fmt::format("/api/v1/tickets/{}/work-orders", id), order);
  ASSERT_EQ(w.status, 201) << w.body;
  EXPECT_EQ(w.Str("status"), "dispatched");
  const auto wid = w.Int("id");
  auto step = [&](const std::string& action, const std::string& body) {
    return admin_->Post(fmt::format("/api/v1/work-orders/{}/{}", wid, action), body);
  };
  EXPECT_EQ(step("accept", R"({"charge_to":"contractor"})").ErrorCode(), "invalid_transition") << "not visited yet";
  EXPECT_EQ(step("visit", "").Str("status"), "visited");
  EXPECT_EQ(step("reject", R"({"note":"闭水试验仍渗"})").FieldReason("appointment_at"), "required");
  auto again = step("reject", R"({"note":"闭水试验仍渗","appointment_at":"2026-11-25T02:00:00Z"})");
  EXPECT_EQ(again.Str("status"), "dispatched");
  EXPECT_EQ(again.Str("appointment_at"), "2026-11-25T02:00:00Z");
  step("visit", "");
  EXPECT_EQ(step("accept", R"({"cost_fen":-1,"charge_to":"contractor"})").FieldReason("cost_fen"), "out_of_range");
  EXPECT_EQ(step("accept", R"({"cost_fen":120000,"charge_to":"landlord"})").FieldReason("charge_to"), "invalid_value");
  auto accepted = step("accept", R"({"cost_fen":120000,"charge_to":"contractor","note":"费用由施工单位承担"})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Str("status"), "accepted");
  EXPECT_EQ(accepted.Int("cost_fen"), 120000);
  EXPECT_EQ(accepted.Str("charge_to"), "contractor");
  const auto events = admin_->Get(fmt::format("/api/v1/tickets/{}/events", id));
  int steps = 0;
  for (const auto& e : events.json.at("items").as_array()) steps += e.at("action").as_string() == "work_order";
  EXPECT_EQ(steps, 5) << "dispatch, visit, reject, visit, accept: each in the ticket's history";
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}/work-orders", id)).json.at("items").as_array().size(), 1u);
  // A major case waits for engineering; an agent outside engineering may not approve it.
  const auto major = Open(fmt::format(R"("kind":"repair","grade":"major","title":"外墙大面积空鼓","unit_id":{})", delivered_unit_)).Int("id");
  auto pending = admin_->Post(fmt::format("/api/v1/tickets/{}/work-orders", major), order);
  EXPECT_EQ(pending.Str("status"), "pending_approval");
  admin_->Post("/api/v1/users", R"({"username":"w.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  Api agent(*server_);
  agent.Login("w.agent", "Passw0rd-x");
  EXPECT_EQ(agent.Post(fmt::format("/api/v1/work-orders/{}/visit", pending.Int("id")), "").ErrorCode(), "invalid_transition");
  EXPECT_EQ(agent.Post(fmt::format("/api/v1/work-orders/{}/approve", pending.Int("id")), "").status, 403);
  auto approved = admin_->Post(fmt::format("/api/v1/work-orders/{}/approve", pending.Int("id")), "");
  EXPECT_EQ(approved.Str("status"), "dispatched");
  EXPECT_FALSE(approved.json.at("approved_at").is_null());
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/tickets/{}/work-orders", Open(R"("kind":"inquiry","title":"x")").Int("id")), order)
                .FieldReason("ticket_id"),
            "not_a_repair");
}

// What a hotline agent works from: names instead of ids, the text search, my tickets, the open
// queue, and the amber stage before a breach (closed tickets are never shown as breached).
TEST_P(TicketsApi, QueuesShowNamesSearchMyTicketsAndTheSlaStage) {
  const auto me = admin_->Get("/api/v1/me");
  const std::string my_name(me.json.at("display_name").as_string());
  const auto leak = Open(fmt::format(R"("kind":"repair","title":"卫生间渗漏","project_id":{},"unit_id":{})", project_, delivered_unit_));
  ASSERT_EQ(leak.status, 201) << leak.body;
  EXPECT_EQ(leak.Str("customer_name"), "林晓燕");
  EXPECT_EQ(leak.Str("customer_phone"), "136****1111");
  EXPECT_EQ(leak.Str("unit_code"), "3-2-1101");
  EXPECT_EQ(leak.Str("project_name"), "翡翠湾");
  EXPECT_EQ(leak.Str("sla_state"), "on_track");
  const auto id = leak.Int("id");
  const auto fee = Open(R"("kind":"inquiry","title":"物业费标准")").Int("id");
  const auto gone = Open(R"("kind":"suggestion","title":"增设快递柜")").Int("id");
  ASSERT_EQ(Act(gone, "cancel", R"({"reason":"客户撤回"})").status, 200);
  // Tickets go to people who work them: not to a viewer, not to a sales consultant.
  for (const char* role : {"viewer", "sales"}) {
    const auto other = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"q.{}","password":"Passw0rd-x","display_name":"x","roles":["{}"]}})", role, role));
    EXPECT_EQ(Act(id, "assign", fmt::format(R"({{"department":"engineering","assignee_id":{}}})", other.Int("id"))).FieldReason("assignee_id"),
              "cannot_work_tickets")
        << role;
  }
  ASSERT_EQ(Act(id, "assign", fmt::format(R"({{"department":"engineering","assignee_id":{}}})", me.Int("id"))).status, 200);

  auto ids = [&](const std::string& query) {
    std::vector<std::int64_t> out;
    const auto r = admin_->Get("/api/v1/tickets" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    if (r.status == 200) {
      for (const auto& t : r.json.at("items").as_array()) out.push_back(t.at("id").as_int64());
    }
    return out;
  };
  using V = std::vector<std::int64_t>;
  const auto listed = admin_->Get(fmt::format("/api/v1/tickets?customer_id={}", customer_));
  const auto& first = listed.json.at("items").as_array().back().as_object();
  EXPECT_EQ(first.at("customer_name").as_string(), "林晓燕");
  EXPECT_EQ(first.at("unit_code").as_string(), "3-2-1101");
  EXPECT_EQ(first.at("assignee_name").as_string(), my_name);
  const auto events = admin_->Get(fmt::format("/api/v1/tickets/{}/events", id));
  for (const auto& e : events.json.at("items").as_array()) {
    EXPECT_EQ(e.at("actor_name").as_string(), my_name) << e.at("action").as_string();
  }
  // The text search: the number, the customer's name or phone, words of the title.
  EXPECT_EQ(ids("?q=" + std::to_string(fee)), V{fee});
  EXPECT_EQ(ids("?q=%E6%9E%97%E6%99%93"), (V{gone, fee, id})) << "林晓: the customer's name";
  EXPECT_EQ(ids("?q=1111"), (V{gone, fee, id})) << "the phone's last digits";
  EXPECT_EQ(ids("?q=%E6%B8%97%E6%BC%8F"), V{id}) << "渗漏: the title";
  EXPECT_EQ(ids("?q=%25"), V{}) << "a LIKE wildcard is matched literally";
  EXPECT_EQ(admin_->Get("/api/v1/tickets?q=" + std::string(101, 'x')).FieldReason("q"), "too_long");
  // My tickets, the open queue.
  EXPECT_EQ(ids("?mine=true"), V{id});
  EXPECT_EQ(ids("?open=true"), (V{fee, id}));
  EXPECT_EQ(ids(fmt::format("?open=true&project_id={}", project_)), V{id});
  EXPECT_EQ(ids("?open=true&order=oldest"), (V{id, fee})) << "the longest waiting first";
  EXPECT_EQ(ids("?open=true&order=oldest&limit=1"), V{id});
  EXPECT_EQ(admin_->Get("/api/v1/tickets?order=sideways").FieldReason("order"), "invalid_value");
  // The amber stage: 80% of the time to the reply gone.
  const auto created = ParseRfc3339(leak.Str("created_at"));
  const auto due = ParseRfc3339(leak.Str("response_due_at"));
  ASSERT_TRUE(created && due);
  auto move_to = [&](std::int64_t ms) {
    auto r = ToReply(admin_->raw().Put("/api/v1/test/clock", fmt::format(R"({{"now":"{}"}})", FormatRfc3339(Timestamp{ms})),
                                       "application/json"));
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(admin_->Login("admin", TestServer::kAdminPassword).status, 200);
  };
  move_to(created->ms + (due->ms - created->ms) * 9 / 10);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).Str("sla_state"), "at_risk");
  auto has = [](const V& v, std::int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); };
  EXPECT_TRUE(has(ids("?sla_state=at_risk"), id));
  EXPECT_FALSE(has(ids("?sla_state=on_track"), id));
  move_to(due->ms + 60'000);
  EXPECT_TRUE(has(ids("?sla_state=breached&open=true"), id));
  // Resolved late, then closed: late, never breached.
  ASSERT_EQ(Act(id, "resolve", R"({"resolution":"已修复"})").status, 200);
  ASSERT_EQ(Act(id, "callback", R"({"satisfaction":4})").status, 200);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).Str("sla_state"), "late");
  EXPECT_FALSE(has(ids("?sla_state=breached"), id));
  EXPECT_TRUE(has(ids("?sla_state=late"), id));
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", gone)).Str("sla_state"), "none");
  EXPECT_EQ(admin_->Get("/api/v1/tickets?sla_state=amber").FieldReason("sla_state"), "invalid_value");
}

// The work order moves its ticket: dispatch assigns a new ticket, the visit answers the
// response deadline, the last acceptance resolves the repair; the customer's page lists them.
TEST_P(TicketsApi, WorkOrdersMoveTheTicketAndShowOnTheCustomer) {
  const auto id = Open(fmt::format(R"("kind":"repair","title":"厨房渗水","unit_id":{})", delivered_unit_)).Int("id");
  auto dispatch = [&](const std::string& contractor, const std::string& at) {
    auto w = admin_->Post(fmt::format("/api/v1/tickets/{}/work-orders", id),
                          fmt::format(R"({{"contractor":"{}","plan":"更换角阀","appointment_at":"{}"}})", contractor, at));
    EXPECT_EQ(w.status, 201) << w.body;
    EXPECT_EQ(w.Str("ticket_title"), "厨房渗水");
    EXPECT_EQ(w.Str("unit_code"), "3-2-1101");
    EXPECT_EQ(w.Int("unit_id"), delivered_unit_);
    EXPECT_EQ(w.Int("customer_id"), customer_);
    return w.Int("id");
  };
  auto step = [&](std::int64_t w, const std::string& action, const std::string& body) {
    auto r = admin_->Post(fmt::format("/api/v1/work-orders/{}/{}", w, action), body);
    EXPECT_EQ(r.status, 200) << action << ": " << r.body;
  };
  auto ticket = [&] { return admin_->Get(fmt::format("/api/v1/tickets/{}", id)); };
  const auto plumber = dispatch("鸿达水电", "2026-11-23T02:00:00Z");
  EXPECT_EQ(ticket().Str("status"), "assigned") << "dispatched by whoever took it";
  EXPECT_TRUE(ticket().json.at("responded_at").is_null());
  const auto tiler = dispatch("精工瓷砖", "2026-11-24T02:00:00Z");
  auto appointments = admin_->Get(fmt::format("/api/v1/work-orders?customer_id={}", customer_));
  ASSERT_EQ(appointments.status, 200) << appointments.body;
  ASSERT_EQ(appointments.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(appointments.json.at("items").as_array()[0].at("id").as_int64(), tiler) << "latest appointment first";
  step(plumber, "visit", "");
  EXPECT_EQ(ticket().Str("status"), "in_progress");
  EXPECT_FALSE(ticket().json.at("responded_at").is_null()) << "the visit answered the customer";
  EXPECT_FALSE(ticket().json.at("sla_breached").as_bool());
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/work-orders?customer_id={}&open=true", customer_)).json.at("items").as_array().size(), 1u);
  step(plumber, "accept", R"({"cost_fen":8000,"charge_to":"contractor"})");
  EXPECT_EQ(ticket().Str("status"), "in_progress") << "the tiler has still to come";
  step(tiler, "visit", "");
  step(tiler, "accept", R"({"cost_fen":0,"charge_to":"developer"})");
  const auto done = ticket();
  EXPECT_EQ(done.Str("status"), "resolved");
  EXPECT_NE(done.Str("resolution").find("更换角阀"), std::string::npos) << done.body;
  EXPECT_EQ(admin_->Get("/api/v1/work-orders").FieldReason("customer_id"), "required");
  EXPECT_TRUE(admin_->Get("/api/v1/work-orders?customer_id=999999").json.at("items").as_array().empty());
}

// The sharing rule: a customer held by one company is seen by the staff of another where they
// own a home or have a ticket, and by no one else; the share goes with the home.
TEST_P(TicketsApi, CustomersAreSharedWithTheCompaniesOfTheirHomesAndTickets) {
  auto region = [&](const std::string& name) {
    return admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"{}","kind":"region","parent_id":{}}})", name, group_id_)).Int("id");
  };
  const auto east = region("华东"), north = region("华北"), south = region("华南");
  auto agent = [&](const std::string& name, std::int64_t unit) {
    admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"x","roles":["agent"],"org_unit_id":{}}})", name, unit));
    auto api = std::make_unique<Api>(*server_);
    EXPECT_EQ(api->Login(name, "Passw0rd-x").status, 200);
    return api;
  };
  auto east_agent = agent("s.east", east), south_agent = agent("s.south", south);
  const auto project = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"东湖","city":"杭州","org_unit_id":{}}})", east)).Int("id");
  const auto unit = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project),
                                 R"({"building":"1","entrance":"1","floor_from":5,"floor_to":5,"rooms":[{"suffix":"01","area_m2":90}]})")
                        .json.at("items").as_array().at(0).at("id").as_int64();
  const auto buyer = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"北方买家","phone":"13900007777","org_unit_id":{}}})", north)).Int("id");
  const auto path = fmt::format("/api/v1/customers/{}", buyer);
  EXPECT_EQ(east_agent->Get(path).status, 404) << "not yet";
  ASSERT_EQ(admin_->Post(fmt::format("/api/v1/units/{}/owners", unit), fmt::format(R"({{"customer_id":{}}})", buyer)).status, 201);
  auto seen = east_agent->Get(path);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.Str("phone"), "139****7777") << "masked as the role says";
  EXPECT_EQ(seen.Str("org_unit_name"), "华北") << "the company holding the record, by name";
  EXPECT_EQ(east_agent->Get(fmt::format("/api/v1/customers/{}/timeline", buyer)).status, 200);
  auto found = east_agent->Get("/api/v1/customers?q=7777");
  ASSERT_EQ(found.json.at("items").as_array().size(), 1u) << found.body;
  EXPECT_EQ(found.Int("total"), 1);
  auto filed = east_agent->Post("/api/v1/tickets", fmt::format(R"({{"kind":"repair","channel":"hotline","customer_id":{},"unit_id":{},"title":"门锁坏了"}})", buyer, unit));
  EXPECT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(south_agent->Get(path).status, 404) << "no home, deal or ticket in the south";
  EXPECT_TRUE(south_agent->Get("/api/v1/customers?q=7777").json.at("items").as_array().empty());
  const auto audit = admin_->Get(fmt::format("/api/v1/audit-log?action=customer.shared&entity_id={}", buyer));
  EXPECT_EQ(audit.json.at("items").as_array().size(), 2u) << "the home and the ticket: " << audit.body;
  EXPECT_EQ(audit.json.at("items").as_array().at(0).at("entity_name").as_string(), "北方买家");
  // The owner removed: the home's share goes, the ticket's stays (the east company still serves them).
  ASSERT_EQ(admin_->Delete(fmt::format("/api/v1/units/{}/owners/{}", unit, buyer)).status, 200);
  EXPECT_EQ(east_agent->Get(path).status, 200) << "the ticket keeps the customer shared";
  // A ticket alone shares: a second customer with a ticket in the east's project.
  const auto caller = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"来电客户","phone":"13900008888","org_unit_id":{}}})", north)).Int("id");
  EXPECT_EQ(east_agent->Get(fmt::format("/api/v1/customers/{}", caller)).status, 404);
  ASSERT_EQ(admin_->Post("/api/v1/tickets", fmt::format(R"({{"kind":"inquiry","channel":"hotline","customer_id":{},"project_id":{},"title":"交付时间"}})", caller, project)).status, 201);
  EXPECT_EQ(east_agent->Get(fmt::format("/api/v1/customers/{}", caller)).status, 200);
  EXPECT_EQ(south_agent->Get(fmt::format("/api/v1/customers/{}", caller)).status, 404);
}

// Photos of the defect: stored as sent, typed by their bytes, scoped with the ticket, in its history.
TEST_P(TicketsApi, PhotosOfTheDefectAreAttachedToTheTicket) {
  const auto id = Open(fmt::format(R"("kind":"repair","title":"卫生间天花渗水","unit_id":{})", delivered_unit_)).Int("id");
  std::string png("\x89PNG\r\n\x1A\n", 8);
  for (int i = 0; i < 5000; ++i) png += static_cast<char>(i * 31 % 256);  // every byte value, NULs included
  const std::string files = fmt::format("/api/v1/tickets/{}/attachments", id);
  auto added = admin_->Upload(files + "?file_name=%E5%A4%A9%E8%8A%B1.png", png, "image/png");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Str("file_name"), "天花.png");
  EXPECT_EQ(added.Str("content_type"), "image/png");
  EXPECT_EQ(added.Int("size_bytes"), static_cast<std::int64_t>(png.size()));
  // A JPEG sent as octet-stream with a path in its name is typed by its bytes, named by its last part.
  auto jpeg = admin_->Upload(files + "?file_name=..%2F..%2Fetc%2Fwall.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF",
                             "application/octet-stream");
  ASSERT_EQ(jpeg.status, 201) << jpeg.body;
  EXPECT_EQ(jpeg.Str("content_type"), "image/jpeg");
  EXPECT_EQ(jpeg.Str("file_name"), "wall.jpg");
  auto listed = admin_->Get(files);
  ASSERT_EQ(listed.json.at("items").as_array().size(), 2u);
  auto got = admin_->Get(fmt::format("{}/{}", files, added.Int("id")));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, png) << "the bytes come back unchanged";
  EXPECT_EQ(got.headers.find("Content-Type")->second, "image/png");
  EXPECT_EQ(got.headers.find("X-Content-Type-Options")->second, "nosniff");
  // Bad files name the field; nothing is stored.
  EXPECT_EQ(admin_->Upload(files, "<script>alert(1)</script>", "image/png").FieldReason("file"), "unsupported_type");
  EXPECT_EQ(admin_->Upload(files, "", "image/png").FieldReason("file"), "empty");
  EXPECT_EQ(admin_->Upload(files + "?file_name=%FF%FE.png", png, "image/png").FieldReason("file_name"), "invalid_value");
  EXPECT_EQ(admin_->Upload(files, png + std::string(11u << 20, 'x'), "image/png").status, 413);
  EXPECT_EQ(admin_->Upload("/api/v1/tickets/999999/attachments", png, "image/png").status, 404);
  EXPECT_EQ(admin_->Get(files).json.at("items").as_array().size(), 2u);
  // Another region's agent sees neither the list nor the file; a viewer may look but not add.
  const auto east = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华东","kind":"region","parent_id":{}}})", group_id_)).Int("id");
  admin_->Post("/api/v1/users", fmt::format(R"({{"username":"p.east","password":"Passw0rd-x","display_name":"x","roles":["agent"],"org_unit_id":{}}})", east));
  admin_->Post("/api/v1/users", R"({"username":"p.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  admin_->Post("/api/v1/users", R"({"username":"p.viewer","password":"Passw0rd-x","display_name":"x","roles":["viewer"]})");
  Api other(*server_), agent(*server_), viewer(*server_);
  ASSERT_EQ(other.Login("p.east", "Passw0rd-x").status, 200);
  ASSERT_EQ(agent.Login("p.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(viewer.Login("p.viewer", "Passw0rd-x").status, 200);
  EXPECT_EQ(other.Get(files).status, 404);
  EXPECT_EQ(other.Get(fmt::format("{}/{}", files, added.Int("id"))).status, 404);
  EXPECT_EQ(other.Upload(files, png, "image/png").status, 404);
  EXPECT_EQ(viewer.Get(fmt::format("{}/{}", files, added.Int("id"))).status, 200);
  EXPECT_EQ(viewer.Upload(files, png, "image/png").status, 403);
  // A file of one ticket is not reachable through another.
  const auto other_ticket = Open(R"("kind":"inquiry","title":"x")").Int("id");
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}/attachments/{}", other_ticket, added.Int("id"))).status, 404);
  // Only whoever added a file (or an administrator) removes it.
  auto own = agent.Upload(files, png, "image/png");
  ASSERT_EQ(own.status, 201);
  EXPECT_EQ(agent.Delete(fmt::format("{}/{}", files, added.Int("id"))).status, 403);
  EXPECT_EQ(agent.Delete(fmt::format("{}/{}", files, own.Int("id"))).status, 204);
  EXPECT_EQ(admin_->Get(fmt::format("{}/{}", files, own.Int("id"))).status, 404);
  int added_events = 0, removed_events = 0;
  auto events = admin_->Get(fmt::format("/api/v1/tickets/{}/events", id));
  for (const auto& e : events.json.at("items").as_array()) {
    added_events += e.at("action").as_string() == "attachment_added";
    removed_events += e.at("action").as_string() == "attachment_removed";
  }
  EXPECT_EQ(added_events, 3);
  EXPECT_EQ(removed_events, 1);
}

// Two servers on one PostgreSQL: every due job runs exactly once.
TEST_P(TicketsApi, JobsRunOnceWithTwoServersOnOneDatabase) {
  if (GetParam() != db::Backend::kPostgres) GTEST_SKIP() << "several servers share PostgreSQL only";
  TestServer second(db_->url(), ExtraArgs());
  constexpr int kTickets = 40;
  for (int i = 0; i < kTickets; ++i) ASSERT_EQ(Open(R"("kind":"inquiry","title":"并发任务")").status, 201);
  // Both servers jump past every deadline at the same moment and run what became due.
  const std::string body = R"({"now":"2026-11-25T02:00:00Z"})";  // past both deadlines, within the week jobs are kept
  std::thread other([&] { second.Client()->Put("/api/v1/test/clock", body, "application/json"); });
  admin_->raw().Put("/api/v1/test/clock", body, "application/json");
  other.join();
  auto db = db::Database::Open(db_->url());
  auto counts = db->Read([&](db::Tx& tx) -> Result<std::vector<std::int64_t>> {
    auto r = tx.Execute(R"sql(SELECT COUNT(*), COALESCE(SUM(attempts), 0), COUNT(DISTINCT locked_by)
                                FROM jobs WHERE kind IN ('ticket.remind', 'ticket.breach'))sql");
    auto escalated = tx.Execute("SELECT COUNT(*) FROM ticket_events WHERE action = 'escalated'");
    auto pending = tx.Execute(fmt::format("SELECT COUNT(*) FROM jobs WHERE status <> 'done' AND kind NOT IN ('ticket.escalate', {})", kNightlyJobKinds));
    return std::vector<std::int64_t>{r.front().Int(0), r.front().Int(1), escalated.front().Int(0), pending.front().Int(0)};
  });
  ASSERT_TRUE(counts);
  EXPECT_EQ((*counts)[0], 2 * kTickets) << "a reminder and a breach job per ticket";
  EXPECT_EQ((*counts)[1], 2 * kTickets) << "each claimed once";
  EXPECT_EQ((*counts)[2], kTickets) << "each ticket escalated once";
  EXPECT_EQ((*counts)[3], 0);
}

// The same server with e-mail: notifications also go to users' addresses over SMTP.
class TicketsMailApi : public TicketsApi {
 protected:
  std::vector<std::string> ExtraArgs() override {
    sink_ = std::make_unique<SmtpSink>();
    auto args = TicketsApi::ExtraArgs();
    args.insert(args.end(), {"--smtp-url", fmt::format("smtp://127.0.0.1:{}", sink_->port()), "--smtp-from",
                             "service@hearth.example"});
    return args;
  }
  std::unique_ptr<SmtpSink> sink_;
};

TEST_P(TicketsMailApi, EscalationsAreEmailedToManagers) {
  ASSERT_EQ(admin_->Post("/api/v1/users", fmt::format(R"({{"username":"m.mail","password":"Passw0rd-x","display_name":"值班经理","roles":["manager"],"email":"duty.manager@hearth.example","org_unit_id":{}}})", group_id_)).status, 201);
  admin_->Post("/api/v1/users", fmt::format(R"({{"username":"m.nomail","password":"Passw0rd-x","display_name":"x","roles":["manager"],"org_unit_id":{}}})", group_id_));
  const auto id = Open(R"("kind":"complaint","title":"电梯长期故障")").Int("id");
  SetClock("2026-12-04 10:00");  // past the resolution deadline: escalated, managers notified
  ASSERT_EQ(admin_->Get(fmt::format("/api/v1/tickets/{}", id)).Int("escalation_level"), 1);
  SetClock("2026-12-04 10:01");  // the e-mail job runs (it was due when the escalation ran)
  const auto messages = sink_->Messages();
  ASSERT_EQ(messages.size(), 1u) << "one manager has an address";
  EXPECT_EQ(messages[0].to.at(0), "<duty.manager@hearth.example>");
  EXPECT_EQ(messages[0].from, "<service@hearth.example>");
  EXPECT_NE(messages[0].data.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(messages[0].data.find("charset=UTF-8"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, TicketsMailApi, testing::ValuesIn(EnabledBackends()), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, TicketsApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
