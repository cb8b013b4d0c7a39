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

namespace hearth::inventory {

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
  std::string decoration = "raw";  ///< raw (毛坯) | finished (精装)
  std::string status = "available";
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

/// A unit's sales statuses in the order of a sale, as the API spells them (API.md), each with its
/// word (待售 认筹 认购 签约 交付). The one place they are spelled on the server.
inline constexpr std::array<std::string_view, 5> kUnitStatuses{"available", "pledged", "subscribed", "contracted",
                                                                "delivered"};
/// The status's word in Chinese ("认购"); the status itself when it is not one.
std::string_view UnitStatusLabel(std::string_view status);

/// 待售 → 认筹 → 认购 → 签约 → 交付. A pledge or subscription may fall back to available
/// (cancelled); a contract only goes on to delivery.
bool StatusTransitionAllowed(std::string_view from, std::string_view to);
bool IsUnitStatus(std::string_view status);

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
};

/// A sold unit and its owner, with the project and the project's company (demo tickets).
struct Home {
  std::int64_t customer_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;  ///< the project's
};

}  // namespace hearth::inventory
