#include "modules/inventory/unit.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/json.hpp"

namespace hearth::inventory {

bool StatusTransitionAllowed(UnitStatus from, UnitStatus to) {
  using enum UnitStatus;
  struct Edge {
    UnitStatus from, to;
  };
  static constexpr std::array<Edge, 8> kEdges{{{kAvailable, kPledged},
                                               {kAvailable, kSubscribed},
                                               {kPledged, kSubscribed},
                                               {kPledged, kAvailable},
                                               {kSubscribed, kContracted},
                                               {kSubscribed, kAvailable},
                                               {kContracted, kDelivered},
                                               {kPledged, kContracted}}};
  return std::any_of(kEdges.begin(), kEdges.end(), [&](const Edge& e) { return e.from == from && e.to == to; });
}

std::string UnitCode(std::string_view building, std::string_view entrance, std::string_view room) {
  std::string code(building);
  code += '-';
  code += entrance;
  code += '-';
  code += room;
  return code;
}

bool ValidLabel(std::string_view label) {
  return !label.empty() && label.size() <= 10 &&
         std::all_of(label.begin(), label.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

boost::json::object ToJson(const Project& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"city", p.city},
          {"address", p.address},
          {"org_unit_id", p.org_unit_id},
          {"completion_date", p.completion_date ? boost::json::value(*p.completion_date) : boost::json::value(nullptr)},
          {"team_dissolved", p.team_dissolved},
          {"version", p.version},
          {"created_at", FormatRfc3339(p.created_at)},
          {"updated_at", FormatRfc3339(p.updated_at)}};
}

boost::json::object ToJson(const Unit& u) {
  return {{"id", u.id},
          {"project_id", u.project_id},
          {"phase", u.phase},
          {"building", u.building},
          {"entrance", u.entrance},
          {"room", u.room},
          {"floor", u.floor},
          {"code", u.code},
          {"layout", u.layout},
          {"area_m2", u.area_m2},
          {"list_price_cents", u.list_price_cents},
          {"decoration", kDecorations.Name(u.decoration)},
          {"status", kUnitStatuses.Name(u.status)},
          {"delivered_on", JsonOr(u.delivered_on)},
          {"version", u.version},
          {"created_at", FormatRfc3339(u.created_at)},
          {"updated_at", FormatRfc3339(u.updated_at)}};
}

}  // namespace hearth::inventory
