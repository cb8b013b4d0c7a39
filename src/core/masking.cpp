#include "core/masking.hpp"

namespace hearth {

std::string MaskPhone(std::string_view phone) {
  if (phone.size() <= 7) return std::string(phone.size(), '*');
  std::string out(phone.substr(0, 3));
  out.append(phone.size() - 7, '*');
  out.append(phone.substr(phone.size() - 4));
  return out;
}

std::string MaskIdNumber(std::string_view id) {
  if (id.size() <= 10) return std::string(id.size(), '*');
  std::string out(id.substr(0, 6));
  out.append(id.size() - 10, '*');
  out.append(id.substr(id.size() - 4));
  return out;
}

}  // namespace hearth
