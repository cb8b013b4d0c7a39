#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

/// A point in time as UTC milliseconds since the Unix epoch; stored as BIGINT (docs/adr/0004).
struct Timestamp {
  std::int64_t ms = 0;
  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

/// "2026-11-23T08:00:00Z" (milliseconds appear only when not zero: "…:00.250Z").
std::string FormatRfc3339(Timestamp t);
/// Accepts RFC 3339 with "Z" or a numeric offset; nullopt when malformed.
std::optional<Timestamp> ParseRfc3339(std::string_view text);
/// A calendar date "YYYY-MM-DD" as days since 1970-01-01; nullopt unless it is a real date.
std::optional<std::int64_t> ParseIsoDate(std::string_view text);
/// Days since 1970-01-01 as "YYYY-MM-DD".
std::string FormatIsoDate(std::int64_t days);

/// The source of "now". Production uses SystemClock; tests use ManualClock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override;
};

/// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_ms_(start.ms) {}
  Timestamp Now() const override { return {now_ms_.load()}; }
  void Advance(std::int64_t ms) { now_ms_ += ms; }
  void Set(Timestamp t) { now_ms_ = t.ms; }

 private:
  std::atomic<std::int64_t> now_ms_;
};

}  // namespace hearth
