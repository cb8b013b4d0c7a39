// hearth demo, the service centre's part: tickets over the past year from owners about their
// homes, mostly repairs and complaints, most of the older ones closed with a call-back, the recent
// ones still open. For demos and the million-ticket benchmark; deadlines are a flat 1 and 10 days
// (the service applies the calendar to tickets made through it).
#include <iostream>

#include <fmt/format.h>

#include "modules/service/service_module.hpp"
#include "modules/service/tickets/ticket_repo.hpp"

namespace hearth::service {

Result<void> AddDemoTickets(ServiceModule& module, platform::Demo& demo) {
  std::vector<inventory::Home> homes;
  std::vector<Category> leaves;
  TicketRepo repo;
  module.db.Read([&](db::Tx& tx) {
    homes = module.inventory.Homes(tx, demo.tenant_id);
    for (auto& c : module.config.CategoryTree(tx, demo.tenant_id)) {
      if (c.parent_id) leaves.push_back(std::move(c));
    }
  });
  if (homes.empty() || leaves.empty() || demo.tickets <= 0) return {};
  std::uint64_t state = demo.seed * 6364136223846793005ULL + 1442695040888963407ULL;
  auto next = [&](std::uint64_t n) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % n;
  };
  using enum TicketKind;
  using enum TicketGrade;
  using enum TicketStatus;
  using enum TicketChannel;
  const TicketChannel channels[] = {kHotline, kHotline, kHotline, kWechat, kWeb, kOnsite, kEmail, kLetter, kMedia};
  const std::int64_t now = module.clock.Now().ms;
  constexpr std::int64_t kDay = 86'400'000;
  std::int64_t made = 0;
  while (made < demo.tickets) {
    const std::int64_t batch = std::min<std::int64_t>(10000, demo.tickets - made);
    HEARTH_TRY(module.db.Transact([&](db::Tx& tx) -> Result<void> {
      for (std::int64_t i = 0; i < batch; ++i) {
        const inventory::Home& h = homes[next(homes.size())];
        const Category& category = leaves[next(leaves.size())];
        Ticket t;
        t.tenant_id = demo.tenant_id;
        t.org_unit_id = h.org_unit_id;
        const auto k = next(100);
        t.kind = k < 45 ? kRepair : k < 70 ? kComplaint : k < 90 ? kInquiry : k < 97 ? kSuggestion : kPraise;
        const auto g = next(100);
        t.grade = t.kind != kComplaint ? kGeneral : g < 80 ? kGeneral : g < 93 ? kImportant : g < 99 ? kHot : kMajor;
        const std::int64_t created = now - static_cast<std::int64_t>(next(365 * 24 * 60)) * 60'000;
        const std::int64_t age_days = (now - created) / kDay;
        const auto roll = next(100);
        t.status = age_days > 20 ? (roll < 88 ? kClosed : roll < 94 ? kResolved : kCancelled)
                   : roll < 20   ? kNew
                   : roll < 40   ? kAssigned
                   : roll < 65   ? kInProgress
                   : roll < 85   ? kResolved
                                 : kClosed;
        if (t.status != kNew && t.status != kAssigned) {
          t.responded_at = Timestamp{created + static_cast<std::int64_t>(1 + next(30)) * 3'600'000};
        }
        if (t.status == kResolved || t.status == kClosed) {
          t.resolved_at = Timestamp{created + static_cast<std::int64_t>(1 + next(14)) * kDay};
          t.resolution = "已处理：" + category.name;
          t.responsibility = t.kind == kRepair ? Responsibility::kContractor : Responsibility::kNone;
        }
        if (t.status == kClosed) {
          t.closed_at = Timestamp{t.resolved_at->ms + static_cast<std::int64_t>(1 + next(3)) * kDay};
          const auto s = next(100);
          t.satisfaction = s < 55 ? 5 : s < 85 ? 4 : s < 95 ? 3 : s < 98 ? 2 : 1;
        }
        if (t.status == kCancelled) t.closed_at = Timestamp{created + kDay};
        t.channel = channels[next(9)];
        t.customer_id = h.customer_id;
        t.unit_id = h.unit_id;
        t.project_id = h.project_id;
        t.category_id = category.id;
        t.department = t.kind == kRepair ? Department::kEngineering : Department::kCustomerRelations;
        t.title = (t.kind == kRepair ? "报修：" : t.kind == kComplaint ? "投诉：" : "") + category.name;
        t.response_due_at = Timestamp{created + kDay};
        t.resolve_due_at = Timestamp{created + 10 * kDay};
        t.created_at = Timestamp{created};
        repo.InsertHistoric(tx, t, *category.parent_id);
        module.customers.Share(tx, nullptr, t.tenant_id, t.customer_id, t.org_unit_id, customers::ShareReason::kTicket, 0);
      }
      return {};
    }));
    made += batch;
    std::cerr << fmt::format("\rtickets {}/{}", made, demo.tickets) << std::flush;
  }
  demo.made.push_back(fmt::format("{} tickets", made));
  return {};
}

}  // namespace hearth::service
