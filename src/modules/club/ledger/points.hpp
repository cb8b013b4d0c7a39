#pragma once
// The club's points (万客会积分) as lots: each earning is a lot that expires on its own date; a
// redemption takes from the lots that expire first; a balance is never negative. Pure: the
// service reads a member's open lots and writes what this decides (points_test.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hearth::club {

/// An earning with what is left of it.
struct Lot {
  std::int64_t id = 0;
  std::int64_t remaining = 0;
  std::int64_t expires_at = 0;  ///< ms since the epoch
};

/// What a redemption takes from one lot.
struct Take {
  std::int64_t lot_id = 0;
  std::int64_t points = 0;
};

/// The lots to take `points` from, oldest expiry first (ties by id), or nullopt when the lots
/// that have not expired by `now` hold fewer.
std::optional<std::vector<Take>> TakeOldestFirst(std::vector<Lot> lots, std::int64_t points, std::int64_t now);

/// The lots that have expired by `now` with points left, and how many points expire.
std::int64_t ExpiredPoints(const std::vector<Lot>& lots, std::int64_t now);

/// Why points are earned or spent (the ledger's words).
inline const std::vector<std::string> kEarnReasons{"referral", "purchase", "survey", "event", "adjustment"};
inline const std::vector<std::string> kSpendReasons{"redeem", "adjustment"};

/// A club tier (会员等级): who reaches it, by the points earned in the last twelve months.
struct Tier {
  std::string code;
  std::string name;
  std::int64_t min_points_12m = 0;  ///< earned over the last 365 days to reach and keep it
  std::string benefits;
};

/// The highest tier of `tiers` (ascending min_points_12m) that `earned_12m` reaches.
const Tier& TierFor(const std::vector<Tier>& tiers, std::int64_t earned_12m);

/// A member's tier after an earning: up at once when the points reach a higher tier, never down
/// (a tier is reviewed, and may go down, once a year on the member's anniversary).
std::string TierAfterEarning(const std::vector<Tier>& tiers, const std::string& current, std::int64_t earned_12m);

/// The tier at the yearly review: the one the last twelve months' points reach, up or down, at
/// most one step down at a time (a member keeps some of what they had).
std::string TierAtReview(const std::vector<Tier>& tiers, const std::string& current, std::int64_t earned_12m);

/// The tiers a group starts with: 普卡, 银卡, 金卡, 钻石卡.
std::vector<Tier> DefaultTiers();

}  // namespace hearth::club
