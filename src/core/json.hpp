#pragma once
#include <optional>

#include <boost/json/value.hpp>

#include "core/clock.hpp"

namespace hearth {

/// The value, or JSON null when absent (the optional fields of API.md's bodies).
template <typename T>
boost::json::value JsonOr(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

/// An RFC 3339 time, or JSON null when absent.
inline boost::json::value JsonTime(const std::optional<Timestamp>& t) {
  return t ? boost::json::value(FormatRfc3339(*t)) : boost::json::value(nullptr);
}

}  // namespace hearth
