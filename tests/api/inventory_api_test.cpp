// Property inventory over HTTP, on SQLite and PostgreSQL: projects, units and their codes, bulk
// creation, the sales pipeline, owners and shares, history, the sales-control board.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

class InventoryApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto p = admin_->Post("/api/v1/projects", R"({"name":"四季花城","city":"深圳","address":"龙岗区","completion_date":"2024-06-30"})");
    ASSERT_EQ(p.status, 201) << p.body;
    project_ = p.Int("id");
  }
  Reply CreateUnit(const std::string& extra) {
    return admin_->Post("/api/v1/units", fmt::format(R"({{"project_id":{},{}}})", project_, extra));
  }
  std::int64_t Customer(const std::string& name, const std::string& phone) {
    return admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"{}","phone":"{}"}})", name, phone)).Int("id");
  }

  std::int64_t project_ = 0;
};

TEST_P(InventoryApi, UnitAnswersItsCodeAndStatus) {
  auto r = CreateUnit(R"("building":"3","entrance":"2","room":"1101","floor":11,"layout":"3室2厅2卫","area_m2":89.5,"list_price_cents":356000000,"decoration":"finished")");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Str("code"), "3-2-1101");
  EXPECT_EQ(r.Str("status"), "available");
  EXPECT_DOUBLE_EQ(r.json.at("area_m2").as_double(), 89.5);
  EXPECT_EQ(r.Int("list_price_cents"), 356000000);
  auto dup = CreateUnit(R"("building":"3","entrance":"2","room":"1101","floor":11,"area_m2":90)");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.FieldReason("code"), "taken");
  auto bad = CreateUnit(R"("building":"3号楼","room":"","floor":500,"area_m2":-1,"decoration":"luxury")");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.FieldReason("decoration"), "invalid_value");
  auto bad2 = CreateUnit(R"("building":"3号楼","room":"1","floor":500,"area_m2":-1)");
  EXPECT_EQ(bad2.FieldReason("building"), "invalid_format");
  EXPECT_EQ(bad2.FieldReason("floor"), "invalid_value");
  EXPECT_EQ(bad2.FieldReason("area_m2"), "invalid_value");
  EXPECT_EQ(CreateUnit(R"("building":"3","room":"1","floor":1,"area_m2":"big")").FieldReason("area_m2"), "must_be_number");
}

TEST_P(InventoryApi, BulkCreationMakesFloorsTimesRooms) {
  auto r = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_), R"({"building":"5","entrance":"1","floor_from":1,"floor_to":30,
      "rooms":[{"suffix":"01","layout":"3室2厅","area_m2":98,"list_price_cents":300000000},{"suffix":"02","layout":"2室2厅","area_m2":76},
               {"suffix":"03","layout":"4室2厅","area_m2":128},{"suffix":"04","layout":"3室2厅","area_m2":98}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Int("count"), 120);
  auto units = admin_->Get(fmt::format("/api/v1/projects/{}/units?building=5", project_));
  EXPECT_EQ(units.json.at("items").as_array().size(), 120u);
  EXPECT_EQ(units.json.at("items").as_array()[0].at("code").as_string(), "5-1-3001") << "top floor first";
  auto again = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_), R"({"building":"5","floor_from":30,"floor_to":31,"rooms":[{"suffix":"01","area_m2":98}]})");
  EXPECT_EQ(again.status, 409) << "5-1-3001 exists: nothing of the batch is written";
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/projects/{}/units?building=5", project_)).json.at("items").as_array().size(), 120u);
  auto too_many = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_), R"({"building":"6","floor_from":1,"floor_to":100,
      "rooms":[{"suffix":"01","area_m2":1},{"suffix":"02","area_m2":1},{"suffix":"03","area_m2":1},{"suffix":"04","area_m2":1},{"suffix":"05","area_m2":1},
               {"suffix":"06","area_m2":1},{"suffix":"07","area_m2":1},{"suffix":"08","area_m2":1},{"suffix":"09","area_m2":1},{"suffix":"10","area_m2":1},
               {"suffix":"11","area_m2":1},{"suffix":"12","area_m2":1},{"suffix":"13","area_m2":1},{"suffix":"14","area_m2":1},{"suffix":"15","area_m2":1},
               {"suffix":"16","area_m2":1},{"suffix":"17","area_m2":1},{"suffix":"18","area_m2":1},{"suffix":"19","area_m2":1},{"suffix":"20","area_m2":1},
               {"suffix":"21","area_m2":1},{"suffix":"22","area_m2":1},{"suffix":"23","area_m2":1},{"suffix":"24","area_m2":1},{"suffix":"25","area_m2":1},
               {"suffix":"26","area_m2":1},{"suffix":"27","area_m2":1},{"suffix":"28","area_m2":1},{"suffix":"29","area_m2":1},{"suffix":"30","area_m2":1},
               {"suffix":"31","area_m2":1},{"suffix":"32","area_m2":1},{"suffix":"33","area_m2":1},{"suffix":"34","area_m2":1},{"suffix":"35","area_m2":1},
               {"suffix":"36","area_m2":1},{"suffix":"37","area_m2":1},{"suffix":"38","area_m2":1},{"suffix":"39","area_m2":1},{"suffix":"40","area_m2":1},
               {"suffix":"41","area_m2":1},{"suffix":"42","area_m2":1},{"suffix":"43","area_m2":1},{"suffix":"44","area_m2":1},{"suffix":"45","area_m2":1},
               {"suffix":"46","area_m2":1},{"suffix":"47","area_m2":1},{"suffix":"48","area_m2":1},{"suffix":"49","area_m2":1},{"suffix":"50","area_m2":1},
               {"suffix":"51","area_m2":1}]})");
  EXPECT_EQ(too_many.FieldReason("rooms"), "too_many");
}

// The deals move a unit's status (the sales module); by hand only an administrator corrects it.
TEST_P(InventoryApi, OnlyAnAdministratorMovesAStatusByHand) {
  const auto id = CreateUnit(R"("building":"1","room":"102","floor":1,"area_m2":88)").Int("id");
  ASSERT_EQ(admin_->Post("/api/v1/users", R"({"username":"m.inv","password":"Passw0rd-x","display_name":"经理","roles":["manager"]})").status, 201);
  Api manager(*server_);
  ASSERT_EQ(manager.Login("m.inv", "Passw0rd-x").status, 200);
  auto refused = manager.Patch(fmt::format("/api/v1/units/{}", id), R"({"status":"pledged"})");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.ErrorCode(), "status_by_deals");
  EXPECT_EQ(refused.FieldReason("status"), "by_deals");
  EXPECT_EQ(manager.Patch(fmt::format("/api/v1/units/{}", id), R"({"layout":"3室2厅"})").status, 200) << "other facts stay editable";
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/units/{}", id)).Str("status"), "available");
  EXPECT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", id), R"({"status":"pledged"})").status, 200) << "an administrator's correction";
}

TEST_P(InventoryApi, StatusFollowsTheSalesPipeline) {
  const auto id = CreateUnit(R"("building":"1","room":"101","floor":1,"area_m2":88)").Int("id");
  const auto path = fmt::format("/api/v1/units/{}", id);
  EXPECT_EQ(admin_->Patch(path, R"({"status":"delivered"})").ErrorCode(), "invalid_transition");
  for (const char* s : {"pledged", "subscribed", "contracted", "delivered"}) {
    auto r = admin_->Patch(path, fmt::format(R"({{"status":"{}"}})", s));
    ASSERT_EQ(r.status, 200) << s << r.body;
    EXPECT_EQ(r.Str("status"), s);
  }
  EXPECT_EQ(admin_->Patch(path, R"({"status":"available"})").ErrorCode(), "invalid_transition");
  EXPECT_EQ(admin_->Patch(path, R"({"status":"sold"})").FieldReason("status"), "invalid_value");
  EXPECT_EQ(admin_->Patch(path, R"({"layout":"x"})", {{"If-Match", "1"}}).ErrorCode(), "version_conflict");
  auto history = admin_->Get(path + "/history");
  const auto& items = history.json.at("items").as_array();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].at("kind").as_string(), "created");
  EXPECT_EQ(items[4].at("summary").as_string(), "签约 → 交付");
}

TEST_P(InventoryApi, OwnersWithSharesAppearOnTheUnitAndTheCustomer) {
  const auto unit = CreateUnit(R"("building":"3","entrance":"2","room":"1101","floor":11,"area_m2":89)").Int("id");
  const auto husband = Customer("张伟", "13800000001");
  const auto wife = Customer("李娜", "13800000002");
  const auto path = fmt::format("/api/v1/units/{}/owners", unit);
  EXPECT_EQ(admin_->Post(path, fmt::format(R"({{"customer_id":{},"share":0.5}})", husband)).status, 201);
  auto both = admin_->Post(path, fmt::format(R"({{"customer_id":{},"share":0.5}})", wife));
  ASSERT_EQ(both.status, 201) << both.body;
  EXPECT_EQ(both.json.at("owners").as_array().size(), 2u);
  auto third = admin_->Post(path, fmt::format(R"({{"customer_id":{},"share":0.2}})", Customer("王五", "13800000003")));
  EXPECT_EQ(third.FieldReason("share"), "exceeds_total");
  EXPECT_EQ(admin_->Post(path, R"({"customer_id":999999})").FieldReason("customer_id"), "not_found");
  auto unit_view = admin_->Get(fmt::format("/api/v1/units/{}", unit));
  EXPECT_EQ(unit_view.json.at("owners").as_array()[0].at("name").as_string().size() > 0, true);
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline?kind=purchase", wife));
  ASSERT_EQ(timeline.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(timeline.json.at("items").as_array()[0].at("summary").as_string(), "成为 3-2-1101 业主");
  // The hotline types the unit code and finds its owners.
  auto found = admin_->Get("/api/v1/customers?q=3-2-1101");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json.at("items").as_array().size(), 2u);
  // Removing an owner.
  auto removed = ToReply(admin_->raw().Delete(fmt::format("/api/v1/units/{}/owners/{}", unit, husband),
                                              {{"Authorization", "Bearer " + admin_->token()}}));
  EXPECT_EQ(removed.status, 200);
  EXPECT_EQ(removed.json.at("owners").as_array().size(), 1u);
}

TEST_P(InventoryApi, ACustomersUnitsListTheirProjectAndShare) {
  const auto a = CreateUnit(R"("building":"5","room":"201","floor":2,"area_m2":120)").Int("id");
  const auto b = CreateUnit(R"("building":"5","room":"202","floor":2,"area_m2":95)").Int("id");
  const auto owner = Customer("周芷若", "13700000001");
  admin_->Post(fmt::format("/api/v1/units/{}/owners", a), fmt::format(R"({{"customer_id":{},"share":1}})", owner));
  admin_->Post(fmt::format("/api/v1/units/{}/owners", b), fmt::format(R"({{"customer_id":{},"share":0.3}})", owner));
  auto units = admin_->Get(fmt::format("/api/v1/customers/{}/units", owner));
  ASSERT_EQ(units.status, 200) << units.body;
  const auto& items = units.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("code").as_string(), "5-1-201");
  EXPECT_EQ(items[0].at("project_name").as_string(), "四季花城");
  EXPECT_DOUBLE_EQ(items[1].at("share").as_double(), 0.3);
  EXPECT_TRUE(admin_->Get(fmt::format("/api/v1/customers/{}/units", Customer("无房", "13700000002")))
                  .json.at("items").as_array().empty());
  EXPECT_EQ(admin_->Get("/api/v1/customers/999999/units").status, 404);
  // An agent of another region sees neither the customer nor the units.
  const auto group = admin_->Get("/api/v1/me").json.at("org_unit_id").as_int64();
  const auto east = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华东","kind":"region","parent_id":{}}})", group)).Int("id");
  admin_->Post("/api/v1/users", fmt::format(R"({{"username":"e.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"],"org_unit_id":{}}})", east));
  Api agent(*server_);
  agent.Login("e.agent", "Passw0rd-x");
  EXPECT_EQ(agent.Get(fmt::format("/api/v1/customers/{}/units", owner)).status, 404);
}

TEST_P(InventoryApi, MergingCustomersMovesTheirHomes) {
  const auto unit = CreateUnit(R"("building":"1","room":"501","floor":5,"area_m2":89)").Int("id");
  const auto keep = Customer("赵敏", "13900000001");
  const auto dup = Customer("赵敏", "13900000002");
  admin_->Post(fmt::format("/api/v1/units/{}/owners", unit), fmt::format(R"({{"customer_id":{},"share":1}})", dup));
  ASSERT_EQ(admin_->Post(fmt::format("/api/v1/customers/{}/merge", keep), fmt::format(R"({{"from_id":{}}})", dup)).status, 200);
  auto view = admin_->Get(fmt::format("/api/v1/units/{}", unit));
  ASSERT_EQ(view.json.at("owners").as_array().size(), 1u);
  EXPECT_EQ(view.json.at("owners").as_array()[0].at("customer_id").as_int64(), keep);
}

TEST_P(InventoryApi, TheBoardShowsABuildingByFloor) {
  admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_), R"({"building":"2","floor_from":1,"floor_to":3,"rooms":[{"suffix":"01","area_m2":90},{"suffix":"02","area_m2":80}]})");
  admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_), R"({"building":"7","floor_from":1,"floor_to":2,"rooms":[{"suffix":"01","area_m2":90}]})");
  auto board = admin_->Get(fmt::format("/api/v1/projects/{}/board?building=2", project_));
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_EQ(board.json.at("buildings").as_array().size(), 2u);
  const auto& floors = board.json.at("floors").as_array();
  ASSERT_EQ(floors.size(), 3u);
  EXPECT_EQ(floors[0].at("floor").as_int64(), 3);
  EXPECT_EQ(floors[0].at("units").as_array().size(), 2u);
  EXPECT_EQ(board.json.at("counts").at("available").as_int64(), 6);
  const std::string revision(board.json.at("revision").as_string());
  const auto first_unit = floors[2].at("units").as_array()[0].at("id").as_int64();
  admin_->Patch(fmt::format("/api/v1/units/{}", first_unit), R"({"status":"subscribed"})");
  auto after = admin_->Get(fmt::format("/api/v1/projects/{}/board?building=2", project_));
  EXPECT_NE(std::string(after.json.at("revision").as_string()), revision) << "pollers see the change";
  EXPECT_EQ(after.json.at("counts").at("subscribed").as_int64(), 1);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/projects/{}/board?building=99", project_)).FieldReason("building"), "not_found");
}

TEST_P(InventoryApi, ProjectsAreScopedAndViewersReadOnly) {
  const auto group = admin_->Get("/api/v1/me").json.at("org_unit_id").as_int64();
  const auto south = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华南","kind":"region","parent_id":{}}})", group)).Int("id");
  const auto north = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华北","kind":"region","parent_id":{}}})", group)).Int("id");
  auto p = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"北方项目","org_unit_id":{}}})", north));
  ASSERT_EQ(p.status, 201);
  admin_->Post("/api/v1/users", fmt::format(R"({{"username":"s.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"],"org_unit_id":{}}})", south));
  admin_->Post("/api/v1/users", fmt::format(R"({{"username":"g.viewer","password":"Passw0rd-x","display_name":"x","roles":["viewer"],"org_unit_id":{}}})", group));
  Api agent(*server_);
  agent.Login("s.agent", "Passw0rd-x");
  EXPECT_EQ(agent.Get(fmt::format("/api/v1/projects/{}", p.Int("id"))).status, 404);
  EXPECT_EQ(agent.Get(fmt::format("/api/v1/projects/{}/board", p.Int("id"))).status, 404);
  EXPECT_EQ(agent.Post("/api/v1/units", fmt::format(R"({{"project_id":{},"building":"1","room":"1","floor":1,"area_m2":1}})", p.Int("id"))).FieldReason("project_id"), "not_found");
  Api viewer(*server_);
  viewer.Login("g.viewer", "Passw0rd-x");
  EXPECT_EQ(viewer.Get(fmt::format("/api/v1/projects/{}", p.Int("id"))).status, 200);
  EXPECT_EQ(viewer.Post("/api/v1/projects", R"({"name":"x"})").status, 403);
  EXPECT_EQ(admin_->Post("/api/v1/projects", R"({"name":"四季花城"})").FieldReason("name"), "taken");
}

INSTANTIATE_TEST_SUITE_P(Backends, InventoryApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
