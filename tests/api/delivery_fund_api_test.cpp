// 一路同行 fund over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock): a company's ledger
// of inflows and approved spending whose balance never goes below zero — not by an approval, not by
// a correction, not by eight approvals at once — and its statement for a period, added up by hand.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

class DeliveryFundApi : public ApiTest {
 protected:
  // 09:00 in China on 2026-11-20.
  std::vector<std::string> ExtraArgs() override { return {"--test-clock", "2026-11-20T01:00:00Z"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"深圳公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    other_company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"北京公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    project_unit_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"四季花城项目部","kind":"project","parent_id":{}}})", company_)).Int("id");
    project_ = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"四季花城","city":"深圳","org_unit_id":{}}})", project_unit_)).Int("id");
    beijing_project_ = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"北京万科城","city":"北京","org_unit_id":{}}})", other_company_)).Int("id");
    manager_ = User("kf.manager", "manager", company_);
    agent_ = User("kf.agent", "agent", project_unit_);
    viewer_ = User("kf.viewer", "viewer", project_unit_);
    beijing_ = User("bj.manager", "manager", other_company_);
    site_manager_ = User("site.manager", "manager", project_unit_);
  }

  std::string FundPath(const std::string& tail = "") const { return fmt::format("/api/v1/journey-funds/{}{}", company_, tail); }
  Reply Inflow(Api& api, const std::string& kind, std::int64_t cents, const std::string& extra = "") {
    return api.Post(FundPath("/entries"), fmt::format(R"({{"kind":"{}","amount_cents":{}{}}})", kind, cents, extra));
  }
  Reply Propose(Api& api, std::int64_t cents, const std::string& title = "小区儿童游乐场翻新", const std::string& meeting = "2026-11-15") {
    return api.Post("/api/v1/fund-proposals",
                    fmt::format(R"({{"project_id":{},"title":"{}","detail":"业主大会表决通过","meeting_on":"{}","owners_present":126,"amount_cents":{}}})",
                                project_, title, meeting, cents));
  }
  std::int64_t Balance() { return admin_->Get(FundPath()).Int("balance_cents"); }

  std::int64_t company_ = 0, other_company_ = 0, project_unit_ = 0, project_ = 0, beijing_project_ = 0;
  std::unique_ptr<Api> manager_, agent_, viewer_, beijing_, site_manager_;
};

TEST_P(DeliveryFundApi, SpendingNeedsTheBalanceAndTheStatementAddsUp) {
  // Before the first entry the fund is zero, and only a manager of the company records inflows.
  auto empty = agent_->Get(FundPath());
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.Int("balance_cents"), 0);
  EXPECT_EQ(empty.json.at("company_name").as_string(), "深圳公司");
  EXPECT_TRUE(empty.json.at("updated_at").is_null());
  EXPECT_EQ(Inflow(*agent_, "profit_share", 100'000'000).status, 403);
  EXPECT_EQ(Inflow(*beijing_, "profit_share", 100'000'000).status, 404) << "another company's fund";
  EXPECT_EQ(Inflow(*site_manager_, "profit_share", 100'000'000).status, 404) << "a project's manager does not manage the company's fund";
  EXPECT_EQ(beijing_->Get(FundPath()).status, 404);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/journey-funds/{}", project_unit_)).status, 404) << "a project is not a company";
  EXPECT_EQ(Inflow(*manager_, "profit_share", 0).FieldReason("amount_cents"), "zero");
  EXPECT_EQ(Inflow(*manager_, "profit_share", -5).FieldReason("amount_cents"), "out_of_range");
  EXPECT_EQ(Inflow(*manager_, "profit_share", 1'000'000'000'001).FieldReason("amount_cents"), "out_of_range");
  EXPECT_EQ(Inflow(*manager_, "spending", 100).FieldReason("kind"), "invalid_value") << "spending comes only from an approved proposal";
  EXPECT_EQ(Inflow(*manager_, "owner_contribution", 100, fmt::format(R"(,"project_id":{})", beijing_project_)).FieldReason("project_id"),
            "not_found");
  EXPECT_EQ(Balance(), 0) << "nothing written by the refusals";

  auto profit = Inflow(*manager_, "profit_share", 100'000'000, R"(,"note":"2026 年度利润提取 1%")");
  ASSERT_EQ(profit.status, 201) << profit.body;
  EXPECT_EQ(profit.Int("balance_after_cents"), 100'000'000);
  EXPECT_EQ(profit.json.at("on").as_string(), "2026-11-20");
  EXPECT_EQ(profit.json.at("created_by_name").as_string(), "kf.manager");

  // An owners' meeting asks for more than the fund holds: the approval is refused, nothing spent.
  EXPECT_EQ(Propose(*agent_, 150'000'000, "小区儿童游乐场翻新", "2026-11-21").FieldReason("meeting_on"), "in_the_future");
  EXPECT_EQ(Propose(*viewer_, 150'000'000).status, 403);
  EXPECT_EQ(Propose(*agent_, 0).FieldReason("amount_cents"), "out_of_range");
  auto playground = Propose(*agent_, 150'000'000);
  ASSERT_EQ(playground.status, 201) << playground.body;
  const auto playground_id = playground.Int("id");
  EXPECT_EQ(playground.json.at("status").as_string(), "proposed");
  EXPECT_EQ(playground.Int("company_id"), company_) << "the project's company";
  EXPECT_EQ(playground.json.at("company_name").as_string(), "深圳公司");
  EXPECT_EQ(playground.json.at("project_name").as_string(), "四季花城");
  const auto approve = fmt::format("/api/v1/fund-proposals/{}/approve", playground_id);
  EXPECT_EQ(agent_->Post(approve, "{}").status, 403);
  EXPECT_EQ(beijing_->Post(approve, "{}").status, 404);
  EXPECT_EQ(site_manager_->Post(approve, "{}").status, 404) << "the company's managers decide";
  auto short_of = manager_->Post(approve, "{}");
  EXPECT_EQ(short_of.status, 409) << short_of.body;
  EXPECT_EQ(short_of.ErrorCode(), "fund_insufficient");
  EXPECT_EQ(short_of.json.at("error").at("balance_cents").as_int64(), 100'000'000);
  EXPECT_EQ(admin_->Get(fmt::format("/api/v1/fund-proposals/{}", playground_id)).json.at("status").as_string(), "proposed");
  auto waiting = manager_->Get(FundPath());
  EXPECT_EQ(waiting.Int("balance_cents"), 100'000'000);
  EXPECT_EQ(waiting.Int("pending_proposals"), 1);
  EXPECT_EQ(waiting.Int("pending_cents"), 150'000'000);

  // Owners contribute; now the approval spends it, once.
  auto owners = Inflow(*manager_, "owner_contribution", 60'000'000, fmt::format(R"(,"project_id":{},"note":"业主共建捐款")", project_));
  ASSERT_EQ(owners.status, 201) << owners.body;
  EXPECT_EQ(owners.json.at("project_name").as_string(), "四季花城");
  auto approved = manager_->Post(approve, R"({"note":"同意，工程部 12 月施工"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json.at("status").as_string(), "approved");
  EXPECT_EQ(approved.json.at("decided_by_name").as_string(), "kf.manager");
  EXPECT_FALSE(approved.json.at("entry_id").is_null());
  EXPECT_EQ(manager_->Post(approve, "{}").ErrorCode(), "invalid_transition");
  EXPECT_EQ(Balance(), 10'000'000);

  // A rejection needs a reason; a rejected proposal spends nothing.
  const auto lights = Propose(*agent_, 5'000'000, "园区路灯更换").Int("id");
  const auto reject = fmt::format("/api/v1/fund-proposals/{}/reject", lights);
  EXPECT_EQ(manager_->Post(reject, "{}").FieldReason("reason"), "required");
  auto rejected = manager_->Post(reject, R"({"reason":"属物业维修基金范围"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json.at("decision_note").as_string(), "属物业维修基金范围");
  EXPECT_EQ(manager_->Post(fmt::format("/api/v1/fund-proposals/{}/approve", lights), "{}").ErrorCode(), "invalid_transition");

  // A correction is signed, needs a note, and may not take the balance below zero either.
  EXPECT_EQ(Inflow(*manager_, "correction", -2'000'000).FieldReason("note"), "required");
  EXPECT_EQ(Inflow(*manager_, "correction", -20'000'000, R"(,"note":"冲正")").ErrorCode(), "fund_insufficient");
  ASSERT_EQ(Inflow(*manager_, "correction", -5'000'000, R"(,"note":"利润提取多记 5 万元，冲正")").status, 201);
  auto fund = manager_->Get(FundPath());
  EXPECT_EQ(fund.Int("balance_cents"), 5'000'000);
  EXPECT_EQ(fund.Int("inflow_cents"), 160'000'000) << "profit and contributions only";
  EXPECT_EQ(fund.Int("correction_cents"), -5'000'000);
  EXPECT_EQ(fund.Int("spent_cents"), 150'000'000);
  auto audit = admin_->Get("/api/v1/audit-log?action=fund_proposal.approved");
  EXPECT_NE(audit.body.find("小区儿童游乐场翻新"), std::string::npos) << audit.body;

  // The ledger, newest first: each entry's balance is the one before it plus its amount.
  auto ledger = viewer_->Get(FundPath("/entries?limit=2"));
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  auto rest = viewer_->Get(FundPath("/entries?limit=2&cursor=" + std::string(ledger.json.at("next_cursor").as_string())));
  std::vector<boost::json::object> entries;
  for (const auto* page : {&ledger, &rest}) {
    for (const auto& e : page->json.at("items").as_array()) entries.push_back(e.as_object());
  }
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_TRUE(rest.json.at("next_cursor").is_null());
  const std::vector<std::string> kinds{"correction", "spending", "owner_contribution", "profit_share"};
  const std::vector<std::int64_t> amounts{-5'000'000, -150'000'000, 60'000'000, 100'000'000};
  std::int64_t balance = 0;
  for (std::size_t i = entries.size(); i-- > 0;) {
    EXPECT_EQ(entries[i].at("kind").as_string(), kinds[i]);
    EXPECT_EQ(entries[i].at("amount_cents").as_int64(), amounts[i]);
    balance += amounts[i];
    EXPECT_EQ(entries[i].at("balance_after_cents").as_int64(), balance);
  }
  EXPECT_EQ(entries[1].at("proposal_title").as_string(), "小区儿童游乐场翻新");
  EXPECT_EQ(entries[1].at("proposal_id").as_int64(), playground_id);

  // The statement of the year: by hand, 0 + 1,000,000 + 600,000 − 50,000 − 1,500,000 = 50,000 yuan.
  auto year = manager_->Get(FundPath("/statement"));
  ASSERT_EQ(year.status, 200) << year.body;
  EXPECT_EQ(year.json.at("from").as_string(), "2026-01-01");
  EXPECT_EQ(year.json.at("to").as_string(), "2026-11-20");
  EXPECT_EQ(year.Int("opening_cents"), 0);
  EXPECT_EQ(year.Int("profit_share_cents"), 100'000'000);
  EXPECT_EQ(year.Int("owner_contribution_cents"), 60'000'000);
  EXPECT_EQ(year.Int("correction_cents"), -5'000'000);
  EXPECT_EQ(year.Int("spent_cents"), 150'000'000);
  EXPECT_EQ(year.Int("closing_cents"), 5'000'000);
  EXPECT_EQ(year.json.at("entries").as_array().size(), 4u);
  EXPECT_EQ(year.json.at("entries").at(0).at("kind").as_string(), "profit_share") << "oldest first";

  // Two days on, another inflow: a statement from tomorrow opens with what today closed with.
  ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/test/clock", R"({"advance_minutes":2880})", "application/json")).status, 200);
  ASSERT_EQ(manager_->Login("kf.manager", "Passw0rd-x").status, 200);  // sessions end after 12 hours
  ASSERT_EQ(agent_->Login("kf.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(beijing_->Login("bj.manager", "Passw0rd-x").status, 200);
  ASSERT_EQ(Inflow(*manager_, "owner_contribution", 1'000'000).status, 201);
  auto later = manager_->Get(FundPath("/statement?from=2026-11-21&to=2026-11-22"));
  ASSERT_EQ(later.status, 200) << later.body;
  EXPECT_EQ(later.Int("opening_cents"), 5'000'000);
  EXPECT_EQ(later.Int("owner_contribution_cents"), 1'000'000);
  EXPECT_EQ(later.Int("closing_cents"), 6'000'000);
  EXPECT_EQ(later.json.at("entries").as_array().size(), 1u);
  EXPECT_EQ(manager_->Get(FundPath("/statement?from=2026-11-21&to=2026-11-20")).FieldReason("to"), "before_from");
  EXPECT_EQ(manager_->Get(FundPath("/statement?from=2025-01-01&to=2026-11-20")).FieldReason("to"), "over_366_days");
  EXPECT_EQ(manager_->Get(FundPath("/statement?from=2026-02-30")).FieldReason("from"), "invalid_format");

  // The lists: the company's fund for those who see it; proposals by status.
  auto funds = agent_->Get("/api/v1/journey-funds");
  ASSERT_EQ(funds.status, 200) << funds.body;
  ASSERT_EQ(funds.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(funds.json.at("items").at(0).at("balance_cents").as_int64(), 6'000'000);
  EXPECT_TRUE(beijing_->Get("/api/v1/journey-funds").json.at("items").as_array().empty());
  auto proposed = agent_->Get(fmt::format("/api/v1/fund-proposals?company_id={}&status=rejected", company_));
  ASSERT_EQ(proposed.status, 200) << proposed.body;
  ASSERT_EQ(proposed.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(proposed.json.at("items").at(0).at("title").as_string(), "园区路灯更换");
  EXPECT_TRUE(beijing_->Get("/api/v1/fund-proposals").json.at("items").as_array().empty());
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/fund-proposals/{}", lights)).status, 404);
  EXPECT_EQ(agent_->Get("/api/v1/fund-proposals?status=paid").status, 400);
}

TEST_P(DeliveryFundApi, EightApprovalsAtOnceNeverTakeTheFundBelowZero) {
  ASSERT_EQ(Inflow(*manager_, "profit_share", 100'000).status, 201);
  constexpr int kProposals = 8;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < kProposals; ++i) ids.push_back(Propose(*agent_, 30'000, fmt::format("提案 {}", i)).Int("id"));
  std::vector<std::unique_ptr<Api>> clients;
  for (int i = 0; i < kProposals; ++i) {
    clients.push_back(std::make_unique<Api>(*server_));
    clients.back()->SetToken(manager_->token());
  }
  std::atomic<int> approved{0}, short_of{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kProposals; ++i) {
    threads.emplace_back([&, i] {
      auto r = clients[i]->Post(fmt::format("/api/v1/fund-proposals/{}/approve", ids[i]), "{}");
      if (r.status == 200) {
        ++approved;
      } else if (r.status == 409 && r.ErrorCode() == "fund_insufficient") {
        ++short_of;
      } else {
        ++other;
        ADD_FAILURE() << r.status << " " << r.body;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(approved.load(), 3) << "100,000 fen holds three of 30,000";
  EXPECT_EQ(short_of.load(), 5);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Balance(), 10'000);
  auto statement = manager_->Get(FundPath("/statement"));
  EXPECT_EQ(statement.Int("spent_cents"), 90'000);
  EXPECT_EQ(statement.Int("closing_cents"), 10'000);
  std::int64_t lowest = 100'000;
  for (const auto& e : statement.json.at("entries").as_array()) lowest = std::min(lowest, e.at("balance_after_cents").as_int64());
  EXPECT_EQ(lowest, 10'000);
  EXPECT_EQ(manager_->Get("/api/v1/fund-proposals?status=proposed").json.at("items").as_array().size(), 5u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DeliveryFundApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
