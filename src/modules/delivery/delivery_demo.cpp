// hearth demo, the delivery part. The inventory's demo made three cohorts of projects: handed over
// five years ago, two years ago, and in their delivery season now (a first batch handed over in
// the last days). Here: for a project in its season, its adverse factors and the buyers'
// acknowledgements, a first batch released with its three inspections, findings (closed and one
// open), two open days held, the handovers done and those booked for today and tomorrow (some
// half-way, most booked by the owners through their links) in the batch's calendar; a second batch due in six weeks whose risk check found blocking problems still open
// and whose simulated acceptance is late. For the projects delivered before, their batch and
// inspections as they were held.
#include <fmt/format.h>

#include <map>
#include <set>

#include "modules/delivery/booking/slot_store.hpp"
#include "modules/delivery/delivery_module.hpp"
#include "platform/directory.hpp"
#include "platform/jobs.hpp"

namespace hearth::delivery {

namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000, kChina = 8LL * 3600 * 1000;

constexpr std::string_view kInsertBatch = R"sql(
INSERT INTO delivery_batches (tenant_id, project_id, org_unit_id, name, planned_on, status, released_at, released_by,
                              created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, 0), NULLIF($8, 0), $9, $9) RETURNING id)sql";
constexpr std::string_view kInsertBatchUnit = "INSERT INTO delivery_batch_units (batch_id, unit_id) VALUES ($1, $2)";
constexpr std::string_view kInsertInspection = R"sql(
INSERT INTO delivery_inspections (tenant_id, batch_id, kind, on_date, note, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kInsertFinding = R"sql(
INSERT INTO delivery_findings (tenant_id, inspection_id, batch_id, unit_id, location, category, severity, description, status,
                               closed_at, closed_by, close_note, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULLIF($10, 0), NULLIF($11, 0), $12, $13, $14, $14))sql";
constexpr std::string_view kInsertOpenDay = R"sql(
INSERT INTO open_days (tenant_id, project_id, org_unit_id, on_date, decoration, note, created_by, created_at, updated_at, prep_held_on,
                       prep_note, prep_reminded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, '工程、物业、营销三方筹备会：参观路线、安全措施、陪同人员', $8))sql";
// The second batch's open day ahead: its households' sign-up links, some signed up through them.
constexpr std::string_view kInsertComingOpenDay = R"sql(
INSERT INTO open_days (tenant_id, project_id, org_unit_id, on_date, decoration, note, capacity, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id)sql";
constexpr std::string_view kInsertDayInvite = R"sql(
INSERT INTO open_day_invites (tenant_id, open_day_id, unit_id, customer_id, token_hash, created_by, created_at, expires_at, opened_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULLIF($9, 0)))sql";
constexpr std::string_view kInsertDaySignup = R"sql(
INSERT INTO open_day_signups (tenant_id, open_day_id, project_id, unit_id, customer_id, party_size, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8))sql";
constexpr std::string_view kCountDaySignups = R"sql(
UPDATE open_days SET signed_up = (SELECT COUNT(*) FROM open_day_signups s WHERE s.open_day_id = open_days.id) WHERE id = $1)sql";
constexpr std::string_view kInsertHandover = R"sql(
INSERT INTO handovers (tenant_id, project_id, org_unit_id, unit_id, batch_id, customer_id, slot_at, status, steps_done,
                       delivered_on, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id)sql";
constexpr std::string_view kInsertStep = R"sql(
INSERT INTO handover_steps (handover_id, step, done_at, done_by, note, detail) VALUES ($1, $2, $3, $4, $5, $6))sql";
// The first batch's calendar: a seat per handover made above, each handover holding its slot's.
constexpr std::string_view kSeatsTaken = R"sql(
UPDATE handover_slots SET booked = (SELECT COUNT(*) FROM handovers h
                                     WHERE h.batch_id = handover_slots.batch_id AND h.slot_at = handover_slots.starts_at
                                       AND h.status <> 'cancelled')
 WHERE batch_id = $1)sql";
constexpr std::string_view kRoomForAll = "UPDATE handover_slots SET capacity = booked WHERE batch_id = $1 AND booked > capacity";
constexpr std::string_view kHoldSlots = R"sql(
UPDATE handovers SET slot_id = (SELECT s.id FROM handover_slots s WHERE s.batch_id = handovers.batch_id AND s.starts_at = handovers.slot_at)
 WHERE batch_id = $1)sql";
constexpr std::string_view kBookedByOwners = "UPDATE handovers SET booked_via = 'owner' WHERE batch_id = $1 AND status = 'booked' AND id % 3 <> 0";
constexpr std::string_view kInsertInvite = R"sql(
INSERT INTO handover_invites (tenant_id, batch_id, unit_id, customer_id, token_hash, created_by, created_at, expires_at, opened_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULLIF($9, 0)))sql";
// 一路同行: each company's fund over two years — profit shares and owners' contributions in,
// four proposals of owners' meetings approved and paid, one rejected, two awaiting a decision.
constexpr std::string_view kInsertFund = R"sql(
INSERT INTO journey_funds (company_id, tenant_id, balance_cents, inflow_cents, spent_cents, created_at, updated_at)
VALUES ($1, $2, 0, 0, 0, $3, $3))sql";
constexpr std::string_view kSettleFund = R"sql(
UPDATE journey_funds SET balance_cents = $2, inflow_cents = $3, spent_cents = $4, updated_at = $5 WHERE company_id = $1)sql";
constexpr std::string_view kInsertFundEntry = R"sql(
INSERT INTO fund_entries (tenant_id, company_id, kind, amount_cents, balance_after_cents, on_day, project_id, proposal_id, note,
                          created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, 0), NULLIF($8, 0), $9, $10, $11) RETURNING id)sql";
constexpr std::string_view kInsertFundProposal = R"sql(
INSERT INTO fund_proposals (tenant_id, company_id, project_id, org_unit_id, title, detail, meeting_on, owners_present, amount_cents,
                            status, decision_note, decided_by, decided_at, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULLIF($11, ''), NULLIF($12, 0), NULLIF($13, 0), $14, $15, $15) RETURNING id)sql";
constexpr std::string_view kLinkFundEntry = "UPDATE fund_proposals SET entry_id = $2 WHERE id = $1";

// 产权办理 as the cohorts left it: long delivered, every certificate handed over; a year or two
// ago, most issued and some still with the registration centre (overdue); in the season, the
// owners' documents collected for some of the contracted units.
constexpr std::string_view kInsertTitle = R"sql(
INSERT INTO title_certificates (unit_id, tenant_id, project_id, stage, documents_on, tax_paid_on, submitted_on, issued_on,
                                handed_over_on, certificate_no, note, updated_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), NULLIF($7, ''), NULLIF($8, ''), NULLIF($9, ''), NULLIF($10, ''), '', $11, $12, $12))sql";

struct DemoFundLine {
  int days_ago;
  const char* kind;  ///< an inflow, or a proposal: approved (spent), rejected, proposed
  std::int64_t cents;
  const char* text;  ///< the note, or the proposal's title
  const char* detail;
};
constexpr DemoFundLine kDemoFund[] = {
    {700, "profit_share", 150'000'000, "上年度利润提取 1%，计入一路同行基金", ""},
    {600, "owner_contribution", 3'260'000, "业主共建捐款（业主大会倡议）", ""},
    {520, "approved", 48'000'000, "儿童游乐场翻新", "更换塑胶地面与滑梯，增设沙池；业主大会 132 户到会，126 户赞成"},
    {400, "approved", 36'500'000, "小区健身步道", "沿中心湖铺设 800 米塑胶步道，夜间照明"},
    {335, "profit_share", 180'000'000, "上年度利润提取 1%，计入一路同行基金", ""},
    {200, "owner_contribution", 1'880'000, "业主共建捐款（邻里节义卖）", ""},
    {150, "approved", 62'000'000, "地下车库照明改造", "更换为感应式 LED 灯具，约 900 套"},
    {100, "rejected", 260'000'000, "外立面重新粉刷", "全部楼栋外立面重新涂装"},
    {60, "approved", 27'800'000, "入户大堂适老化改造", "无障碍坡道、扶手与休息座椅，12 个单元"},
    {20, "proposed", 15'600'000, "增设电动自行车充电棚", "3 处充电棚，共 120 个充电口，防火分隔"},
    {9, "proposed", 88'000'000, "中心花园景观提升", "补种乔木，更新园路与座椅"},
};

constexpr std::string_view kInsertFactor = R"sql(
INSERT INTO adverse_factors (tenant_id, project_id, org_unit_id, title, detail, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kInsertAck = R"sql(
INSERT INTO disclosure_acks (tenant_id, project_id, customer_id, factor_ids, method, note, recorded_by, created_at)
VALUES ($1, $2, $3, $4, 'paper', '', $5, $6))sql";

// Six in seven tasks already due are done on their day, one in eleven of those without evidence.
constexpr std::string_view kDemoTasksDone = R"sql(
UPDATE journey_tasks SET status = 'done', done_on = due_on, done_at = $3, done_by = NULL,
       evidence = CASE WHEN id % 11 = 0 THEN '' ELSE '电话回访录音已存档' END, updated_at = $3
 WHERE tenant_id = $1 AND due_on < $2 AND id % 7 <> 0)sql";

struct Rng {
  std::uint64_t state;
  std::uint64_t Next(std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % (n == 0 ? 1 : n);
  }
};

struct FindingText {
  const char* location;
  const char* category;
  const char* description;
};
constexpr FindingText kFindings[] = {
    {"主卫", "渗漏/卫生间渗漏", "闭水试验地漏周边渗水"},
    {"客厅", "空鼓开裂/墙面开裂", "窗角斜向裂缝约 30 cm"},
    {"主卧", "门窗", "推拉窗关闭不严，有透光"},
    {"厨房", "空鼓开裂/瓷砖空鼓", "墙砖空鼓 3 块"},
    {"阳台", "渗漏/窗边渗漏", "淋水试验窗台内侧渗水"},
    {"入户门", "门窗", "门扇下沉，关门有摩擦"},
    {"次卧", "电路故障", "插座无电"},
    {"地下室", "渗漏/地下室渗漏", "车位顶板渗水，有水渍"},
};
constexpr const char* kSteps[] = {"notice", "identity", "fees", "documents", "inspection", "keys"};

}  // namespace

Result<void> AddDemoDelivery(DeliveryModule& module, platform::Demo& demo) {
  if (demo.projects.empty()) return {};
  HEARTH_TRY(module.journey.SeedDefaults());
  std::int64_t batches_made = 0, handovers_made = 0, findings_made = 0, tasks_made = 0;
  HEARTH_TRY(module.db.Transact([&](db::Tx& tx) -> Result<void> {
    Rng rng{demo.seed ^ 0xde11e5ULL};
    const Timestamp now = module.clock.Now();
    const std::int64_t today = (now.ms + kChina) / kDay;
    auto day = [&](std::int64_t offset) { return FormatIsoDate(today + offset); };
    auto at = [&](std::int64_t offset, int hour) { return Timestamp{(today + offset) * kDay - kChina + hour * 3600 * 1000LL}; };
    const auto names = module.inventory.NamesOfProjects(tx, demo.tenant_id);
    std::map<std::int64_t, std::int64_t> owner_of;
    for (const auto& h : module.inventory.Homes(tx, demo.tenant_id)) owner_of.emplace(h.unit_id, h.customer_id);
    for (const auto& [org_unit, name] : demo.projects) {
      std::int64_t project_id = 0;
      for (const auto& [id, project_name] : names) {
        if (project_name == name) project_id = id;
      }
      const auto company = platform::directory::ParentOf(tx, org_unit);
      auto staff = company ? platform::Notifications::UsersWithRole(tx, *company, {"agent", "manager"}) : std::vector<std::int64_t>{};
      if (project_id == 0 || staff.empty()) continue;
      const std::int64_t agent = staff.front();
      const auto units = module.inventory.UnitsOfProject(tx, demo.tenant_id, project_id);
      // The cohort: the latest delivery of the project.
      std::int64_t last_delivered = 0;
      for (const auto& u : units) {
        if (u.delivered_on) last_delivered = std::max(last_delivered, ParseIsoDate(*u.delivered_on).value_or(0));
      }
      if (last_delivered == 0) continue;
      const bool season = today - last_delivered < 30;
      for (const auto& u : units) {
        const bool delivered_unit = u.status == inventory::UnitStatus::kDelivered && u.delivered_on;
        if (!delivered_unit && (u.status != inventory::UnitStatus::kContracted || rng.Next(5) >= 2)) continue;
        const std::int64_t keys = delivered_unit ? ParseIsoDate(*u.delivered_on).value_or(today) : today;
        const std::int64_t age = today - keys;
        // How far each got: 1 documents … 5 handed over.
        const int reached = !delivered_unit ? 1 : age > 700 ? 5 : age > 200 ? (rng.Next(10) < 7 ? 4 + static_cast<int>(rng.Next(2)) : 3) : 2 + static_cast<int>(rng.Next(2));
        auto on = [&](int step, std::int64_t day) { return reached >= step ? FormatIsoDate(std::min(day, today)) : std::string(); };
        const std::int64_t start = delivered_unit ? keys - 30 : today - static_cast<std::int64_t>(rng.Next(20));
        constexpr const char* kStages[] = {"", "documents", "tax_paid", "submitted", "issued", "handed_over"};
        tx.Execute(kInsertTitle, u.id, demo.tenant_id, project_id, kStages[reached], FormatIsoDate(start), on(2, start + 5), on(3, start + 12),
                   on(4, keys + 150 + static_cast<std::int64_t>(rng.Next(60))), on(5, keys + 240),
                   reached >= 4 ? fmt::format("粤({})深圳市不动产权第{:07}号", FormatIsoDate(keys + 150).substr(0, 4), u.id) : std::string(), agent,
                   Timestamp{std::min(keys + 240, today) * kDay});
      }
      auto finding = [&](std::int64_t batch, std::int64_t inspection, std::int64_t unit, const char* severity, bool open,
                         Timestamp found) {
        const auto& f = kFindings[rng.Next(std::size(kFindings))];
        tx.Execute(kInsertFinding, demo.tenant_id, inspection, batch, unit, f.location, f.category, severity, f.description,
                   open ? "open" : "closed", open ? std::int64_t{0} : found.ms + 12 * kDay, open ? std::int64_t{0} : agent,
                   open ? "" : "已整改，复查通过", agent, found);
        ++findings_made;
      };
      auto inspect = [&](std::int64_t batch, const char* kind, std::int64_t on, const char* note) {
        return tx.Execute(kInsertInspection, demo.tenant_id, batch, kind, FormatIsoDate(on), note, agent,
                          Timestamp{on * kDay - kChina + 10 * 3600 * 1000LL})
            .front()
            .Int(0);
      };
      auto batch_of = [&](const std::string& batch_name, std::int64_t planned, bool released, const std::vector<const inventory::Unit*>& in) {
        const std::int64_t id = tx.Execute(kInsertBatch, demo.tenant_id, project_id, org_unit, batch_name, FormatIsoDate(planned),
                                           released ? "released" : "planned", released ? (planned - 3) * kDay : std::int64_t{0},
                                           released ? agent : std::int64_t{0}, Timestamp{(planned - 120) * kDay})
                                    .front()
                                    .Int(0);
        for (const auto* u : in) tx.Execute(kInsertBatchUnit, id, u->id);
        ++batches_made;
        return id;
      };
      // The open day ahead of a project's next handovers (in a fortnight): the links went out five days
      // ago; about a third of the households opened theirs, and most of those signed up through it
      // (a few at the desk).
      auto coming_open_day = [&](const std::vector<const inventory::Unit*>& households) {
        if (households.empty()) return;
        const std::string decoration(WordOf(households.front()->decoration));
        const auto open_day = tx.Execute(kInsertComingOpenDay, demo.tenant_id, project_id, org_unit, day(16), decoration,
                                         "工地开放日：上午九点半售楼处集合，工程部陪同参观样板段与公区",
                                         std::int64_t{static_cast<std::int64_t>(households.size() / 2 + 10)}, agent, Timestamp{(today - 30) * kDay})
                                  .front()
                                  .Int(0);
        const Timestamp sent{(today - 5) * kDay + 2 * 3600 * 1000LL};
        for (const auto* u : households) {
          auto owner = owner_of.find(u->id);
          if (owner == owner_of.end() || WordOf(u->decoration) != decoration) continue;
          const auto roll = rng.Next(12);
          const Timestamp opened{sent.ms + static_cast<std::int64_t>(1 + rng.Next(60)) * 3600 * 1000LL};
          tx.Execute(kInsertDayInvite, demo.tenant_id, open_day, u->id, owner->second, fmt::format("demo-open-day-{}-{}", open_day, u->id), agent,
                     sent, Timestamp{(today + 17) * kDay - kChina}, roll < 4 ? opened.ms : std::int64_t{0});
          if (roll < 3) {
            tx.Execute(kInsertDaySignup, demo.tenant_id, open_day, project_id, u->id, owner->second, std::int64_t{1 + static_cast<std::int64_t>(rng.Next(4))},
                       roll == 0 ? agent : std::int64_t{0}, opened);
          }
        }
        tx.Execute(kCountDaySignups, open_day);
      };
      // The open days held before a batch planned on `planned`: 毛坯 and 精装 each twice, each prepared.
      auto held_open_days = [&](std::int64_t planned) {
        for (const char* decoration : {"raw", "finished"}) {
          for (int k : {70, 40}) {
            // Each prepared two months ahead, as the seeds ask.
            tx.Execute(kInsertOpenDay, demo.tenant_id, project_id, org_unit, FormatIsoDate(planned - k), decoration,
                       std::string(decoration) == "raw" ? "工地开放日：主体结构与公区" : "精装开放日：样板间与交付标准",
                       agent, Timestamp{(planned - k - 70) * kDay}, FormatIsoDate(planned - k - 62));
          }
        }
      };
      std::vector<const inventory::Unit*> delivered, waiting, later;
      for (const auto& u : units) {
        if (u.status == inventory::UnitStatus::kDelivered) delivered.push_back(&u);
        if (u.status == inventory::UnitStatus::kContracted) (u.building == "1" ? waiting : later).push_back(&u);
      }
      if (!season) {
        // Delivered before: one batch, its three inspections held on time, every finding closed.
        const std::int64_t planned = last_delivered - 10;
        const auto batch = batch_of("一期交付", planned, true, delivered);
        const auto risk = inspect(batch, "risk_check", planned - 92, "交付前三个月风险排查");
        inspect(batch, "simulated_acceptance", planned - 61, "客户视角模拟验收");
        const auto recheck = inspect(batch, "recheck", planned - 31, "整改复查");
        for (std::size_t i = 0; i < delivered.size() && i < 12; ++i) {
          finding(batch, i % 2 ? risk : recheck, delivered[i]->id, i % 4 == 0 ? "blocking" : "major", false,
                  Timestamp{(planned - 90) * kDay});
        }
        held_open_days(planned);
        // The homes sold since wait for the next handovers.
        std::vector<const inventory::Unit*> contracted = waiting;
        contracted.insert(contracted.end(), later.begin(), later.end());
        coming_open_day(contracted);
        continue;
      }
      // In its season: the project's adverse factors, acknowledged by every buyer before signing.
      std::vector<std::int64_t> factors;
      const Timestamp published{(today - 900) * kDay};
      factors.push_back(tx.Execute(kInsertFactor, demo.tenant_id, project_id, org_unit, "北侧规划垃圾转运站",
                                   "距 3 号楼约 300 米，按规划 2028 年建成", agent, published).front().Int(0));
      factors.push_back(tx.Execute(kInsertFactor, demo.tenant_id, project_id, org_unit, "东侧高架桥噪声",
                                   "东向住户可能受车辆噪声影响，已采用双层中空玻璃", agent, published).front().Int(0));
      std::string factor_ids = fmt::format("{},{}", factors[0], factors[1]);
      std::set<std::int64_t> acknowledged;
      for (const auto& u : units) {
        auto owner = owner_of.find(u.id);
        if (owner == owner_of.end() || !acknowledged.insert(owner->second).second) continue;
        tx.Execute(kInsertAck, demo.tenant_id, project_id, owner->second, factor_ids, agent, Timestamp{published.ms + 30 * kDay});
      }
      // Open days: 毛坯 and 精装 each held twice before the first batch.
      held_open_days(today);
      // The first batch: building 1, handed over from a week ago; its delivered units done, the others
      // booked for today and tomorrow, a few half-way.
      std::vector<const inventory::Unit*> first = delivered;
      first.insert(first.end(), waiting.begin(), waiting.end());
      const std::int64_t planned = today - 7;
      const auto batch = batch_of("一期第一批", planned, true, first);
      const auto risk = inspect(batch, "risk_check", planned - 91, "交付前三个月风险排查");
      const auto simulated = inspect(batch, "simulated_acceptance", planned - 60, "客户视角模拟验收");
      inspect(batch, "recheck", planned - 30, "整改复查");
      for (std::size_t i = 0; i < first.size() && i < 14; ++i) {
        finding(batch, i % 2 ? risk : simulated, first[i]->id, i % 5 == 0 ? "blocking" : i % 2 ? "major" : "minor", i == 3,
                Timestamp{(planned - 88) * kDay});
      }
      auto handover = [&](const inventory::Unit& u, Timestamp slot, int steps, std::optional<std::string> delivered_on) {
        auto owner = owner_of.find(u.id);
        const std::optional<std::int64_t> customer = owner == owner_of.end() ? std::nullopt : std::optional<std::int64_t>(owner->second);
        const char* status = steps == 6 ? "done" : steps == 0 ? "booked" : "in_progress";
        const std::int64_t id = tx.Execute(kInsertHandover, demo.tenant_id, project_id, org_unit, u.id, batch, customer, slot, status,
                                           std::int64_t{steps}, delivered_on, Timestamp{slot.ms - 10 * kDay})
                                    .front()
                                    .Int(0);
        for (int s = 0; s < steps; ++s) {
          const std::string detail = s == 1   ? R"({"attendee":"owner"})"
                                     : s == 2 ? R"({"fees_cents":356000,"receipt_no":"WY-DEMO"})"
                                     : s == 4 ? R"({"defects":0,"ticket_ids":[]})"
                                     : s == 5 ? R"({"water_m3":0.3,"electricity_kwh":8.6,"gas_m3":0,"key_count":4})"
                                              : "{}";
          tx.Execute(kInsertStep, id, kSteps[s], Timestamp{slot.ms + s * 10 * 60 * 1000LL}, agent, "", detail);
        }
        ++handovers_made;
      };
      for (const auto* u : delivered) {
        const std::int64_t d = ParseIsoDate(*u->delivered_on).value_or(today);
        handover(*u, Timestamp{d * kDay - kChina + (9 + static_cast<int>(rng.Next(8))) * 3600 * 1000LL}, 6, u->delivered_on);
      }
      for (std::size_t i = 0; i < waiting.size() && i < 24; ++i) {
        const std::int64_t offset = i < 12 ? 0 : 1;
        handover(*waiting[i], at(offset, 9 + static_cast<int>(i % 12) / 2 + (i % 12 >= 6 ? 2 : 0)), offset == 0 && i < 3 ? 2 + static_cast<int>(i) : 0,
                 std::nullopt);
      }
      // Its calendar, from the first handover to a fortnight ahead, 9:00–17:00, six households an hour;
      // the owners of the first batch got their booking links ten days before it began (the tokens
      // are not kept: a demo's links are not opened).
      std::int64_t first_day = planned;
      for (const auto* u : delivered) first_day = std::min(first_day, ParseIsoDate(*u->delivered_on).value_or(planned));
      first_day = std::max(first_day, today + 14 - (kMaxPlanDays - 1));
      if (auto starts = SlotStarts({FormatIsoDate(first_day), day(14), {}, {9, 10, 11, 12, 13, 14, 15, 16, 17}, 6})) {
        slots::Add(tx, demo.tenant_id, batch, *starts, 6, Timestamp{(planned - 20) * kDay});
        tx.Execute(kSeatsTaken, batch);
        tx.Execute(kRoomForAll, batch);
        tx.Execute(kHoldSlots, batch);
        tx.Execute(kBookedByOwners, batch);
      }
      for (const auto* u : first) {
        auto owner = owner_of.find(u->id);
        if (owner == owner_of.end()) continue;
        const Timestamp sent{(planned - 10) * kDay + 2 * 3600 * 1000LL};
        tx.Execute(kInsertInvite, demo.tenant_id, batch, u->id, owner->second, fmt::format("demo-{}-{}", batch, u->id), agent, sent,
                   Timestamp{sent.ms + BookingService::kLinkDays * kDay}, rng.Next(5) == 0 ? std::int64_t{0} : sent.ms + 3 * 3600 * 1000LL);
      }
      // The second batch: buildings 2 and 3 in six weeks; the risk check found blocking problems still
      // open, and the simulated acceptance (due a fortnight ago) has not been held.
      if (!later.empty()) {
        const std::int64_t next = today + 45;
        const auto second = batch_of("一期第二批", next, false, later);
        const auto check = inspect(second, "risk_check", next - 90, "交付前三个月风险排查");
        for (std::size_t i = 0; i < later.size() && i < 10; ++i) {
          finding(second, check, later[i]->id, i < 3 ? "blocking" : i % 2 ? "major" : "minor", i < 6, Timestamp{(next - 89) * kDay});
        }
        coming_open_day(later);
      }
    }
    // Each company's 一路同行 fund, its proposals from the meetings of its first project's owners.
    for (std::size_t index = 0; index < demo.companies.size(); ++index) {
      const std::int64_t company = demo.companies[index];
      const std::int64_t scale = 60 + 20 * static_cast<std::int64_t>(index % 4);  // per cent: companies differ in size
      std::int64_t project_id = 0, project_unit = 0;
      for (const auto& [org_unit, name] : demo.projects) {
        if (project_id != 0 || platform::directory::ParentOf(tx, org_unit) != company) continue;
        for (const auto& [id, project_name] : names) {
          if (project_name == name) project_id = id, project_unit = org_unit;
        }
      }
      // A company without a manager of its own has its fund kept by the group's administrator.
      auto managers = platform::Notifications::UsersWithRole(tx, company, {"manager"});
      if (managers.empty()) managers = platform::Notifications::UsersWithRole(tx, demo.tenant_id, {"admin"});
      const auto agents = platform::Notifications::UsersWithRole(tx, company, {"agent"});
      if (project_id == 0 || managers.empty()) continue;
      const std::int64_t manager = managers.front(), agent = agents.empty() ? manager : agents.front();
      auto when = [&](int days_ago, int hour) { return Timestamp{(today - days_ago) * kDay - kChina + hour * 3600 * 1000LL}; };
      tx.Execute(kInsertFund, company, demo.tenant_id, when(kDemoFund[0].days_ago, 10));
      std::int64_t balance = 0, inflow = 0, spent = 0;
      for (const auto& line : kDemoFund) {
        const std::string kind = line.kind;
        const std::int64_t cents = line.cents * scale / 100 / 10'000 * 10'000;  // whole hundreds of yuan
        const bool proposal = kind == "approved" || kind == "rejected" || kind == "proposed";
        std::int64_t proposal_id = 0;
        if (proposal) {
          const bool decided = kind != "proposed";
          proposal_id = tx.Execute(kInsertFundProposal, demo.tenant_id, company, project_id, project_unit, line.text, line.detail,
                                   day(-line.days_ago - 14), std::int64_t{90 + line.days_ago % 60}, cents, kind,
                                   kind == "rejected" ? "超出基金年度预算，建议申请专项维修资金" : decided ? "同意，按业主大会决议实施" : "",
                                   decided ? manager : std::int64_t{0}, decided ? when(line.days_ago, 15).ms : std::int64_t{0}, agent,
                                   when(line.days_ago + 12, 11))
                            .front()
                            .Int(0);
          if (kind != "approved") continue;
        }
        const std::int64_t amount = proposal ? -cents : cents;
        balance += amount;
        (amount > 0 ? inflow : spent) += amount > 0 ? amount : -amount;
        const auto entry = tx.Execute(kInsertFundEntry, demo.tenant_id, company, proposal ? "spending" : line.kind, amount, balance,
                                      day(-line.days_ago), kind == "owner_contribution" || proposal ? project_id : std::int64_t{0},
                                      proposal_id, line.text, manager, when(line.days_ago, 15))
                               .front()
                               .Int(0);
        if (proposal) tx.Execute(kLinkFundEntry, proposal_id, entry);
      }
      tx.Execute(kSettleFund, company, balance, inflow, spent, when(kDemoFund[std::size(kDemoFund) - 3].days_ago, 15));
    }
    // The journey's tasks of the last four years, most done on time with their evidence, some missed.
    // Four years back: the 四年之约 visits of the homes delivered before have their history.
    tasks_made = module.journey.MakeIn(tx, demo.tenant_id, kFourYearDays).created;
    tx.Execute(kDemoTasksDone, demo.tenant_id, day(0), now);
    return {};
  }));
  demo.made.push_back(fmt::format("{} delivery batches with {} findings, {} handovers and {} journey tasks", batches_made, findings_made,
                                  handovers_made, tasks_made));
  return {};
}

}  // namespace hearth::delivery
