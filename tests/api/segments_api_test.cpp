// Segments over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock): the presets shipped
// into the group, hand-made households landing in the published segments when computed, the
// shares by city and by project within each caller's scope, each customer's segment with the
// facts its rules read, a user's own model refused by the rule's position and previewed before
// saving, and who may define models.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

class SegmentsApi : public ApiTest {
 protected:
  // 09:00 in China on 2026-12-07.
  std::vector<std::string> ExtraArgs() override { return {"--test-clock", "2026-12-07T01:00:00Z"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    company_ = Company("深圳公司");
    other_company_ = Company("北京公司");
    project_ = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"四季花城","city":"深圳","org_unit_id":{}}})", company_)).Int("id");
    auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_),
                             R"({"building":"1","entrance":"1","floor_from":1,"floor_to":2,"rooms":[{"suffix":"01","area_m2":89,"list_price_cents":300000000},{"suffix":"02","area_m2":140,"list_price_cents":700000000},{"suffix":"03","area_m2":89,"list_price_cents":300000000}]})");
    ASSERT_EQ(bulk.status, 201) << bulk.body;
    for (const auto& u : bulk.json.at("items").as_array()) units_.push_back(u.at("id").as_int64());
    agent_ = User("kf.agent", "agent", company_);
    manager_ = User("kf.manager", "manager", company_);
    beijing_ = User("bj.manager", "manager", other_company_);
  }

  std::int64_t Customer(const std::string& name, const std::string& fields, std::int64_t org_unit) {
    static int n = 0;
    auto c = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"{}","phone":"1380000{:04}","org_unit_id":{}{}}})", name, ++n, org_unit,
                                                           fields.empty() ? "" : "," + fields));
    EXPECT_EQ(c.status, 201) << c.body;
    return c.Int("id");
  }
  void Owns(std::int64_t customer, std::size_t unit) {
    EXPECT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", units_.at(unit)), R"({"status":"pledged"})").status, 200);
    EXPECT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", units_.at(unit)), R"({"status":"contracted"})").status, 200);
    auto o = admin_->Post(fmt::format("/api/v1/units/{}/owners", units_.at(unit)), fmt::format(R"({{"customer_id":{},"share":1}})", customer));
    EXPECT_EQ(o.status, 201) << o.body;
  }
  /// The id of the group's model made from `preset`.
  std::int64_t Preset(Api& api, const std::string& preset) {
    auto list = api.Get("/api/v1/segment-models");
    EXPECT_EQ(list.status, 200) << list.body;
    for (const auto& m : list.json.at("items").as_array()) {
      if (m.at("preset").is_string() && m.at("preset").as_string() == preset) return m.at("id").as_int64();
    }
    ADD_FAILURE() << "no model of the preset " << preset << ": " << list.body;
    return 0;
  }
  /// Customers per segment name (sub-classes as "segment/sub") in a row of shares.
  static std::map<std::string, std::int64_t> Counts(const boost::json::value& model, const boost::json::value& row) {
    std::map<std::string, std::int64_t> out;
    const auto& segments = model.at("segments").as_array();
    for (const auto& c : row.at("cells").as_array()) {
      const auto seg = c.at("segment").as_int64();
      const auto sub = c.at("sub").as_int64();
      std::string name = seg < 0 ? "未归类" : std::string(segments[static_cast<std::size_t>(seg)].at("name").as_string());
      if (sub >= 0) name += "/" + std::string(segments[static_cast<std::size_t>(seg)].at("subs").as_array()[static_cast<std::size_t>(sub)].at("name").as_string());
      out[name] = c.at("customers").as_int64();
    }
    return out;
  }

  std::int64_t company_ = 0, other_company_ = 0, project_ = 0;
  std::vector<std::int64_t> units_;
  std::unique_ptr<Api> agent_, manager_, beijing_;
};

TEST_P(SegmentsApi, PresetsPlaceHandMadeHouseholdsInThePublishedSegments) {
  // Shenzhen: a young single, a newly married couple, a family with a 7-year-old, three
  // generations, a wealthy owner of two homes; Beijing: a retired couple; one knows nothing.
  const auto young = Customer("林小雨", R"("birth_date":"1999-03-01","marital_status":"single","income_level":"middle","city":"深圳")", company_);
  const auto newlyweds = Customer("周杰", R"("birth_date":"1994-08-01","marital_status":"married","income_level":"low","city":"深圳")", company_);
  const auto family = Customer("王芳", R"("birth_date":"1989-05-01","marital_status":"married","children_birth_years":[2019],"elders":0,"income_level":"middle","city":"深圳")", company_);
  const auto three = Customer("陈志强", R"("birth_date":"1985-01-01","marital_status":"married","children_birth_years":[2015],"elders":2,"income_level":"middle","city":"深圳")", company_);
  const auto wealthy = Customer("赵敏", R"("birth_date":"1978-02-01","marital_status":"married","children_birth_years":[2006],"income_level":"high","city":"深圳")", company_);
  const auto retired = Customer("李建国", R"("birth_date":"1958-09-01","marital_status":"married","children_birth_years":[1986],"elders":0,"income_level":"middle","city":"北京")", other_company_);
  const auto unknown = Customer("某客户", "", company_);
  Owns(family, 0);
  Owns(wealthy, 1);
  Owns(wealthy, 2);

  const std::int64_t vanke = Preset(*manager_, "vanke5");
  auto computed = manager_->Post(fmt::format("/api/v1/segment-models/{}/recompute", vanke), "");
  ASSERT_EQ(computed.status, 200) << computed.body;
  EXPECT_EQ(computed.json.at("customers").as_int64(), 7);
  EXPECT_FALSE(computed.json.at("stale").as_bool());
  EXPECT_EQ(computed.json.at("segments").as_array().size(), 5u);
  EXPECT_DOUBLE_EQ(computed.json.at("segments").as_array()[0].at("published_share").as_double(), 0.09);

  // The group's administrator sees every customer.
  auto all = admin_->Get(fmt::format("/api/v1/segment-models/{}/shares", vanke));
  ASSERT_EQ(all.status, 200) << all.body;
  ASSERT_EQ(all.json.at("rows").as_array().size(), 1u);
  const auto counts = Counts(computed.json, all.json.at("rows").as_array()[0]);
  EXPECT_EQ(counts, (std::map<std::string, std::int64_t>{{"富贵之家", 1},
                                                         {"健康养老", 2},
                                                         {"健康养老/孩子三代", 1},
                                                         {"健康养老/老年一代", 1},
                                                         {"望子成龙", 1},
                                                         {"望子成龙/小太阳", 1},
                                                         {"社会新锐", 2},
                                                         {"社会新锐/青年之家", 1},
                                                         {"社会新锐/青年持家", 1},
                                                         {"未归类", 1}}))
      << all.body;

  // A Shenzhen manager counts Shenzhen's customers; by city and by project within their scope.
  auto mine = manager_->Get(fmt::format("/api/v1/segment-models/{}/shares", vanke));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("rows").as_array()[0].at("customers").as_int64(), 6);
  auto cities = admin_->Get(fmt::format("/api/v1/segment-models/{}/shares?by=city", vanke));
  ASSERT_EQ(cities.status, 200) << cities.body;
  std::map<std::string, std::int64_t> per_city;
  for (const auto& r : cities.json.at("rows").as_array()) per_city[std::string(r.at("name").as_string())] = r.at("customers").as_int64();
  EXPECT_EQ(per_city, (std::map<std::string, std::int64_t>{{"深圳", 5}, {"北京", 1}, {"未填城市", 1}}));
  auto projects = manager_->Get(fmt::format("/api/v1/segment-models/{}/shares?by=project", vanke));
  ASSERT_EQ(projects.status, 200) << projects.body;
  ASSERT_EQ(projects.json.at("rows").as_array().size(), 1u) << projects.body;
  EXPECT_EQ(projects.json.at("rows").as_array()[0].at("name").as_string(), "四季花城");
  EXPECT_EQ(projects.json.at("rows").as_array()[0].at("customers").as_int64(), 2);  // the two owners, the wealthy one once
  auto elsewhere = beijing_->Get(fmt::format("/api/v1/segment-models/{}/shares?by=project", vanke));
  ASSERT_EQ(elsewhere.status, 200) << elsewhere.body;
  EXPECT_TRUE(elsewhere.json.at("rows").as_array().empty()) << "another company's project is neither named nor counted";
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/segment-models/{}/shares?by=street", vanke)).status, 400);

  // Each segment's profile from the data.
  const auto& profiles = computed.json.at("profiles").as_array();
  ASSERT_EQ(profiles.size(), 6u);  // five segments, then 未归类
  EXPECT_EQ(profiles[0].at("segment").as_string(), "wealthy");
  EXPECT_EQ(profiles[0].at("home_value").at("average_units").as_double(), 2.0);
  EXPECT_EQ(profiles[0].at("home_value").at("average_value_yuan").as_double(), 10000000.0);
  EXPECT_TRUE(profiles[5].at("segment").is_null());

  // The customer's page: their segment in each model, with the facts read.
  auto of = agent_->Get(fmt::format("/api/v1/customers/{}/segments", family));
  ASSERT_EQ(of.status, 200) << of.body;
  std::map<std::string, std::string> where;
  for (const auto& p : of.json.at("items").as_array()) {
    std::string s = p.at("segment").is_null() ? "未归类" : std::string(p.at("segment").at("name").as_string());
    if (!p.at("sub").is_null()) s += "/" + std::string(p.at("sub").at("name").as_string());
    where[std::string(p.at("model_name").as_string())] = s;
    if (p.at("model_name").as_string() == "万科五类客户") {
      EXPECT_EQ(p.at("facts").at("age").as_double(), 37);
      EXPECT_EQ(p.at("facts").at("youngest_child_age").as_double(), 7);
    }
  }
  EXPECT_EQ(where["万科五类客户"], "望子成龙/小太阳");
  EXPECT_EQ(where["帕尔迪十一类"], "有婴儿的夫妇／孩子小于12岁的新成立家庭");
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/customers/{}/segments", family)).status, 404);

  // Facts lent by sales (the latest lead's need type) and by surveys move a customer at once: the
  // newlyweds registered at the sales centre buying for their retirement are 健康养老 now.
  auto lead = admin_->Post("/api/v1/leads", fmt::format(R"({{"project_id":{},"customer_id":{},"source":"visit","intent":"A","need_type":"retirement"}})",
                                                        project_, newlyweds));
  ASSERT_EQ(lead.status, 201) << lead.body;
  auto moved = manager_->Get(fmt::format("/api/v1/customers/{}/segments", newlyweds));
  ASSERT_EQ(moved.status, 200) << moved.body;
  for (const auto& p : moved.json.at("items").as_array()) {
    if (p.at("model_name").as_string() != "万科五类客户") continue;
    EXPECT_EQ(p.at("segment").at("name").as_string(), "健康养老") << moved.body;
    EXPECT_EQ(p.at("facts").at("purchase_motive").as_string(), "retirement");
  }
  (void)young, (void)newlyweds, (void)three, (void)retired, (void)unknown;
}

TEST_P(SegmentsApi, AUsersOwnModelIsRefusedAtTheRulesPositionPreviewedAndVersioned) {
  Customer("林小雨", R"("birth_date":"1999-03-01","marital_status":"single","income_level":"middle")", company_);
  Customer("王芳", R"("birth_date":"1989-05-01","marital_status":"married","children_birth_years":[2019],"income_level":"high")", company_);
  const auto before = manager_->Get("/api/v1/segment-models").json.at("items").as_array().size();

  // A rule with a fault: 422 naming the field, with the position and the words; nothing written.
  auto bad = manager_->Post("/api/v1/segment-models", R"({"name":"我的分群","segments":[
    {"code":"young","name":"年轻人","rule":"年龄 < 30"},
    {"code":"rich","name":"高收入","rule":"income_level = 'rich'"},
    {"code":"kids","name":"有孩子","rule":"children > 0 and","subs":[{"code":"x","name":"x","rule":"agee > 1"}]}]})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json.at("error").at("fields").at("segments[1].rule").as_string(), "invalid_rule");
  EXPECT_EQ(bad.json.at("error").at("fields").at("segments[2].rule").as_string(), "invalid_rule");
  EXPECT_EQ(bad.json.at("error").at("fields").at("segments[2].subs[0].rule").as_string(), "invalid_rule");
  const auto& errors = bad.json.at("error").at("rule_errors").as_array();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].at("field").as_string(), "segments[1].rule");
  EXPECT_EQ(errors[0].at("position").as_int64(), 16);
  EXPECT_NE(std::string(errors[0].at("message").as_string()).find("low, middle, high"), std::string::npos);
  EXPECT_EQ(errors[1].at("position").as_int64(), 17);
  EXPECT_EQ(manager_->Get("/api/v1/segment-models").json.at("items").as_array().size(), before);
  // Each segment's other fields, every fault at once.
  auto fields = manager_->Post("/api/v1/segment-models", R"({"name":"x","segments":[{"code":"A b","name":"","rule":"age > 1","color":"red"},{"code":"a","name":"甲","rule":"age > 1","published_share":2}]})");
  ASSERT_EQ(fields.status, 422) << fields.body;
  EXPECT_EQ(fields.json.at("error").at("fields").at("segments[0].code").as_string(), "invalid_code");
  EXPECT_EQ(fields.json.at("error").at("fields").at("segments[0].name").as_string(), "required");
  EXPECT_EQ(fields.json.at("error").at("fields").at("segments[0].color").as_string(), "unknown_field");
  EXPECT_EQ(fields.json.at("error").at("fields").at("segments[1].published_share").as_string(), "out_of_range");
  EXPECT_EQ(manager_->Post("/api/v1/segment-models", R"({"preset":"pulte12"})").status, 422);

  // Previewed before saving, over every customer of a small group.
  const std::string good = R"({"name":"我的分群","segments":[
    {"code":"young","name":"年轻人","rule":"年龄 < 30"},
    {"code":"family","name":"有孩子","rule":"children > 0","subs":[{"code":"rich","name":"高收入","rule":"收入水平 = 'high'"}]}]})";
  auto preview = manager_->Post("/api/v1/segment-models/preview", good);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_TRUE(preview.json.at("whole").as_bool());
  EXPECT_EQ(preview.json.at("sampled").as_int64(), 2);
  EXPECT_EQ(preview.json.at("cells").as_array().size(), 3u);  // young, family, family/rich

  // Agents read models but do not define them.
  EXPECT_EQ(agent_->Post("/api/v1/segment-models", good).status, 403);
  auto made = manager_->Post("/api/v1/segment-models", good);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_TRUE(made.json.at("stale").as_bool());
  EXPECT_TRUE(made.json.at("editable").as_bool());
  const auto id = made.Int("id");
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/segment-models/{}", id)).status, 200);
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/segment-models/{}/recompute", id), "").status, 403);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/segment-models/{}", id)).status, 404) << "another company's model";

  // Changed with If-Match: a stale version changes nothing.
  EXPECT_EQ(manager_->Patch(fmt::format("/api/v1/segment-models/{}", id), R"({"name":"改名"})", {{"If-Match", "7"}}).status, 409);
  auto renamed = manager_->Patch(fmt::format("/api/v1/segment-models/{}", id), R"({"name":"改名"})", {{"If-Match", "1"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json.at("version").as_int64(), 2);
  EXPECT_EQ(manager_->Patch(fmt::format("/api/v1/segment-models/{}", id), R"({"preset":"vanke5"})").status, 422);
  auto computed = manager_->Post(fmt::format("/api/v1/segment-models/{}/recompute", id), "");
  ASSERT_EQ(computed.status, 200) << computed.body;
  EXPECT_EQ(computed.json.at("computed_version").as_int64(), 2);
  EXPECT_EQ(computed.json.at("customers").as_int64(), 2);

  // The facts the editor offers.
  auto facts = agent_->Get("/api/v1/segment-facts");
  ASSERT_EQ(facts.status, 200);
  EXPECT_EQ(facts.json.at("items").as_array()[0].at("label").as_string(), "年龄");
  EXPECT_EQ(agent_->Get("/api/v1/segment-presets").json.at("items").as_array().size(), 2u);
}

TEST_P(SegmentsApi, LifetimeValueWithEachCompanysAssumptions) {
  // A family that bought a ¥3,000,000 home this year (not yet handed over), has said nothing in a
  // survey and came in off the street: ltv_test.cpp's first household.
  const auto family = Customer("王芳", R"("birth_date":"1989-05-01","marital_status":"married","children_birth_years":[2019],"elders":0,"income_level":"middle","city":"深圳")", company_);
  const auto visitor = Customer("林小雨", R"("birth_date":"1999-03-01","city":"深圳")", company_);
  Owns(family, 0);

  auto value = manager_->Get(fmt::format("/api/v1/customers/{}/value", family));
  ASSERT_EQ(value.status, 200) << value.body;
  EXPECT_TRUE(value.json.at("owner").as_bool());
  EXPECT_EQ(value.json.at("first_year").as_int64(), 2026);
  EXPECT_EQ(value.json.at("parts").at("base_cents").as_int64(), 45000000);  // ¥3,000,000 × 15%
  EXPECT_EQ(value.json.at("parts").at("acquisition_cents").as_int64(), 3000000);
  EXPECT_NEAR(static_cast<double>(value.json.at("value_cents").as_int64()), 56963480.0, 60.0);
  EXPECT_EQ(value.json.at("years").as_array().size(), 11u);  // this year and ten expected
  EXPECT_EQ(value.json.at("lines").as_array().size(), 7u);
  EXPECT_TRUE(value.json.at("assumptions").at("source_unit_id").is_null()) << "the defaults hold";
  EXPECT_TRUE(value.json.at("assumptions").at("editable").as_bool());
  auto none = agent_->Get(fmt::format("/api/v1/customers/{}/value", visitor));
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_FALSE(none.json.at("owner").as_bool());
  EXPECT_EQ(none.json.at("value_cents").as_int64(), 0);
  EXPECT_FALSE(none.json.at("assumptions").at("editable").as_bool()) << "an agent reads, does not set";

  // Shenzhen's manager sets the company's margin; an agent may not; a fault names its field.
  const auto at = fmt::format("/api/v1/value-assumptions/{}", company_);
  EXPECT_EQ(agent_->Put(at, R"({"margin":0.2})").status, 403);
  auto bad = manager_->Put(at, R"({"margin":1.5,"horizon":3})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.FieldReason("margin"), "out_of_range") << bad.body;
  EXPECT_EQ(bad.FieldReason("horizon"), "unknown_field") << bad.body;
  auto set = manager_->Put(at, R"({"margin":0.2})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json.at("version").as_int64(), 1);
  EXPECT_EQ(set.json.at("source_unit_id").as_int64(), company_);
  EXPECT_EQ(set.json.at("source_unit_name").as_string(), "深圳公司");
  EXPECT_DOUBLE_EQ(set.json.at("assumptions").at("margin").as_double(), 0.2);
  EXPECT_DOUBLE_EQ(set.json.at("assumptions").at("discount_rate").as_double(), 0.08) << "what was not sent is kept";
  EXPECT_EQ(manager_->Put(at, R"({"margin":0.18})", {{"If-Match", "\"1\""}}).status, 200);
  EXPECT_EQ(manager_->Put(at, R"({"margin":0.19})", {{"If-Match", "\"1\""}}).status, 409) << "changed meanwhile";
  auto again = manager_->Get(fmt::format("/api/v1/customers/{}/value", family));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json.at("parts").at("base_cents").as_int64(), 54000000);  // ¥3,000,000 × 18%
  EXPECT_EQ(again.json.at("assumptions").at("source_unit_name").as_string(), "深圳公司");

  // Beijing's manager neither reads nor sets Shenzhen's; their own company inherits the group's.
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/value-assumptions?org_unit_id={}", company_)).status, 404);
  EXPECT_EQ(beijing_->Put(at, R"({"margin":0.1})").status, 404);
  ASSERT_EQ(admin_->Put(fmt::format("/api/v1/value-assumptions/{}", group_id_), R"({"discount_rate":0.1})").status, 200);
  auto inherited = beijing_->Get("/api/v1/value-assumptions");
  ASSERT_EQ(inherited.status, 200) << inherited.body;
  EXPECT_EQ(inherited.json.at("org_unit_id").as_int64(), other_company_);
  EXPECT_EQ(inherited.json.at("source_unit_id").as_int64(), group_id_);
  EXPECT_DOUBLE_EQ(inherited.json.at("assumptions").at("discount_rate").as_double(), 0.1);
  EXPECT_EQ(inherited.json.at("version").as_int64(), 0) << "Beijing has none of its own";
  EXPECT_EQ(beijing_->Put(fmt::format("/api/v1/value-assumptions/{}", group_id_), R"({"margin":0.3})").status, 403)
      << "the group's hold for them but are not theirs to set";

  // A segment's value: its households with a home, summed and per household.
  const std::int64_t vanke = Preset(*manager_, "vanke5");
  ASSERT_EQ(manager_->Post(fmt::format("/api/v1/segment-models/{}/recompute", vanke), "").status, 200);
  auto segments = manager_->Get(fmt::format("/api/v1/segment-models/{}/value", vanke));
  ASSERT_EQ(segments.status, 200) << segments.body;
  std::int64_t households = 0, total = 0;
  for (const auto& c : segments.json.at("rows").as_array()[0].at("cells").as_array()) {
    if (c.at("sub").as_int64() >= 0) continue;
    households += c.at("households").as_int64();
    total += c.at("total").at("total_cents").as_int64();
    if (c.at("households").as_int64() == 1) {
      EXPECT_EQ(c.at("per_household").at("total_cents").as_int64(), again.json.at("value_cents").as_int64()) << segments.body;
    }
  }
  EXPECT_EQ(households, 1) << "the visitor has no home";
  EXPECT_EQ(total, again.json.at("value_cents").as_int64());

  // Taken away, Shenzhen inherits the group's again.
  auto cleared = manager_->Delete(at);
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.json.at("version").as_int64(), 0);
  EXPECT_EQ(cleared.json.at("source_unit_id").as_int64(), group_id_);
}

INSTANTIATE_TEST_SUITE_P(Backends, SegmentsApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
