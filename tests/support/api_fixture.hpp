#pragma once
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace hearth::test {

/// The jobs each group always has pending (each night's own, rescheduled when they run): tests
/// counting left-over jobs leave them out, as SQL: kind NOT IN (…).
inline constexpr const char* kNightlyJobKinds = "'journey.make', 'segments.recompute', 'club.nightly'";

/// An API test on one backend: a fresh database, a server on it, and a client logged in as the
/// first admin. Subclasses may pass extra `hearth serve` flags.
class ApiTest : public testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<TempDatabase>(GetParam());
    server_ = std::make_unique<TestServer>(db_->url(), ExtraArgs(), ExtraEnv());
    admin_ = std::make_unique<Api>(*server_);
    ASSERT_EQ(admin_->Login("admin", TestServer::kAdminPassword).status, 200);
    group_id_ = admin_->Get("/api/v1/me").json.at("org_unit_id").as_int64();
  }
  virtual std::vector<std::string> ExtraArgs() { return {}; }

  /// A city company `name` under the group.
  std::int64_t Company(const std::string& name) {
    auto made = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"{}","kind":"city","parent_id":{}}})", name, group_id_));
    EXPECT_EQ(made.status, 201) << made.body;
    return made.Int("id");
  }

  /// A user `name` of `role` in `org_unit` (password Passw0rd-x), signed in.
  std::unique_ptr<Api> User(const std::string& name, const std::string& role, std::int64_t org_unit) {
    auto made = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"{}","roles":["{}"],"org_unit_id":{}}})",
                                                          name, name, role, org_unit));
    EXPECT_EQ(made.status, 201) << made.body;
    auto api = std::make_unique<Api>(*server_);
    EXPECT_EQ(api->Login(name, "Passw0rd-x").status, 200);
    return api;
  }
  /// Environment of `hearth serve` (secrets are passed this way, not as flags).
  virtual std::vector<std::pair<std::string, std::string>> ExtraEnv() { return {}; }

  /// Records of every module, for tests that copy or move a whole database: a project with three
  /// units, a customer, and a repair ticket of hers with a photo.
  struct EveryModule {
    std::int64_t customer = 0, ticket = 0, photo_id = 0;
    std::string photo;  ///< the photo's bytes
  };
  EveryModule SeedEveryModule() {
    EveryModule out;
    const auto project = admin_->Post("/api/v1/projects", R"({"name":"翡翠湾","city":"深圳"})").Int("id");
    EXPECT_EQ(admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", project),
                           R"({"building":"1","entrance":"1","floor_from":1,"floor_to":3,"rooms":[{"suffix":"01","area_m2":89}]})")
                  .status,
              201);
    out.customer = admin_->Post("/api/v1/customers", R"({"name":"林晓燕","phone":"13600001111"})").Int("id");
    out.ticket = admin_->Post("/api/v1/tickets", fmt::format(R"({{"kind":"repair","channel":"hotline","customer_id":{},"title":"卫生间渗水"}})",
                                                          out.customer))
                     .Int("id");
    out.photo = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(3000, '\7') + "end";
    out.photo_id =
        admin_->Upload(fmt::format("/api/v1/tickets/{}/attachments?file_name=a.png", out.ticket), out.photo, "image/png")
            .Int("id");
    return out;
  }

  std::unique_ptr<TempDatabase> db_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Api> admin_;
  std::int64_t group_id_ = 0;
};

}  // namespace hearth::test
