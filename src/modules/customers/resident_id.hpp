#pragma once
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hearth::customers {

/// A mainland resident ID number (居民身份证号码, GB 11643-1999): 6 digits of region, the birth
/// date as YYYYMMDD, 3 digits of sequence (odd for men, even for women) and a mod 11-2 check
/// character (0–9 or X).
class ResidentId {
 public:
  /// Fails with kInvalidArgument on field "id_number", reason "invalid_format" (length or
  /// characters), "invalid_birth_date" (no such day, or before 1900 / after `today`), or
  /// "invalid_checksum". A lowercase x is accepted and stored uppercase.
  static Result<ResidentId> Parse(std::string_view text, std::string_view today = "9999-12-31");

  const std::string& str() const { return value_; }
  /// "YYYY-MM-DD".
  std::string BirthDate() const;
  /// "male" or "female", from the parity of the sequence digits.
  std::string Gender() const;

  /// The check character for the first 17 digits.
  static char CheckCharacter(std::string_view first17);

 private:
  explicit ResidentId(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace hearth::customers
