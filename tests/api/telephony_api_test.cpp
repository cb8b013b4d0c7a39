// Screen-pop (来电弹屏, issue 12 point 11): an agent takes a seat; the telephone system's signed
// webhook puts a call through to that extension; the agent's open event stream shows the caller
// (the customer, or only the number for a stranger) within a second. Both databases.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "modules/service/telephony/telephony.hpp"
#include "support/api_fixture.hpp"
#include "support/event_reader.hpp"

namespace hearth::test {
namespace {

constexpr const char* kSecret = "pbx-shared-secret-1";

class TelephonyApi : public ApiTest {
 protected:
  std::vector<std::string> ExtraArgs() override { return {"--telephony-secret", kSecret}; }

  std::unique_ptr<Api> UserWithRole(const std::string& username, const std::string& role) {
    auto r = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"{}","roles":["{}"],"org_unit_id":{}}})",
                                                       username, username, role, group_id_));
    EXPECT_EQ(r.status, 201) << r.body;
    auto api = std::make_unique<Api>(*server_);
    EXPECT_EQ(api->Login(username, "Passw0rd-x").status, 200);
    return api;
  }
  Reply Call(const std::string& body, const std::string& signature) {
    Api pbx(*server_);  // no session: the signature is the credential
    return pbx.Post(fmt::format("/api/v1/telephony/{}/calls", group_id_), body, {{"X-Hearth-Signature", signature}});
  }
  Reply SignedCall(const std::string& call_id, const std::string& caller, const std::string& extension) {
    const std::string body = fmt::format(R"({{"call_id":"{}","caller":"{}","extension":"{}"}})", call_id, caller, extension);
    return Call(body, service::Telephony::Sign(kSecret, body));
  }
};

TEST_P(TelephonyApi, ACallPutThroughOpensTheCallerOnTheAgentsScreenWithinASecond) {
  auto agent = UserWithRole("hotline.a", "agent");
  auto viewer = UserWithRole("viewer.a", "viewer");
  const auto customer = admin_->Post("/api/v1/customers", R"({"name":"林晓燕","phone":"13600001111"})").Int("id");

  // The seat: the extension the agent's telephone answers at.
  EXPECT_TRUE(agent->Get("/api/v1/telephony/seat").json.at("extension").is_null());
  EXPECT_EQ(agent->Put("/api/v1/telephony/seat", R"({"extension":"80 01"})").FieldReason("extension"), "invalid_format");
  EXPECT_EQ(agent->Put("/api/v1/telephony/seat", "{}").FieldReason("extension"), "required");
  EXPECT_EQ(viewer->Put("/api/v1/telephony/seat", R"({"extension":"8009"})").status, 403);
  ASSERT_EQ(agent->Put("/api/v1/telephony/seat", R"({"extension":"8001"})").status, 200);
  EXPECT_EQ(agent->Get("/api/v1/telephony/seat").Str("extension"), "8001");

  // The telephone system must sign: no signature, a wrong one, or one over another body fail.
  const std::string body = R"({"call_id":"c-1","caller":"13600001111","extension":"8001"})";
  EXPECT_EQ(Call(body, "").status, 401);
  EXPECT_EQ(Call(body, service::Telephony::Sign("wrong-secret", body)).ErrorCode(), "bad_signature");
  EXPECT_EQ(Call(body, service::Telephony::Sign(kSecret, body + " ")).status, 401);
  const std::string bad = R"({"call_id":"c-0","extension":"8001"})";
  EXPECT_EQ(Call(bad, service::Telephony::Sign(kSecret, bad)).FieldReason("caller"), "required");

  // A known caller: the agent's open screen shows them within a second.
  EventReader screen(*server_, agent->token());
  ASSERT_TRUE(screen.WaitFor(": connected", std::chrono::seconds(5))) << screen.text();
  const auto sent = std::chrono::steady_clock::now();
  auto put_through = Call(body, service::Telephony::Sign(kSecret, body));
  ASSERT_EQ(put_through.status, 202) << put_through.body;
  EXPECT_EQ(put_through.Int("customer_id"), customer);
  EXPECT_EQ(put_through.Int("delivered"), 1);
  ASSERT_TRUE(screen.WaitFor("\"call_id\":\"c-1\"", std::chrono::seconds(1))) << screen.text();
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count();
  EXPECT_LT(ms, 1000);
  std::cout << fmt::format("screen-pop: webhook to the agent's screen in {:.1f} ms\n", ms);
  EXPECT_NE(screen.text().find(fmt::format(R"("customer_id":{})", customer)), std::string::npos) << screen.text();
  EXPECT_NE(screen.text().find("林晓燕"), std::string::npos);
  EXPECT_NE(screen.text().find("event: call"), std::string::npos);

  // A stranger: the number alone, for the new-customer form.
  auto stranger = SignedCall("c-2", "+86 139-0000-2222", "8001");
  ASSERT_EQ(stranger.status, 202) << stranger.body;
  EXPECT_TRUE(stranger.json.at("customer_id").is_null());
  ASSERT_TRUE(screen.WaitFor("\"call_id\":\"c-2\"", std::chrono::seconds(1))) << screen.text();
  EXPECT_NE(screen.text().find(R"("caller":"+86 139-0000-2222")"), std::string::npos);

  // An extension nobody sits at: nobody is shown anything.
  auto empty = SignedCall("c-3", "13600001111", "8099");
  EXPECT_EQ(empty.status, 202);
  EXPECT_TRUE(empty.json.at("user_id").is_null());
  EXPECT_EQ(empty.Int("delivered"), 0);

  // The next shift takes the desk: the call goes to them, not to the first agent.
  auto next = UserWithRole("hotline.b", "agent");
  ASSERT_EQ(next->Put("/api/v1/telephony/seat", R"({"extension":"8001"})").status, 200);
  EXPECT_TRUE(agent->Get("/api/v1/telephony/seat").json.at("extension").is_null());
  auto moved = SignedCall("c-4", "13600001111", "8001");
  EXPECT_EQ(moved.Int("delivered"), 0);  // the second agent has no screen open
  EXPECT_FALSE(screen.WaitFor("\"call_id\":\"c-4\"", std::chrono::milliseconds(300)));
  ASSERT_EQ(next->Delete("/api/v1/telephony/seat").status, 204);
  EXPECT_TRUE(next->Get("/api/v1/telephony/seat").json.at("extension").is_null());
}

TEST_P(TelephonyApi, ACallerTheAgentMayNotSeeIsShownAsANumberOnly) {
  // A customer of another company (no home, deal or ticket there): the agent gets the call but
  // not the record.
  auto south = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华南区域","kind":"region","parent_id":{}}})", group_id_)).Int("id");
  auto north = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"华北区域","kind":"region","parent_id":{}}})", group_id_)).Int("id");
  ASSERT_EQ(admin_->Post("/api/v1/users", fmt::format(R"({{"username":"n.agent","password":"Passw0rd-x","display_name":"n","roles":["agent"],"org_unit_id":{}}})", north)).status, 201);
  Api agent(*server_);
  ASSERT_EQ(agent.Login("n.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"黄欣怡","phone":"13512340000","org_unit_id":{}}})", south)).status, 201);
  ASSERT_EQ(agent.Put("/api/v1/telephony/seat", R"({"extension":"9001"})").status, 200);
  auto call = SignedCall("c-9", "13512340000", "9001");
  ASSERT_EQ(call.status, 202) << call.body;
  EXPECT_TRUE(call.json.at("customer_id").is_null());
}

INSTANTIATE_TEST_SUITE_P(Backends, TelephonyApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
