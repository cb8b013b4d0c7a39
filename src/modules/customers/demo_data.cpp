#include "modules/customers/demo_data.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "modules/customers/customer_repo.hpp"
#include "modules/customers/resident_id.hpp"
#include "modules/customers/timeline.hpp"

namespace hearth::customers {

namespace {

// The most common surnames, roughly by frequency (王李张刘陈 cover ~30% of people).
constexpr std::array<const char*, 40> kSurnames{
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡"};
constexpr std::array<const char*, 60> kGiven{
    "伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
    "平", "刚", "桂", "文", "欣", "怡", "子", "涵", "浩", "宇", "梓", "轩", "晨", "雨", "博", "佳", "琪", "思", "嘉", "俊",
    "建", "国", "华", "红", "玉", "兰", "海", "燕", "鹏", "辉", "婷", "雪", "小", "晓", "云", "飞", "志", "斌", "宁", "鑫"};
constexpr std::array<const char*, 12> kMobilePrefixes{"133", "135", "136", "137", "138", "139",
                                                      "150", "151", "158", "177", "186", "189"};
// Region codes of cities where the demo group has projects: 深圳 广州 北京 上海 杭州 成都 武汉 重庆.
constexpr std::array<const char*, 8> kRegions{"440304", "440106", "110105", "310115", "330106", "510107", "420106", "500103"};
constexpr std::array<const char*, 8> kCities{"深圳", "广州", "北京", "上海", "杭州", "成都", "武汉", "重庆"};
constexpr std::array<const char*, 6> kChannels{"来访", "来电", "老带新", "网络", "中介", "展会"};
constexpr std::array<const char*, 8> kTags{"老业主", "意向客户", "VIP", "投资客", "首置", "改善", "学区需求", "养老需求"};
constexpr std::array<const char*, 6> kOccupations{"教师", "医生", "工程师", "公务员", "企业主", "销售"};

}  // namespace

std::string DemoCustomers::Name() {
  std::string name = kSurnames[std::min<std::size_t>(std::geometric_distribution<std::size_t>(0.12)(rng_), 39)];
  name += kGiven[rng_() % kGiven.size()];
  if (rng_() % 10 < 7) name += kGiven[rng_() % kGiven.size()];
  return name;
}

Customer DemoCustomers::Make(std::int64_t n, std::int64_t tenant_id, std::int64_t org_unit_id, Timestamp now) {
  Customer c;
  c.tenant_id = tenant_id;
  c.org_unit_id = org_unit_id;
  c.name = Name();
  // Unique: the prefix and an 8-digit number derived from n by an odd multiplier (a bijection mod 10^8).
  const auto prefix = kMobilePrefixes[static_cast<std::size_t>(n) % kMobilePrefixes.size()];
  const std::int64_t body = (n / static_cast<std::int64_t>(kMobilePrefixes.size()) * 7919 + 12345) % 100000000;
  c.phones.push_back({fmt::format("{}{:08}", prefix, body), "mobile"});
  if (rng_() % 5 == 0) c.phones.push_back({fmt::format("0755-{}", 20000000 + (n * 104729 + 77) % 80000000), "home"});
  if (rng_() % 10 < 8) {
    // Unique: the region, a birth date and a 3-digit sequence, all taken from n.
    const std::size_t city = static_cast<std::size_t>(n) % kRegions.size();
    // q = k·18250 + r: the day is r scattered over 50 years (7919 is coprime with 18250) and the
    // sequence k + r (mod 1000), so (day, sequence) still tells q apart and both sexes occur.
    const std::int64_t q = n / static_cast<std::int64_t>(kRegions.size());
    const std::int64_t r = q % 18250, k = q / 18250;
    const std::int64_t day_index = r * 7919 % 18250;
    const std::int64_t seq = (k + r) % 1000;
    using namespace std::chrono;
    const year_month_day ymd{sys_days{year{1950} / January / 1} + days{day_index}};
    const std::string first17 =
        fmt::format("{}{:04}{:02}{:02}{:03}", kRegions[city], static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), seq);
    c.id_type = "resident_id";
    c.id_number = first17 + ResidentId::CheckCharacter(first17);
    c.gender = seq % 2 == 1 ? "male" : "female";
    c.birth_date = first17.substr(6, 4) + "-" + first17.substr(10, 2) + "-" + first17.substr(12, 2);
    c.city = kCities[city];
    if (ymd.year() < year{1995}) {
      c.marital_status = rng_() % 5 == 0 ? "single" : "married";
      if (*c.marital_status == "married" && rng_() % 3 != 0) {
        const int first_child = static_cast<int>(ymd.year()) + 24 + static_cast<int>(rng_() % 8);
        c.children_birth_years.push_back(first_child);
        if (rng_() % 3 == 0) c.children_birth_years.push_back(first_child + 2 + static_cast<int>(rng_() % 5));
      }
    } else {
      c.marital_status = "single";
    }
    if (rng_() % 4 == 0) c.elders = 1 + static_cast<int>(rng_() % 2);
  }
  const char* incomes[] = {"low", "middle", "middle", "high"};
  c.income_level = incomes[rng_() % 4];
  c.occupation = kOccupations[rng_() % kOccupations.size()];
  c.source_channel = kChannels[rng_() % kChannels.size()];
  if (rng_() % 3 == 0) c.tags.push_back(kTags[rng_() % kTags.size()]);
  c.consent_marketing = rng_() % 2 == 0;
  c.created_at = c.updated_at = Timestamp{now.ms - static_cast<std::int64_t>(rng_() % (3LL * 365 * 86400000))};
  if (c.consent_marketing) c.consent_changed_at = c.created_at;
  return c;
}

Result<void> AddDemoCustomers(db::Database& db, const Clock& clock, platform::Demo& demo) {
  const auto started = std::chrono::steady_clock::now();
  demo.customers_before = db.Read([&](db::Tx& tx) {
    return tx.Execute("SELECT COUNT(*) FROM customers WHERE tenant_id = $1", demo.tenant_id).front().Int(0);
  });
  DemoCustomers make(demo.seed + static_cast<std::uint64_t>(demo.customers_before));
  CustomerRepo repo;
  Timeline timeline;
  const char* kinds[] = {"visit", "call", "purchase", "ticket", "survey", "club"};
  const char* summaries[] = {"到访售楼处", "来电咨询户型", "签约认购", "报修：卫生间渗漏", "满意度回访", "参加万客会活动"};
  constexpr std::int64_t kPerBatch = 5000;
  std::int64_t events_left = demo.events;
  for (std::int64_t done = 0; done < demo.customers;) {
    const std::int64_t batch = std::min(kPerBatch, demo.customers - done);
    HEARTH_TRY(db.Transact([&](db::Tx& tx) -> Result<void> {
      const Timestamp now = clock.Now();
      std::int64_t first_id = 0;
      std::int64_t last_id = -1;
      for (std::int64_t i = 0; i < batch; ++i) {
        const std::int64_t n = demo.customers_before + done + i;
        auto c = make.Make(n, demo.tenant_id, demo.companies[static_cast<std::size_t>(n) % demo.companies.size()], now);
        c.id = repo.Insert(tx, c, SearchTermsOf(c), false);
        if (i == 0) first_id = c.id;
        last_id = c.id;
        timeline.Append(tx, c.tenant_id, {0, c.id, c.created_at, "profile", "customer", c.id, "建立客户档案"}, std::nullopt, now);
        // Spread the requested events evenly over the customers still to come.
        const std::int64_t remaining = demo.customers - (done + i);
        const std::int64_t these = remaining > 0 ? events_left / remaining : 0;
        for (std::int64_t e = 0; e < these; ++e) {
          const int k = static_cast<int>((n + e) % 6);
          const Timestamp at{c.created_at.ms + (e + 1) * 86400000LL * 7};
          timeline.Append(tx, c.tenant_id, {0, c.id, at, kinds[k], "", std::nullopt, summaries[k]}, std::nullopt, now);
        }
        events_left -= these;
      }
      repo.IndexInserted(tx, first_id, last_id);
      return {};
    }));
    done += batch;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format("\rcustomers {}/{} ({:.0f}/s)", done, demo.customers, done / std::max(s, 0.001)) << std::flush;
  }
  if (demo.customers >= 100000) HEARTH_TRY(db.Transact([](db::Tx& tx) -> Result<void> { CustomerRepo::CompactIndex(tx); return {}; }));
  demo.made.push_back(fmt::format("{} customers", demo.customers));
  demo.made.push_back(fmt::format("{} timeline events", demo.events - events_left));
  return {};
}

}  // namespace hearth::customers
