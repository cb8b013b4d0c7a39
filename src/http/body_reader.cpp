#include "http/body_reader.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace hearth::http {

std::size_t Utf8Length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool BodyReader::IsNull(std::string_view key) const {
  Known(key);
  auto it = obj_.find(key);
  return it != obj_.end() && it->value().is_null();
}

const boost::json::value* BodyReader::Get(std::string_view key, bool required) {
  Known(key);
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) {
    if (required) Invalid(std::string(key), "required");
    return nullptr;
  }
  return &it->value();
}

std::optional<std::string> BodyReader::String(std::string_view key, StringRule rule) {
  const auto* v = Get(key, rule.required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    WrongType(key, "must_be_string");
    return std::nullopt;
  }
  std::string text(v->as_string());
  const std::size_t chars = Utf8Length(text);
  if (rule.required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Invalid(std::string(key), "required");
    return std::nullopt;
  }
  if (chars < rule.min_chars) {
    Invalid(std::string(key), "too_short");
    return std::nullopt;
  }
  if (chars > rule.max_chars) {
    Invalid(std::string(key), "too_long");
    return std::nullopt;
  }
  if (HasControlCharacter(text, {.line_breaks = rule.multiline})) {
    Invalid(std::string(key), "control_character");
    return std::nullopt;
  }
  return text;
}

std::optional<std::int64_t> BodyReader::Int(std::string_view key, bool required) {
  const auto* v = Get(key, required);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->as_uint64());
  }
  WrongType(key, "must_be_integer");
  return std::nullopt;
}

std::optional<bool> BodyReader::Bool(std::string_view key, bool required) {
  const auto* v = Get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    WrongType(key, "must_be_boolean");
    return std::nullopt;
  }
  return v->as_bool();
}


std::optional<double> BodyReader::Number(std::string_view key, bool required) {
  const auto* v = Get(key, required);
  if (!v) return std::nullopt;
  if (v->is_double()) return v->as_double();
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  WrongType(key, "must_be_number");
  return std::nullopt;
}

const boost::json::array* BodyReader::Array(std::string_view key, bool required, std::size_t max_items) {
  const auto* v = Get(key, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    WrongType(key, "must_be_array");
    return nullptr;
  }
  if (v->as_array().size() > max_items) {
    Invalid(std::string(key), "too_many");
    return nullptr;
  }
  return &v->as_array();
}

std::optional<std::vector<std::string>> BodyReader::StringArray(std::string_view key, bool required,
                                                                std::size_t max_items, std::size_t max_chars) {
  const auto* list = Array(key, required, max_items);
  if (!list) return std::nullopt;
  const auto& arr = *list;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string field = std::string(key) + "[" + std::to_string(i) + "]";
    if (!arr[i].is_string()) {
      WrongType(field, "must_be_string");
      return std::nullopt;
    }
    std::string item(arr[i].as_string());
    if (Utf8Length(item) > max_chars) {
      Invalid(field, "too_long");
      return std::nullopt;
    }
    if (HasControlCharacter(item)) {
      Invalid(field, "control_character");
      return std::nullopt;
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::optional<std::vector<std::int64_t>> BodyReader::IntArray(std::string_view key, bool required,
                                                              std::size_t max_items) {
  const auto* list = Array(key, required, max_items);
  if (!list) return std::nullopt;
  const auto& arr = *list;
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    if (!arr[i].is_int64()) {
      WrongType(std::string(key) + "[" + std::to_string(i) + "]", "must_be_integer");
      return std::nullopt;
    }
    out.push_back(arr[i].as_int64());
  }
  return out;
}

Result<void> BodyReader::Finish(std::span<const std::string_view> also_known) {
  for (const auto& kv : obj_) {
    const bool asked = std::find(asked_.begin(), asked_.end(), kv.key()) != asked_.end() ||
                       std::find(also_known.begin(), also_known.end(), kv.key()) != also_known.end();
    if (!asked) WrongType(kv.key(), "unknown_field");
  }
  if (!wrong_type_.empty()) {
    auto fields = wrong_type_;
    fields.insert(fields.end(), invalid_.begin(), invalid_.end());
    return Fail(ErrorCode::kBadRequest, "bad_request", "some fields have the wrong type or are unknown",
                std::move(fields));
  }
  if (!invalid_.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "validation_failed", "some fields are not valid", invalid_);
  }
  return {};
}

}  // namespace hearth::http
