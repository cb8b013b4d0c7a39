#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"

namespace hearth::service {

/// The statutory minimum warranty periods (《建设工程质量管理条例》第四十条), counted from
/// completion acceptance (竣工验收): waterproofing 5 years; electrical lines, plumbing,
/// equipment and fit-out 2 years; heating and cooling 2 heating seasons; foundations and
/// structure for the design life (taken as 50 years).
extern const std::vector<std::string> kWarrantyTypes;

/// Whether a defect reported on `reported` is still under warranty and whose it is to repair.
struct WarrantyFinding {
  std::string type;
  std::string period;  ///< "5年", "2个采暖期"…
  std::string completion_date;
  std::string until;  ///< the last day covered
  bool in_warranty = false;
  /// in warranty: the developer repairs and charges the responsible contractor back
  /// ("contractor"); out of it: the owner pays ("customer").
  std::string responsible;
};

/// nullopt when the type is unknown or the completion date is not a date.
std::optional<WarrantyFinding> FindWarranty(std::string_view type, std::string_view completion_date, Timestamp reported);

boost::json::object ToJson(const WarrantyFinding& w);

}  // namespace hearth::service
