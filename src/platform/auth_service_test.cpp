// Service tests on a real SQLite database with a manual clock (STYLE.md §6).
#include <gtest/gtest.h>

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

TEST_F(AuthServiceTest, ThrottleWindowSlides) {
  auto& auth = app_->platform->auth;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(auth.Login(Anonymous(), "admin", "bad").error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(auth.Login(Anonymous(), "admin", "Admin-pass-1").error().code, ErrorCode::kRateLimited);
  clock_->Advance(15 * 60 * 1000 + 1);
  EXPECT_TRUE(auth.Login(Anonymous(), "admin", "Admin-pass-1"));
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
