#include "core/error.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace hearth {

void AssertFailed(const char* cond, const char* why, const char* file, int line) {
  throw std::logic_error(fmt::format("assertion failed at {}:{}: {} ({})", file, line, cond, why));
}

}  // namespace hearth
