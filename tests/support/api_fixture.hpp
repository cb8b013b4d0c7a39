#pragma once
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace hearth::test {

/// An API test on one backend: a fresh database, a server on it, and a client logged in as the
/// first admin. Subclasses may pass extra `hearth serve` flags.
class ApiTest : public testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(GetParam());
    db_ = std::make_unique<TempDatabase>(GetParam());
    server_ = std::make_unique<TestServer>(db_->url(), ExtraArgs());
    admin_ = std::make_unique<Api>(*server_);
    ASSERT_EQ(admin_->Login("admin", TestServer::kAdminPassword).status, 200);
    group_id_ = admin_->Get("/api/v1/me").json.at("org_unit_id").as_int64();
  }
  virtual std::vector<std::string> ExtraArgs() { return {}; }

  std::unique_ptr<TempDatabase> db_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Api> admin_;
  std::int64_t group_id_ = 0;
};

}  // namespace hearth::test
