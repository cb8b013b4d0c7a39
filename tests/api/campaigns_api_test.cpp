// Campaigns over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock, an SMS provider and
// the WeChat API stood in locally): a campaign never sends to a customer without marketing consent
// or who opted out — checked when queued and again when their turn comes —, every message carries
// an unsubscribe link that works, WeChat template messages go with the account's token (taken
// again when it expired), the audiences by segment, project and tier, and who may do what.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <regex>

#include "support/api_fixture.hpp"
#include "support/sms_provider.hpp"
#include "support/wechat_api.hpp"

namespace hearth::test {
namespace {

class CampaignsApi : public ApiTest {
 protected:
  // 09:00 in China on 2026-12-07: inside the hours messages may go.
  std::vector<std::string> ExtraArgs() override {
    return {"--test-clock", "2026-12-07T01:00:00Z", "--sms-url", sms_.url(), "--wechat-url", wechat_.url()};
  }
  std::vector<std::pair<std::string, std::string>> ExtraEnv() override {
    return {{"HEARTH_WECHAT_APPID", WeChatApi::kAppId}, {"HEARTH_WECHAT_SECRET", WeChatApi::kSecret}};
  }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    company_ = Company("深圳公司");
    other_company_ = Company("北京公司");
    manager_ = User("kf.manager", "manager", company_);
    agent_ = User("kf.agent", "agent", company_);
    viewer_ = User("kf.viewer", "viewer", company_);
    beijing_ = User("bj.manager", "manager", other_company_);
  }

  std::int64_t Customer(const std::string& name, const std::string& contact, bool consent, std::int64_t org = 0) {
    auto c = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"{}",{},"org_unit_id":{},"consent_marketing":{}}})", name, contact,
                                                           org ? org : company_, consent ? "true" : "false"));
    EXPECT_EQ(c.status, 201) << c.body;
    return c.Int("id");
  }
  Reply Create(Api& api, const std::string& fields) { return api.Post("/api/v1/campaigns", "{" + fields + "}"); }
  Reply Send(Api& api, std::int64_t id) {
    const auto version = api.Get(fmt::format("/api/v1/campaigns/{}", id)).Int("version");
    return api.Post(fmt::format("/api/v1/campaigns/{}/send", id), "", {{"If-Match", std::to_string(version)}});
  }
  /// Minutes pass; the jobs that fall due run before the answer.
  void MinutesPass(int minutes) {
    ASSERT_EQ(admin_->Put("/api/v1/test/clock", fmt::format(R"({{"advance_minutes":{}}})", minutes)).status, 200);
  }
  static std::string TokenIn(const std::string& text) {
    std::smatch m;
    return std::regex_search(text, m, std::regex("/u/([0-9]+-[A-Za-z0-9_-]{12})")) ? m[1].str() : std::string();
  }

  SmsProvider sms_;
  WeChatApi wechat_;
  std::int64_t company_ = 0, other_company_ = 0;
  std::unique_ptr<Api> manager_, agent_, viewer_, beijing_;
};

TEST_P(CampaignsApi, NeverSendsWithoutConsentAndEveryMessageCanBeUnsubscribed) {
  const auto consented = Customer("陈志强", R"("phone":"13800138001")", true);
  const auto refused = Customer("王芳", R"("phone":"13800138002")", false);
  const auto opted = Customer("李娜", R"("phone":"13800138003")", true);
  const auto unreachable = Customer("张伟", R"("id_number":"11010519491231002X","email":"zhangwei@example.cn")", true);
  Customer("北京客户", R"("phone":"13900139001")", true, other_company_);  // another company's: out of scope
  // A customer who told the hotline "no more SMS".
  auto out = agent_->Put(fmt::format("/api/v1/customers/{}/marketing/opt-outs/sms", opted), "");
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(out.json.at("opt_outs").as_array().size(), 1u);
  EXPECT_EQ(agent_->Delete(fmt::format("/api/v1/customers/{}/marketing/opt-outs/sms", opted)).status, 403) << "taking it back is a manager's";

  const std::string body = R"("name":"周六品鉴会","channel":"sms","audience":{"kind":"all"},"template":"{name}您好，诚邀您周六参加品鉴会。","quiet_hours":false)";
  EXPECT_EQ(Create(*agent_, body).status, 403) << "campaigns are managers'";
  auto count = manager_->Post("/api/v1/campaigns/audience-count", R"({"channel":"sms","audience":{"kind":"all"}})");
  ASSERT_EQ(count.status, 200) << count.body;
  EXPECT_EQ(count.Int("audience"), 4);
  EXPECT_EQ(count.Int("eligible"), 1);
  EXPECT_EQ(count.Int("no_consent"), 1);
  EXPECT_EQ(count.Int("opted_out"), 1);
  EXPECT_EQ(count.Int("no_address"), 1);
  EXPECT_EQ(count.Str("label"), "全部客户");

  auto bad = Create(*manager_, R"("name":"x","channel":"sms","audience":{"kind":"all"},"template":"您好{姓名}")");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("unknown_placeholder@2"), std::string::npos) << bad.body;
  EXPECT_EQ(Create(*manager_, R"("name":"x","channel":"email","audience":{"kind":"all"},"template":"您好")").status, 422) << "e-mail needs a subject";

  auto made = Create(*manager_, body);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = made.Int("id");
  EXPECT_EQ(made.Str("status"), "draft");
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/campaigns/{}", id)).status, 404) << "another company's campaign";
  EXPECT_EQ(viewer_->Get(fmt::format("/api/v1/campaigns/{}", id)).status, 200);
  auto sent = Send(*manager_, id);
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.Str("status"), "queuing");
  EXPECT_EQ(Send(*manager_, id).status, 409) << "sent once";
  MinutesPass(0);

  auto done = manager_->Get(fmt::format("/api/v1/campaigns/{}", id));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Str("status"), "done");
  EXPECT_EQ(done.Int("audience_count"), 4);
  EXPECT_EQ(done.Int("queued_count"), 1);
  const auto& skipped = done.json.at("skipped").as_object();
  EXPECT_EQ(skipped.at("no_consent").as_int64(), 1);
  EXPECT_EQ(skipped.at("opted_out").as_int64(), 1);
  EXPECT_EQ(skipped.at("no_address").as_int64(), 1);
  const auto received = sms_.WaitFor(1);
  ASSERT_EQ(received.size(), 1u) << "one message: to the one who consented";
  EXPECT_EQ(received.front().to, "13800138001");
  EXPECT_NE(received.front().text.find("陈志强您好"), std::string::npos) << received.front().text;
  EXPECT_NE(received.front().text.find(" 退订："), std::string::npos) << received.front().text;
  auto log = agent_->Get(fmt::format("/api/v1/campaigns/{}/recipients", id));
  ASSERT_EQ(log.status, 200) << log.body;
  ASSERT_EQ(log.Int("total"), 1);
  const auto& row = log.json.at("items").as_array().front().as_object();
  EXPECT_EQ(row.at("customer_id").as_int64(), consented);
  EXPECT_EQ(row.at("customer_name").as_string(), "陈志强");
  EXPECT_EQ(row.at("status").as_string(), "sent");
  EXPECT_EQ(row.at("address").as_string(), "138****8001") << "masked for an agent";
  (void)refused;
  (void)unreachable;

  // The link of the message: who sent it, then no more SMS from this group.
  const std::string token = TokenIn(received.front().text);
  ASSERT_FALSE(token.empty()) << received.front().text;
  Api owner(*server_);
  auto page = owner.Get("/api/v1/public/unsubscribe/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Str("campaign"), "周六品鉴会");
  EXPECT_FALSE(page.json.at("opted_out").as_bool());
  EXPECT_EQ(owner.Get("/api/v1/public/unsubscribe/" + token.substr(0, token.size() - 1) + "x").status, 404) << "a guessed secret";
  auto gone = owner.Post("/api/v1/public/unsubscribe/" + token, "");
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_TRUE(gone.json.at("opted_out").as_bool());
  auto prefs = agent_->Get(fmt::format("/api/v1/customers/{}/marketing", consented));
  ASSERT_EQ(prefs.status, 200) << prefs.body;
  ASSERT_EQ(prefs.json.at("opt_outs").as_array().size(), 1u);
  EXPECT_EQ(prefs.json.at("opt_outs").as_array().front().at("source").as_string(), "link");
  EXPECT_EQ(prefs.json.at("opt_outs").as_array().front().at("campaign_name").as_string(), "周六品鉴会");
  EXPECT_EQ(manager_->Get(fmt::format("/api/v1/campaigns/{}", id)).json.at("results").at("unsubscribed").as_int64(), 1);

  // The same campaign again: nobody is left to send to.
  auto again = Create(*manager_, body);
  ASSERT_EQ(again.status, 201) << again.body;
  ASSERT_EQ(Send(*manager_, again.Int("id")).status, 200);
  MinutesPass(1);
  auto second = manager_->Get(fmt::format("/api/v1/campaigns/{}", again.Int("id")));
  EXPECT_EQ(second.Str("status"), "done");
  EXPECT_EQ(second.Int("queued_count"), 0);
  EXPECT_EQ(second.json.at("skipped").at("opted_out").as_int64(), 2);
  EXPECT_EQ(sms_.Received().size(), 1u) << "no message without consent, ever";
}

TEST_P(CampaignsApi, ConsentWithdrawnBeforeItsTurnStopsTheMessageAndNightsWait) {
  const auto first = Customer("业主甲", R"("phone":"13700000001")", true);
  const auto second = Customer("业主乙", R"("phone":"13700000002")", true);
  // One a minute: the second waits its turn.
  auto made = Create(*manager_, R"("name":"交付提醒","channel":"sms","audience":{"kind":"all"},"template":"{name}您好","rate_per_minute":1,"quiet_hours":false)");
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = made.Int("id");
  ASSERT_EQ(Send(*manager_, id).status, 200);
  MinutesPass(0);
  ASSERT_EQ(sms_.WaitFor(1).size(), 1u);
  EXPECT_EQ(manager_->Get(fmt::format("/api/v1/campaigns/{}", id)).Str("status"), "sending");
  // Before the second's turn they withdraw their consent.
  auto withdrawn = admin_->Patch(fmt::format("/api/v1/customers/{}", second), R"({"consent_marketing":false})");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  MinutesPass(1);
  MinutesPass(1);
  auto done = manager_->Get(fmt::format("/api/v1/campaigns/{}", id));
  EXPECT_EQ(done.Str("status"), "done") << done.body;
  EXPECT_EQ(done.Int("queued_count"), 2);
  EXPECT_EQ(done.json.at("results").at("skipped_at_send").as_int64(), 1);
  EXPECT_EQ(sms_.Received().size(), 1u);
  auto skipped = manager_->Get(fmt::format("/api/v1/campaigns/{}/recipients?status=skipped", id));
  ASSERT_EQ(skipped.Int("total"), 1) << skipped.body;
  EXPECT_EQ(skipped.json.at("items").as_array().front().at("customer_id").as_int64(), second);
  EXPECT_EQ(skipped.json.at("items").as_array().front().at("reason").as_string(), "no_consent");
  (void)first;

  // At 21:30 in China a campaign with quiet hours waits for 08:00.
  Customer("业主丙", R"("phone":"13700000003")", true);
  ASSERT_EQ(admin_->Put("/api/v1/test/clock", R"({"now":"2026-12-07T13:30:00Z"})").status, 200);
  ASSERT_EQ(manager_->Login("kf.manager", "Passw0rd-x").status, 200);
  auto night = Create(*manager_, R"("name":"夜间测试","channel":"sms","audience":{"kind":"all"},"template":"{name}您好")");
  ASSERT_EQ(night.status, 201) << night.body;
  ASSERT_EQ(Send(*manager_, night.Int("id")).status, 200);
  MinutesPass(60);
  EXPECT_EQ(sms_.Received().size(), 1u) << "nothing at night";
  EXPECT_EQ(manager_->Get(fmt::format("/api/v1/campaigns/{}", night.Int("id"))).Str("status"), "sending");
  ASSERT_EQ(admin_->Put("/api/v1/test/clock", R"({"now":"2026-12-08T00:00:00Z"})").status, 200);
  EXPECT_EQ(sms_.WaitFor(3).size(), 3u) << "at 08:00: 业主甲 and 业主丙 (业主乙 withdrew)";
}

TEST_P(CampaignsApi, WeChatTemplateMessagesGoWithTheAccountsToken) {
  const auto follower = Customer("关注者", R"("phone":"13600000001")", true);
  const auto gone = Customer("取关者", R"("phone":"13600000002")", true);
  Customer("未关注", R"("phone":"13600000003")", true);
  ASSERT_EQ(agent_->Put(fmt::format("/api/v1/customers/{}/marketing/wechat", follower), R"({"openid":"oFollower0000000000000000001"})").status, 200);
  ASSERT_EQ(agent_->Put(fmt::format("/api/v1/customers/{}/marketing/wechat", gone), R"({"openid":"oUnfollowed00000000000000002"})").status, 200);
  EXPECT_EQ(agent_->Put(fmt::format("/api/v1/customers/{}/marketing/wechat", gone), R"({"openid":"bad id!"})").status, 422);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/customers/{}/marketing", follower)).Str("wechat_openid"), "oFol***") << "masked for an agent";
  wechat_.unfollowed = "oUnfollowed00000000000000002";

  auto made = Create(*manager_, R"("name":"业主答谢会","channel":"wechat","audience":{"kind":"all"},"template":"{name}您好，感谢一年来的陪伴",
    "wechat_template_id":"TM0001","wechat_fields":{"keyword1":"业主答谢会","remark":"详询 400-000-0000"},"quiet_hours":false)");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(Create(*manager_, R"("name":"x","channel":"wechat","audience":{"kind":"all"},"template":"您好")").status, 422) << "a template id";
  wechat_.expire = true;  // the first token expires: the gateway takes another
  ASSERT_EQ(Send(*manager_, made.Int("id")).status, 200);
  MinutesPass(0);
  const auto received = wechat_.Received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received.front().touser, "oFollower0000000000000000001");
  EXPECT_EQ(received.front().template_id, "TM0001");
  EXPECT_EQ(received.front().data.at("first").at("value").as_string(), "关注者您好，感谢一年来的陪伴");
  EXPECT_EQ(received.front().data.at("keyword1").at("value").as_string(), "业主答谢会");
  const std::string remark(received.front().data.at("remark").at("value").as_string());
  EXPECT_NE(remark.find("详询 400-000-0000 退订："), std::string::npos) << remark;
  EXPECT_EQ(wechat_.tokens(), 2) << "taken again once when it expired";
  auto c = manager_->Get(fmt::format("/api/v1/campaigns/{}", made.Int("id")));
  EXPECT_EQ(c.json.at("skipped").at("no_address").as_int64(), 1) << "not a follower";
  EXPECT_EQ(c.json.at("results").at("delivered").as_int64(), 1);
  EXPECT_EQ(c.json.at("results").at("failed").as_int64(), 1) << "unfollowed: failed at once, not retried";
  auto log = manager_->Get(fmt::format("/api/v1/campaigns/{}/recipients", made.Int("id")));
  ASSERT_EQ(log.Int("total"), 2) << log.body;
  std::map<std::int64_t, std::string> status;
  for (const auto& r : log.json.at("items").as_array()) status[r.at("customer_id").as_int64()] = std::string(r.at("message_status").as_string());
  EXPECT_EQ(status[follower], "sent");
  EXPECT_EQ(status[gone], "failed");
}

TEST_P(CampaignsApi, AudiencesBySegmentProjectAndTier) {
  auto project = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"四季花城","city":"深圳","org_unit_id":{}}})", company_));
  ASSERT_EQ(project.status, 201) << project.body;
  auto units = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project.Int("id")),
                            R"({"building":"1","entrance":"1","floor_from":1,"floor_to":1,"rooms":[{"suffix":"01","area_m2":89,"list_price_cents":300000000},{"suffix":"02","area_m2":89,"list_price_cents":300000000}]})");
  ASSERT_EQ(units.status, 201) << units.body;
  const auto owner = Customer("业主", R"("phone":"13500000001","birth_date":"1950-01-01")", true);
  Customer("非业主", R"("phone":"13500000002","birth_date":"1995-01-01")", true);
  const auto unit = units.json.at("items").as_array().front().at("id").as_int64();
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", unit), R"({"status":"pledged"})").status, 200);
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", unit), R"({"status":"contracted"})").status, 200);
  ASSERT_EQ(admin_->Post(fmt::format("/api/v1/units/{}/owners", unit), fmt::format(R"({{"customer_id":{},"share":1}})", owner)).status, 201);

  const auto count = [&](const std::string& audience) {
    auto c = manager_->Post("/api/v1/campaigns/audience-count", R"({"channel":"sms","audience":)" + audience + "}");
    EXPECT_EQ(c.status, 200) << audience << " " << c.body;
    return c;
  };
  auto owners = count(fmt::format(R"({{"kind":"project","project_id":{}}})", project.Int("id")));
  EXPECT_EQ(owners.Int("eligible"), 1);
  EXPECT_EQ(owners.Str("label"), "四季花城 业主");
  EXPECT_EQ(beijing_->Post("/api/v1/campaigns/audience-count",
                           fmt::format(R"({{"channel":"sms","audience":{{"kind":"project","project_id":{}}}}})", project.Int("id")))
                .status,
            422)
      << "another company's project";

  // The club: the owner joins; every member, and the basic tier.
  ASSERT_EQ(agent_->Post("/api/v1/club/members", fmt::format(R"({{"customer_id":{}}})", owner)).status, 201);
  EXPECT_EQ(count(R"({"kind":"tier"})").Int("eligible"), 1);
  EXPECT_EQ(count(R"({"kind":"tier","tier":"basic"})").Str("label"), "万客会 普卡会员");
  EXPECT_EQ(count(R"({"kind":"tier","tier":"gold"})").Int("eligible"), 0);
  EXPECT_EQ(manager_->Post("/api/v1/campaigns/audience-count", R"({"channel":"sms","audience":{"kind":"tier","tier":"iron"}})").status, 422);

  // A segment of vanke5 once computed: the owner born in 1950 is 健康养老.
  auto models = manager_->Get("/api/v1/segment-models");
  ASSERT_EQ(models.status, 200) << models.body;
  std::int64_t vanke5 = 0;
  for (const auto& m : models.json.at("items").as_array()) {
    if (m.at("preset").is_string() && m.at("preset").as_string() == "vanke5") vanke5 = m.at("id").as_int64();
  }
  ASSERT_NE(vanke5, 0);
  ASSERT_EQ(admin_->Post(fmt::format("/api/v1/segment-models/{}/recompute", vanke5), "").status, 200);
  auto ageing = count(fmt::format(R"({{"kind":"segment","model_id":{},"segments":["healthy_ageing"]}})", vanke5));
  EXPECT_EQ(ageing.Int("audience"), 1);
  EXPECT_EQ(ageing.Str("label"), "万科五类客户：健康养老");
  EXPECT_EQ(manager_->Post("/api/v1/campaigns/audience-count",
                           fmt::format(R"({{"channel":"sms","audience":{{"kind":"segment","model_id":{},"segments":["nope"]}}}})", vanke5))
                .status,
            422);
  // Picked customers: only those in scope count.
  auto picked = count(fmt::format(R"({{"kind":"customers","customer_ids":[{},{}]}})", owner, owner + 1000));
  EXPECT_EQ(picked.Int("audience"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignsApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
