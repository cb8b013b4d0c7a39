#pragma once
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "core/request_context.hpp"

namespace hearth::sales {

/// A sales manager's powers (assign leads, decide changes, approve prices, pay rewards): the
/// manager and administrator roles.
inline bool ManagesSales(const Actor& a) {
  for (const auto& r : a.roles) {
    if (r == "manager" || r == "admin") return true;
  }
  return false;
}

/// Money for a timeline line: ¥1234.50.
inline std::string Yuan(std::int64_t cents) { return fmt::format("¥{:.2f}", static_cast<double>(cents) / 100.0); }

}  // namespace hearth::sales
