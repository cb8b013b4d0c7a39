// Service tests on a real SQLite database with a manual clock (STYLE.md §6).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app.hpp"
#include "platform/roles.hpp"
#include "support/backends.hpp"

namespace hearth::platform {
namespace {

class AuthServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    Config config;
    config.db_url = temp_.url();
    config.admin_password = "Admin-pass-1";
    config.fast_hashing = true;
    config.session_ttl_s = 3600;
    auto clock = std::make_unique<ManualClock>(Timestamp{1795420800000});
    clock_ = clock.get();
    app_ = std::make_unique<App>(config, std::move(clock));
    ASSERT_TRUE(app_->Prepare());
  }
  RequestContext Anonymous() const {
    RequestContext ctx;
    ctx.remote_address = "10.0.0.1";
    ctx.request_id = "test";
    return ctx;
  }

  test::TempDatabase temp_{db::Backend::kSqlite};
  ManualClock* clock_ = nullptr;
  std::unique_ptr<App> app_;
};

TEST_F(AuthServiceTest, TokenWorksUntilItExpires) {
  auto login = app_->platform->auth.Login(Anonymous(), "admin", "Admin-pass-1");
  ASSERT_TRUE(login);
  EXPECT_TRUE(app_->platform->auth.Authenticate(login->token));
  clock_->Advance(3600 * 1000 - 1);
  EXPECT_TRUE(app_->platform->auth.Authenticate(login->token));
  clock_->Advance(1);
  auto expired = app_->platform->auth.Authenticate(login->token);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);
}

// The account's back-off, as a table: each row is one try after waiting `wait_s`, with the answer
// and, for a 429, the wait it says.
TEST_F(AuthServiceTest, FiveFailuresAreFreeThenEachTryWaitsTwiceAsLongUpToFifteenMinutes) {
  auto& auth = app_->platform->auth;
  struct Try {
    std::int64_t wait_s;
    const char* password;
    ErrorCode answer;           // kInternal: signed in
    std::int64_t retry_after_s;  // for kRateLimited
  };
  const auto bad = ErrorCode::kUnauthenticated, held = ErrorCode::kRateLimited;
  const Try tries[] = {
      {0, "bad", bad, 0},   {0, "bad", bad, 0},   {0, "bad", bad, 0},   {0, "bad", bad, 0},
      {0, "bad", bad, 0},                                  // five free failures
      {0, "Admin-pass-1", held, 60},                       // then a minute, even for the right password
      {59, "Admin-pass-1", held, 1},                       // the wait said is the true one
      {1, "bad", bad, 0},                                  // the sixth failure...
      {60, "bad", held, 60},                               // ...doubles the wait: 2 minutes
      {60, "bad", bad, 0},                                 // 7
      {240, "bad", bad, 0},                                // 8 (after 4 minutes)
      {479, "bad", held, 1},                               // 8 minutes less a second
      {1, "bad", bad, 0},                                  // 9: locks the account at ten? not yet
  };
  int i = 0;
  for (const auto& t : tries) {
    clock_->Advance(t.wait_s * 1000);
    auto r = auth.Login(Anonymous(), "admin", t.password);
    ASSERT_FALSE(r) << "try " << i;
    EXPECT_EQ(r.error().code, t.answer) << "try " << i;
    if (t.answer == held) {
      ASSERT_EQ(r.error().extra.size(), 1u) << "try " << i;
      EXPECT_EQ(r.error().extra[0], (std::pair<std::string, std::string>{"retry_after_s", std::to_string(t.retry_after_s)}))
          << "try " << i;
    }
    ++i;
  }
  // Nine failures: the wait is now 15 minutes (not 16), and the tenth locks the account.
  clock_->Advance(15 * 60 * 1000 - 1000);
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "bad").error().code, held);
  clock_->Advance(1000);
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "bad").error().code, bad);
  clock_->Advance(15 * 60 * 1000);
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "Admin-pass-1").error().slug, "account_locked");
}

TEST_F(AuthServiceTest, ADeviceTheAccountKnowsIsNotHeldBackByItsWaitOrItsLock) {
  auto& auth = app_->platform->auth;
  auto first = auth.Login(Anonymous(), "admin", "Admin-pass-1");
  ASSERT_TRUE(first);
  const std::string device = first->device;
  ASSERT_EQ(device.size(), 43u);
  // Someone elsewhere fails ten times (waiting out each back-off): the account locks for devices it does not know.
  for (int i = 0; i < 10; ++i) {
    clock_->Advance(15 * 60 * 1000);
    ASSERT_EQ(auth.Login(Anonymous(), "admin", "bad").error().code, ErrorCode::kUnauthenticated) << i;
  }
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "bad").error().slug, "account_locked") << "said before any wait";
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "Admin-pass-1").error().slug, "account_locked");
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "Admin-pass-1", "x" + device.substr(1)).error().slug, "account_locked")
      << "a device id it never saw is no device";
  // The person's own browser signs in, and keeps its device id.
  auto again = auth.Login(Anonymous(), "admin", "Admin-pass-1", device);
  ASSERT_TRUE(again) << again.error().slug;
  EXPECT_EQ(again->device, device);
  // The known device has a back-off of its own.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(auth.Login(Anonymous(), "admin", "bad", device).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "Admin-pass-1", device).error().code, ErrorCode::kRateLimited);
}

// Tries sent at once when a wait ends: one goes on, the others wait (the try is counted as it starts).
TEST_F(AuthServiceTest, TriesSentTogetherCannotAllPassOneWait) {
  auto& auth = app_->platform->auth;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(auth.Login(Anonymous(), "admin", "bad").error().code, ErrorCode::kUnauthenticated);
  clock_->Advance(60 * 1000);
  std::vector<std::thread> tries;
  std::atomic<int> wrong{0}, held{0};
  for (int i = 0; i < 8; ++i) {
    tries.emplace_back([&] {
      const auto code = auth.Login(Anonymous(), "admin", "bad").error().code;
      (code == ErrorCode::kUnauthenticated ? wrong : held)++;
    });
  }
  for (auto& t : tries) t.join();
  EXPECT_EQ(wrong, 1);
  EXPECT_EQ(held, 7);
}

TEST_F(AuthServiceTest, AnAddressIsHeldBackOnlyForNamesThatAreNoAccount) {
  auto& auth = app_->platform->auth;
  for (int i = 0; i < 20; ++i) {
    clock_->Advance(1000);
    EXPECT_EQ(auth.Login(Anonymous(), "nobody" + std::to_string(i), "bad").error().code, ErrorCode::kUnauthenticated);
  }
  auto held = auth.Login(Anonymous(), "nobody-else", "bad");
  ASSERT_FALSE(held);
  EXPECT_EQ(held.error().code, ErrorCode::kRateLimited);
  // The oldest failure was 19 s ago: it leaves the 15-minute window in 15 min − 19 s.
  EXPECT_EQ(held.error().extra.at(0).second, std::to_string(15 * 60 - 19));
  // The same address, a real account: not held back (one attacker behind the office's NAT does not lock it out).
  EXPECT_TRUE(auth.Login(Anonymous(), "admin", "Admin-pass-1"));
  // Another address is not held back either.
  RequestContext elsewhere = Anonymous();
  elsewhere.remote_address = "10.0.0.2";
  EXPECT_EQ(auth.Login(elsewhere, "nobody-else", "bad").error().code, ErrorCode::kUnauthenticated);
  clock_->Advance((15 * 60 - 19) * 1000);
  EXPECT_EQ(auth.Login(Anonymous(), "nobody-else", "bad").error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthServiceTest, ActorCarriesScopeAndPermissions) {
  auto login = app_->platform->auth.Login(Anonymous(), "admin", "Admin-pass-1");
  auto actor = app_->platform->auth.Authenticate(login->token);
  ASSERT_TRUE(actor);
  EXPECT_TRUE(actor->IsAdmin());
  EXPECT_TRUE(actor->Can(Permission::kAuditRead));
  EXPECT_EQ(actor->org_path, "/" + std::to_string(actor->org_unit_id) + "/");
  EXPECT_EQ(actor->tenant_id, actor->org_unit_id);
}

TEST(Roles, ViewerMayOnlyRead) {
  const auto viewer = PermissionsOf({"viewer"});
  Actor a;
  a.permissions = viewer;
  EXPECT_TRUE(a.Can(Permission::kRecordRead));
  EXPECT_FALSE(a.Can(Permission::kRecordWrite));
  EXPECT_FALSE(a.Can(Permission::kOrgWrite));
  EXPECT_FALSE(a.Can(Permission::kPersonalDataView));
}

TEST(Roles, OnlyAdminAndManagerSeePersonalData) {
  for (const auto& role : BuiltInRoles()) {
    Actor a;
    a.permissions = PermissionsOf({role});
    EXPECT_EQ(a.Can(Permission::kPersonalDataView), role == "admin" || role == "manager") << role;
  }
}

}  // namespace
}  // namespace hearth::platform
