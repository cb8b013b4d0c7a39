#pragma once
#include <optional>
#include <type_traits>

#include <boost/json/value.hpp>

#include "core/clock.hpp"

namespace hearth {

/// The value (an enum of a closed vocabulary as its word: core/vocabulary.hpp), or JSON null when
/// absent (the optional fields of API.md's bodies).
template <typename T>
boost::json::value JsonOr(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_enum_v<T>) {
    return boost::json::value(WordOf(*v));
  } else {
    return boost::json::value(*v);
  }
}

/// An RFC 3339 time, or JSON null when absent.
inline boost::json::value JsonTime(const std::optional<Timestamp>& t) {
  return t ? boost::json::value(FormatRfc3339(*t)) : boost::json::value(nullptr);
}

}  // namespace hearth
