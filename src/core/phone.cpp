#include "core/phone.hpp"

#include <cctype>

namespace hearth {

namespace {
bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}
}  // namespace

std::optional<std::string> NormalizePhone(std::string_view text) {
  // Trim surrounding spaces.
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.size() > 32) return std::nullopt;
  if (text.front() == '0') {
    // Landline: area code, separator, number, optional extension.
    const auto sep = text.find_first_of("- ");
    std::string_view area, number, ext;
    if (sep == std::string_view::npos) {
      return std::nullopt;  // without a separator the area code length is ambiguous
    }
    area = text.substr(0, sep);
    std::string_view rest = text.substr(sep + 1);
    const auto sep2 = rest.find_first_of("- ");
    number = rest.substr(0, sep2);
    if (sep2 != std::string_view::npos) ext = rest.substr(sep2 + 1);
    if (!AllDigits(area) || area.size() < 3 || area.size() > 4 || area[1] == '0') return std::nullopt;
    if (!AllDigits(number) || number.size() < 7 || number.size() > 8 || number[0] == '0') return std::nullopt;
    if (!ext.empty() && (!AllDigits(ext) || ext.size() > 6)) return std::nullopt;
    std::string out = std::string(area) + "-" + std::string(number);
    if (!ext.empty()) out += "-" + std::string(ext);
    return out;
  }
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && i == 0) continue;
    if (c == ' ' || c == '-') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits += c;
  }
  if (digits.size() == 13 && digits.starts_with("86")) digits = digits.substr(2);
  if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3' || digits[1] > '9') return std::nullopt;
  if (text.front() == '+' && text.substr(0, 3) != "+86") return std::nullopt;
  return digits;
}

}  // namespace hearth
