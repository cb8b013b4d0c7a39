// The owners' club (万客会) over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock):
// enrolment and who sees a member, points earned and spent from the lots that expire first,
// expiry by the nightly job, tiers up at once, 64 redemptions racing for one balance, and the
// points a member earns when a contract of theirs is signed.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

class ClubApi : public ApiTest {
 protected:
  // 09:00 in China on 2026-12-07.
  std::vector<std::string> ExtraArgs() override { return {"--test-clock", "2026-12-07T01:00:00Z"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    company_ = Company("深圳公司");
    other_company_ = Company("北京公司");
    agent_ = User("kf.agent", "agent", company_);
    beijing_ = User("bj.agent", "agent", other_company_);
    owner_ = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"陈志强","phone":"13800138001","org_unit_id":{}}})", company_)).Int("id");
  }

  std::int64_t Enrol(std::int64_t customer) {
    auto m = agent_->Post("/api/v1/club/members", fmt::format(R"({{"customer_id":{}}})", customer));
    EXPECT_EQ(m.status, 201) << m.body;
    return m.Int("id");
  }
  Reply Points(Api& api, std::int64_t member, std::int64_t delta, const std::string& reason, const std::string& ref = "") {
    return api.Post(fmt::format("/api/v1/club/members/{}/points", member),
                    ref.empty() ? fmt::format(R"({{"delta":{},"reason":"{}"}})", delta, reason)
                                : fmt::format(R"({{"delta":{},"reason":"{}","ref":"{}"}})", delta, reason, ref));
  }
  /// Days pass (the jobs that fall due run); sessions last 12 hours, so everyone signs in again.
  void DaysPass(int days) {
    ASSERT_EQ(admin_->Put("/api/v1/test/clock", fmt::format(R"({{"advance_minutes":{}}})", days * 1440)).status, 200);
    ASSERT_EQ(admin_->Login("admin", TestServer::kAdminPassword).status, 200);
    ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  }

  std::int64_t company_ = 0, other_company_ = 0, owner_ = 0;
  std::unique_ptr<Api> agent_, beijing_;
};

TEST_P(ClubApi, MembersEarnAndSpendFromTheLotsThatExpireFirst) {
  const auto member = Enrol(owner_);
  auto m = agent_->Get(fmt::format("/api/v1/club/members/{}", member));
  ASSERT_EQ(m.status, 200) << m.body;
  EXPECT_EQ(m.Str("member_no").substr(0, 6), "WK2026");
  EXPECT_EQ(m.Str("tier_name"), "普卡");
  EXPECT_EQ(m.Str("customer_name"), "陈志强");
  EXPECT_EQ(m.Int("balance"), 0);
  EXPECT_EQ(agent_->Post("/api/v1/club/members", fmt::format(R"({{"customer_id":{}}})", owner_)).status, 409) << "a member already";
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/club/members/{}", member)).status, 404) << "another company's customer";
  EXPECT_EQ(beijing_->Get("/api/v1/club/members").json.at("total").as_int64(), 0);
  auto listed = agent_->Get("/api/v1/club/members?tier=basic");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json.at("total").as_int64(), 1);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/customers/{}/club", owner_)).json.at("member").at("id").as_int64(), member);

  // Lots of 30 days: 500 earned today, 300 in twenty days.
  auto settings = admin_->Get("/api/v1/club/settings");
  ASSERT_EQ(settings.status, 200) << settings.body;
  auto rules = settings.json.as_object();
  rules["expiry_days"] = 30;
  rules.erase("version");
  EXPECT_EQ(agent_->Put("/api/v1/club/settings", boost::json::serialize(rules)).status, 403) << "the group's managers set the rules";
  ASSERT_EQ(admin_->Put("/api/v1/club/settings", boost::json::serialize(rules)).status, 200);
  EXPECT_EQ(Points(*agent_, member, 500, "adjustment").status, 403) << "only a manager adjusts by hand";
  EXPECT_EQ(Points(*agent_, member, 500, "gift").status, 422);
  EXPECT_EQ(Points(*agent_, member, 0, "event").status, 422);
  auto earned = Points(*agent_, member, 500, "event", "event:1");
  ASSERT_EQ(earned.status, 201) << earned.body;
  EXPECT_EQ(earned.Int("balance_after"), 500);
  EXPECT_EQ(Points(*agent_, member, 500, "event", "event:1").status, 409) << "earned once per event";
  DaysPass(20);
  ASSERT_EQ(Points(*agent_, member, 300, "survey", "survey:1").status, 201);
  // 200 spent come from the first lot, which expires first.
  auto spent = Points(*agent_, member, -200, "redeem");
  ASSERT_EQ(spent.status, 201) << spent.body;
  EXPECT_EQ(spent.Int("balance_after"), 600);
  m = agent_->Get(fmt::format("/api/v1/club/members/{}", member));
  EXPECT_EQ(m.Int("expiring_points"), 300) << "what is left of the first lot expires next: " << m.body;

  // Fifteen days on, the nightly job has expired the first lot's 300: 300 are left.
  DaysPass(15);
  m = agent_->Get(fmt::format("/api/v1/club/members/{}", member));
  EXPECT_EQ(m.Int("balance"), 300) << m.body;
  auto over = Points(*agent_, member, -400, "redeem");
  EXPECT_EQ(over.status, 409);
  EXPECT_EQ(over.ErrorCode(), "insufficient_points");
  EXPECT_EQ(Points(*agent_, member, -300, "redeem").Int("balance_after"), 0);
  auto ledger = agent_->Get(fmt::format("/api/v1/club/members/{}/points", member));
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  std::vector<std::pair<std::string, std::int64_t>> lines;
  for (const auto& l : ledger.json.at("items").as_array()) lines.emplace_back(std::string(l.at("reason").as_string()), l.at("delta").as_int64());
  EXPECT_EQ(lines, (std::vector<std::pair<std::string, std::int64_t>>{{"redeem", -300}, {"expired", -300}, {"redeem", -200}, {"survey", 300}, {"event", 500}}));

  // Tiers: up at once when the last twelve months' points reach one.
  ASSERT_EQ(Points(*agent_, member, 1300, "event", "event:2").status, 201);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/club/members/{}", member)).Str("tier"), "silver") << "2,100 earned this year";
}

TEST_P(ClubApi, SixtyFourRedemptionsRacingNeverOverdraw) {
  const auto member = Enrol(owner_);
  ASSERT_EQ(Points(*admin_, member, 1000, "adjustment").status, 201);
  constexpr int kClients = 64;
  std::vector<std::unique_ptr<Api>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::make_unique<Api>(*server_));
    clients.back()->SetToken(agent_->token());
  }
  std::atomic<int> spent{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto r = Points(*clients[i], member, -100, "redeem");
      if (r.status == 201) {
        ++spent;
      } else if (r.status == 409 && r.ErrorCode() == "insufficient_points") {
        ++refused;
      } else {
        ++other;
        ADD_FAILURE() << r.status << " " << r.body;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(spent.load(), 10);
  EXPECT_EQ(refused.load(), kClients - 10);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/club/members/{}", member)).Int("balance"), 0);
  auto ledger = agent_->Get(fmt::format("/api/v1/club/members/{}/points?limit=100", member));
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  std::int64_t sum = 0;
  for (const auto& l : ledger.json.at("items").as_array()) {
    sum += l.at("delta").as_int64();
    EXPECT_GE(l.at("balance_after").as_int64(), 0);
  }
  EXPECT_EQ(ledger.json.at("items").as_array().size(), 11u);
  EXPECT_EQ(sum, 0);
}

TEST_P(ClubApi, AMemberEarnsWhenTheirContractIsSigned) {
  const auto project = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"四季花城","city":"深圳","org_unit_id":{}}})", company_)).Int("id");
  auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project),
                           R"({"building":"3","entrance":"1","floor_from":1,"floor_to":1,"rooms":[{"suffix":"01","area_m2":89,"list_price_cents":300000000}]})");
  ASSERT_EQ(bulk.status, 201) << bulk.body;
  const auto unit = bulk.json.at("items").as_array()[0].at("id").as_int64();
  const auto member = Enrol(owner_);
  auto sub = admin_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":[{{"customer_id":{},"share":1}}],"price_cents":298000000,"deposit_cents":5000000}})",
                                                               unit, owner_));
  ASSERT_EQ(sub.status, 201) << sub.body;
  auto contract = admin_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"SZ-2026-0101","signed_on":"2026-12-07","total_cents":298000000,
      "payment_plan":[{{"due_on":"2026-12-10","amount_cents":298000000,"kind":"down_payment"}}]}})", sub.Int("id")));
  ASSERT_EQ(contract.status, 201) << contract.body;
  auto m = agent_->Get(fmt::format("/api/v1/club/members/{}", member));
  EXPECT_EQ(m.Int("balance"), 1000) << m.body;  // the group's purchase points
  auto ledger = agent_->Get(fmt::format("/api/v1/club/members/{}/points", member));
  ASSERT_EQ(ledger.json.at("items").as_array().size(), 1u) << ledger.body;
  EXPECT_EQ(ledger.json.at("items").as_array()[0].at("reason").as_string(), "purchase");
  EXPECT_EQ(ledger.json.at("items").as_array()[0].at("ref").as_string(), fmt::format("contract:{}", contract.Int("id")));

  // Members against the other owners: the member owns a home; the other owner, two.
  const auto other = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"林晓燕","phone":"13800138002","org_unit_id":{}}})", company_)).Int("id");
  for (const auto& room : {"02", "03"}) {
    auto more = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project),
                             fmt::format(R"({{"building":"5","entrance":"1","floor_from":1,"floor_to":1,"rooms":[{{"suffix":"{}","area_m2":89}}]}})", room));
    ASSERT_EQ(more.status, 201) << more.body;
    const auto u = more.json.at("items").as_array()[0].at("id").as_int64();
    ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", u), R"({"status":"pledged"})").status, 200);
    ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", u), R"({"status":"contracted"})").status, 200);
    ASSERT_EQ(admin_->Post(fmt::format("/api/v1/units/{}/owners", u), fmt::format(R"({{"customer_id":{},"share":1}})", other)).status, 201);
  }
  EXPECT_EQ(agent_->Post("/api/v1/club/rates/recompute", "").status, 403);
  auto rates = admin_->Post("/api/v1/club/rates/recompute", "");
  ASSERT_EQ(rates.status, 200) << rates.body;
  auto mine = agent_->Get("/api/v1/club/rates");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("members").at("owners").as_int64(), 1) << mine.body;
  EXPECT_EQ(mine.json.at("members").at("repurchased").as_int64(), 0);
  EXPECT_EQ(mine.json.at("others").at("owners").as_int64(), 1);
  EXPECT_DOUBLE_EQ(mine.json.at("others").at("repurchase_rate").as_double(), 1.0);
  EXPECT_TRUE(mine.json.at("members").at("rebuy_rate").is_null()) << "nobody answered";
  EXPECT_EQ(beijing_->Get("/api/v1/club/rates").json.at("members").at("owners").as_int64(), 0) << "another company's owners";
}

TEST_P(ClubApi, EventsNeverOverfillAndACheckInEarnsOnce) {
  // Eight members race for three places.
  std::vector<std::int64_t> members;
  for (int i = 0; i < 8; ++i) {
    const auto c = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"业主{}","phone":"1390000{:04}","org_unit_id":{}}})", i, i, company_)).Int("id");
    members.push_back(Enrol(c));
  }
  auto event = agent_->Post("/api/v1/club/events", R"({"title":"亲子植树","place":"四季花城中心花园","starts_at":"2026-12-12T01:00:00Z",
      "ends_at":"2026-12-12T04:00:00Z","capacity":3,"points":200})");
  ASSERT_EQ(event.status, 201) << event.body;
  const auto id = event.Int("id");
  EXPECT_TRUE(event.json.at("editable").as_bool());
  EXPECT_EQ(agent_->Post("/api/v1/club/events", R"({"title":"倒着的活动","starts_at":"2026-12-12T04:00:00Z","ends_at":"2026-12-12T01:00:00Z","capacity":3})")
                .FieldReason("ends_at"),
            "before_start");
  std::vector<std::unique_ptr<Api>> clients;
  for (std::size_t i = 0; i < members.size(); ++i) {
    clients.push_back(std::make_unique<Api>(*server_));
    clients.back()->SetToken(agent_->token());
  }
  std::atomic<int> signed_up{0}, full{0}, other{0};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < members.size(); ++i) {
    threads.emplace_back([&, i] {
      auto r = clients[i]->Post(fmt::format("/api/v1/club/events/{}/signups", id), fmt::format(R"({{"member_id":{}}})", members[i]));
      if (r.status == 201) ++signed_up;
      else if (r.status == 409 && r.ErrorCode() == "event_full") ++full;
      else ++other, ADD_FAILURE() << r.status << " " << r.body;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(signed_up.load(), 3);
  EXPECT_EQ(full.load(), 5);
  EXPECT_EQ(other.load(), 0);
  auto signups = agent_->Get(fmt::format("/api/v1/club/events/{}/signups", id));
  ASSERT_EQ(signups.status, 200) << signups.body;
  ASSERT_EQ(signups.json.at("items").as_array().size(), 3u);
  const auto first = signups.json.at("items").as_array()[0];
  EXPECT_EQ(std::string(first.at("customer_name").as_string()).substr(0, 6), "业主");
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/club/events/{}/signups", id), fmt::format(R"({{"member_id":{}}})", first.at("member_id").as_int64()))
                .ErrorCode(),
            "already_signed");

  // A place given back is taken again; a check-in earns the event's points once.
  auto cancelled = agent_->Post(fmt::format("/api/v1/club/event-signups/{}/cancel", first.at("id").as_int64()), "");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/club/events/{}", id)).Int("signed_up"), 2);
  std::int64_t late = 0;
  for (const auto m : members) {
    auto r = agent_->Post(fmt::format("/api/v1/club/events/{}/signups", id), fmt::format(R"({{"member_id":{}}})", m));
    if (r.status == 201) {
      late = r.Int("id");
      break;
    }
  }
  ASSERT_NE(late, 0);
  auto came = agent_->Post(fmt::format("/api/v1/club/event-signups/{}/check-in", late), "");
  ASSERT_EQ(came.status, 200) << came.body;
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/club/members/{}", came.Int("member_id"))).Int("balance"), 200);
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/club/event-signups/{}/check-in", late), "").ErrorCode(), "already_checked_in");
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/club/members/{}", came.Int("member_id"))).Int("balance"), 200) << "earned once";
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/club/events/{}", id)).status, 404) << "another company's event";

  // A gold members' evening refuses a basic member; offers are the managers'.
  auto gold = agent_->Post("/api/v1/club/events", R"({"title":"金卡答谢会","starts_at":"2026-12-20T10:00:00Z","ends_at":"2026-12-20T13:00:00Z","capacity":50,"tier_min":"gold"})");
  ASSERT_EQ(gold.status, 201) << gold.body;
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/club/events/{}/signups", gold.Int("id")), fmt::format(R"({{"member_id":{}}})", members[0]))
                .FieldReason("member_id"),
            "tier_too_low");
  EXPECT_EQ(agent_->Post("/api/v1/club/events", R"({"title":"x","starts_at":"2026-12-20T10:00:00Z","ends_at":"2026-12-20T13:00:00Z","capacity":5,"tier_min":"platinum"})")
                .FieldReason("tier_min"),
            "unknown_tier");
  const std::string offer = R"({"merchant":"万科物业","title":"物业费九五折","valid_from":"2026-12-01","valid_to":"2027-06-30","tier_min":"silver"})";
  EXPECT_EQ(agent_->Post("/api/v1/club/offers", offer).status, 403);
  auto made = admin_->Post("/api/v1/club/offers", offer);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(agent_->Get("/api/v1/club/offers?current=true").json.at("total").as_int64(), 1);
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/club/offers/{}", made.Int("id")), R"({"status":"withdrawn"})").status, 200);
  EXPECT_EQ(agent_->Get("/api/v1/club/offers?current=true").json.at("total").as_int64(), 0);
  EXPECT_EQ(agent_->Get("/api/v1/club/offers").json.at("total").as_int64(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ClubApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
