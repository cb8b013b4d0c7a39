// A campaign's rules as tables: templates and their faults, what a recipient gets, the quiet
// hours, the sending pace, the audiences a client may send.
#include "modules/campaigns/campaign.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hearth::campaigns {
namespace {

TEST(CampaignTemplate, FaultsNamedWithTheirCharacter) {
  struct Case {
    std::string text;
    std::string reason;  // "" when fine
    std::size_t at;
  };
  const Case cases[] = {
      {"{name}您好，欢迎参加品鉴会", "", 0},
      {"您好 {name}，退订点 {unsubscribe}", "", 0},
      {"没有占位符也可以", "", 0},
      {"{姓名}您好", "unknown_placeholder", 0},
      {"您好{nmae}", "unknown_placeholder", 2},
      {"尊敬的业主，{name", "unclosed_brace", 6},
      {"价格}优惠", "unopened_brace", 2},
      {"{name}{project}", "unknown_placeholder", 6},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto fault = CheckTemplate(c.text);
    if (c.reason.empty()) {
      EXPECT_FALSE(fault.has_value());
    } else {
      ASSERT_TRUE(fault.has_value());
      EXPECT_EQ(fault->reason, c.reason);
      EXPECT_EQ(fault->at, c.at);
    }
  }
}

TEST(CampaignTemplate, EveryMessageCarriesItsUnsubscribeLink) {
  struct Case {
    std::string text;
    Channel channel;
    std::string expected;
  };
  const std::string link = "https://crm.example.cn/u/7-abcdefghijkl";
  const Case cases[] = {
      {"{name}您好，周六品鉴会", Channel::kSms, "陈志强您好，周六品鉴会 退订：" + link},
      {"{name}您好，退订请点 {unsubscribe}", Channel::kSms, "陈志强您好，退订请点 " + link},
      {"{name}您好：\n新春礼遇", Channel::kEmail, "陈志强您好：\n新春礼遇\n\n不想再收到这类邮件？退订：" + link},
      {"{name}，{name}", Channel::kWeChat, "陈志强，陈志强 退订：" + link},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Render(c.text, "陈志强", link, c.channel), c.expected);
  }
  EXPECT_EQ(Render("{name}您好", "王芳", "", Channel::kSms), "王芳您好") << "no link, nothing appended";
}

TEST(CampaignPace, QuietHoursAreChinaNights) {
  struct Case {
    const char* now;       // UTC
    bool quiet;
    const char* expected;  // UTC
  };
  const Case cases[] = {
      {"2026-12-07T01:00:00Z", true, "2026-12-07T01:00:00Z"},   // 09:00 in China: at once
      {"2026-12-07T00:00:00Z", true, "2026-12-07T00:00:00Z"},   // 08:00 sharp
      {"2026-12-06T23:59:00Z", true, "2026-12-07T00:00:00Z"},   // 07:59: at 08:00
      {"2026-12-07T12:59:00Z", true, "2026-12-07T12:59:00Z"},   // 20:59: still allowed
      {"2026-12-07T13:00:00Z", true, "2026-12-08T00:00:00Z"},   // 21:00: the next morning
      {"2026-12-07T17:30:00Z", true, "2026-12-08T00:00:00Z"},   // 01:30 next day: that morning
      {"2026-12-07T13:00:00Z", false, "2026-12-07T13:00:00Z"},  // no quiet hours asked
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.now);
    EXPECT_EQ(FormatRfc3339(NextSendTime(*ParseRfc3339(c.now), c.quiet)), c.expected);
  }
}

TEST(CampaignPace, RateBecomesBatchesAndIntervals) {
  struct Case {
    int rate;
    int batch;
    std::int64_t every_ms;
  };
  const Case cases[] = {{1, 1, 60'000}, {600, 600, 60'000}, {1000, 1000, 60'000}, {2000, 1000, 30'000}, {6000, 1000, 10'000}, {0, 1, 60'000}, {99999, 1000, 10'000}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rate);
    const auto pace = PaceOf(c.rate);
    EXPECT_EQ(pace.batch, c.batch);
    EXPECT_EQ(pace.every_ms, c.every_ms);
  }
}

TEST(CampaignAudience, ReadWithEveryFaultNamed) {
  struct Case {
    std::string json;
    std::string fault;  // "" when read
  };
  const Case cases[] = {
      {R"({"kind":"all"})", ""},
      {R"({"kind":"segment","model_id":3,"segments":["wealthy","_none"]})", ""},
      {R"({"kind":"segment","model_id":3})", "audience.segments"},
      {R"({"kind":"segment","segments":["wealthy"]})", "audience.model_id"},
      {R"({"kind":"project","project_id":12})", ""},
      {R"({"kind":"project","project_id":-1})", "audience.project_id"},
      {R"({"kind":"tier","tier":"gold"})", ""},
      {R"({"kind":"tier"})", ""},
      {R"({"kind":"tier","tier":5})", "audience.tier"},
      {R"({"kind":"customers","customer_ids":[5,3,5]})", ""},
      {R"({"kind":"customers","customer_ids":[]})", "audience.customer_ids"},
      {R"({"kind":"customers","customer_ids":["x"]})", "audience.customer_ids"},
      {R"({"kind":"everyone"})", "audience.kind"},
      {R"({})", "audience.kind"},
      {R"([])", "audience"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    std::vector<FieldError> errors;
    const auto v = boost::json::parse(c.json);
    const auto a = ReadAudience(&v, errors);
    if (c.fault.empty()) {
      EXPECT_TRUE(a.has_value());
      EXPECT_TRUE(errors.empty());
      // What is stored reads back the same.
      if (a) {
        EXPECT_EQ(boost::json::serialize(ToJson(AudienceOf(boost::json::serialize(ToJson(*a))))), boost::json::serialize(ToJson(*a)));
      }
    } else {
      EXPECT_FALSE(a.has_value());
      ASSERT_EQ(errors.size(), 1u);
      EXPECT_EQ(errors.front().field, c.fault);
    }
  }
  std::vector<FieldError> errors;
  const auto v = boost::json::parse(R"({"kind":"customers","customer_ids":[5,3,5]})");
  EXPECT_EQ(ReadAudience(&v, errors)->customer_ids, (std::vector<std::int64_t>{3, 5})) << "sorted, each once";
}

}  // namespace
}  // namespace hearth::campaigns
