#include "modules/club/ledger/points.hpp"

#include <algorithm>

namespace hearth::club {
namespace {

std::size_t IndexOf(const std::vector<Tier>& tiers, const std::string& code) {
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    if (tiers[i].code == code) return i;
  }
  return 0;  // an unknown code (a tier taken away) counts as the first
}

std::size_t Reached(const std::vector<Tier>& tiers, std::int64_t earned_12m) {
  std::size_t reached = 0;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    if (earned_12m >= tiers[i].min_points_12m) reached = i;
  }
  return reached;
}

}  // namespace

std::optional<std::vector<Take>> TakeOldestFirst(std::vector<Lot> lots, std::int64_t points, std::int64_t now) {
  std::stable_sort(lots.begin(), lots.end(), [](const Lot& a, const Lot& b) {
    return a.expires_at != b.expires_at ? a.expires_at < b.expires_at : a.id < b.id;
  });
  std::vector<Take> out;
  std::int64_t left = points;
  for (const auto& lot : lots) {
    if (left <= 0) break;
    if (lot.remaining <= 0 || lot.expires_at <= now) continue;
    const std::int64_t take = std::min(left, lot.remaining);
    out.push_back({lot.id, take});
    left -= take;
  }
  if (left > 0) return std::nullopt;
  return out;
}

std::int64_t ExpiredPoints(const std::vector<Lot>& lots, std::int64_t now) {
  std::int64_t sum = 0;
  for (const auto& lot : lots) {
    if (lot.expires_at <= now && lot.remaining > 0) sum += lot.remaining;
  }
  return sum;
}

const Tier& TierFor(const std::vector<Tier>& tiers, std::int64_t earned_12m) { return tiers[Reached(tiers, earned_12m)]; }

std::string TierAfterEarning(const std::vector<Tier>& tiers, const std::string& current, std::int64_t earned_12m) {
  return tiers[std::max(IndexOf(tiers, current), Reached(tiers, earned_12m))].code;
}

std::string TierAtReview(const std::vector<Tier>& tiers, const std::string& current, std::int64_t earned_12m) {
  const std::size_t now = IndexOf(tiers, current);
  const std::size_t reached = Reached(tiers, earned_12m);
  if (reached >= now) return tiers[reached].code;
  return tiers[now - 1].code;
}

std::vector<Tier> DefaultTiers() {
  return {{"basic", "普卡", 0, "积分兑换；社区活动报名"},
          {"silver", "银卡", 2000, "普卡权益；合作商家 9.5 折；优先报名社区活动"},
          {"gold", "金卡", 8000, "银卡权益；合作商家 9 折；新盘优先选房；专属客户经理"},
          {"diamond", "钻石卡", 20000, "金卡权益；购房额外 1% 优惠；年度业主答谢会；推荐奖励加倍"}};
}

}  // namespace hearth::club
