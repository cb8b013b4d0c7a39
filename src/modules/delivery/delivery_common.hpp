#pragma once
#include <string>

#include "core/request_context.hpp"

namespace hearth::delivery {

/// The customer centre's powers over delivery: release a batch over its open risks, veto an open
/// day (managers and administrators).
inline bool ManagesDelivery(const Actor& a) {
  for (const auto& r : a.roles) {
    if (r == "manager" || r == "admin") return true;
  }
  return false;
}

}  // namespace hearth::delivery
