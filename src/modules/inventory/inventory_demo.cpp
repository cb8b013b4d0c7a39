// hearth demo, the inventory's part: a project for each new project org unit, three buildings of
// units by floor and room, 45% of them contracted or delivered, each to an existing customer who
// becomes its owner (the sales demo makes the deals that match every status).
#include <fmt/format.h>

#include "modules/inventory/inventory_module.hpp"
#include "modules/inventory/inventory_repo.hpp"

namespace hearth::inventory {

Result<void> AddDemoHomes(InventoryModule& module, platform::Demo& demo) {
  if (demo.projects.empty()) return {};
  std::int64_t units_made = 0;
  HEARTH_TRY(module.db.Transact([&](db::Tx& tx) -> Result<void> {
    InventoryRepo inv;
    const Timestamp now = module.clock.Now();
    const std::int64_t total_customers = demo.customers_before + demo.customers;
    std::uint64_t pick = demo.seed;
    const char* layouts[] = {"3室2厅2卫", "2室2厅1卫", "4室2厅2卫", "3室2厅1卫"};
    const double areas[] = {98.5, 76.2, 128.0, 89.3};
    // Three cohorts of projects, for the delivery module's seasons and the surveys' tenure: handed
    // over five years ago, two years ago, and now in their delivery season (completed a month ago,
    // a first batch handed over in the last days, the rest contracted and waiting).
    constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
    const std::int64_t today = (now.ms + 8LL * 3600 * 1000) / kDayMs;
    for (std::size_t pi = 0; pi < demo.projects.size(); ++pi) {
      const auto& [org_unit, name] = demo.projects[pi];
      // 0 five years ago, 1 two years ago, 2 in its season: a company's first project is in its
      // season, so that the demo's own staff (深圳公司) see a delivery going on.
      const std::size_t cohort = 2 - pi % 3;
      const std::int64_t completed = cohort == 0 ? today - 5 * 365 - 40 : cohort == 1 ? today - 2 * 365 - 40 : today - 30;
      Project p{0, demo.tenant_id, org_unit, name, "", "", FormatIsoDate(completed), 1, now, now};
      p.id = inv.InsertProject(tx, p);
      const bool finished = pi % 2 == 1;
      for (int b = 1; b <= 3; ++b) {
        for (int floor = 1; floor <= 18 + static_cast<int>(pi % 3) * 6; ++floor) {
          for (int r = 1; r <= 4; ++r) {
            const std::string building = std::to_string(b), entrance = std::to_string(1 + (r - 1) / 2);
            const std::string room = std::to_string(floor) + (r < 10 ? "0" : "") + std::to_string(r);
            pick = pick * 6364136223846793005ULL + 1442695040888963407ULL;
            const int roll = static_cast<int>((pick >> 33) % 100);
            // 40% for sale, 5% pledged, 10% subscribed, 20% contracted, 25% delivered.
            const std::size_t stage = roll < 40 ? 0 : roll < 45 ? 1 : roll < 55 ? 2 : roll < 75 ? 3 : 4;
            const UnitStatus status = kUnitStatuses.values()[stage];
            std::optional<std::string> delivered_on;
            if (status == UnitStatus::kDelivered) delivered_on = FormatIsoDate(cohort == 2 ? today - roll % 7 : completed + 30 + roll % 45);
            Unit u{0, demo.tenant_id, p.id, "一期", building, entrance, room, floor, UnitCode(building, entrance, room),
                   layouts[r - 1], areas[r - 1], static_cast<std::int64_t>(areas[r - 1] * 3500000 * (1 + floor / 100.0)),
                   finished ? Decoration::kFinished : Decoration::kRaw, status, delivered_on, 1, now, now};
            u.id = inv.InsertUnit(tx, u);
            ++units_made;
            // Owners come with the contract (the sales demo makes the deal of every unit past 认筹).
            if (roll < 55 || total_customers <= 0) continue;
            const std::int64_t owner = 1 + static_cast<std::int64_t>((pick >> 13) % static_cast<std::uint64_t>(total_customers));
            if (module.customers.NamesOf(tx, demo.tenant_id, {owner}).empty()) continue;
            inv.UpsertOwner(tx, demo.tenant_id, u.id, owner, 1.0, now);
            module.customers.Share(tx, nullptr, demo.tenant_id, owner, org_unit, customers::ShareReason::kHome, u.id);
            module.customers.AppendTimeline(tx, demo.tenant_id, {0, owner, now, "purchase", "unit", u.id, "成为 " + u.code + " 业主"},
                                            std::nullopt);
          }
        }
      }
    }
    return {};
  }));
  demo.made.push_back(fmt::format("{} projects with {} units", demo.projects.size(), units_made));
  return {};
}

}  // namespace hearth::inventory
