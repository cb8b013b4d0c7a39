#pragma once
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "core/request_context.hpp"

namespace hearth::sales {

/// Money for a timeline line: ¥1234.50.
inline std::string Yuan(std::int64_t cents) { return fmt::format("¥{:.2f}", static_cast<double>(cents) / 100.0); }

}  // namespace hearth::sales
