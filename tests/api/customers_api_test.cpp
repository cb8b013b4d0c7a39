// Customer 360 over HTTP, on SQLite and PostgreSQL: validation, de-duplication, masking and
// reveal, search, timeline, merge and anonymisation.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

#include "modules/customers/resident_id.hpp"
#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

// A valid resident ID for a birth date and sequence (GB 11643 check character computed).
std::string ResidentIdFor(const std::string& birth_yyyymmdd, const std::string& sequence3) {
  const std::string first17 = "440304" + birth_yyyymmdd + sequence3;
  return first17 + customers::ResidentId::CheckCharacter(first17);
}

class CustomersApi : public ApiTest {
 protected:
  Reply Create(const std::string& json, Api* api = nullptr) { return (api ? api : admin_.get())->Post("/api/v1/customers", json); }
  std::int64_t CreateOk(const std::string& json) {
    auto r = Create(json);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Int("id") : 0;
  }
  std::int64_t CreateOrg(const std::string& name, const std::string& kind, std::int64_t parent) {
    auto r = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"{}","kind":"{}","parent_id":{}}})", name, kind, parent));
    return r.Int("id");
  }
  std::unique_ptr<Api> UserWithRole(const std::string& username, const std::string& role, std::int64_t org) {
    auto r = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"x","roles":["{}"],"org_unit_id":{}}})",
                                                       username, role, org));
    EXPECT_EQ(r.status, 201) << r.body;
    auto api = std::make_unique<Api>(*server_);
    EXPECT_EQ(api->Login(username, "Passw0rd-x").status, 200);
    return api;
  }
  static std::vector<std::int64_t> Ids(const Reply& r) {
    std::vector<std::int64_t> ids;
    for (const auto& c : r.json.at("items").as_array()) ids.push_back(c.at("id").as_int64());
    return ids;
  }
};

TEST_P(CustomersApi, CreateNormalisesPhonesAndDerivesFromTheResidentId) {
  const std::string id = ResidentIdFor("19900315", "123");  // odd sequence: male
  auto r = Create(fmt::format(R"({{"name":"王小文","phone":"+86 138-1234-5678","id_number":"{}",
      "phones":[{{"phone":"010-87654321","label":"home"}}],"marital_status":"married","children_birth_years":[2018,2021],
      "elders":1,"income_level":"middle","email":"xw@example.com","tags":["VIP","老业主"],"consent_marketing":true}})", id));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Str("phone"), "13812345678");
  EXPECT_EQ(r.json.at("phones").as_array().size(), 2u);
  EXPECT_EQ(r.json.at("phones").as_array()[1].at("phone").as_string(), "010-87654321");
  EXPECT_EQ(r.Str("id_type"), "resident_id");
  EXPECT_EQ(r.Str("gender"), "male");
  EXPECT_EQ(r.Str("birth_date"), "1990-03-15");
  EXPECT_EQ(r.json.at("children_birth_years").as_array().size(), 2u);
  EXPECT_EQ(r.json.at("tags").as_array()[1].as_string(), "老业主");
  EXPECT_TRUE(r.json.at("consent_marketing").as_bool());
  EXPECT_TRUE(r.json.at("consent_changed_at").is_string());
  EXPECT_EQ(r.Int("version"), 1);
  EXPECT_EQ(r.Int("org_unit_id"), group_id_);
}

TEST_P(CustomersApi, EveryBadFieldIsNamed) {
  auto r = Create(R"({"name":"","phone":"12345","email":"x@","gender":"robot","birth_date":"1990-02-30",
                      "children_birth_years":[1800],"income_level":"rich","tags":["a"]})");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.FieldReason("name"), "required");
  EXPECT_EQ(r.FieldReason("phone"), "invalid_format");
  EXPECT_EQ(r.FieldReason("email"), "invalid_format");
  EXPECT_EQ(r.FieldReason("gender"), "invalid_value");
  EXPECT_EQ(r.FieldReason("birth_date"), "invalid_format");
  EXPECT_EQ(r.FieldReason("children_birth_years[0]"), "invalid_value");
  EXPECT_EQ(r.FieldReason("income_level"), "invalid_value");
  EXPECT_EQ(Create(R"({"name":"张三"})").FieldReason("phone"), "required");
  EXPECT_EQ(Create(R"({"name":"张三","id_number":"110105194912310021"})").FieldReason("id_number"), "invalid_checksum");
  EXPECT_EQ(Create(R"({"name":"张三","id_number":"110105194902300025"})").FieldReason("id_number"), "invalid_birth_date");
  EXPECT_EQ(Create(R"({"name":"John","id_type":"passport","id_number":"e1"})").FieldReason("id_number"), "invalid_format");
  EXPECT_EQ(Create(R"({"name":"John","id_type":"passport","id_number":"E12345678"})").status, 201);
  EXPECT_EQ(Create(R"({"name":"陈","id_type":"hk_macau_permit","id_number":"H12345678"})").status, 201);
  EXPECT_EQ(Create(R"({"name":"x","phone":13812345678})").FieldReason("phone"), "must_be_string");
  EXPECT_EQ(Create(R"({"name":"x","phone":"13812345670","colour":"red"})").FieldReason("colour"), "unknown_field");
  EXPECT_EQ(Create(fmt::format(R"({{"name":"x","id_number":"{}","gender":"female"}})", ResidentIdFor("19900315", "123")))
                .FieldReason("gender"), "contradicts_id_number");
  auto list = admin_->Get("/api/v1/customers");
  EXPECT_EQ(list.json.at("items").as_array().size(), 2u) << "only the two valid ones were written";
}

TEST_P(CustomersApi, DuplicatesByPhoneOrIdAnswer409WithTheExistingId) {
  const std::string id = ResidentIdFor("19850101", "246");
  const auto first = CreateOk(fmt::format(R"({{"name":"李娜","phone":"13900001111","id_number":"{}"}})", id));
  auto by_phone = Create(R"({"name":"李娜娜","phone":"+8613900001111"})");
  EXPECT_EQ(by_phone.status, 409);
  EXPECT_EQ(by_phone.ErrorCode(), "duplicate_customer");
  EXPECT_EQ(by_phone.json.at("error").at("existing_id").as_int64(), first);
  EXPECT_EQ(by_phone.FieldReason("phone"), "taken");
  auto by_second_phone = Create(R"({"name":"x","phone":"13700000000","phones":["139 0000 1111"]})");
  EXPECT_EQ(by_second_phone.json.at("error").at("existing_id").as_int64(), first);
  auto by_id = Create(fmt::format(R"({{"name":"李娜","phone":"13700000001","id_number":"{}"}})", id));
  EXPECT_EQ(by_id.status, 409);
  EXPECT_EQ(by_id.json.at("error").at("existing_id").as_int64(), first);
  EXPECT_EQ(by_id.FieldReason("id_number"), "taken");
  const auto other = CreateOk(R"({"name":"赵六","phone":"13700000002"})");
  auto patch = admin_->Patch(fmt::format("/api/v1/customers/{}", other), R"({"phone":"13900001111"})");
  EXPECT_EQ(patch.status, 409);
  EXPECT_EQ(patch.json.at("error").at("existing_id").as_int64(), first);
}

TEST_P(CustomersApi, PatchChangesOnlyWhatIsSentAndChecksTheVersion) {
  const auto id = CreateOk(R"({"name":"周杰","phone":"13600000001","city":"深圳","occupation":"教师"})");
  const auto path = fmt::format("/api/v1/customers/{}", id);
  auto r = admin_->Patch(path, R"({"city":"广州","occupation":null})", {{"If-Match", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Str("city"), "广州");
  EXPECT_TRUE(r.json.at("occupation").is_null());
  EXPECT_EQ(r.Str("phone"), "13600000001");
  EXPECT_EQ(r.Int("version"), 2);
  auto stale = admin_->Patch(path, R"({"city":"北京"})", {{"If-Match", "1"}});
  EXPECT_EQ(stale.ErrorCode(), "version_conflict");
  EXPECT_EQ(admin_->Get(path).Str("city"), "广州");
  EXPECT_EQ(admin_->Patch(path, R"({"phone":null})").FieldReason("phone"), "required") << "nothing left to reach them by";
}

TEST_P(CustomersApi, PersonalDataIsMaskedAndRevealIsAudited) {
  const std::string id_number = ResidentIdFor("19800808", "135");
  const auto id = CreateOk(fmt::format(R"({{"name":"刘洋","phone":"13812345678","id_number":"{}"}})", id_number));
  auto agent = UserWithRole("agent.a", "agent", group_id_);
  auto viewer = UserWithRole("viewer.a", "viewer", group_id_);
  auto masked = agent->Get(fmt::format("/api/v1/customers/{}", id));
  EXPECT_EQ(masked.Str("phone"), "138****5678");
  EXPECT_EQ(masked.Str("id_number"), id_number.substr(0, 6) + "********" + id_number.substr(14));
  EXPECT_TRUE(masked.json.at("masked").as_bool());
  auto listed = agent->Get("/api/v1/customers");
  EXPECT_EQ(listed.json.at("items").as_array()[0].at("phone").as_string(), "138****5678");
  auto revealed = agent->Post(fmt::format("/api/v1/customers/{}/reveal", id), R"({"reason":"客户来电回拨"})");
  ASSERT_EQ(revealed.status, 200) << revealed.body;
  EXPECT_EQ(revealed.Str("phone"), "13812345678");
  EXPECT_EQ(revealed.Str("id_number"), id_number);
  EXPECT_EQ(viewer->Post(fmt::format("/api/v1/customers/{}/reveal", id), "").status, 403);
  EXPECT_EQ(agent->Post(fmt::format("/api/v1/customers/{}/reveal", id), R"({"reason":" "})").FieldReason("reason"), "required");
  auto audit = admin_->Get("/api/v1/audit-log?action=personal_data.revealed");
  ASSERT_EQ(audit.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(audit.json.at("items").as_array()[0].at("actor_username").as_string(), "agent.a");
  EXPECT_EQ(audit.json.at("items").as_array()[0].at("after").at("reason").as_string(), "客户来电回拨");
  // Administrators see it unmasked, and that read is audited too.
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/customers/{}", id)).Str("phone"), "13812345678");
  auto viewed = admin_->Get(fmt::format("/api/v1/audit-log?action=personal_data.viewed&entity_type=customer&entity_id={}", id));
  EXPECT_FALSE(viewed.json.at("items").as_array().empty());
}

TEST_P(CustomersApi, CustomersOfAnotherOrgUnitAreInvisible) {
  const auto south = CreateOrg("华南区域", "region", group_id_);
  const auto north = CreateOrg("华北区域", "region", group_id_);
  auto south_agent = UserWithRole("south.agent", "agent", south);
  auto north_agent = UserWithRole("north.agent", "agent", north);
  auto created = Create(R"({"name":"黄欣怡","phone":"13512340000"})", south_agent.get());
  ASSERT_EQ(created.status, 201);
  EXPECT_EQ(created.Int("org_unit_id"), south) << "defaults to the caller's unit";
  const auto path = fmt::format("/api/v1/customers/{}", created.Int("id"));
  EXPECT_EQ(north_agent->Get(path).status, 404);
  EXPECT_EQ(north_agent->Patch(path, R"({"city":"x"})").status, 404);
  EXPECT_TRUE(north_agent->Get("/api/v1/customers?q=欣怡").json.at("items").as_array().empty());
  EXPECT_EQ(south_agent->Get("/api/v1/customers?q=欣怡").json.at("items").as_array().size(), 1u);
  EXPECT_EQ(Create(fmt::format(R"({{"name":"x","phone":"13512340001","org_unit_id":{}}})", north), south_agent.get())
                .FieldReason("org_unit_id"), "not_found");
  auto viewer = UserWithRole("viewer.b", "viewer", group_id_);
  EXPECT_EQ(Create(R"({"name":"x","phone":"13512340002"})", viewer.get()).status, 403);
}

TEST_P(CustomersApi, SearchFindsNameFragmentsPhoneTailsAndIdFragmentsBestFirst) {
  const auto xiaowen = CreateOk(R"({"name":"小文","phone":"13800000001"})");
  const auto wang_xiaowen = CreateOk(R"({"name":"王小文","phone":"13800000002"})");
  const auto xiaowenjing = CreateOk(R"({"name":"小文静","phone":"13800000003"})");
  CreateOk(R"({"name":"文小","phone":"13800000004"})");  // the same characters in another order
  const auto tail = CreateOk(R"({"name":"陈欣怡","phone":"13912345678"})");
  const std::string id = ResidentIdFor("19751224", "555");
  const auto by_id = CreateOk(fmt::format(R"({{"name":"郑伟","phone":"13700000009","id_number":"{}"}})", id));

  auto names = admin_->Get("/api/v1/customers?q=小文");
  ASSERT_EQ(names.status, 200) << names.body;
  const auto ids = Ids(names);
  ASSERT_EQ(ids.size(), 3u) << names.body;
  EXPECT_EQ(ids[0], xiaowen) << "the exact name first";
  EXPECT_EQ(ids[1], xiaowenjing) << "then names starting with it";
  EXPECT_EQ(ids[2], wang_xiaowen);
  EXPECT_EQ(Ids(admin_->Get("/api/v1/customers?q=5678")), std::vector<std::int64_t>{tail});
  EXPECT_EQ(Ids(admin_->Get("/api/v1/customers?q=139%201234%205678")), std::vector<std::int64_t>{tail});
  EXPECT_EQ(Ids(admin_->Get("/api/v1/customers?q=" + id.substr(6, 8))), std::vector<std::int64_t>{by_id});
  EXPECT_EQ(Ids(admin_->Get("/api/v1/customers?q=欣怡")), std::vector<std::int64_t>{tail});
  EXPECT_TRUE(Ids(admin_->Get("/api/v1/customers?q=不存在")).empty());
  EXPECT_EQ(admin_->Get("/api/v1/customers?q=小").FieldReason("q"), "too_short");
  EXPECT_EQ(admin_->Get("/api/v1/customers?q=56").FieldReason("q"), "too_short");
  // A change of name or phone is searchable at once.
  admin_->Patch(fmt::format("/api/v1/customers/{}", tail), R"({"name":"陈静怡","phone":"13912340000"})");
  EXPECT_TRUE(Ids(admin_->Get("/api/v1/customers?q=欣怡")).empty());
  EXPECT_TRUE(Ids(admin_->Get("/api/v1/customers?q=5678")).empty());
  EXPECT_EQ(Ids(admin_->Get("/api/v1/customers?q=静怡")), std::vector<std::int64_t>{tail});
}

// A search says how many match and pages past its first 20, best first, without repeating one.
TEST_P(CustomersApi, SearchCountsTheMatchesAndPagesPastTheFirstTwenty) {
  std::set<std::int64_t> made;
  for (int i = 0; i < 25; ++i) made.insert(CreateOk(fmt::format(R"({{"name":"周子涵","phone":"1380000{:04}"}})", 100 + i)));
  CreateOk(R"({"name":"周子轩","phone":"13800009999"})");
  auto first = admin_->Get("/api/v1/customers?q=%E5%AD%90%E6%B6%B5");  // 子涵
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Int("total"), 25);
  EXPECT_FALSE(first.json.at("total_capped").as_bool());
  auto ids = Ids(first);
  ASSERT_EQ(ids.size(), 20u);
  ASSERT_TRUE(first.json.at("next_cursor").is_string());
  auto second = admin_->Get("/api/v1/customers?q=%E5%AD%90%E6%B6%B5&cursor=" + std::string(first.json.at("next_cursor").as_string()));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Int("total"), 25);
  EXPECT_TRUE(second.json.at("next_cursor").is_null());
  for (auto id : Ids(second)) ids.push_back(id);
  EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), made) << "every match once";
  EXPECT_EQ(ids.size(), 25u);
  EXPECT_EQ(admin_->Get("/api/v1/customers?q=%E5%AD%90%E6%B6%B5&cursor=x").status, 400);
}

TEST_P(CustomersApi, TimelineIsNewestFirstPagedAndFilterable) {
  const auto id = CreateOk(R"({"name":"孙丽","phone":"13300000001"})");
  const auto path = fmt::format("/api/v1/customers/{}", id);
  for (int i = 0; i < 4; ++i) admin_->Patch(path, fmt::format(R"({{"city":"城市{}"}})", i));
  auto first = admin_->Get(path + "/timeline?limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  const auto& items = first.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("summary").as_string(), "更新客户档案");
  EXPECT_GE(items[0].at("at").as_string(), items[1].at("at").as_string());
  EXPECT_EQ(items[0].at("kind").as_string(), "profile");
  EXPECT_EQ(items[0].at("ref_type").as_string(), "customer");
  std::set<std::int64_t> seen;
  std::string cursor(first.json.at("next_cursor").as_string());
  for (const auto& e : items) seen.insert(e.at("id").as_int64());
  while (!cursor.empty()) {
    auto page = admin_->Get(path + "/timeline?limit=2&cursor=" + cursor);
    for (const auto& e : page.json.at("items").as_array()) seen.insert(e.at("id").as_int64());
    cursor = page.json.at("next_cursor").is_null() ? "" : std::string(page.json.at("next_cursor").as_string());
  }
  EXPECT_EQ(seen.size(), 5u) << "created and four updates";
  EXPECT_TRUE(admin_->Get(path + "/timeline?kind=ticket").json.at("items").as_array().empty());
  EXPECT_EQ(admin_->Get(path + "/timeline?kind=profile").json.at("items").as_array().size(), 5u);
  EXPECT_EQ(admin_->Get(path + "/timeline?cursor=junk").status, 400);
}

TEST_P(CustomersApi, MergeMovesPhonesIdAndTimelineAndRetiresTheDuplicate) {
  const std::string id_number = ResidentIdFor("19920202", "224");
  const auto keep = CreateOk(R"({"name":"吴敏","phone":"13100000001","city":"杭州"})");
  const auto dup = CreateOk(fmt::format(R"({{"name":"吴敏","phone":"13100000002","id_number":"{}","email":"wm@example.com"}})", id_number));
  auto r = admin_->Post(fmt::format("/api/v1/customers/{}/merge", keep), fmt::format(R"({{"from_id":{}}})", dup));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("phones").as_array().size(), 2u);
  EXPECT_EQ(r.Str("id_number"), id_number);
  EXPECT_EQ(r.Str("email"), "wm@example.com");
  EXPECT_EQ(r.Str("city"), "杭州");
  auto gone = admin_->Get(fmt::format("/api/v1/customers/{}", dup));
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.json.at("error").at("merged_into").as_int64(), keep);
  auto timeline = admin_->Get(fmt::format("/api/v1/customers/{}/timeline", keep));
  EXPECT_EQ(timeline.json.at("items").as_array().size(), 3u) << "both creations and the merge";
  EXPECT_EQ(timeline.json.at("items").as_array()[0].at("kind").as_string(), "merge");
  // The phones now belong to the survivor: a new record with one is a duplicate of it.
  EXPECT_EQ(Create(R"({"name":"x","phone":"13100000002"})").json.at("error").at("existing_id").as_int64(), keep);
  EXPECT_EQ(Ids(admin_->Get("/api/v1/customers?q=0002")), std::vector<std::int64_t>{keep});
  EXPECT_EQ(admin_->Post(fmt::format("/api/v1/customers/{}/merge", keep), fmt::format(R"({{"from_id":{}}})", keep))
                .FieldReason("from_id"), "same_customer");
  auto audit = admin_->Get(fmt::format("/api/v1/audit-log?action=customer.merged&entity_id={}", keep));
  EXPECT_EQ(audit.json.at("items").as_array().size(), 1u);
}

TEST_P(CustomersApi, AnonymisationErasesPersonalDataAndKeepsTheRecord) {
  const auto id = CreateOk(fmt::format(R"({{"name":"郭静","phone":"13200000001","id_number":"{}","email":"gj@example.com","address":"深圳市南山区"}})",
                                       ResidentIdFor("19881111", "332")));
  auto agent = UserWithRole("agent.c", "agent", group_id_);
  EXPECT_EQ(agent->raw().Delete(fmt::format("/api/v1/customers/{}", id), {{"Authorization", "Bearer " + agent->token()}})->status, 403);
  auto r = ToReply(admin_->raw().Delete(fmt::format("/api/v1/customers/{}", id), {{"Authorization", "Bearer " + admin_->token()}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json.at("anonymized").as_bool());
  EXPECT_TRUE(r.json.at("phones").as_array().empty());
  EXPECT_TRUE(r.json.at("id_number").is_null());
  EXPECT_TRUE(r.json.at("email").is_null());
  EXPECT_TRUE(r.json.at("address").is_null());
  EXPECT_EQ(r.Str("name").find("郭静"), std::string::npos);
  EXPECT_TRUE(Ids(admin_->Get("/api/v1/customers?q=郭静")).empty());
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/customers/{}/timeline", id)).json.at("items").as_array().size(), 2u);
  EXPECT_EQ(Create(R"({"name":"新客户","phone":"13200000001"})").status, 201) << "the phone is free again";
}

TEST_P(CustomersApi, IdempotentCreateWritesOneCustomer) {
  const std::string body = R"({"name":"冯刚","phone":"13000000001"})";
  auto a = admin_->Post("/api/v1/customers", body, {{"Idempotency-Key", "c-1"}});
  auto b = admin_->Post("/api/v1/customers", body, {{"Idempotency-Key", "c-1"}});
  EXPECT_EQ(a.status, 201);
  EXPECT_EQ(b.body, a.body);
  EXPECT_EQ(admin_->Get("/api/v1/customers").json.at("items").as_array().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CustomersApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
