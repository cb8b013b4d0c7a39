// The ticket repository on both databases with a manual clock (STYLE.md §6).
#include <gtest/gtest.h>

#include <set>

#include "app.hpp"
#include "modules/service/tickets/ticket_repo.hpp"
#include "support/backends.hpp"

namespace hearth::service {
namespace {

class TicketRepoTest : public testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    HEARTH_REQUIRE_BACKEND(GetParam());
    temp_ = std::make_unique<test::TempDatabase>(GetParam());
    Config config;
    config.db_url = temp_->url();
    config.admin_password = "Admin-pass-1";
    config.fast_hashing = true;
    auto clock = std::make_unique<ManualClock>(Timestamp{1795420800000});
    clock_ = clock.get();
    app_ = std::make_unique<App>(config, std::move(clock));
    ASSERT_TRUE(app_->Prepare());
    RequestContext anonymous;
    anonymous.remote_address = "10.0.0.1";
    auto login = app_->platform->auth.Login(anonymous, "admin", "Admin-pass-1");
    ASSERT_TRUE(login);
    auto actor = app_->platform->auth.Authenticate(login->token);
    ASSERT_TRUE(actor);
    ctx_.actor = *actor;
    ctx_.request_id = "test";
  }

  std::unique_ptr<test::TempDatabase> temp_;
  ManualClock* clock_ = nullptr;
  std::unique_ptr<App> app_;
  RequestContext ctx_;
};

// Reports read a period in chunks keyed by (created_at, id): tickets created in the same
// millisecond straddle chunk boundaries and each is seen exactly once, in order.
TEST_P(TicketRepoTest, ReportChunksVisitEveryTicketOnceAcrossTies) {
  customers::CustomerInput person;
  person.name = "林晓燕";
  person.phones = std::vector<customers::CustomerPhone>{{"13600001111", "mobile"}};
  auto customer = app_->customers->service.Create(ctx_, person);
  ASSERT_TRUE(customer);
  const Timestamp start = clock_->Now();
  std::vector<std::int64_t> created;
  for (int i = 0; i < 13; ++i) {
    if (i % 4 == 0) clock_->Advance(1000);  // runs of 4 tickets share one created_at
    TicketInput in;
    in.kind = TicketKind::kInquiry;
    in.channel = TicketChannel::kHotline;
    in.customer_id = customer->id;
    in.title = "物业费 " + std::to_string(i);
    auto t = app_->service->tickets.Create(ctx_, in);
    ASSERT_TRUE(t) << t.error().message;
    created.push_back(t->id);
  }
  clock_->Advance(1000);
  for (std::int64_t chunk : {1, 3, 4, 5, 5000}) {
    std::vector<std::int64_t> seen;
    auto done = app_->db->Read([&](db::Tx& tx) -> Result<void> {
      TicketRepo().ForEachCreatedBetween(tx, ctx_.actor->tenant_id, "/", start, clock_->Now(), std::nullopt,
                                          [&](const Ticket& t) { seen.push_back(t.id); }, chunk);
      return {};
    });
    ASSERT_TRUE(done);
    EXPECT_EQ(seen, created) << "chunk " << chunk;
  }
  // The period's end is exclusive and the start inclusive.
  std::size_t in_first_second = 0;
  ASSERT_TRUE(app_->db->Read([&](db::Tx& tx) -> Result<void> {
    TicketRepo().ForEachCreatedBetween(tx, ctx_.actor->tenant_id, "/", Timestamp{start.ms + 1000},
                                        Timestamp{start.ms + 2000}, std::nullopt,
                                        [&](const Ticket&) { ++in_first_second; }, 2);
    return {};
  }));
  EXPECT_EQ(in_first_second, 4u);
}

INSTANTIATE_TEST_SUITE_P(Backends, TicketRepoTest, testing::ValuesIn(test::EnabledBackends()), test::BackendName);

}  // namespace
}  // namespace hearth::service
