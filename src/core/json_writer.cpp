#include "core/json_writer.hpp"

#include <array>
#include <charconv>
#include <cstring>

#include "core/csv.hpp"

namespace hearth {

void JsonWriter::Key(std::string_view key) {
  if (need_comma_) out_ += ',';
  need_comma_ = false;
  Escaped(key);
  out_ += ':';
}

void JsonWriter::String(std::string_view text) {
  Separate();
  Escaped(text);
}

void JsonWriter::Bytes(std::string_view text) {
  Separate();
  Escaped(text, !IsUtf8(text));
}

void JsonWriter::Int(std::int64_t n) {
  Separate();
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out_.append(buf, end);
}

void JsonWriter::Bool(bool b) {
  Separate();
  out_ += b ? "true" : "false";
}

void JsonWriter::Null() {
  Separate();
  out_ += "null";
}

void JsonWriter::Raw(std::string_view json) {
  Separate();
  out_ += json;
}

namespace {

// 1 for the bytes a JSON string must escape: control characters, quote and backslash.
constexpr auto kEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

}  // namespace

void JsonWriter::Escaped(std::string_view text, bool bytes_as_code_points) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  const auto needs_escape = [&](unsigned char c) { return kEscape[c] || (bytes_as_code_points && c >= 0x80); };
  while (i < n && !needs_escape(static_cast<unsigned char>(p[i]))) ++i;
  // Most text needs nothing escaped: one copy.
  const std::size_t at = out_.size();
  out_.resize(at + i + 2);
  char* o = out_.data() + at;
  o[0] = '"';
  std::memcpy(o + 1, p, i);
  if (i == n) {
    o[i + 1] = '"';
    return;
  }
  out_.pop_back();
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (!needs_escape(c)) {
      out_ += static_cast<char>(c);
      continue;
    }
    out_ += '\\';
    switch (c) {
      case '"': out_ += '"'; break;
      case '\\': out_ += '\\'; break;
      case '\b': out_ += 'b'; break;
      case '\t': out_ += 't'; break;
      case '\n': out_ += 'n'; break;
      case '\f': out_ += 'f'; break;
      case '\r': out_ += 'r'; break;
      default:
        out_ += "u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xf];
    }
  }
  out_ += '"';
}

}  // namespace hearth
