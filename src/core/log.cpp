#include "core/log.hpp"

#include <chrono>
#include <cstdio>

#include <spdlog/sinks/stdout_sinks.h>

#include "core/clock.hpp"

namespace hearth::log {

namespace {

std::string_view LevelName(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace: return "trace";
    case spdlog::level::debug: return "debug";
    case spdlog::level::info: return "info";
    case spdlog::level::warn: return "warn";
    case spdlog::level::err: return "error";
    case spdlog::level::critical: return "critical";
    default: return "off";
  }
}

}  // namespace

Line::Line(spdlog::level::level_enum level, std::string_view msg) : level_(level), on_(spdlog::should_log(level)) {
  if (!on_) return;
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  w_.BeginObject();
  w_.Key("ts");
  w_.String(FormatRfc3339(Timestamp{now.count()}));
  w_.Key("level");
  w_.String(LevelName(level));
  w_.Key("msg");
  w_.Bytes(msg);
}

Line::~Line() {
  if (!on_) return;
  w_.EndObject();
  spdlog::log(level_, "{}", std::move(w_).Take());
}

Line& Line::Str(std::string_view key, std::string_view value) {
  if (on_) {
    w_.Key(key);
    w_.Bytes(value);
  }
  return *this;
}

Line& Line::Int(std::string_view key, std::int64_t value) {
  if (on_) {
    w_.Key(key);
    w_.Int(value);
  }
  return *this;
}

Line& Line::Num(std::string_view key, double value) {
  if (on_) {
    w_.Key(key);
    char text[48];
    const int n = std::snprintf(text, sizeof text, "%.3f", value);
    w_.Raw(std::string_view(text, n > 0 ? static_cast<std::size_t>(n) : 0));
  }
  return *this;
}

Line& Line::Bool(std::string_view key, bool value) {
  if (on_) {
    w_.Key(key);
    w_.Bool(value);
  }
  return *this;
}

void Configure() {
  auto logger = spdlog::stdout_logger_mt("hearth");
  logger->set_pattern("%v");
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace hearth::log
