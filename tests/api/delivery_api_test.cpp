// Delivery over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock): a batch's gates
// (inspections by their days ahead, open days, blocking findings) and its release, refused while a
// blocking finding is open unless a manager overrides it with a reason (audited); the handover
// day's six steps in order, defects at the inspection opened as repair tickets, and the keys
// delivering the unit; bad input refused with nothing written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "modules/delivery/journey/journey.hpp"
#include "support/api_fixture.hpp"
#include "support/sms_provider.hpp"

namespace hearth::test {
namespace {

class DeliveryApi : public ApiTest {
 protected:
  // 09:00 in China on 2026-11-20.
  std::vector<std::string> ExtraArgs() override { return {"--test-clock", "2026-11-20T01:00:00Z"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"深圳公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    other_company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"北京公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    project_ = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"四季花城","city":"深圳","org_unit_id":{}}})", company_)).Int("id");
    auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_),
                             R"({"building":"3","entrance":"1","floor_from":1,"floor_to":3,"rooms":[{"suffix":"01","area_m2":89,"list_price_cents":300000000},{"suffix":"02","area_m2":120,"list_price_cents":420000000}]})");
    ASSERT_EQ(bulk.status, 201) << bulk.body;
    for (const auto& u : bulk.json.at("items").as_array()) {
      units_.push_back(u.at("id").as_int64());
      codes_.push_back(std::string(u.at("code").as_string()));
    }
    agent_ = User("kf.agent", "agent", company_);
    manager_ = User("kf.manager", "manager", company_);
    sales_ = User("wang.sales", "sales", company_);
    beijing_ = User("bj.agent", "agent", other_company_);
    buyer_ = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"陈志强","phone":"13800138001","org_unit_id":{}}})", company_)).Int("id");
  }

  /// The unit sold to the buyer: subscription and contract, so that it is contracted and theirs.
  void Sell(std::int64_t unit) {
    const auto price = admin_->Get(fmt::format("/api/v1/units/{}", unit)).Int("list_price_cents");
    auto sub = admin_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":[{{"customer_id":{},"share":1}}],"price_cents":{}}})", unit, buyer_, price));
    ASSERT_EQ(sub.status, 201) << sub.body;
    auto contract = admin_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"SZ-{}","signed_on":"2026-11-01","total_cents":{},
        "payment_plan":[{{"due_on":"2026-11-01","amount_cents":{},"kind":"down_payment"}}]}})", sub.Int("id"), unit, price, price));
    ASSERT_EQ(contract.status, 201) << contract.body;
  }
  Reply Batch(Api& api, const std::vector<std::int64_t>& units, const std::string& planned_on = "2027-02-28") {
    std::string ids;
    for (auto u : units) ids += (ids.empty() ? "" : ",") + std::to_string(u);
    return api.Post("/api/v1/delivery-batches",
                    fmt::format(R"({{"project_id":{},"name":"一期交付","unit_ids":[{}],"planned_on":"{}"}})", project_, ids, planned_on));
  }
  /// The units, sold, in a released batch planned for `day`, handed over through the six steps on it.
  void Deliver(const std::vector<std::int64_t>& units, const std::string& day = "2026-11-20") {
    for (auto u : units) Sell(u);
    auto batch = Batch(*agent_, units, day);
    ASSERT_EQ(batch.status, 201) << batch.body;
    ASSERT_EQ(agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", batch.Int("id")), "").status, 200);
    for (auto u : units) {
      auto h = agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"{}T02:00:00Z"}})", u, day));
      ASSERT_EQ(h.status, 201) << h.body;
      for (const char* step : {"notice", "identity", "fees", "documents", "inspection", "keys"}) {
        const std::string body = std::string(step) == "identity" ? R"({"attendee":"owner"})" : "";
        ASSERT_EQ(agent_->Post(fmt::format("/api/v1/handovers/{}/steps/{}", h.Int("id"), step), body).status, 200) << step;
      }
    }
  }
  static const boost::json::object& Gate(const Reply& batch, const std::string& key) {
    for (const auto& g : batch.json.at("gates").as_array()) {
      if (g.at("key").as_string() == key) return g.as_object();
    }
    static const boost::json::object none;
    return none;
  }
  std::int64_t Count(const std::string& path) { return static_cast<std::int64_t>(admin_->Get(path).json.at("items").as_array().size()); }
  std::string UnitField(std::int64_t unit, const char* field) {
    const auto u = admin_->Get(fmt::format("/api/v1/units/{}", unit));
    const auto& v = u.json.at(field);
    return v.is_null() ? "null" : std::string(v.as_string());
  }

  std::int64_t company_ = 0, other_company_ = 0, project_ = 0, buyer_ = 0;
  std::vector<std::int64_t> units_;
  std::vector<std::string> codes_;
  std::unique_ptr<Api> agent_, manager_, sales_, beijing_;
};

TEST_P(DeliveryApi, ABatchIsBlockedByAnOpenBlockingFindingThenReleased) {
  auto batch = Batch(*agent_, {units_[0], units_[1], units_[2], units_[3]});
  ASSERT_EQ(batch.status, 201) << batch.body;
  const auto id = batch.Int("id");
  EXPECT_EQ(batch.Str("status"), "planned");
  EXPECT_EQ(batch.Int("unit_count"), 4);
  EXPECT_EQ(batch.Str("project_name"), "四季花城");
  EXPECT_EQ(Gate(batch, "risk_check").at("due_on").as_string(), "2026-11-30") << "T−90 of 2027-02-28";
  EXPECT_EQ(Gate(batch, "recheck").at("due_on").as_string(), "2027-01-29") << "T−30";
  EXPECT_FALSE(Gate(batch, "risk_check").at("passed").as_bool());
  EXPECT_EQ(Gate(batch, "open_days_raw").at("detail").as_string(), "已举办 0 次，还需 1 次");
  EXPECT_EQ(Gate(batch, "open_days_raw").at("needed").as_int64(), 1);

  auto check = agent_->Post(fmt::format("/api/v1/delivery-batches/{}/inspections", id), R"({"kind":"risk_check","on":"2026-11-19","note":"T-90 排查"})");
  ASSERT_EQ(check.status, 201) << check.body;
  const auto inspection = check.Int("id");
  auto leak = agent_->Post(fmt::format("/api/v1/inspections/{}/findings", inspection),
                           fmt::format(R"({{"unit_id":{},"location":"主卫","category":"渗漏/卫生间渗漏","severity":"blocking","description":"闭水试验渗水"}})", units_[1]));
  ASSERT_EQ(leak.status, 201) << leak.body;
  EXPECT_EQ(leak.Str("category"), "渗漏/卫生间渗漏");
  EXPECT_EQ(leak.Str("unit_code"), codes_[1]);
  EXPECT_EQ(leak.Str("inspection_kind"), "risk_check");
  auto crack = agent_->Post(fmt::format("/api/v1/inspections/{}/findings", inspection),
                            fmt::format(R"({{"unit_id":{},"location":"客厅","category":"墙面开裂","severity":"major","description":"墙面裂缝"}})", units_[2]));
  ASSERT_EQ(crack.status, 201) << crack.body;

  auto now = agent_->Get(fmt::format("/api/v1/delivery-batches/{}", id));
  EXPECT_TRUE(Gate(now, "risk_check").at("passed").as_bool());
  EXPECT_EQ(now.Int("open_blocking"), 1);
  EXPECT_EQ(now.Int("open_findings"), 2);
  EXPECT_FALSE(now.json.at("releasable").as_bool());
  EXPECT_EQ(Gate(now, "blocking_findings").at("detail").as_string(), "1 个阻断问题未关闭");

  // Refused while the leak is open, naming it; an agent may not override.
  auto refused = agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", id), "");
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.ErrorCode(), "open_risks");
  const auto& open = refused.json.at("error").at("findings").as_array();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].at("id").as_int64(), leak.Int("id"));
  EXPECT_EQ(open[0].at("unit_code").as_string(), codes_[1]);
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", id), R"({"override_reason":"赶工期"})").status, 403);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/delivery-batches/{}", id)).Str("status"), "planned");

  // Rectified and closed: released.
  auto closed = agent_->Post(fmt::format("/api/v1/findings/{}/close", leak.Int("id")), R"({"note":"重做防水，闭水 48 小时无渗漏"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Str("status"), "closed");
  EXPECT_EQ(closed.Str("closed_by_name"), "kf.agent");
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/findings/{}/close", leak.Int("id")), "").status, 409) << "closed already";
  auto released = agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", id), "");
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.Str("status"), "released");
  EXPECT_TRUE(released.json.at("override_reason").is_null());
  EXPECT_EQ(released.Str("released_by_name"), "kf.agent");
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", id), "").status, 409) << "released already";
  // The desk finds a unit's batch by the unit.
  auto of_unit = agent_->Get(fmt::format("/api/v1/delivery-batches?unit_id={}", units_[1]));
  ASSERT_EQ(of_unit.json.at("items").as_array().size(), 1u) << of_unit.body;
  EXPECT_EQ(of_unit.json.at("items").at(0).at("id").as_int64(), id);
  EXPECT_TRUE(agent_->Get(fmt::format("/api/v1/delivery-batches?unit_id={}", units_[5])).json.at("items").as_array().empty()) << "in no batch";
  // The unit's history tells the story.
  auto history = admin_->Get(fmt::format("/api/v1/units/{}/history", units_[1]));
  EXPECT_NE(history.body.find("交付风险排查发现问题（阻断交付）：主卫 闭水试验渗水"), std::string::npos) << history.body;
  EXPECT_NE(history.body.find("问题已整改关闭"), std::string::npos) << history.body;
  auto findings = agent_->Get(fmt::format("/api/v1/findings?batch_id={}&status=open", id));
  ASSERT_EQ(findings.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(findings.json.at("items").as_array()[0].at("id").as_int64(), crack.Int("id"));

  // The project's special report and the delivery calendar say the same.
  auto report = agent_->Get(fmt::format("/api/v1/delivery-reports/{}", project_));
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.Str("project_name"), "四季花城");
  ASSERT_EQ(report.json.at("batches").as_array().size(), 1u);
  EXPECT_EQ(report.json.at("batches").at(0).at("status").as_string(), "released");
  EXPECT_EQ(report.json.at("batches").at(0).at("units").as_int64(), 4);
  ASSERT_EQ(report.json.at("inspections").as_array().size(), 1u);
  const auto& held = report.json.at("inspections").at(0);
  EXPECT_EQ(held.at("kind").as_string(), "risk_check");
  EXPECT_EQ(held.at("findings").as_int64(), 2);
  EXPECT_EQ(held.at("blocking").as_int64(), 1);
  EXPECT_EQ(held.at("open").as_int64(), 1);
  const auto& found = report.json.at("findings");
  EXPECT_EQ(found.at("total").as_int64(), 2);
  EXPECT_EQ(found.at("open").as_int64(), 1);
  EXPECT_EQ(found.at("blocking").as_int64(), 1);
  EXPECT_EQ(found.at("by_category").as_array().size(), 2u);
  EXPECT_TRUE(found.at("open_blocking").as_array().empty()) << "the leak was closed";
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/delivery-reports/{}", project_)).status, 404);
  auto calendar = agent_->Get("/api/v1/delivery-calendar?from=2026-11-19&to=2026-11-20");
  ASSERT_EQ(calendar.status, 200) << calendar.body;
  ASSERT_EQ(calendar.json.at("days").as_array().size(), 1u) << calendar.body;
  EXPECT_EQ(calendar.json.at("days").at(0).at("day").as_string(), "2026-11-19");
  EXPECT_EQ(calendar.json.at("days").at(0).at("inspections").at(0).at("batch_name").as_string(), "一期交付");
  auto february = agent_->Get(fmt::format("/api/v1/delivery-calendar?from=2027-02-01&to=2027-02-28&project_id={}", project_));
  ASSERT_EQ(february.json.at("days").as_array().size(), 1u) << february.body;
  EXPECT_EQ(february.json.at("days").at(0).at("batches").at(0).at("project_name").as_string(), "四季花城");
  EXPECT_EQ(agent_->Get("/api/v1/delivery-calendar?from=2026-11-01&to=2027-01-05").FieldReason("to"), "over_62_days");
  EXPECT_EQ(agent_->Get("/api/v1/delivery-calendar?to=2027-01-05").status, 400);
  EXPECT_TRUE(beijing_->Get("/api/v1/delivery-calendar?from=2026-11-19&to=2026-11-20").json.at("days").as_array().empty());
  // A photo of the crack, read back byte for byte; a text file is refused.
  std::string png("\x89PNG\r\n\x1A\n", 8);
  png += "crack-photo";
  auto photo = agent_->Upload(fmt::format("/api/v1/findings/{}/photos?file_name=crack.png", crack.Int("id")), png, "image/png");
  ASSERT_EQ(photo.status, 201) << photo.body;
  EXPECT_EQ(photo.Str("content_type"), "image/png");
  EXPECT_EQ(agent_->Upload(fmt::format("/api/v1/findings/{}/photos", crack.Int("id")), "just text", "image/png").FieldReason("file"), "unsupported_type");
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/findings/{}/photos", crack.Int("id"))).json.at("items").as_array().size(), 1u);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/findings/{}/photos/{}", crack.Int("id"), photo.Int("id"))).body, png);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/findings/{}/photos/{}", crack.Int("id"), photo.Int("id"))).status, 404);
  // The list counts each finding's photos; a photo of an open finding may be taken away again, a
  // closed finding's stay (the leak's, added before it was closed, is its evidence).
  auto counted = agent_->Get(fmt::format("/api/v1/findings?batch_id={}", id));
  for (const auto& f : counted.json.at("items").as_array()) {
    EXPECT_EQ(f.at("photo_count").as_int64(), f.at("id").as_int64() == crack.Int("id") ? 1 : 0) << counted.body;
  }
  const auto second_photo = agent_->Upload(fmt::format("/api/v1/findings/{}/photos?file_name=wide.png", crack.Int("id")), png, "image/png").Int("id");
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/findings/{}", crack.Int("id"))).Int("photo_count"), 2);
  const auto photo_path = fmt::format("/api/v1/findings/{}/photos/{}", crack.Int("id"), second_photo);
  EXPECT_EQ(sales_->Delete(photo_path).status, 403);
  EXPECT_EQ(beijing_->Delete(photo_path).status, 404);
  EXPECT_EQ(agent_->Delete(photo_path).status, 204);
  EXPECT_EQ(agent_->Delete(photo_path).status, 404) << "gone";
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/findings/{}", crack.Int("id"))).Int("photo_count"), 1);
  auto leak_photo = agent_->Upload(fmt::format("/api/v1/findings/{}/photos?file_name=leak.png", leak.Int("id")), png, "image/png");
  ASSERT_EQ(leak_photo.status, 201) << "a closed finding may still get its photo";
  EXPECT_EQ(agent_->Delete(fmt::format("/api/v1/findings/{}/photos/{}", leak.Int("id"), leak_photo.Int("id"))).ErrorCode(), "invalid_transition");
  auto audit = admin_->Get("/api/v1/audit-log?action=delivery_finding.photo_removed");
  EXPECT_EQ(audit.json.at("items").as_array().size(), 1u) << audit.body;
  auto inspections = agent_->Get(fmt::format("/api/v1/delivery-batches/{}/inspections", id));
  ASSERT_EQ(inspections.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(inspections.json.at("items").as_array()[0].at("finding_count").as_int64(), 2);
  EXPECT_EQ(inspections.json.at("items").as_array()[0].at("open_count").as_int64(), 1);
}

TEST_P(DeliveryApi, AManagerReleasesOverOpenRisksWithAReasonThatIsAudited) {
  auto batch = Batch(*agent_, {units_[0], units_[1]});
  ASSERT_EQ(batch.status, 201) << batch.body;
  const auto id = batch.Int("id");
  const auto inspection = agent_->Post(fmt::format("/api/v1/delivery-batches/{}/inspections", id), R"({"kind":"simulated_acceptance","on":"2026-11-20"})").Int("id");
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/inspections/{}/findings", inspection),
                         fmt::format(R"({{"unit_id":{},"location":"入户门","severity":"blocking","description":"门禁未通电"}})", units_[0])).status, 201);
  EXPECT_EQ(manager_->Post(fmt::format("/api/v1/delivery-batches/{}/release", id), R"({"override_reason":"  "})").status, 409)
      << "a blank reason is no override";
  auto released = manager_->Post(fmt::format("/api/v1/delivery-batches/{}/release", id), R"({"override_reason":"门禁由物业交付前一日通电，已书面承诺"})");
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.Str("override_reason"), "门禁由物业交付前一日通电，已书面承诺");
  EXPECT_EQ(released.Int("open_blocking"), 1);
  auto audit = admin_->Get("/api/v1/audit-log?action=delivery_batch.released_over_risks");
  ASSERT_EQ(audit.json.at("items").as_array().size(), 1u) << audit.body;
  EXPECT_NE(audit.body.find("门禁由物业交付前一日通电"), std::string::npos) << audit.body;
}

TEST_P(DeliveryApi, BadBatchesAndFindingsAreRefusedNamingTheField) {
  EXPECT_EQ(Batch(*sales_, {units_[0]}).status, 403) << "sales consultants do not plan deliveries";
  EXPECT_EQ(Batch(*agent_, {}).FieldReason("unit_ids"), "required");
  EXPECT_EQ(Batch(*agent_, {units_[0]}, "2027-02-30").FieldReason("planned_on"), "invalid_format");
  EXPECT_EQ(Batch(*beijing_, {units_[0]}).FieldReason("project_id"), "not_found");
  auto batch = Batch(*agent_, {units_[0], units_[1]});
  ASSERT_EQ(batch.status, 201) << batch.body;
  auto twice = Batch(*agent_, {units_[1], units_[2]});
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(twice.ErrorCode(), "unit_in_batch");
  EXPECT_EQ(twice.json.at("error").at("unit_code").as_string(), codes_[1]);
  EXPECT_EQ(twice.json.at("error").at("batch_name").as_string(), "一期交付");
  EXPECT_NE(twice.body.find(codes_[1]), std::string::npos) << twice.body;
  EXPECT_EQ(Count("/api/v1/delivery-batches"), 1) << "nothing written";
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/delivery-batches/{}", batch.Int("id"))).status, 404);

  const auto id = batch.Int("id");
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/delivery-batches/{}/inspections", id), R"({"kind":"walkthrough","on":"2026-11-20"})").FieldReason("kind"), "invalid_value");
  const auto inspection = agent_->Post(fmt::format("/api/v1/delivery-batches/{}/inspections", id), R"({"kind":"recheck","on":"2026-11-20"})").Int("id");
  auto finding = [&](const std::string& body) { return agent_->Post(fmt::format("/api/v1/inspections/{}/findings", inspection), body); };
  EXPECT_EQ(finding(fmt::format(R"({{"unit_id":{},"location":"厨房","severity":"minor","description":"x"}})", units_[4])).FieldReason("unit_id"), "not_in_batch");
  EXPECT_EQ(finding(fmt::format(R"({{"unit_id":{},"location":"厨房","category":"不存在的分类","severity":"minor","description":"x"}})", units_[0])).FieldReason("category"), "not_found");
  EXPECT_EQ(finding(fmt::format(R"({{"unit_id":{},"location":"厨房","severity":"fatal","description":"x"}})", units_[0])).FieldReason("severity"), "invalid_value");
  EXPECT_EQ(finding(fmt::format(R"({{"unit_id":{},"location":"","severity":"minor","description":"x"}})", units_[0])).FieldReason("location"), "required");
  EXPECT_EQ(sales_->Post(fmt::format("/api/v1/inspections/{}/findings", inspection),
                         fmt::format(R"({{"unit_id":{},"location":"厨房","severity":"minor","description":"x"}})", units_[0])).status, 403);
  EXPECT_EQ(Count(fmt::format("/api/v1/findings?batch_id={}", id)), 0) << "nothing written";
}

TEST_P(DeliveryApi, OpenDaysCountWhenHeldAndAManagerVetoesOne) {
  for (std::size_t i = 0; i < 2; ++i) {
    ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", units_[i]), R"({"decoration":"finished"})").status, 200);
  }
  auto open_day = [&](const std::string& on) {
    return agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"{}","decoration":"finished","note":"精装样板开放"}})", project_, on));
  };
  auto first = open_day("2026-11-10");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_TRUE(first.json.at("held").as_bool());
  auto second = open_day("2026-11-18");
  ASSERT_EQ(second.status, 201) << second.body;
  auto later = open_day("2026-12-10");
  EXPECT_FALSE(later.json.at("held").as_bool()) << "its day has not come";
  EXPECT_EQ(open_day("2026-13-01").FieldReason("on"), "invalid_format");

  auto batch = Batch(*agent_, {units_[0], units_[1], units_[2]});
  ASSERT_EQ(batch.status, 201) << batch.body;
  EXPECT_TRUE(Gate(batch, "open_days_finished").at("passed").as_bool()) << batch.body;
  EXPECT_FALSE(Gate(batch, "open_days_raw").at("passed").as_bool()) << "the raw unit has had none";

  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/open-days/{}/veto", second.Int("id")), R"({"reason":"安全通道未完工"})").status, 403);
  EXPECT_EQ(manager_->Post(fmt::format("/api/v1/open-days/{}/veto", second.Int("id")), R"({"reason":""})").FieldReason("reason"), "required");
  auto vetoed = manager_->Post(fmt::format("/api/v1/open-days/{}/veto", second.Int("id")), R"({"reason":"安全通道未完工，项目部未按期整改"})");
  ASSERT_EQ(vetoed.status, 200) << vetoed.body;
  EXPECT_EQ(vetoed.Str("status"), "vetoed");
  EXPECT_EQ(vetoed.Str("vetoed_by_name"), "kf.manager");
  EXPECT_FALSE(vetoed.json.at("held").as_bool());
  auto now = agent_->Get(fmt::format("/api/v1/delivery-batches/{}", batch.Int("id")));
  EXPECT_FALSE(Gate(now, "open_days_finished").at("passed").as_bool());
  EXPECT_EQ(Gate(now, "open_days_finished").at("detail").as_string(), "已举办 1 次，还需 1 次");
  EXPECT_TRUE(now.json.at("releasable").as_bool()) << "open days are shown, not blocking";
  auto audit = admin_->Get("/api/v1/audit-log?action=open_day.vetoed");
  EXPECT_NE(audit.body.find("项目部未按期整改"), std::string::npos) << audit.body;
}

// 工地开放日 as owners live it: the preparation meeting two months ahead, households signing up
// while there is room (one each), cancelling, and checking in on the day only.
TEST_P(DeliveryApi, OwnersSignUpForAnOpenDayAndCheckInOnTheDay) {
  for (int i = 0; i < 3; ++i) Sell(units_[i]);
  auto day = agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2026-12-20","decoration":"raw","capacity":2}})", project_));
  ASSERT_EQ(day.status, 201) << day.body;
  const auto id = day.Int("id");
  EXPECT_EQ(day.Int("capacity"), 2);
  EXPECT_EQ(day.json.at("prep").at("due_on").as_string(), "2026-10-21") << "two months ahead";
  EXPECT_EQ(day.json.at("prep").at("state").as_string(), "late") << "its day passed without a meeting";
  auto spring = agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2027-03-01","decoration":"finished"}})", project_));
  EXPECT_EQ(spring.json.at("prep").at("state").as_string(), "upcoming");
  EXPECT_TRUE(spring.json.at("capacity").is_null());
  EXPECT_EQ(agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2027-03-01","decoration":"raw","capacity":0}})", project_))
                .FieldReason("capacity"),
            "out_of_range");
  const auto prep = fmt::format("/api/v1/open-days/{}/prep", id);
  EXPECT_EQ(agent_->Post(prep, R"({"held_on":"2026-11-21"})").FieldReason("held_on"), "in_the_future");
  auto prepared = agent_->Post(prep, R"({"held_on":"2026-11-19","note":"工程、物业、营销三方筹备会"})");
  ASSERT_EQ(prepared.status, 200) << prepared.body;
  EXPECT_EQ(prepared.json.at("prep").at("state").as_string(), "held");
  EXPECT_EQ(prepared.json.at("prep").at("held_on").as_string(), "2026-11-19");

  const auto signups = fmt::format("/api/v1/open-days/{}/signups", id);
  auto sign = [&](Api& api, std::int64_t unit, const std::string& extra = "") {
    return api.Post(signups, fmt::format(R"({{"unit_id":{}{}}})", unit, extra));
  };
  auto first = sign(*agent_, units_[0], R"(,"party_size":3,"note":"带老人")");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Int("customer_id"), buyer_) << "the unit's owner";
  EXPECT_EQ(first.Str("unit_code"), codes_[0]);
  EXPECT_EQ(first.Str("status"), "signed_up");
  EXPECT_EQ(sign(*sales_, units_[0]).ErrorCode(), "already_signed_up") << "one per household";
  const auto stranger = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"路人甲","phone":"13900139009","org_unit_id":{}}})", company_)).Int("id");
  EXPECT_EQ(sign(*agent_, units_[1], fmt::format(R"(,"customer_id":{})", stranger)).FieldReason("customer_id"), "not_an_owner");
  EXPECT_EQ(sign(*agent_, units_[3]).FieldReason("unit_id"), "no_owner");
  EXPECT_EQ(sign(*agent_, units_[1], R"(,"party_size":11)").FieldReason("party_size"), "out_of_range");
  EXPECT_EQ(sign(*User("kf.viewer", "viewer", company_), units_[1]).status, 403);
  auto second = sign(*sales_, units_[1]);
  ASSERT_EQ(second.status, 201) << second.body;
  auto full = sign(*agent_, units_[2]);
  EXPECT_EQ(full.status, 409) << full.body;
  EXPECT_EQ(full.ErrorCode(), "open_day_full");
  // A cancelled sign-up gives its place back.
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/open-day-signups/{}/cancel", second.Int("id")), "").status, 200);
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/open-day-signups/{}/cancel", second.Int("id")), "").ErrorCode(), "invalid_transition");
  auto third = sign(*agent_, units_[2]);
  ASSERT_EQ(third.status, 201) << third.body;
  EXPECT_EQ(sign(*agent_, units_[1]).ErrorCode(), "open_day_full") << "a household that cancelled may come back, when there is room";
  auto one = agent_->Get(fmt::format("/api/v1/open-days/{}", id));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Int("signed_up"), 2);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/open-days/{}", id)).status, 404);
  auto list = agent_->Get(signups);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json.at("items").as_array().size(), 3u);
  EXPECT_EQ(list.json.at("items").at(0).at("customer_name").as_string(), "陈志强");
  EXPECT_EQ(beijing_->Get(signups).status, 404);
  EXPECT_EQ(beijing_->Post(fmt::format("/api/v1/open-day-signups/{}/check-in", first.Int("id")), "").status, 404);

  // Check-in is on the day.
  const auto check_in = fmt::format("/api/v1/open-day-signups/{}/check-in", first.Int("id"));
  EXPECT_EQ(agent_->Post(check_in, "").ErrorCode(), "not_the_open_day");
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":43200})", "application/json")).status, 200);
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  auto arrived = agent_->Post(check_in, "");
  ASSERT_EQ(arrived.status, 200) << arrived.body;
  EXPECT_EQ(arrived.Str("status"), "checked_in");
  EXPECT_EQ(arrived.Str("checked_in_by_name"), "kf.agent");
  EXPECT_EQ(agent_->Post(check_in, "").ErrorCode(), "invalid_transition");
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/open-day-signups/{}/cancel", first.Int("id")), "").ErrorCode(), "invalid_transition");
  auto days = agent_->Get(fmt::format("/api/v1/open-days?project_id={}", project_));
  for (const auto& d : days.json.at("items").as_array()) {
    if (d.at("id").as_int64() != id) continue;
    EXPECT_EQ(d.at("signed_up").as_int64(), 2);
    EXPECT_EQ(d.at("checked_in").as_int64(), 1);
  }
  auto timeline = agent_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_));
  EXPECT_NE(timeline.body.find("报名毛坯工地开放日"), std::string::npos) << timeline.body;
  EXPECT_NE(timeline.body.find("参加毛坯工地开放日"), std::string::npos) << timeline.body;
  // The next day it is past; a vetoed one takes no sign-ups either.
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":1440})", "application/json")).status, 200);
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(manager_->Login("kf.manager", "Passw0rd-x").status, 200);
  EXPECT_EQ(sign(*agent_, units_[1]).ErrorCode(), "open_day_past");
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/open-days/{}/veto", spring.Int("id")), R"({"reason":"样板间未完工"})").status, 200);
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/open-days/{}/signups", spring.Int("id")), fmt::format(R"({{"unit_id":{}}})", units_[1])).ErrorCode(),
            "invalid_transition");
}

// The preparation meeting as a task: the daily run reminds customer relations of the project's
// company once, a fortnight before it falls due; a meeting further off, or held, is not reminded.
TEST_P(DeliveryApi, TheOpenDayPreparationMeetingIsRemindedOnceAFortnightBeforeItIsDue) {
  auto soon = agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2027-01-25","decoration":"raw"}})", project_));
  ASSERT_EQ(soon.status, 201) << soon.body;
  EXPECT_EQ(soon.json.at("prep").at("due_on").as_string(), "2026-11-26");
  ASSERT_EQ(agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2027-06-01","decoration":"finished"}})", project_)).status, 201);
  auto held = agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2027-01-10","decoration":"finished"}})", project_));
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/open-days/{}/prep", held.Int("id")), R"({"held_on":"2026-11-19"})").status, 200);
  ASSERT_EQ(manager_->Post("/api/v1/journey/make", "").status, 200);
  auto reminded = [&](Api& api) {
    int count = 0;
    const auto list = api.Get("/api/v1/notifications");
    for (const auto& n : list.json.at("items").as_array()) {
      if (n.at("kind").as_string() != "delivery.open_day_prep") continue;
      ++count;
      EXPECT_EQ(n.at("title").as_string(), "筹备会提醒：四季花城 2027-01-25 工地开放日");
      EXPECT_NE(std::string(n.at("body").as_string()).find("2026-11-26 前召开"), std::string::npos) << n.at("body").as_string();
      EXPECT_EQ(n.at("ref_id").as_int64(), soon.Int("id"));
    }
    return count;
  };
  EXPECT_EQ(reminded(*agent_), 1);
  EXPECT_EQ(reminded(*manager_), 1);
  EXPECT_EQ(reminded(*sales_), 0) << "customer relations only";
  EXPECT_EQ(reminded(*beijing_), 0) << "another company";
  ASSERT_EQ(manager_->Post("/api/v1/journey/make", "").status, 200);
  EXPECT_EQ(reminded(*agent_), 1) << "once";
}

// 产权办理: a sold unit's certificate step by step in order, each with its day; issued with its
// number, on the owners' timeline; overdue a year after the keys until issued.
TEST_P(DeliveryApi, ThePropertyCertificateGoesStepByStepAndIsOverdueAYearAfterTheKeys) {
  Deliver({units_[0], units_[1]});
  if (HasFatalFailure()) return;
  Sell(units_[2]);
  const auto path = [&](std::int64_t unit, const std::string& tail = "") { return fmt::format("/api/v1/title-certificates/{}{}", unit, tail); };
  auto step = [&](std::int64_t unit, const std::string& stage, const std::string& body) {
    return agent_->Post(path(unit, "/steps/" + stage), body);
  };
  auto list = agent_->Get(fmt::format("/api/v1/title-certificates?project_id={}", project_));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json.at("summary").at("sold").as_int64(), 3);
  EXPECT_EQ(list.json.at("summary").at("by_stage").at("not_started").as_int64(), 3);
  EXPECT_EQ(list.json.at("summary").at("overdue").as_int64(), 0);
  EXPECT_EQ(list.json.at("items").at(0).at("due_by").as_string(), "2027-11-20") << "a year after the keys";
  EXPECT_EQ(list.json.at("items").at(0).at("owners").at(0).at("name").as_string(), "陈志强");

  EXPECT_EQ(step(units_[0], "tax_paid", R"({"on":"2026-11-10"})").ErrorCode(), "invalid_transition") << "documents first";
  EXPECT_EQ(step(units_[0], "documents", R"({"on":"2026-11-21"})").FieldReason("on"), "in_the_future");
  EXPECT_EQ(step(units_[3], "documents", R"({"on":"2026-11-10"})").ErrorCode(), "unit_unavailable") << "not sold";
  EXPECT_EQ(step(units_[0], "printed", R"({"on":"2026-11-10"})").FieldReason("stage"), "invalid_value");
  auto documents = step(units_[0], "documents", R"({"on":"2026-11-10","note":"身份证、购房合同、维修基金票据"})");
  ASSERT_EQ(documents.status, 200) << documents.body;
  EXPECT_EQ(documents.Str("stage"), "documents");
  EXPECT_EQ(documents.Str("next_stage"), "tax_paid");
  EXPECT_EQ(documents.json.at("days").at("documents").as_string(), "2026-11-10");
  EXPECT_EQ(documents.Str("updated_by_name"), "kf.agent");
  EXPECT_EQ(step(units_[0], "tax_paid", R"({"on":"2026-11-09"})").FieldReason("on"), "before_previous_step");
  auto stale = agent_->raw().Post(path(units_[0], "/steps/tax_paid"), {{"Authorization", "Bearer " + agent_->token()}, {"If-Match", "\"7\""}},
                                  R"({"on":"2026-11-12"})", "application/json");
  EXPECT_EQ(ToReply(stale).ErrorCode(), "version_conflict");
  ASSERT_EQ(step(units_[0], "tax_paid", R"({"on":"2026-11-12"})").status, 200);
  ASSERT_EQ(step(units_[0], "submitted", R"({"on":"2026-11-15"})").status, 200);
  EXPECT_EQ(step(units_[0], "issued", R"({"on":"2026-11-18"})").FieldReason("certificate_no"), "required");
  auto issued = step(units_[0], "issued", R"({"on":"2026-11-18","certificate_no":"粤(2026)深圳市不动产权第0123456号"})");
  ASSERT_EQ(issued.status, 200) << issued.body;
  EXPECT_EQ(issued.Str("certificate_no"), "粤(2026)深圳市不动产权第0123456号");
  ASSERT_EQ(step(units_[0], "handed_over", R"({"on":"2026-11-20"})").status, 200);
  EXPECT_EQ(step(units_[0], "handed_over", R"({"on":"2026-11-20"})").ErrorCode(), "invalid_transition") << "the last step";
  auto timeline = agent_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_));
  EXPECT_NE(timeline.body.find("不动产权证已出证"), std::string::npos) << timeline.body;
  EXPECT_NE(timeline.body.find("已领取不动产权证"), std::string::npos) << timeline.body;
  EXPECT_EQ(beijing_->Get(path(units_[0])).status, 404);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/title-certificates?project_id={}", project_)).FieldReason("project_id"), "not_found");
  EXPECT_EQ(sales_->Post(path(units_[1], "/steps/documents"), R"({"on":"2026-11-10"})").status, 403);

  // A year and a day after the keys: the delivered unit without a certificate is overdue, the one
  // issued is not, the one not yet delivered has no due day.
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":527040})", "application/json")).status, 200);
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  auto overdue = agent_->Get(fmt::format("/api/v1/title-certificates?project_id={}&overdue=true", project_));
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  ASSERT_EQ(overdue.json.at("items").as_array().size(), 1u) << overdue.body;
  EXPECT_EQ(overdue.json.at("items").at(0).at("unit_id").as_int64(), units_[1]);
  EXPECT_TRUE(overdue.json.at("items").at(0).at("overdue").as_bool());
  EXPECT_EQ(overdue.json.at("summary").at("overdue").as_int64(), 1);
  EXPECT_EQ(overdue.json.at("summary").at("by_stage").at("handed_over").as_int64(), 1);
  auto issued_only = agent_->Get(fmt::format("/api/v1/title-certificates?project_id={}&stage=handed_over", project_));
  ASSERT_EQ(issued_only.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/title-certificates?project_id={}&stage=lost", project_)).status, 400);
}

TEST_P(DeliveryApi, TheSixStepsInOrderDeliverTheUnitAndDefectsBecomeRepairs) {
  Sell(units_[0]);
  auto booked = agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-21T02:00:00Z"}})", units_[0]));
  ASSERT_EQ(booked.status, 201) << booked.body;
  const auto id = booked.Int("id");
  EXPECT_EQ(booked.Int("customer_id"), buyer_) << "the unit's owner by default";
  EXPECT_EQ(booked.Str("customer_name"), "陈志强");
  EXPECT_EQ(booked.Str("next_step"), "notice");
  auto step = [&](const std::string& name, const std::string& body = "") {
    return agent_->Post(fmt::format("/api/v1/handovers/{}/steps/{}", id, name), body);
  };
  auto early = step("identity", R"({"attendee":"owner"})");
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.ErrorCode(), "invalid_transition");
  EXPECT_EQ(early.json.at("error").at("next_step").as_string(), "notice");
  EXPECT_EQ(step("keys").status, 409);
  EXPECT_EQ(step("dance").FieldReason("step"), "invalid_value");
  ASSERT_EQ(step("notice", R"({"note":"短信通知已送达"})").status, 200);
  EXPECT_EQ(step("notice").status, 409) << "done once";
  EXPECT_EQ(step("identity", R"({"attendee":"agent","agent_name":"陈小明"})").FieldReason("power_of_attorney"), "required");
  EXPECT_EQ(step("identity").FieldReason("attendee"), "required");
  auto identity = step("identity", R"({"attendee":"agent","agent_name":"陈小明","power_of_attorney":"WT-2026-118"})");
  ASSERT_EQ(identity.status, 200) << identity.body;
  EXPECT_EQ(identity.Str("status"), "in_progress");
  EXPECT_EQ(step("fees", R"({"fees_cents":-1})").FieldReason("fees_cents"), "negative");
  ASSERT_EQ(step("fees", R"({"fees_cents":356000,"receipt_no":"WY-0001"})").status, 200);
  EXPECT_EQ(step("documents", R"({"defects":[{"location":"厨房","description":"x"}]})").FieldReason("defects"), "only_at_inspection");
  ASSERT_EQ(step("documents").status, 200);
  auto inspected = step("inspection", R"({"defects":[{"location":"主卧","category":"墙面开裂","description":"窗角裂缝"},{"location":"阳台","description":"地漏堵塞"}]})");
  ASSERT_EQ(inspected.status, 200) << inspected.body;
  const auto& tickets = inspected.json.at("ticket_ids").as_array();
  ASSERT_EQ(tickets.size(), 2u);
  auto repair = admin_->Get(fmt::format("/api/v1/tickets/{}", tickets[0].as_int64()));
  EXPECT_EQ(repair.Str("kind"), "repair");
  EXPECT_EQ(repair.Int("unit_id"), units_[0]);
  EXPECT_EQ(repair.Str("title"), "交付验房：主卧");
  EXPECT_EQ(UnitField(units_[0], "status"), "contracted") << "not before the keys";

  auto keys = step("keys", R"({"water_m3":0.5,"electricity_kwh":12.3,"gas_m3":0,"key_count":4})");
  ASSERT_EQ(keys.status, 200) << keys.body;
  EXPECT_EQ(keys.Str("status"), "done");
  EXPECT_EQ(keys.Str("delivered_on"), "2026-11-20");
  EXPECT_TRUE(keys.json.at("next_step").is_null());
  const auto& steps = keys.json.at("steps").as_array();
  ASSERT_EQ(steps.size(), 6u);
  EXPECT_EQ(steps[1].at("detail").at("power_of_attorney").as_string(), "WT-2026-118");
  EXPECT_EQ(steps[5].at("detail").at("electricity_kwh").as_double(), 12.3);
  EXPECT_EQ(steps[5].at("by_name").as_string(), "kf.agent");
  EXPECT_EQ(UnitField(units_[0], "status"), "delivered");
  EXPECT_EQ(UnitField(units_[0], "delivered_on"), "2026-11-20");
  EXPECT_EQ(step("keys").status, 409) << "done";
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_));
  EXPECT_NE(timeline.body.find("交钥匙"), std::string::npos) << timeline.body;
  // The day's desk lists it by its slot's day in China time.
  EXPECT_EQ(Count("/api/v1/handovers?on=2026-11-21"), 1);
  EXPECT_EQ(Count("/api/v1/handovers?on=2026-11-20"), 0);
  EXPECT_EQ(admin_->Get("/api/v1/handovers?on=2026-11-31").FieldReason("on"), "invalid_format");
}

TEST_P(DeliveryApi, OnlyAContractedUnitOfAReleasedBatchIsBookedOnce) {
  EXPECT_EQ(agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-21T02:00:00Z"}})", units_[5])).ErrorCode(),
            "unit_unavailable") << "for sale, not contracted";
  Sell(units_[0]);
  Sell(units_[1]);
  auto batch = Batch(*agent_, {units_[0]});
  ASSERT_EQ(batch.status, 201) << batch.body;
  auto waiting = agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-21T02:00:00Z"}})", units_[0]));
  EXPECT_EQ(waiting.status, 409) << waiting.body;
  EXPECT_EQ(waiting.ErrorCode(), "batch_not_released");
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", batch.Int("id")), "").status, 200);
  const auto other = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"路人","phone":"13800138009","org_unit_id":{}}})", company_)).Int("id");
  EXPECT_EQ(agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-21T02:00:00Z","customer_id":{}}})", units_[0], other)).FieldReason("customer_id"),
            "not_an_owner");
  EXPECT_EQ(agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"tomorrow"}})", units_[0])).FieldReason("slot_at"), "invalid_format");
  auto booked = agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-21T02:00:00Z"}})", units_[0]));
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.Int("batch_id"), batch.Int("id"));
  auto again = agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-22T02:00:00Z"}})", units_[0]));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.ErrorCode(), "handover_exists");
  EXPECT_EQ(sales_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-21T02:00:00Z"}})", units_[1])).status, 403);
  // Cancelled, it may be booked again.
  auto cancelled = agent_->Post(fmt::format("/api/v1/handovers/{}/cancel", booked.Int("id")), R"({"reason":"业主改期"})");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.Str("status"), "cancelled");
  EXPECT_EQ(cancelled.Str("cancel_reason"), "业主改期");
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/handovers/{}/steps/notice", booked.Int("id")), "").status, 409);
  EXPECT_EQ(agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-22T02:00:00Z"}})", units_[0])).status, 201);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/handovers/{}", booked.Int("id"))).status, 404);
}

TEST_P(DeliveryApi, ABuyerAcknowledgesTheAdverseFactorsBeforeTheContract) {
  // Without published factors nothing is asked: the deal chain signs as before (Sell above).
  Sell(units_[4]);
  auto station = agent_->Post("/api/v1/adverse-factors",
                              fmt::format(R"({{"project_id":{},"title":"北侧规划垃圾转运站","detail":"距 3 号楼约 300 米，规划 2028 年建成"}})", project_));
  ASSERT_EQ(station.status, 201) << station.body;
  EXPECT_EQ(sales_->Post("/api/v1/adverse-factors", fmt::format(R"({{"project_id":{},"title":"x"}})", project_)).status, 403);
  auto sub = sales_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":[{{"customer_id":{},"share":1}}],"price_cents":300000000}})", units_[0], buyer_));
  ASSERT_EQ(sub.status, 201) << sub.body;
  auto sign = [&] {
    return sales_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"SZ-D1","signed_on":"2026-11-20","total_cents":300000000,
        "payment_plan":[{{"due_on":"2026-11-20","amount_cents":300000000,"kind":"down_payment"}}]}})", sub.Int("id")));
  };
  auto refused = sign();
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.ErrorCode(), "disclosure_unacknowledged");
  EXPECT_EQ(refused.json.at("error").at("customer_ids").as_array().at(0).as_int64(), buyer_);
  EXPECT_NE(refused.body.find("陈志强"), std::string::npos) << refused.body;
  EXPECT_EQ(UnitField(units_[0], "status"), "subscribed") << "nothing written";

  auto ack = sales_->Post("/api/v1/disclosure-acks", fmt::format(R"({{"project_id":{},"customer_id":{},"method":"paper","note":"书面签收"}})", project_, buyer_));
  ASSERT_EQ(ack.status, 201) << ack.body;
  EXPECT_EQ(ack.json.at("factor_ids").as_array().size(), 1u);
  // A factor published after the acknowledgement must be acknowledged too.
  auto school = agent_->Post("/api/v1/adverse-factors", fmt::format(R"({{"project_id":{},"title":"配套幼儿园尚未立项"}})", project_));
  ASSERT_EQ(school.status, 201) << school.body;
  EXPECT_EQ(sign().ErrorCode(), "disclosure_unacknowledged");
  // Withdrawn by a manager (it no longer holds), it is no longer asked for.
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/adverse-factors/{}/withdraw", school.Int("id")), R"({"reason":"幼儿园已立项"})").status, 403);
  auto withdrawn = manager_->Post(fmt::format("/api/v1/adverse-factors/{}/withdraw", school.Int("id")), R"({"reason":"幼儿园已立项"})");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Str("withdraw_reason"), "幼儿园已立项");
  EXPECT_EQ(withdrawn.Str("withdrawn_by_name"), "kf.manager");
  EXPECT_EQ(withdrawn.Str("withdrawn_at"), "2026-11-20T01:00:00Z");
  auto signed_ = sign();
  ASSERT_EQ(signed_.status, 201) << signed_.body;
  EXPECT_EQ(Count(fmt::format("/api/v1/adverse-factors?project_id={}", project_)), 1);
  EXPECT_EQ(Count(fmt::format("/api/v1/adverse-factors?project_id={}&include_withdrawn=true", project_)), 2);
  EXPECT_EQ(Count(fmt::format("/api/v1/disclosure-acks?project_id={}&customer_id={}", project_, buyer_)), 1);
  EXPECT_EQ(admin_->Get("/api/v1/adverse-factors").status, 400) << "project_id is required";
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_));
  EXPECT_NE(timeline.body.find("签收不利因素公示"), std::string::npos) << timeline.body;
}

TEST_P(DeliveryApi, JourneyTouchesFallDueAreDoneOrMissedAndTheQuarterIsScoredAsByHand) {
  auto playbook = agent_->Get("/api/v1/journey/playbook");
  ASSERT_EQ(playbook.status, 200) << playbook.body;
  std::set<std::int64_t> steps;
  std::int64_t welcome = 0;
  for (const auto& t : playbook.json.at("items").as_array()) {
    steps.insert(t.at("step").as_int64());
    if (t.at("code").as_string() == "welcome_call") welcome = t.at("id").as_int64();
  }
  EXPECT_EQ(steps.size(), 8u) << "the eight steps of 6+2";
  // A company's own version: its welcome call three days after signing, not seven.
  EXPECT_EQ(agent_->Patch(fmt::format("/api/v1/journey/playbook/{}", welcome), R"({"offset_days":3})").status, 403);
  auto own = manager_->Patch(fmt::format("/api/v1/journey/playbook/{}", welcome), fmt::format(R"({{"company_id":{},"offset_days":3}})", company_));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.Int("company_id"), company_);
  EXPECT_EQ(own.Int("offset_days"), 3);
  EXPECT_EQ(manager_->Patch(fmt::format("/api/v1/journey/playbook/{}", welcome), R"({"offset_days":1})").status, 403)
      << "the group's default is the group's";
  auto mine = agent_->Get(fmt::format("/api/v1/journey/playbook?company_id={}", company_));
  for (const auto& t : mine.json.at("items").as_array()) {
    if (t.at("code").as_string() == "welcome_call") {
      EXPECT_EQ(t.at("offset_days").as_int64(), 3);
    }
  }

  // Signed on 2026-11-18 (today is 2026-11-20): the sales touches fall due that day, the welcome
  // call on the 21st; the signing gift (30 days) is not made yet, 14 days ahead at most.
  const auto price = admin_->Get(fmt::format("/api/v1/units/{}", units_[0])).Int("list_price_cents");
  auto sub = admin_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":[{{"customer_id":{},"share":1}}],"price_cents":{}}})", units_[0], buyer_, price));
  ASSERT_EQ(sub.status, 201) << sub.body;
  ASSERT_EQ(admin_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"SZ-J1","signed_on":"2026-11-18","total_cents":{},
        "payment_plan":[{{"due_on":"2026-11-18","amount_cents":{},"kind":"down_payment"}}]}})", sub.Int("id"), price, price)).status, 201);
  EXPECT_EQ(agent_->Post("/api/v1/journey/make", "").status, 403) << "a manager runs it";
  auto made = manager_->Post("/api/v1/journey/make", "");
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(made.Int("created"), 3);
  EXPECT_EQ(manager_->Post("/api/v1/journey/make", "").Int("created"), 0) << "made once";
  auto tasks = [&](const std::string& query) {
    std::map<std::string, boost::json::object> by_code;
    const auto reply = agent_->Get("/api/v1/journey-tasks?customer_id=" + std::to_string(buyer_) + query);
    for (const auto& t : reply.json.at("items").as_array()) {
      by_code[std::string(t.at("touch_code").as_string())] = t.as_object();
    }
    return by_code;
  };
  auto now = tasks("");
  ASSERT_EQ(now.size(), 3u);
  EXPECT_EQ(now["welcome_call"].at("due_on").as_string(), "2026-11-21") << "the company's three days";
  EXPECT_EQ(now["welcome_call"].at("state").as_string(), "upcoming");
  EXPECT_EQ(now["disclosure_check"].at("state").as_string(), "due");
  EXPECT_EQ(now["disclosure_check"].at("customer_name").as_string(), "陈志强");
  // The consultant does the sales team's touch with its evidence; not customer relations' one.
  EXPECT_EQ(sales_->Post(fmt::format("/api/v1/journey-tasks/{}/complete", now["welcome_call"].at("id").as_int64()), R"({"evidence":"x"})").status, 403);
  auto done = sales_->Post(fmt::format("/api/v1/journey-tasks/{}/complete", now["disclosure_check"].at("id").as_int64()),
                           R"({"evidence":"公示签收页已扫描存档"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Str("state"), "done");
  EXPECT_EQ(done.Str("done_by_name"), "wang.sales");
  EXPECT_EQ(sales_->Post(fmt::format("/api/v1/journey-tasks/{}/complete", now["disclosure_check"].at("id").as_int64()), R"({})").status, 409);

  // Two call-backs rated in the quarter: 5 and 3 (satisfied: 1 of 2).
  for (int rating : {5, 3}) {
    auto t = admin_->Post("/api/v1/tickets", fmt::format(R"({{"channel":"hotline","kind":"inquiry","customer_id":{},"project_id":{},"title":"咨询交付时间"}})", buyer_, project_));
    ASSERT_EQ(t.status, 201) << t.body;
    ASSERT_EQ(admin_->Post(fmt::format("/api/v1/tickets/{}/resolve", t.Int("id")), R"({"resolution":"已告知"})").status, 200);
    ASSERT_EQ(admin_->Post(fmt::format("/api/v1/tickets/{}/callback", t.Int("id")), fmt::format(R"({{"satisfaction":{}}})", rating)).status, 200);
  }

  // A month later: the contract's explanation and the welcome call were never done (missed); the
  // welcome call is done late.
  auto r = ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":43200})", "application/json"));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(admin_->Login("admin", TestServer::kAdminPassword).status, 200);
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(manager_->Login("kf.manager", "Passw0rd-x").status, 200);
  ASSERT_TRUE(manager_->Post("/api/v1/journey/make", "").status == 200);
  auto later = tasks("");
  EXPECT_EQ(later["contract_explained"].at("state").as_string(), "missed");
  EXPECT_EQ(later["welcome_call"].at("state").as_string(), "missed");
  EXPECT_EQ(later["signing_gift"].at("due_on").as_string(), "2026-12-18") << "made once it came within 14 days";
  EXPECT_EQ(tasks("&state=missed").size(), 2u);
  auto late = agent_->Post(fmt::format("/api/v1/journey-tasks/{}/complete", later["welcome_call"].at("id").as_int64()), R"({"note":"客户出差，电话补访"})");
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_EQ(late.Str("state"), "done_late");

  // The customer's journey: stage 3 (waiting for the keys), step 2 with one missed.
  auto journey = agent_->Get(fmt::format("/api/v1/customers/{}/journey", buyer_));
  ASSERT_EQ(journey.status, 200) << journey.body;
  EXPECT_EQ(journey.Int("stage"), 3);
  EXPECT_EQ(journey.Str("stage_name"), "亲密接触");
  EXPECT_EQ(journey.json.at("steps").as_array().at(1).at("missed").as_int64(), 1);
  EXPECT_EQ(journey.Int("missed"), 1);

  // The score by hand for 2026Q4 (today 2026-12-20): standard touches due 3, on time 1 →
  // execution 25 × 1/3 = 8.3; done 2, with evidence 1 → 6.25, no gates due → 12.5: process 18.8;
  // call-backs 1 of 2 satisfied → evaluation 25.0; total 52.1.
  auto scores = manager_->Get("/api/v1/journey/scores?period=2026Q4");
  ASSERT_EQ(scores.status, 200) << scores.body;
  const auto& items = scores.json.at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << scores.body;
  const auto& score = items[0];
  EXPECT_EQ(score.at("company_id").as_int64(), company_);
  EXPECT_EQ(score.at("company_name").as_string(), "深圳公司");
  EXPECT_DOUBLE_EQ(score.at("execution").as_double(), 8.3);
  EXPECT_DOUBLE_EQ(score.at("process").as_double(), 18.8);
  EXPECT_DOUBLE_EQ(score.at("evaluation").as_double(), 25.0);
  EXPECT_DOUBLE_EQ(score.at("total").as_double(), 52.1);
  EXPECT_EQ(score.at("counts").at("due").as_int64(), 3);
  EXPECT_EQ(score.at("counts").at("rated").as_int64(), 2);
  EXPECT_EQ(score.at("points_lost").as_array().size(), 4u) << "two touches late or missed, one without evidence, one call-back: " << scores.body;
  EXPECT_EQ(score.at("points_lost").at(0).at("customer_name").as_string(), "陈志强") << "named, not numbered";
  EXPECT_EQ(score.at("points_lost").at(0).at("unit_code").as_string(), codes_[0]);
  EXPECT_FALSE(score.at("points_lost_truncated").as_bool());
  EXPECT_EQ(manager_->Get("/api/v1/journey/scores?period=2026-Q4").status, 400);
  ASSERT_EQ(beijing_->Login("bj.agent", "Passw0rd-x").status, 200);
  EXPECT_TRUE(beijing_->Get("/api/v1/journey/scores?period=2026Q4").json.at("items").as_array().empty()) << "another company's";
}

TEST_P(DeliveryApi, AnEditedTouchMovesItsOpenTasksAndMakesNoSecondOne) {
  Sell(units_[0]);  // signed on 2026-11-01, today 2026-11-20
  ASSERT_EQ(manager_->Post("/api/v1/journey/make", "").status, 200);
  auto by_code = [&] {
    std::map<std::string, std::vector<boost::json::object>> out;
    const auto reply = agent_->Get(fmt::format("/api/v1/journey-tasks?customer_id={}&limit=100", buyer_));
    for (const auto& t : reply.json.at("items").as_array()) {
      out[std::string(t.at("touch_code").as_string())].push_back(t.as_object());
    }
    return out;
  };
  auto tasks = by_code();
  ASSERT_EQ(tasks["welcome_call"].size(), 1u);
  EXPECT_EQ(tasks["welcome_call"][0].at("due_on").as_string(), "2026-11-08");
  ASSERT_EQ(tasks["contract_explained"].size(), 1u);
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/journey-tasks/{}/complete", tasks["welcome_call"][0].at("id").as_int64()),
                         R"({"evidence":"回访录音"})").status, 200);
  std::map<std::string, std::int64_t> touch;
  const auto playbook = agent_->Get("/api/v1/journey/playbook");
  for (const auto& t : playbook.json.at("items").as_array()) touch[std::string(t.at("code").as_string())] = t.at("id").as_int64();
  // The company's welcome call five days after signing, its explanation of the contract two days after.
  for (const auto& [code, offset] : {std::pair<std::string, int>{"welcome_call", 5}, {"contract_explained", 2}}) {
    ASSERT_EQ(manager_->Patch(fmt::format("/api/v1/journey/playbook/{}", touch[code]), fmt::format(R"({{"company_id":{},"offset_days":{}}})", company_, offset)).status, 200);
  }
  EXPECT_EQ(manager_->Post("/api/v1/journey/make", "").Int("created"), 0) << "no second welcome call for the one done";
  tasks = by_code();
  ASSERT_EQ(tasks["welcome_call"].size(), 1u);
  EXPECT_EQ(tasks["welcome_call"][0].at("due_on").as_string(), "2026-11-08") << "done: as it was";
  ASSERT_EQ(tasks["contract_explained"].size(), 1u);
  EXPECT_EQ(tasks["contract_explained"][0].at("due_on").as_string(), "2026-11-03") << "open: moved with the offset";
}

TEST_P(DeliveryApi, AfterDeliveryEveryOwnerIsCalledBackAndOneUnitInTenVisited) {
  Deliver({units_[0], units_[1], units_[2]});
  if (HasFatalFailure()) return;
  // Three weeks on, the call-backs (30 days after the keys) are made; the visits (150 days) not yet.
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":30240})", "application/json")).status, 200);
  ASSERT_EQ(manager_->Login("kf.manager", "Passw0rd-x").status, 200);
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(manager_->Post("/api/v1/journey/make", "").status, 200);
  auto report = [&] {
    auto r = agent_->Get(fmt::format("/api/v1/journey/after-delivery?project_id={}", project_));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.at("items").at(0).as_object();
  };
  auto care = report();
  EXPECT_EQ(care.at("delivered_units").as_int64(), 3);
  EXPECT_EQ(care.at("callback").at("covered").as_int64(), 0);
  EXPECT_EQ(care.at("callback").at("tasks").at("open").as_int64(), 3);
  EXPECT_EQ(care.at("home_visit").at("target").as_int64(), 1) << "a tenth of 3 units, rounded up";
  EXPECT_EQ(care.at("home_visit").at("due_by").as_string(), "2027-05-22") << "six months after the keys";
  EXPECT_FALSE(care.at("home_visit").at("met").as_bool());
  // The queue is the touch's tasks.
  auto queue = agent_->Get(fmt::format("/api/v1/journey-tasks?touch=delivery_callback&project_id={}", project_));
  ASSERT_EQ(queue.json.at("items").as_array().size(), 3u) << queue.body;
  EXPECT_EQ(queue.Int("total"), 3);
  EXPECT_FALSE(queue.json.at("total_capped").as_bool());
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/journey-tasks?touch=delivery_callback&project_id={}&limit=2", project_)).Int("total"), 3)
      << "the first page counts them all";
  EXPECT_EQ(queue.json.at("items").at(0).at("due_on").as_string(), "2026-12-20");
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/journey-tasks/{}/complete", queue.json.at("items").at(0).at("id").as_int64()),
                         R"({"evidence":"电话回访录音 0001"})").status, 200);
  care = report();
  EXPECT_EQ(care.at("callback").at("covered").as_int64(), 1);
  EXPECT_NEAR(care.at("callback").at("coverage").as_double(), 1.0 / 3, 1e-9);
  EXPECT_EQ(agent_->Get("/api/v1/journey-tasks?touch=").status, 400);
  ASSERT_EQ(beijing_->Login("bj.agent", "Passw0rd-x").status, 200);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/journey/after-delivery?project_id={}", project_)).FieldReason("project_id"), "not_found");
  EXPECT_TRUE(beijing_->Get("/api/v1/journey/after-delivery").json.at("items").as_array().empty()) << "another company's";
}

// 四年之约: three homes delivered together are planned in three different months of their cycle
// (delivered + FourYearPhase(unit), table-tested in journey_test.cpp); the first to fall due becomes a
// task, and once done the cycle's coverage counts it.
TEST_P(DeliveryApi, TheFourYearPlanSpreadsTheHomesAndCountsTheVisits) {
  Deliver({units_[0], units_[1], units_[2]});
  if (HasFatalFailure()) return;
  const std::int64_t delivered = *ParseIsoDate("2026-11-20");
  std::map<std::string, int> want;  // month → homes planned in it
  std::int64_t soonest = delivery::kFourYearDays;
  for (int i = 0; i < 3; ++i) {
    const auto phase = delivery::FourYearPhase(units_[i]);
    soonest = std::min(soonest, phase);
    ++want[FormatIsoDate(delivered + phase).substr(0, 7)];
  }
  auto plan = agent_->Get(fmt::format("/api/v1/journey/four-year-plan?project_id={}", project_));
  ASSERT_EQ(plan.status, 200) << plan.body;
  EXPECT_EQ(plan.Int("homes"), 3);
  EXPECT_EQ(plan.Int("per_month"), 1);
  EXPECT_TRUE(plan.json.at("active").as_bool());
  const auto& months = plan.json.at("months").as_array();
  ASSERT_EQ(months.size(), 60u);
  EXPECT_EQ(months.at(0).at("month").as_string(), "2025-11") << "a year back";
  EXPECT_EQ(months.at(12).at("month").as_string(), "2026-11") << "this month";
  std::map<std::string, int> got;
  for (const auto& m : months) {
    if (m.at("planned").as_int64() > 0) got[std::string(m.at("month").as_string())] += static_cast<int>(m.at("planned").as_int64());
  }
  for (const auto& [month, count] : want) {
    if (month <= "2030-10") {
      EXPECT_EQ(got[month], count) << month;
    }
  }
  EXPECT_EQ(plan.json.at("coverage").at("due").as_int64(), 0) << "no visit due yet";
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/journey/four-year-plan?company_id={}", group_id_)).Int("homes"), 3) << "the group: every company's";
  EXPECT_EQ(plan.json.at("coverage").at("share").as_double(), 1.0);

  // On the day of the first visit the task maker makes its task; done, the cycle is covered for that home.
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", fmt::format(R"({{"advance_minutes":{}}})", soonest * 1440), "application/json")).status, 200);
  ASSERT_EQ(manager_->Login("kf.manager", "Passw0rd-x").status, 200);
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(manager_->Post("/api/v1/journey/make", "").status, 200);
  auto visits = agent_->Get(fmt::format("/api/v1/journey-tasks?touch=four_year_visit&project_id={}", project_));
  ASSERT_EQ(visits.status, 200) << visits.body;
  ASSERT_EQ(visits.json.at("items").as_array().size(), 1u) << visits.body;
  const auto& task = visits.json.at("items").at(0);
  EXPECT_EQ(task.at("due_on").as_string(), FormatIsoDate(delivered + soonest));
  plan = agent_->Get(fmt::format("/api/v1/journey/four-year-plan?project_id={}", project_));
  EXPECT_EQ(plan.json.at("coverage").at("due").as_int64(), 1);
  EXPECT_EQ(plan.json.at("coverage").at("visited").as_int64(), 0);
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/journey-tasks/{}/complete", task.at("id").as_int64()), R"({"evidence":"上门拜访记录"})").status, 200);
  plan = agent_->Get(fmt::format("/api/v1/journey/four-year-plan?company_id={}", company_));
  ASSERT_EQ(plan.status, 200) << plan.body;
  EXPECT_EQ(plan.json.at("coverage").at("visited").as_int64(), 1);
  EXPECT_EQ(plan.json.at("coverage").at("share").as_double(), 1.0);
  ASSERT_EQ(plan.json.at("projects").as_array().size(), 1u);
  EXPECT_EQ(plan.json.at("projects").at(0).at("project_name").as_string(), "四季花城");
  EXPECT_EQ(plan.json.at("months").at(12).at("done").as_int64(), 1) << "this month's visit, done";
  ASSERT_EQ(beijing_->Login("bj.agent", "Passw0rd-x").status, 200);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/journey/four-year-plan?project_id={}", project_)).FieldReason("project_id"), "not_found");
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/journey/four-year-plan?company_id={}", company_)).FieldReason("company_id"), "not_found");
  EXPECT_EQ(beijing_->Get("/api/v1/journey/four-year-plan").Int("homes"), 0) << "another company's homes";
}

INSTANTIATE_TEST_SUITE_P(Backends, DeliveryApi, testing::ValuesIn(EnabledBackends()), BackendName);

// The handover day's calendar and the owners' booking links, through the message gateway and a
// stand-in of the SMS provider: slots per day and hour never overbooked, a link per owner of a
// released batch, the owner's page without login, booking and moving, the desk's own bookings.
class DeliveryBookingApi : public DeliveryApi {
 protected:
  std::vector<std::string> ExtraArgs() override {
    auto args = DeliveryApi::ExtraArgs();
    args.insert(args.end(), {"--sms-url", sms_.url()});
    return args;
  }
  static std::string TokenIn(const std::string& text) {
    std::smatch m;
    return std::regex_search(text, m, std::regex("/b/([A-Za-z0-9_-]{20,})")) ? m[1].str() : std::string();
  }
  Reply Public(const std::string& token) { return Api(*server_).Get("/api/v1/public/handover-bookings/" + token); }
  Reply Book(const std::string& token, std::int64_t slot) {
    return Api(*server_).Post("/api/v1/public/handover-bookings/" + token, fmt::format(R"({{"slot_id":{}}})", slot));
  }
  static std::int64_t Left(const Reply& page, std::int64_t slot) {
    for (const auto& s : page.json.at("slots").as_array()) {
      if (s.at("id").as_int64() == slot) return s.at("left").as_int64();
    }
    return -1;
  }
  SmsProvider sms_;
};

TEST_P(DeliveryBookingApi, OwnersBookTheirHandoverThroughALinkAndNoSlotIsOverbooked) {
  Sell(units_[0]);
  Sell(units_[1]);
  auto batch = Batch(*agent_, {units_[0], units_[1], units_[2]});
  ASSERT_EQ(batch.status, 201) << batch.body;
  const auto id = batch.Int("id");
  const auto slots_path = fmt::format("/api/v1/delivery-batches/{}/slots", id);
  // 2026-11-28 and 29 are a Saturday and a Sunday: weekends only, 9:00 and 10:00, one household each.
  const std::string plan = R"({"from_on":"2026-11-27","to_on":"2026-11-30","weekdays":[6,7],"hours":[9,10],"per_hour":1})";
  EXPECT_EQ(sales_->Post(slots_path, plan).status, 403);
  EXPECT_EQ(agent_->Post(slots_path, R"({"from_on":"2026-11-27","to_on":"2026-11-30","hours":[5],"per_hour":1})").FieldReason("hours"), "out_of_range");
  EXPECT_EQ(agent_->Post(slots_path, R"({"from_on":"2026-11-27","to_on":"2026-11-30","hours":[9]})").FieldReason("per_hour"), "required");
  EXPECT_EQ(agent_->Post(slots_path, R"({"from_on":"2026-11-19","to_on":"2026-11-30","hours":[9],"per_hour":1})").FieldReason("from_on"), "in_the_past")
      << "today is 2026-11-20 in China";
  auto made = agent_->Post(slots_path, plan);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto& items = made.json.at("items").as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].at("starts_at").as_string(), "2026-11-28T01:00:00Z");
  EXPECT_EQ(items[0].at("day").as_string(), "2026-11-28");
  EXPECT_EQ(items[1].at("hour").as_int64(), 10);
  EXPECT_EQ(made.Int("capacity"), 4);
  EXPECT_EQ(agent_->Post(slots_path, plan).json.at("items").as_array().size(), 4u) << "the same plan again adds nothing";
  std::vector<std::int64_t> slot;
  for (const auto& s : items) slot.push_back(s.at("id").as_int64());

  // Links go out once the batch is released, one per owner whose unit is contracted.
  const auto invite_path = fmt::format("/api/v1/delivery-batches/{}/invitations", id);
  EXPECT_EQ(agent_->Post(invite_path, "").ErrorCode(), "batch_not_released");
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", id), "").status, 200);
  EXPECT_EQ(sales_->Post(invite_path, "").status, 403);
  auto sent = agent_->Post(invite_path, "");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.Int("sent_count"), 2);
  ASSERT_EQ(sent.json.at("skipped").as_array().size(), 1u);
  EXPECT_EQ(sent.json.at("skipped").at(0).at("reason").as_string(), "not_contracted");
  EXPECT_EQ(sent.json.at("skipped").at(0).at("unit_code").as_string(), codes_[2]);
  const auto texts = sms_.WaitFor(2);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].to, "13800138001");
  EXPECT_NE(texts[0].text.find("四季花城"), std::string::npos) << texts[0].text;
  const std::string first = TokenIn(texts[0].text), second = TokenIn(texts[1].text);
  ASSERT_FALSE(first.empty()) << texts[0].text;
  ASSERT_FALSE(second.empty()) << texts[1].text;
  EXPECT_EQ(sent.json.at("sent").at(0).at("url").as_string().subview().ends_with(first), true) << sent.body;
  auto log = manager_->Get("/api/v1/messages?purpose=handover_booking");
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_EQ(log.body.find(first), std::string::npos) << "the log keeps no link";
  EXPECT_NE(log.body.find("/b/******"), std::string::npos) << log.body;

  // The owner's page, without login: their unit, their initial, the free slots.
  auto page = Public(first);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Str("unit_code"), codes_[0]);
  EXPECT_EQ(page.Str("owner"), "陈**");
  EXPECT_EQ(page.Str("project_name"), "四季花城");
  EXPECT_TRUE(page.json.at("booking").is_null());
  EXPECT_EQ(page.json.at("slots").as_array().size(), 4u);
  EXPECT_EQ(page.json.at("slots").at(0).as_object().if_contains("capacity"), nullptr) << "no numbers of other households";
  EXPECT_EQ(Public("no-such-token-but-long-enough-to-look-up").status, 404);
  EXPECT_EQ(Book(first, 999999).FieldReason("slot_id"), "not_found");

  auto booked = Book(first, slot[0]);
  ASSERT_EQ(booked.status, 200) << booked.body;
  EXPECT_EQ(booked.json.at("booking").at("day").as_string(), "2026-11-28");
  EXPECT_EQ(booked.json.at("booking").at("hour").as_int64(), 9);
  EXPECT_EQ(Left(booked, slot[0]), 0);
  auto full = Book(second, slot[0]);
  EXPECT_EQ(full.status, 409) << full.body;
  EXPECT_EQ(full.ErrorCode(), "slot_full");
  ASSERT_EQ(Book(second, slot[1]).status, 200);
  // Moving gives the seat back.
  auto moved = Book(first, slot[2]);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json.at("booking").at("day").as_string(), "2026-11-29");
  EXPECT_EQ(Left(moved, slot[0]), 1);
  EXPECT_EQ(Left(moved, slot[2]), 0);
  const auto confirmations = sms_.WaitFor(5);
  EXPECT_EQ(confirmations.size(), 5u) << "a confirmation per booking and move";
  EXPECT_NE(confirmations[2].text.find("2026-11-28 9:00"), std::string::npos) << confirmations[2].text;

  // The desk sees who booked how, and the calendar's seats.
  auto invites = agent_->Get(invite_path);
  ASSERT_EQ(invites.status, 200) << invites.body;
  ASSERT_EQ(invites.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(invites.json.at("items").at(0).at("state").as_string(), "booked");
  EXPECT_EQ(invites.json.at("items").at(0).at("booked_via").as_string(), "owner");
  EXPECT_EQ(agent_->Get(slots_path).Int("booked"), 2);
  auto handovers = agent_->Get(fmt::format("/api/v1/handovers?batch_id={}", id));
  ASSERT_EQ(handovers.json.at("items").as_array().size(), 2u);
  const auto& mine = handovers.json.at("items").at(1);  // the later slot: the first owner's
  EXPECT_EQ(mine.at("unit_id").as_int64(), units_[0]);
  EXPECT_EQ(mine.at("slot_id").as_int64(), slot[2]);
  const auto handover = mine.at("id").as_int64();
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_));
  EXPECT_NE(timeline.body.find("收房预约改为 2026-11-29 9:00"), std::string::npos) << timeline.body;

  // Capacity: never below the seats booked; the desk books and moves within the calendar too.
  auto slot_path = fmt::format("/api/v1/handover-slots/{}", slot[2]);
  auto below = agent_->Patch(slot_path, R"({"capacity":0})");
  EXPECT_EQ(below.status, 409) << below.body;
  EXPECT_EQ(below.FieldReason("capacity"), "below_booked");
  EXPECT_EQ(agent_->Patch(slot_path, R"({"capacity":201})").FieldReason("capacity"), "out_of_range");
  EXPECT_EQ(agent_->Patch(slot_path, R"({"capacity":2})").Int("left"), 1);
  auto desk_full = agent_->Post(fmt::format("/api/v1/handovers/{}/reschedule", handover), fmt::format(R"({{"slot_id":{}}})", slot[1]));
  EXPECT_EQ(desk_full.ErrorCode(), "slot_full") << desk_full.body;
  auto by_time = agent_->Post(fmt::format("/api/v1/handovers/{}/reschedule", handover), R"({"slot_at":"2026-11-29T02:00:00Z"})");
  ASSERT_EQ(by_time.status, 200) << by_time.body;
  EXPECT_EQ(by_time.Int("slot_id"), slot[3]) << "the calendar's slot at that time";
  EXPECT_EQ(agent_->Get(slots_path).json.at("items").at(2).at("booked").as_int64(), 0);
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/handovers/{}/reschedule", handover), "{}").FieldReason("slot_at"), "required") << "a slot or a time";

  // Once the handover has begun, the link no longer moves it; a cancelled one frees its seat.
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/handovers/{}/steps/notice", handover), "").status, 200);
  EXPECT_EQ(Book(first, slot[0]).ErrorCode(), "invalid_transition");
  const auto other = handovers.json.at("items").at(0).at("id").as_int64();
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/handovers/{}/cancel", other), R"({"reason":"业主出差"})").status, 200);
  EXPECT_EQ(agent_->Get(slots_path).json.at("items").at(1).at("booked").as_int64(), 0);
  EXPECT_EQ(beijing_->Get(slots_path).status, 404);
  EXPECT_EQ(beijing_->Get(invite_path).status, 404);
}

// 工地开放日 by link: a link per household waiting for its home, the owner's page without login,
// sign-up and cancellation under the desk's rules, a confirmation, and the link gone after the day.
TEST_P(DeliveryBookingApi, OwnersSignUpForAnOpenDayThroughTheirLink) {
  Sell(units_[0]);
  Sell(units_[1]);
  auto day = agent_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2026-12-20","decoration":"raw","capacity":2}})", project_));
  ASSERT_EQ(day.status, 201) << day.body;
  const auto id = day.Int("id");
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/open-days/{}/signups", id), fmt::format(R"({{"unit_id":{}}})", units_[1])).status, 201);
  const auto invite_path = fmt::format("/api/v1/open-days/{}/invitations", id);
  EXPECT_EQ(sales_->Post(invite_path, "").status, 403);
  EXPECT_EQ(beijing_->Post(invite_path, "").status, 404);
  auto sent = agent_->Post(invite_path, "");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.Int("sent_count"), 1) << "the unsold units are no household";
  ASSERT_EQ(sent.json.at("skipped").as_array().size(), 1u);
  EXPECT_EQ(sent.json.at("skipped").at(0).at("reason").as_string(), "signed_up");
  EXPECT_EQ(sent.json.at("skipped").at(0).at("unit_code").as_string(), codes_[1]);
  const auto texts = sms_.WaitFor(1);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_NE(texts[0].text.find("工地开放日"), std::string::npos) << texts[0].text;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(texts[0].text, m, std::regex("/o/([A-Za-z0-9_-]{20,})"))) << texts[0].text;
  const std::string token = m[1].str();
  auto log = manager_->Get("/api/v1/messages?purpose=open_day_signup");
  EXPECT_EQ(log.body.find(token), std::string::npos) << "the log keeps no link";
  EXPECT_NE(log.body.find("/o/******"), std::string::npos) << log.body;

  const std::string page_path = "/api/v1/public/open-day-signups/" + token;
  auto page = Api(*server_).Get(page_path);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Str("owner"), "陈**");
  EXPECT_EQ(page.Str("unit_code"), codes_[0]);
  EXPECT_EQ(page.Str("on"), "2026-12-20");
  EXPECT_EQ(page.Str("state"), "open");
  EXPECT_EQ(page.Int("places_left"), 1);
  EXPECT_TRUE(page.json.at("signup").is_null());
  EXPECT_EQ(Api(*server_).Get("/api/v1/public/open-day-signups/no-such-token-but-long-enough").status, 404);
  EXPECT_EQ(Api(*server_).Post(page_path, R"({"party_size":11})").FieldReason("party_size"), "out_of_range");
  EXPECT_EQ(Api(*server_).Post(page_path, "{}").FieldReason("party_size"), "required");
  auto signed_up = Api(*server_).Post(page_path, R"({"party_size":2})");
  ASSERT_EQ(signed_up.status, 200) << signed_up.body;
  EXPECT_EQ(signed_up.json.at("signup").at("party_size").as_int64(), 2);
  EXPECT_EQ(signed_up.json.at("signup").at("may_cancel").as_bool(), true);
  EXPECT_EQ(signed_up.Int("places_left"), 0);
  EXPECT_EQ(Api(*server_).Post(page_path, R"({"party_size":1})").ErrorCode(), "already_signed_up");
  const auto confirmations = sms_.WaitFor(2);
  ASSERT_EQ(confirmations.size(), 2u);
  EXPECT_NE(confirmations[1].text.find("您已报名四季花城 2026-12-20"), std::string::npos) << confirmations[1].text;
  auto invites = agent_->Get(invite_path);
  ASSERT_EQ(invites.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(invites.json.at("items").at(0).at("state").as_string(), "signed_up");
  EXPECT_EQ(invites.json.at("items").at(0).at("signed_up_via").as_string(), "owner");
  auto signups = agent_->Get(fmt::format("/api/v1/open-days/{}/signups", id));
  EXPECT_EQ(signups.json.at("items").at(1).at("via").as_string(), "owner") << signups.body;
  EXPECT_EQ(signups.json.at("items").at(0).at("via").as_string(), "staff");
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline", buyer_));
  EXPECT_NE(timeline.body.find("报名毛坯工地开放日：四季花城 2026-12-20（2 人）"), std::string::npos) << timeline.body;

  // Cancelling gives the place back; the link is good until the day has passed.
  auto cancelled = Api(*server_).Post(page_path + "/cancel", "");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_TRUE(cancelled.json.at("signup").is_null());
  EXPECT_EQ(cancelled.Int("places_left"), 1);
  EXPECT_EQ(Api(*server_).Post(page_path + "/cancel", "").ErrorCode(), "invalid_transition");
  ASSERT_EQ(Api(*server_).Post(page_path, R"({"party_size":1})").status, 200) << "signed up again";
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":43200})", "application/json")).status, 200);
  auto on_the_day = Api(*server_).Get(page_path);
  EXPECT_EQ(on_the_day.Str("state"), "full") << "2026-12-20, the day itself, with both places taken";
  EXPECT_EQ(on_the_day.json.at("signup").at("party_size").as_int64(), 1) << on_the_day.body;
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":1440})", "application/json")).status, 200);
  EXPECT_EQ(Api(*server_).Get(page_path).status, 404) << "gone after the day";
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  EXPECT_EQ(agent_->Post(invite_path, "").ErrorCode(), "open_day_past");
}

INSTANTIATE_TEST_SUITE_P(Backends, DeliveryBookingApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
