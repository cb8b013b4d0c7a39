#include "core/text.hpp"

namespace hearth {

namespace {

/// The length in bytes of a refused character at `text[i]`, or 0 when it is allowed.
std::size_t RefusedAt(std::string_view text, std::size_t i, TextRule rule) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20) return rule.line_breaks && (c == '\t' || c == '\n' || c == '\r') ? 0 : 1;
  if (c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    return next >= 0x80 && next <= 0x9F ? 2 : 0;  // U+0080–U+009F
  }
  if (c == 0xE2 && i + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 3;  // U+202A–U+202E
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;  // U+2066–U+2069
    if (b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) return rule.line_breaks ? 0 : 3;  // U+2028, U+2029
  }
  return 0;
}

}  // namespace

bool HasControlCharacter(std::string_view text, TextRule rule) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (RefusedAt(text, i, rule) > 0) return true;
  }
  return false;
}

std::string WithoutControlCharacters(std::string_view text, TextRule rule) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = RefusedAt(text, i, rule); n > 0) {
      i += n;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace hearth
