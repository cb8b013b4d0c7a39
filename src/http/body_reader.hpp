#pragma once
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace hearth::http {

/// Reads fields of a JSON request body and collects every problem before failing, so that the
/// client learns all bad fields at once. Wrong JSON types are 400 bad_request; values that break
/// a rule are 422 validation_failed; both name the fields.
///
///   BodyReader in(obj);
///   auto name = in.String("name", {.required = true, .max_chars = 100});
///   HEARTH_TRY(in.Finish());   // also rejects fields it was not asked about
/// Checks of a string field; lengths count Unicode characters, not bytes.
/// Control characters are refused (reason "control_character", core/text.hpp); a multi-line
/// field (a description, a note) keeps TAB, LF and CR.
struct StringRule {
  bool required = false;
  std::size_t min_chars = 0;
  std::size_t max_chars = 1000;
  bool multiline = false;
};

class BodyReader {
 public:

  explicit BodyReader(const boost::json::object& obj) : obj_(obj) {}

  /// True when the key is present (even as null).
  bool Has(std::string_view key) const {
    Known(key);
    return obj_.contains(key);
  }
  /// True when present and null (a PATCH clearing a field).
  bool IsNull(std::string_view key) const;

  std::optional<std::string> String(std::string_view key, StringRule rule = {});
  std::optional<std::int64_t> Int(std::string_view key, bool required = false);
  std::optional<bool> Bool(std::string_view key, bool required = false);
  /// A JSON number (integer or not); reason "must_be_number" otherwise.
  std::optional<double> Number(std::string_view key, bool required = false);
  /// One of `allowed`; reason "invalid_value" otherwise.
  std::optional<std::string> Enum(std::string_view key, std::initializer_list<std::string_view> allowed,
                                  bool required = false) {
    return EnumOf(key, allowed.begin(), allowed.end(), required);
  }
  std::optional<std::string> Enum(std::string_view key, const std::vector<std::string>& allowed, bool required = false) {
    return EnumOf(key, allowed.begin(), allowed.end(), required);
  }
  std::optional<std::string> Enum(std::string_view key, std::span<const std::string_view> allowed, bool required = false) {
    return EnumOf(key, allowed.begin(), allowed.end(), required);
  }
  /// One of a vocabulary's words, as its value; reason "invalid_value" otherwise.
  template <typename E, std::size_t N>
  std::optional<E> Enum(std::string_view key, const Vocabulary<E, N>& words, bool required = false) {
    const auto text = EnumOf(key, words.names().begin(), words.names().end(), required);
    return text ? words.Parse(*text) : std::nullopt;
  }
  std::optional<std::vector<std::string>> StringArray(std::string_view key, bool required = false,
                                                      std::size_t max_items = 100, std::size_t max_chars = 100);

  std::optional<std::vector<std::int64_t>> IntArray(std::string_view key, bool required = false,
                                                   std::size_t max_items = 100);
  /// The raw value when present and not null (for shapes the reader does not know).
  const boost::json::value* Raw(std::string_view key) { return Get(key, false); }
  /// Records a wrong JSON type found by the caller (400).
  void WrongTypeOf(std::string field, std::string reason) { wrong_type_.push_back({std::move(field), std::move(reason)}); }

  /// Records a rule failure found by the caller.
  void Invalid(std::string field, std::string reason) { invalid_.push_back({std::move(field), std::move(reason)}); }

  /// Fails when any field was of the wrong type (400), broke a rule (422), or is a key the reader
  /// was never asked about and not one of `also_known` (400, reason "unknown_field").
  Result<void> Finish(std::initializer_list<std::string_view> also_known = {}) {
    return Finish(std::span<const std::string_view>(also_known.begin(), also_known.size()));
  }
  Result<void> Finish(std::span<const std::string_view> also_known);

 private:
  template <typename It>
  std::optional<std::string> EnumOf(std::string_view key, It begin, It end, bool required) {
    const auto* v = Get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      WrongType(key, "must_be_string");
      return std::nullopt;
    }
    const std::string_view text = v->as_string();
    if (std::find(begin, end, text) == end) {
      Invalid(std::string(key), "invalid_value");
      return std::nullopt;
    }
    return std::string(text);
  }

  const boost::json::value* Get(std::string_view key, bool required);
  /// Remembers that the caller asked about `key`, so Finish does not call it unknown.
  void Known(std::string_view key) const {
    if (std::find(asked_.begin(), asked_.end(), key) == asked_.end()) asked_.emplace_back(key);
  }
  /// The array under `key` when present, an array, and not longer than `max_items`.
  const boost::json::array* Array(std::string_view key, bool required, std::size_t max_items);
  void WrongType(std::string_view key, std::string reason) { wrong_type_.push_back({std::string(key), std::move(reason)}); }

  const boost::json::object& obj_;
  std::vector<FieldError> wrong_type_;
  std::vector<FieldError> invalid_;
  mutable std::vector<std::string> asked_;
};

/// The number of Unicode code points in valid UTF-8 text.
std::size_t Utf8Length(std::string_view text);

/// Each object of the array `key` read by `each` (its fields reported as key[i].field).
template <typename Each>
void ReadArray(BodyReader& in, std::string_view key, std::size_t max, Each&& each) {
  const auto* raw = in.Raw(key);
  if (!raw) {
    in.Invalid(std::string(key), "required");
    return;
  }
  if (!raw->is_array()) {
    in.WrongTypeOf(std::string(key), "must_be_array");
    return;
  }
  if (raw->as_array().size() > max) {
    in.Invalid(std::string(key), "too_many");
    return;
  }
  for (std::size_t i = 0; i < raw->as_array().size(); ++i) {
    const auto& item = raw->as_array()[i];
    const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      in.WrongTypeOf(at, "must_be_object");
      continue;
    }
    BodyReader inner(item.as_object());
    each(inner);
    if (auto ok = inner.Finish(); !ok) {
      for (const auto& fe : ok.error().fields) {
        if (ok.error().code == ErrorCode::kInvalidArgument) {
          in.Invalid(at + "." + fe.field, fe.reason);
        } else {
          in.WrongTypeOf(at + "." + fe.field, fe.reason);
        }
      }
    }
  }
}


}  // namespace hearth::http
