#pragma once
#include <cstdint>
#include <string_view>

#include <spdlog/spdlog.h>

#include "core/json_writer.hpp"

namespace hearth::log {

/// One line of the server's log: a JSON object with the time (UTC, milliseconds), the level and
/// the message first, then the fields. Every value is escaped (text that is not UTF-8, such as a
/// path a client sent, is written byte by byte as code points), so that a client cannot forge a
/// line and `jq` reads the log from its first line to its last.
///
///   log::Info("access").Str("path", req.path).Int("status", 200);   // written at the `;`
///
/// Nothing is formatted when the level is off.
class Line {
 public:
  Line(spdlog::level::level_enum level, std::string_view msg);
  ~Line();
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;

  Line& Str(std::string_view key, std::string_view value);
  Line& Int(std::string_view key, std::int64_t value);
  /// A number with three decimals (milliseconds).
  Line& Num(std::string_view key, double value);
  Line& Bool(std::string_view key, bool value);

 private:
  spdlog::level::level_enum level_;
  bool on_;
  JsonWriter w_;
};

inline Line Info(std::string_view msg) { return Line(spdlog::level::info, msg); }
inline Line Warn(std::string_view msg) { return Line(spdlog::level::warn, msg); }
inline Line Error(std::string_view msg) { return Line(spdlog::level::err, msg); }

/// Sets spdlog to write these lines as they are, one per line, on standard output.
void Configure();

}  // namespace hearth::log
