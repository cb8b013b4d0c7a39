// Surveys over HTTP, on SQLite and PostgreSQL (hearth serve --test-clock): the builder and its
// frozen versions; waves sampled from the owners' tenure cohorts (from contracts and deliveries)
// with quotas and exclusions, sent by link, SMS and e-mail; the owner's page (one answer per
// token, resumable, opting out); the indices counted per respondent (a population with the Tianjin
// marginals 73/56/53 gives its own loyalty, not the product of averages), the score card, the
// drivers, stated intent against recorded referrals; the answers in the 6+2 audit's evaluation,
// on the customer's timeline and, when very low, as a call-back ticket; scope and roles.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "support/api_fixture.hpp"
#include "support/sms_provider.hpp"
#include "support/smtp_sink.hpp"

namespace hearth::test {
namespace {

// Three questions the indices read: overall satisfaction (1–5), rebuy (yes/no), recommend (NPS).
constexpr const char* kIndexSurvey = R"({"title":"业主满意度","questions":[
  {"key":"overall","kind":"rating","text":"总体满意度","required":true,"measures":"satisfaction"},
  {"key":"rebuy","kind":"single","text":"还会再买吗","options":["会","不会"],"positive":["会"],"measures":"rebuy","required":true},
  {"key":"nps","kind":"nps","text":"推荐给亲友的可能","measures":"recommend","required":true}]})";

class SurveysApi : public ApiTest {
 protected:
  // 09:00 in China on 2026-11-20.
  std::vector<std::string> ExtraArgs() override {
    sink_ = std::make_unique<SmtpSink>();
    return {"--test-clock", "2026-11-20T01:00:00Z", "--sms-url", sms_.url(), "--smtp-url", fmt::format("smtp://127.0.0.1:{}", sink_->port()),
            "--smtp-from", "survey@hearth.example"};
  }

  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"深圳公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    other_company_ = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"北京公司","kind":"city","parent_id":{}}})", group_id_)).Int("id");
    project_ = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"四季花城","city":"深圳","org_unit_id":{}}})", company_)).Int("id");
    auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project_),
                             R"({"building":"1","entrance":"1","floor_from":1,"floor_to":11,"rooms":[{"suffix":"01","area_m2":89,"list_price_cents":300000000},{"suffix":"02","area_m2":89,"list_price_cents":300000000},{"suffix":"03","area_m2":89,"list_price_cents":300000000},{"suffix":"04","area_m2":89,"list_price_cents":300000000},{"suffix":"05","area_m2":89,"list_price_cents":300000000},{"suffix":"06","area_m2":89,"list_price_cents":300000000},{"suffix":"07","area_m2":89,"list_price_cents":300000000},{"suffix":"08","area_m2":89,"list_price_cents":300000000},{"suffix":"09","area_m2":89,"list_price_cents":300000000},{"suffix":"10","area_m2":89,"list_price_cents":300000000}]})");
    ASSERT_EQ(bulk.status, 201) << bulk.body;
    for (const auto& u : bulk.json.at("items").as_array()) units_.push_back(u.at("id").as_int64());
    agent_ = User("kf.agent", "agent", company_);
    manager_ = User("kf.manager", "manager", company_);
    viewer_ = User("kf.viewer", "viewer", company_);
    beijing_ = User("bj.agent", "agent", other_company_);
  }

  /// A customer of the company who owns unit `i` under contract (the administrator's correction of
  /// the status: the quick way to many owners).
  std::int64_t Owner(std::size_t i, bool consent = true, const std::string& email = "") {
    const std::string extra = email.empty() ? "" : fmt::format(R"(,"email":"{}")", email);
    auto c = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"业主{}","phone":"1390000{:04}","org_unit_id":{},"consent_marketing":{}{}}})", i, i,
                                                           company_, consent ? "true" : "false", extra));
    EXPECT_EQ(c.status, 201) << c.body;
    const auto unit = units_.at(i);
    EXPECT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", unit), R"({"status":"pledged"})").status, 200);
    EXPECT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", unit), R"({"status":"contracted"})").status, 200);
    auto o = admin_->Post(fmt::format("/api/v1/units/{}/owners", unit), fmt::format(R"({{"customer_id":{},"share":1}})", c.Int("id")));
    EXPECT_EQ(o.status, 201) << o.body;
    return c.Int("id");
  }
  std::int64_t Survey(Api& api, const std::string& body = kIndexSurvey) {
    auto s = api.Post("/api/v1/surveys", body);
    EXPECT_EQ(s.status, 201) << s.body;
    EXPECT_EQ(api.Post(fmt::format("/api/v1/surveys/{}/publish", s.Int("id")), "").status, 200);
    return s.Int("id");
  }
  Reply Wave(Api& api, std::int64_t survey, const std::string& fields) {
    return api.Post(fmt::format("/api/v1/surveys/{}/waves", survey), fmt::format(R"({{"project_ids":[{}],{}}})", project_, fields));
  }
  /// The tokens of a wave's invitations, by customer.
  std::map<std::int64_t, std::string> Tokens(std::int64_t wave) {
    std::map<std::int64_t, std::string> out;
    auto list = agent_->Get(fmt::format("/api/v1/survey-waves/{}/invitations?limit=500", wave));
    EXPECT_EQ(list.status, 200) << list.body;
    for (const auto& i : list.json.at("items").as_array()) {
      if (i.at("url").is_null()) continue;
      const std::string url(i.at("url").as_string());
      out[i.at("customer_id").as_int64()] = url.substr(url.rfind('/') + 1);
    }
    return out;
  }
  Reply Answer(const std::string& token, const std::string& answers) {
    return Api(*server_).Post("/api/v1/public/surveys/" + token, R"({"answers":)" + answers + "}");
  }
  static std::string Indices(bool satisfied, bool rebuy, bool recommend) {
    return fmt::format(R"({{"overall":{},"rebuy":"{}","nps":{}}})", satisfied ? 5 : 2, rebuy ? "会" : "不会", recommend ? 10 : 3);
  }
  static double Num(const boost::json::value& v) { return v.is_double() ? v.as_double() : static_cast<double>(v.as_int64()); }
  static std::string TokenIn(const std::string& text) {
    std::smatch m;
    return std::regex_search(text, m, std::regex("/s/([A-Za-z0-9_-]{20,})")) ? m[1].str() : std::string();
  }

  std::int64_t company_ = 0, other_company_ = 0, project_ = 0;
  std::vector<std::int64_t> units_;
  std::unique_ptr<Api> agent_, manager_, viewer_, beijing_;
  SmsProvider sms_;
  std::unique_ptr<SmtpSink> sink_;
};

TEST_P(SurveysApi, APublishedVersionNeverChangesAndEditsBecomeTheNext) {
  auto bad = agent_->Post("/api/v1/surveys", R"({"title":"问卷","questions":[{"key":"a","kind":"single","text":"是否满意","options":["是"]}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.FieldReason("questions[0].options"), "at_least_two");
  EXPECT_EQ(agent_->Post("/api/v1/surveys", R"({"title":"问卷"})").FieldReason("questions"), "required");
  EXPECT_EQ(viewer_->Post("/api/v1/surveys", kIndexSurvey).status, 403);
  EXPECT_EQ(admin_->Get("/api/v1/surveys").json.at("items").as_array().size(), 0u) << "nothing written";

  auto made = agent_->Post("/api/v1/surveys", kIndexSurvey);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = made.Int("id");
  EXPECT_EQ(made.Str("status"), "draft");
  EXPECT_EQ(made.Int("published_version"), 0);
  EXPECT_EQ(made.Str("org_unit_name"), "深圳公司");
  EXPECT_EQ(Wave(*agent_, id, R"("cohorts":["prospective"],"sample_per_project":5,"channel":"link")").ErrorCode(), "not_published");
  auto v1 = agent_->Post(fmt::format("/api/v1/surveys/{}/publish", id), "");
  ASSERT_EQ(v1.status, 200) << v1.body;
  EXPECT_EQ(v1.Str("status"), "published");
  EXPECT_EQ(v1.Int("published_version"), 1);
  EXPECT_FALSE(v1.json.at("draft_changed").as_bool());
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/surveys/{}/publish", id), "").ErrorCode(), "unchanged");

  // An edit changes the draft only; the next publish freezes version 2, version 1 stays as it was.
  const std::string four = R"({"questions":[{"key":"overall","kind":"rating","text":"总体满意度","required":true,"measures":"satisfaction"},
      {"key":"note","kind":"text","text":"建议"}],"callback_rule":{"at_most":2}})";
  EXPECT_EQ(agent_->Patch(fmt::format("/api/v1/surveys/{}", id), four, {{"If-Match", "1"}}).ErrorCode(), "version_conflict");
  auto edited = agent_->Patch(fmt::format("/api/v1/surveys/{}", id), four, {{"If-Match", std::to_string(v1.Int("version"))}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_TRUE(edited.json.at("draft_changed").as_bool());
  EXPECT_EQ(edited.json.at("callback_rule").at("at_most").as_int64(), 2);
  EXPECT_EQ(agent_->Patch(fmt::format("/api/v1/surveys/{}", id), R"({"callback_rule":{"at_most":5}})").FieldReason("callback_rule.at_most"), "out_of_range");
  EXPECT_EQ(agent_->Patch(fmt::format("/api/v1/surveys/{}", id), R"({"questions":[{"key":"n","kind":"text","text":"建议"}],"callback_rule":{"at_most":2}})")
                .FieldReason("callback_rule"),
            "needs_satisfaction_question");
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/surveys/{}/publish", id), "").Int("published_version"), 2);
  auto versions = agent_->Get(fmt::format("/api/v1/surveys/{}/versions", id));
  ASSERT_EQ(versions.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(versions.json.at("items").at(0).at("questions").as_array().size(), 2u) << "version 2";
  EXPECT_EQ(versions.json.at("items").at(1).at("questions").as_array().size(), 3u) << "version 1, unchanged";
  EXPECT_EQ(versions.json.at("items").at(1).at("published_by_name").as_string(), "kf.agent");

  // The group's template, the preview, and who sees what.
  auto templates = viewer_->Get("/api/v1/survey-templates");
  ASSERT_EQ(templates.status, 200);
  const auto& standard = templates.json.at("items").at(0);
  EXPECT_EQ(standard.at("title").as_string(), "业主满意度调查");
  EXPECT_EQ(agent_->Post("/api/v1/surveys", boost::json::serialize(boost::json::object{{"title", standard.at("title")}, {"questions", standard.at("questions")}})).status, 201);
  auto preview = viewer_->Get(fmt::format("/api/v1/surveys/{}/preview", id));
  EXPECT_EQ(preview.Str("state"), "preview");
  EXPECT_EQ(viewer_->Get(fmt::format("/api/v1/surveys/{}", id)).status, 200);
  EXPECT_FALSE(viewer_->Get(fmt::format("/api/v1/surveys/{}", id)).json.at("editable").as_bool());
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/surveys/{}", id)).status, 404) << "another company's survey";
  auto group_survey = admin_->Post("/api/v1/surveys", kIndexSurvey);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/surveys/{}", group_survey.Int("id"))).status, 200) << "the group's survey is every company's";
  EXPECT_EQ(beijing_->Patch(fmt::format("/api/v1/surveys/{}", group_survey.Int("id")), R"({"title":"改"})").status, 403);
  auto list = agent_->Get("/api/v1/surveys?limit=2");
  EXPECT_EQ(list.Int("total"), 3) << "its company's two and the group's";
  EXPECT_EQ(list.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(list.json.at("items").at(0).at("wave_count").as_int64(), 0);
  EXPECT_EQ(beijing_->Get("/api/v1/surveys").Int("total"), 1);
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/surveys/{}/archive", id), "").Str("status"), "archived");
  EXPECT_EQ(agent_->Patch(fmt::format("/api/v1/surveys/{}", id), R"({"title":"改"})").ErrorCode(), "invalid_transition");
}

// The seeds' Tianjin survey: 73% satisfied, 56% would rebuy, 53% would recommend, 33% all three.
// Loyalty is counted per respondent; the product of the averages would say 22%. The same
// marginals with the answers less correlated give another loyalty.
TEST_P(SurveysApi, LoyaltyIsCountedPerRespondentNotAsTheProductOfAverages) {
  std::vector<std::int64_t> owners;
  for (std::size_t i = 0; i < 100; ++i) owners.push_back(Owner(i));
  const auto survey = Survey(*agent_);
  struct Pattern {
    bool s, r, p;
    int n;
  };
  auto run = [&](const std::vector<Pattern>& patterns) {
    auto wave = Wave(*agent_, survey, R"("cohorts":["prospective"],"sample_per_project":100,"channel":"link","exclude_days":0)");
    EXPECT_EQ(wave.status, 201) << wave.body;
    EXPECT_EQ(wave.Int("invited"), 100);
    const auto tokens = Tokens(wave.Int("id"));
    EXPECT_EQ(tokens.size(), 100u);
    auto it = tokens.begin();
    for (const auto& p : patterns) {
      for (int k = 0; k < p.n && it != tokens.end(); ++k, ++it) {
        auto a = Answer(it->second, Indices(p.s, p.r, p.p));
        EXPECT_EQ(a.status, 201) << a.body;
      }
    }
    return wave.Int("id");
  };
  // Correlated: 33 loyal; S&R 10, S&P 10, S 20, R&P 5, R 8, P 5, none 9.
  const auto first = run({{true, true, true, 33}, {true, true, false, 10}, {true, false, true, 10}, {true, false, false, 20},
                          {false, true, true, 5}, {false, true, false, 8}, {false, false, true, 5}, {false, false, false, 9}});
  auto r = manager_->Get(fmt::format("/api/v1/surveys/{}/results?wave_id={}", survey, first));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Int("responses"), 100);
  EXPECT_DOUBLE_EQ(Num(r.json.at("satisfaction")), 0.73);
  EXPECT_DOUBLE_EQ(Num(r.json.at("rebuy")), 0.56);
  EXPECT_DOUBLE_EQ(Num(r.json.at("recommend")), 0.53);
  EXPECT_DOUBLE_EQ(Num(r.json.at("loyalty")), 0.33);
  EXPECT_GT(std::abs(Num(r.json.at("loyalty")) - 0.73 * 0.56 * 0.53), 0.1) << "not the product of the averages (21.7%)";
  EXPECT_EQ(r.json.at("counts").at("loyalty").at("n").as_int64(), 100);
  const auto& ci = r.json.at("ci").at("loyalty").as_array();
  EXPECT_LT(Num(ci.at(0)), 0.33);
  EXPECT_GT(Num(ci.at(1)), 0.33);
  EXPECT_DOUBLE_EQ(Num(r.json.at("nps")), 53.0 - 47.0) << "promoters 10, detractors 3";
  // Less correlated: 22 loyal; S&R 19, S&P 17, S 15, R&P 8, R 7, P 6, none 6.
  const auto second = run({{true, true, true, 22}, {true, true, false, 19}, {true, false, true, 17}, {true, false, false, 15},
                           {false, true, true, 8}, {false, true, false, 7}, {false, false, true, 6}, {false, false, false, 6}});
  auto r2 = manager_->Get(fmt::format("/api/v1/surveys/{}/results?wave_id={}", survey, second));
  EXPECT_DOUBLE_EQ(Num(r2.json.at("satisfaction")), 0.73);
  EXPECT_DOUBLE_EQ(Num(r2.json.at("rebuy")), 0.56);
  EXPECT_DOUBLE_EQ(Num(r2.json.at("recommend")), 0.53);
  EXPECT_DOUBLE_EQ(Num(r2.json.at("loyalty")), 0.22);
  // The trend by wave, and both together.
  auto trend = viewer_->Get(fmt::format("/api/v1/surveys/{}/results?by=wave", survey));
  ASSERT_EQ(trend.json.at("groups").as_array().size(), 2u);
  EXPECT_DOUBLE_EQ(Num(trend.json.at("groups").at(0).at("loyalty")), 0.33);
  EXPECT_DOUBLE_EQ(Num(trend.json.at("groups").at(1).at("loyalty")), 0.22);
  EXPECT_DOUBLE_EQ(Num(trend.json.at("loyalty")), 0.275);
  auto by_cohort = viewer_->Get(fmt::format("/api/v1/surveys/{}/results?by=cohort", survey));
  EXPECT_EQ(by_cohort.json.at("groups").at(0).at("name").as_string(), "准业主");
  // Answered links are not handed out again.
  EXPECT_EQ(Tokens(first).size(), 0u);
  auto list = agent_->Get(fmt::format("/api/v1/survey-waves/{}/invitations?status=answered&limit=1", first));
  ASSERT_EQ(list.json.at("items").as_array().size(), 1u);
  EXPECT_FALSE(list.json.at("next_cursor").is_null());
  EXPECT_EQ(list.json.at("items").at(0).at("state").as_string(), "answered");
  // The beijing agent sees none of these responses.
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/surveys/{}/results", survey)).status, 404) << "the survey is 深圳公司's";
}

TEST_P(SurveysApi, TheOwnersPageTakesOneAnswerResumesAndOpensACallBackForAVeryLowOne) {
  const auto owner = Owner(0);
  const auto survey = Survey(*agent_, R"({"title":"交付满意度","description":"约 2 分钟","callback_rule":{"at_most":2},"questions":[
    {"key":"overall","kind":"rating","text":"总体满意度","required":true,"measures":"satisfaction"},
    {"key":"why","kind":"multi","text":"不满意的原因","options":["质量","维修","物业"],"required":true,"show_if":{"key":"overall","op":"lte","value":2}},
    {"key":"chain","kind":"matrix","text":"各方面","required":true,"rows":[{"key":"quality","text":"质量","item":"quality"},{"key":"repairs","text":"维修","item":"repairs"}]},
    {"key":"note","kind":"text","text":"建议"}]})");
  auto wave = Wave(*agent_, survey, R"("cohorts":["prospective"],"sample_per_project":10,"channel":"link")");
  ASSERT_EQ(wave.status, 201) << wave.body;
  const auto token = Tokens(wave.Int("id")).at(owner);
  Api owner_api(*server_);
  EXPECT_EQ(owner_api.Get("/api/v1/public/surveys/unknown-token-000000000000").status, 404);
  auto page = owner_api.Get("/api/v1/public/surveys/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.Str("state"), "open");
  EXPECT_EQ(page.Str("project_name"), "四季花城");
  EXPECT_EQ(page.Str("owner"), "业**");
  EXPECT_EQ(page.json.at("questions").as_array().size(), 4u);
  EXPECT_EQ(page.Str("closes_on"), "2026-12-20");
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/survey-waves/{}/invitations?status=opened", wave.Int("id"))).json.at("items").as_array().size(), 1u);

  // A draft is kept and given back.
  auto draft = owner_api.Put("/api/v1/public/surveys/" + token + "/draft", R"({"answers":{"overall":1}})");
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(owner_api.Get("/api/v1/public/surveys/" + token).json.at("draft").at("overall").as_int64(), 1);
  EXPECT_EQ(owner_api.Put("/api/v1/public/surveys/" + token + "/draft", R"({"answers":{"overall":7}})").FieldReason("answers.overall"), "out_of_range");
  // Incomplete, or answering a hidden question: refused, nothing written.
  EXPECT_EQ(Answer(token, R"({"overall":1,"chain":{"quality":1,"repairs":2}})").FieldReason("answers.why"), "required");
  EXPECT_EQ(Answer(token, R"({"overall":5,"why":["维修"],"chain":{"quality":5,"repairs":5}})").FieldReason("answers.why"), "not_shown");
  EXPECT_EQ(Answer(token, R"({"overall":5,"chain":{"quality":5}})").FieldReason("answers.chain.repairs"), "required");
  EXPECT_EQ(Api(*server_).Post("/api/v1/public/surveys/" + token, R"({"overall":5})").FieldReason("answers"), "required");
  EXPECT_EQ(manager_->Get(fmt::format("/api/v1/surveys/{}/results", survey)).Int("responses"), 0);

  auto answered = Answer(token, R"({"overall":1,"why":["维修","物业"],"chain":{"quality":2,"repairs":1},"note":"维修一个月没人来"})");
  ASSERT_EQ(answered.status, 201) << answered.body;
  EXPECT_EQ(answered.Str("state"), "answered");
  EXPECT_EQ(Answer(token, R"({"overall":5,"chain":{"quality":5,"repairs":5}})").ErrorCode(), "already_answered");
  EXPECT_EQ(owner_api.Get("/api/v1/public/surveys/" + token).Str("state"), "answered");

  // On the customer's timeline, and a call-back ticket for the very low answer.
  auto timeline = manager_->Get(fmt::format("/api/v1/customers/{}/timeline", owner));
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  bool on_timeline = false;
  for (const auto& e : timeline.json.at("items").as_array()) {
    on_timeline = on_timeline || (e.at("kind").as_string() == "survey" && std::string(e.at("summary").as_string()).find("总体满意度 1 分") != std::string::npos);
  }
  EXPECT_TRUE(on_timeline) << timeline.body;
  auto tickets = manager_->Get(fmt::format("/api/v1/tickets?customer_id={}", owner));
  ASSERT_EQ(tickets.json.at("items").as_array().size(), 1u) << tickets.body;
  const auto& ticket = tickets.json.at("items").at(0);
  EXPECT_EQ(ticket.at("kind").as_string(), "complaint");
  EXPECT_EQ(ticket.at("title").as_string(), "满意度调查低分回访：总体满意度 1 分");
  EXPECT_EQ(ticket.at("project_id").as_int64(), project_);

  // The score card and the drivers read the matrix's items.
  auto card = viewer_->Get(fmt::format("/api/v1/surveys/{}/scorecard", survey));
  ASSERT_EQ(card.status, 200) << card.body;
  const auto& row = card.json.at("rows").at(0);
  EXPECT_EQ(row.at("project_name").as_string(), "四季花城");
  EXPECT_EQ(row.at("cohort_name").as_string(), "准业主");
  EXPECT_DOUBLE_EQ(Num(row.at("items").at("quality").at("points")), 25.0);
  EXPECT_DOUBLE_EQ(Num(row.at("items").at("repairs").at("points")), 0.0);

  // Opting out: no more surveys.
  auto out = owner_api.Post("/api/v1/public/surveys/" + token + "/opt-out", "");
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_TRUE(out.json.at("opted_out").as_bool());
  auto next = Wave(*agent_, survey, R"("cohorts":["prospective"],"sample_per_project":10,"channel":"link","exclude_days":0)");
  EXPECT_EQ(next.Int("invited"), 0);
  EXPECT_EQ(next.json.at("sampling").at("excluded").at("opted_out").as_int64(), 1);
  // A closed wave takes no answers.
  auto other = Owner(1);
  auto third = Wave(*agent_, survey, R"("cohorts":["prospective"],"sample_per_project":10,"channel":"link","exclude_days":0)");
  const auto other_token = Tokens(third.Int("id")).at(other);
  EXPECT_EQ(viewer_->Post(fmt::format("/api/v1/survey-waves/{}/close", third.Int("id")), "").status, 403);
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/survey-waves/{}/close", third.Int("id")), "").Str("status"), "closed");
  EXPECT_EQ(Answer(other_token, R"({"overall":5,"chain":{"quality":5,"repairs":5}})").ErrorCode(), "survey_closed");
  EXPECT_EQ(Api(*server_).Get("/api/v1/public/surveys/" + other_token).Str("state"), "closed");
}

TEST_P(SurveysApi, WavesSampleTheCohortsWithQuotasAndExclusionsAndSendBySmsAndEmail) {
  // Six prospective owners (one without marketing consent, two with an e-mail address), and
  // three run-in owners whose homes were handed over through the six steps.
  for (std::size_t i = 0; i < 6; ++i) Owner(i, i != 5, i < 2 ? fmt::format("owner{}@example.com", i) : "");
  for (std::size_t i = 6; i < 9; ++i) Owner(i);
  // Units 6–8: contracted, then delivered through a released batch and the handover's six steps.
  auto batch = agent_->Post("/api/v1/delivery-batches", fmt::format(R"({{"project_id":{},"name":"一期","unit_ids":[{},{},{}],"planned_on":"2026-11-20"}})",
                                                                     project_, units_[6], units_[7], units_[8]));
  ASSERT_EQ(batch.status, 201) << batch.body;
  ASSERT_EQ(agent_->Post(fmt::format("/api/v1/delivery-batches/{}/release", batch.Int("id")), "").status, 200);
  for (std::size_t i = 6; i < 9; ++i) {
    auto h = agent_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2026-11-20T02:00:00Z"}})", units_[i]));
    ASSERT_EQ(h.status, 201) << h.body;
    for (const char* step : {"notice", "identity", "fees", "documents", "inspection", "keys"}) {
      const std::string body = std::string(step) == "identity" ? R"({"attendee":"owner"})" : "";
      ASSERT_EQ(agent_->Post(fmt::format("/api/v1/handovers/{}/steps/{}", h.Int("id"), step), body).status, 200) << step;
    }
  }
  const auto survey = Survey(*agent_);
  // Bad input: each field named, nothing written.
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/surveys/{}/waves", survey), R"({"cohorts":["run_in"],"sample_per_project":5,"channel":"link"})").FieldReason("project_ids"), "required");
  EXPECT_EQ(Wave(*agent_, survey, R"("cohorts":["newcomer"],"sample_per_project":5,"channel":"link")").FieldReason("cohorts[0]"), "invalid_value");
  EXPECT_EQ(Wave(*agent_, survey, R"("cohorts":["run_in"],"channel":"link")").FieldReason("sample_per_project"), "required");
  EXPECT_EQ(Wave(*agent_, survey, R"("cohorts":["run_in"],"sample_per_project":5,"channel":"fax")").FieldReason("channel"), "invalid_value");
  EXPECT_EQ(Wave(*agent_, survey, R"("cohorts":["run_in"],"quotas":{"old":3},"channel":"link")").FieldReason("quotas.old"), "not_in_cohorts");
  EXPECT_EQ(Wave(*agent_, survey, R"("cohorts":["run_in"],"sample_per_project":5,"channel":"link","closes_on":"2026-11-01")").FieldReason("closes_on"), "in_the_past");
  EXPECT_EQ(beijing_->Post(fmt::format("/api/v1/surveys/{}/waves", survey), fmt::format(R"({{"project_ids":[{}],"cohorts":["run_in"],"sample_per_project":5,"channel":"link"}})", project_)).status, 404);
  EXPECT_EQ(viewer_->Post(fmt::format("/api/v1/surveys/{}/waves", survey), fmt::format(R"({{"project_ids":[{}],"cohorts":["run_in"],"sample_per_project":5,"channel":"link"}})", project_)).status, 403);
  EXPECT_EQ(agent_->Get(fmt::format("/api/v1/surveys/{}/waves", survey)).json.at("items").as_array().size(), 0u);

  // An even split, the short cohort's remainder going to the other: 8 = 4 + 4, run-in has 3.
  auto even = Wave(*agent_, survey, R"("cohorts":["prospective","run_in"],"sample_per_project":8,"channel":"link","exclude_days":0)");
  ASSERT_EQ(even.status, 201) << even.body;
  EXPECT_EQ(even.Int("population"), 9);
  EXPECT_EQ(even.Int("invited"), 8);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> plan;  // cohort → quota, sampled
  for (const auto& p : even.json.at("sampling").at("plan").as_array()) {
    plan[std::string(p.at("cohort").as_string())] = {p.at("quota").as_int64(), p.at("sampled").as_int64()};
  }
  EXPECT_EQ(plan["run_in"], std::make_pair(std::int64_t{4}, std::int64_t{3}));
  EXPECT_EQ(plan["prospective"], std::make_pair(std::int64_t{4}, std::int64_t{5}));
  // Quotas as given, without redistribution.
  auto quotas = Wave(*agent_, survey, R"("cohorts":["prospective","run_in"],"quotas":{"prospective":2,"run_in":5},"channel":"link","exclude_days":0)");
  ASSERT_EQ(quotas.status, 201) << quotas.body;
  EXPECT_EQ(quotas.Int("invited"), 5);
  // Surveyed in the last 90 days and without consent are left out when asked.
  auto recent = Wave(*agent_, survey, R"("cohorts":["prospective","run_in"],"sample_per_project":20,"channel":"link","exclude_no_consent":true)");
  ASSERT_EQ(recent.status, 201) << recent.body;
  EXPECT_EQ(recent.Int("invited"), 0);
  EXPECT_EQ(recent.json.at("sampling").at("excluded").at("surveyed_recently").as_int64(), 9);

  // By SMS: each owner gets the link, the log keeps it masked; reminders wait three days.
  auto sms = Wave(*agent_, survey, R"("cohorts":["run_in"],"sample_per_project":10,"channel":"sms","exclude_days":0,"send_per_minute":2)");
  ASSERT_EQ(sms.status, 201) << sms.body;
  const auto received = sms_.WaitFor(2);
  ASSERT_GE(received.size(), 2u);
  EXPECT_NE(received[0].text.find("四季花城邀请您参加满意度调查"), std::string::npos) << received[0].text;
  const std::string token = TokenIn(received[0].text);
  ASSERT_FALSE(token.empty()) << received[0].text;
  EXPECT_EQ(Api(*server_).Get("/api/v1/public/surveys/" + token).Str("state"), "open");
  auto log = manager_->Get("/api/v1/messages?purpose=survey");
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_NE(log.body.find("/s/******"), std::string::npos) << "the link is masked in the log";
  EXPECT_EQ(log.body.find(token), std::string::npos);
  // Two a minute: the third waits for the next minute of the throttle.
  auto status = agent_->Get(fmt::format("/api/v1/survey-waves/{}", sms.Int("id")));
  EXPECT_EQ(status.json.at("counts").at("sent").as_int64(), 2) << status.body;
  EXPECT_EQ(status.json.at("counts").at("queued").as_int64(), 1);
  auto remind = agent_->Post(fmt::format("/api/v1/survey-waves/{}/remind", sms.Int("id")), "");
  ASSERT_EQ(remind.status, 200) << remind.body;
  EXPECT_EQ(remind.Int("queued"), 0);
  EXPECT_EQ(remind.Int("too_soon"), 2);
  EXPECT_EQ(agent_->Post(fmt::format("/api/v1/survey-waves/{}/remind", even.Int("id")), "").ErrorCode(), "no_channel");

  // By e-mail: only owners with an address are sampled, the others counted.
  auto email = Wave(*agent_, survey, R"("cohorts":["prospective"],"sample_per_project":10,"channel":"email","exclude_days":0)");
  ASSERT_EQ(email.status, 201) << email.body;
  EXPECT_EQ(email.Int("invited"), 2);
  EXPECT_EQ(email.json.at("sampling").at("excluded").at("no_contact").as_int64(), 4);
  std::vector<SmtpSink::Message> mails;
  for (int i = 0; i < 100 && mails.size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    mails = sink_->Messages();
  }
  ASSERT_EQ(mails.size(), 2u);
  std::set<std::string> to;
  for (const auto& m : mails) to.insert(m.to.at(0));
  EXPECT_TRUE(to.contains("<owner0@example.com>"));
  // The links as a file for a link wave.
  auto links = agent_->Get(fmt::format("/api/v1/survey-waves/{}/links?format=csv", even.Int("id")));
  ASSERT_EQ(links.status, 200);
  EXPECT_NE(links.body.find("磨合期"), std::string::npos);
  EXPECT_NE(links.body.find("/s/"), std::string::npos);
  EXPECT_EQ(viewer_->Get(fmt::format("/api/v1/survey-waves/{}/links?format=csv", even.Int("id"))).status, 403);
  auto invitations = viewer_->Get(fmt::format("/api/v1/survey-waves/{}/invitations?cohort=run_in", even.Int("id")));
  ASSERT_EQ(invitations.json.at("items").as_array().size(), 3u);
  EXPECT_TRUE(invitations.json.at("items").at(0).at("url").is_null()) << "links are customer relations' to hand out";
  EXPECT_EQ(invitations.json.at("items").at(0).at("customer_phone").as_string().size(), 11u);
  EXPECT_NE(std::string(invitations.json.at("items").at(0).at("customer_phone").as_string()).find("****"), std::string::npos);
  EXPECT_EQ(beijing_->Get(fmt::format("/api/v1/survey-waves/{}", even.Int("id"))).status, 404);

  // A wave over two companies' projects: each company's staff see their own project's figures only.
  const auto bj_project = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"北京壹号院","city":"北京","org_unit_id":{}}})", other_company_)).Int("id");
  auto bj_units = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", bj_project),
                               R"({"building":"1","entrance":"1","floor_from":1,"floor_to":1,"rooms":[{"suffix":"01","area_m2":89}]})");
  ASSERT_EQ(bj_units.status, 201) << bj_units.body;
  const auto bj_unit = bj_units.json.at("items").at(0).at("id").as_int64();
  const auto bj_owner = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"北京业主","phone":"13911112222","org_unit_id":{}}})", other_company_)).Int("id");
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", bj_unit), R"({"status":"pledged"})").status, 200);
  ASSERT_EQ(admin_->Patch(fmt::format("/api/v1/units/{}", bj_unit), R"({"status":"contracted"})").status, 200);
  ASSERT_EQ(admin_->Post(fmt::format("/api/v1/units/{}/owners", bj_unit), fmt::format(R"({{"customer_id":{},"share":1}})", bj_owner)).status, 201);
  auto both = admin_->Post(fmt::format("/api/v1/surveys/{}/waves", survey),
                           fmt::format(R"({{"project_ids":[{},{}],"cohorts":["prospective"],"sample_per_project":10,"channel":"link","exclude_days":0}})", project_, bj_project));
  ASSERT_EQ(both.status, 201) << both.body;
  EXPECT_EQ(both.Int("invited"), 7);
  auto seen = agent_->Get(fmt::format("/api/v1/survey-waves/{}", both.Int("id")));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.Int("invited"), 6) << "深圳's six owners, not 北京's";
  EXPECT_EQ(seen.json.at("project_ids").as_array().size(), 1u);
  EXPECT_EQ(seen.json.at("sampling").at("plan").as_array().size(), 1u);
  for (const auto& g : seen.json.at("progress").as_array()) EXPECT_EQ(g.at("project_id").as_int64(), project_);
  EXPECT_EQ(seen.body.find("北京壹号院"), std::string::npos);
}

TEST_P(SurveysApi, DriversIntentAndTheAuditEvaluationComeFromTheAnswers) {
  std::vector<std::int64_t> owners;
  for (std::size_t i = 0; i < 12; ++i) owners.push_back(Owner(i));
  const auto survey = Survey(*agent_, R"({"title":"业主满意度","questions":[
    {"key":"overall","kind":"rating","text":"总体满意度","required":true,"measures":"satisfaction"},
    {"key":"chain","kind":"matrix","text":"各方面","required":true,"rows":[{"key":"q","text":"质量","item":"quality"},{"key":"c","text":"会员","item":"club"}]},
    {"key":"nps","kind":"nps","text":"推荐","measures":"recommend","required":true}]})");
  auto wave = Wave(*agent_, survey, R"("cohorts":["prospective"],"sample_per_project":12,"channel":"link")");
  ASSERT_EQ(wave.status, 201) << wave.body;
  const auto tokens = Tokens(wave.Int("id"));
  // Quality follows overall satisfaction; the club's score does not (uncorrelated by design).
  constexpr int kClub[] = {3, 1, 5, 2, 4, 4, 2, 5, 1, 3, 3, 3};
  int k = 0;
  for (const auto& [customer, token] : tokens) {
    const int overall = 1 + k % 5, club = kClub[k];
    ASSERT_EQ(Answer(token, fmt::format(R"({{"overall":{},"chain":{{"q":{},"c":{}}},"nps":{}}})", overall, overall, club, overall >= 4 ? 10 : 2)).status, 201);
    ++k;
  }
  auto drivers = viewer_->Get(fmt::format("/api/v1/surveys/{}/drivers", survey));
  ASSERT_EQ(drivers.status, 200) << drivers.body;
  const auto& items = drivers.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items.at(0).at("item").as_string(), "quality") << "the most important first";
  EXPECT_DOUBLE_EQ(Num(items.at(0).at("importance")), 1.0);
  EXPECT_LT(std::abs(Num(items.at(1).at("importance"))), 0.01);
  EXPECT_EQ(items.at(0).at("name").as_string(), "质量");

  // Stated intent against behaviour: a promoter who then refers a friend.
  std::int64_t promoter = 0, detractor = 0;
  k = 0;
  for (const auto& [customer, token] : tokens) {
    if (k % 5 == 4 && !promoter) promoter = customer;
    if (k % 5 == 0 && !detractor) detractor = customer;
    ++k;
  }
  auto friend_ = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"王芳","phone":"13800138009","org_unit_id":{}}})", company_));
  auto sales = User("wang.sales", "sales", company_);
  auto referral = sales->Post("/api/v1/referrals", fmt::format(R"({{"referrer_id":{},"referee_id":{},"project_id":{}}})", promoter, friend_.Int("id"), project_));
  ASSERT_EQ(referral.status, 201) << referral.body;
  auto intent = viewer_->Get(fmt::format("/api/v1/surveys/{}/intent?months=12", survey));
  ASSERT_EQ(intent.status, 200) << intent.body;
  const auto& recommend = intent.json.at("recommend");
  EXPECT_EQ(recommend.at("said_yes").at("respondents").as_int64(), 4) << "12 answers, overall 4–5 in 4 of them";
  EXPECT_EQ(recommend.at("said_yes").at("acted").as_int64(), 1);
  EXPECT_EQ(recommend.at("said_no").at("acted").as_int64(), 0);
  EXPECT_EQ(recommend.at("behaviour").as_string(), "referral");
  EXPECT_TRUE(intent.json.at("rebuy").at("said_yes").at("share").is_null()) << "this survey asks no rebuy question";
  EXPECT_EQ(viewer_->Get(fmt::format("/api/v1/surveys/{}/intent?months=0", survey)).status, 400);

  // The 6+2 audit's evaluation half is the survey's now: 4 of 12 satisfied.
  auto scores = manager_->Get("/api/v1/journey/scores?period=2026Q4");
  ASSERT_EQ(scores.status, 200) << scores.body;
  ASSERT_FALSE(scores.json.at("items").as_array().empty()) << scores.body;
  const auto& company = scores.json.at("items").at(0);
  EXPECT_EQ(company.at("evaluation_source").as_string(), "survey");
  EXPECT_EQ(company.at("counts").at("rated").as_int64(), 12);
  EXPECT_EQ(company.at("counts").at("satisfied").as_int64(), 4);
  EXPECT_NEAR(Num(company.at("evaluation")), 50.0 * 4 / 12, 0.06);

  // The answers as a file, in the questions' words.
  auto csv = viewer_->Get(fmt::format("/api/v1/surveys/{}/responses/export?format=csv", survey));
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("总体满意度"), std::string::npos);
  EXPECT_NE(csv.body.find("各方面 - 质量"), std::string::npos);
  EXPECT_NE(csv.body.find("四季花城"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 13) << "a header and 12 answers";
  auto xlsx = viewer_->Get(fmt::format("/api/v1/surveys/{}/responses/export?format=xlsx", survey));
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(viewer_->Get(fmt::format("/api/v1/surveys/{}/responses/export?format=pdf", survey)).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, SurveysApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
