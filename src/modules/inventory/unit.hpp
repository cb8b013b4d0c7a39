#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace hearth::inventory {

/// A unit's sales statuses in the order of a sale (待售 认筹 认购 签约 交付), as the API spells them
/// (API.md). The one place they are spelled on the server.
enum class UnitStatus { kAvailable, kPledged, kSubscribed, kContracted, kDelivered };
inline constexpr Vocabulary<UnitStatus, 5> kUnitStatuses{{"available", "pledged", "subscribed", "contracted", "delivered"}};
inline constexpr Vocabulary<UnitStatus, 5> kUnitStatusLabels{{"待售", "认筹", "认购", "签约", "交付"}};
constexpr std::string_view WordOf(UnitStatus v) { return kUnitStatuses.Name(v); }

/// 毛坯 (raw) or 精装 (finished).
enum class Decoration { kRaw, kFinished };
inline constexpr Vocabulary<Decoration, 2> kDecorations{{"raw", "finished"}};
constexpr std::string_view WordOf(Decoration v) { return kDecorations.Name(v); }

/// A development (楼盘), owned by an org unit (the project company or its city company).
struct Project {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string name;
  std::string city;
  std::string address;
  std::optional<std::string> completion_date;  ///< 竣工验收, YYYY-MM-DD: warranty periods count from it
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  bool team_dissolved = false;  ///< 项目部撤场: its rectification work goes to engineering
};

/// One home (房号). `code` is building-entrance-room ("3-2-1101").
struct Unit {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::string phase;
  std::string building;
  std::string entrance;
  std::string room;
  int floor = 0;
  std::string code;
  std::string layout;  ///< "3室2厅2卫"
  double area_m2 = 0;
  std::int64_t list_price_cents = 0;
  Decoration decoration = Decoration::kRaw;
  UnitStatus status = UnitStatus::kAvailable;
  std::optional<std::string> delivered_on = std::nullopt;  ///< 交付, YYYY-MM-DD: set when the keys are handed over
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

struct Owner {
  std::int64_t customer_id = 0;
  std::string name;
  double share = 0;
};

/// A unit as seen from its owner (the customer page's units tab).
struct OwnedUnit {
  Unit unit;
  std::string project_name;
  double share = 0;
};

/// 待售 → 认筹 → 认购 → 签约 → 交付. A pledge or subscription may fall back to available
/// (cancelled); a contract only goes on to delivery.
bool StatusTransitionAllowed(UnitStatus from, UnitStatus to);

/// "3-2-1101".
std::string UnitCode(std::string_view building, std::string_view entrance, std::string_view room);
/// Building, entrance and room labels: 1–10 ASCII letters or digits.
bool ValidLabel(std::string_view label);

boost::json::object ToJson(const Project& project);
boost::json::object ToJson(const Unit& unit);

/// One entry of a unit's history (sold, delivered, owner added…).
struct UnitEvent {
  std::int64_t id = 0;
  Timestamp at;
  std::string kind;
  std::string summary;
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> actor_name = std::nullopt;  ///< filled when read
};

/// A sold unit and its owner, with the project and the project's company (demo tickets).
/// An owner of a project's unit as the surveys sample them: the unit's status and delivery day
/// give the owner's tenure cohort.
struct OwnedHome {
  std::int64_t unit_id = 0;
  std::int64_t customer_id = 0;
  std::string status;                       ///< the unit's (contracted, delivered…)
  std::optional<std::string> delivered_on;  ///< YYYY-MM-DD
};

struct Home {
  std::int64_t customer_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;  ///< the project's
};

/// An owned home as the segments read it (a customer's value, area and tenure).
struct HomeFacts {
  std::int64_t customer_id = 0;
  std::int64_t project_id = 0;
  double area_m2 = 0;
  std::int64_t list_price_cents = 0;
  std::optional<std::string> delivered_on;  ///< YYYY-MM-DD
};

}  // namespace hearth::inventory
