#include "modules/customers/resident_id.hpp"

#include <chrono>

namespace hearth::customers {

char ResidentId::CheckCharacter(std::string_view first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kChecks[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
  return kChecks[sum % 11];
}

Result<ResidentId> ResidentId::Parse(std::string_view text, std::string_view today) {
  if (text.size() != 18) return FailField("id_number", "invalid_format");
  std::string value(text);
  if (value[17] == 'x') value[17] = 'X';
  for (std::size_t i = 0; i < 17; ++i) {
    if (value[i] < '0' || value[i] > '9') return FailField("id_number", "invalid_format");
  }
  if ((value[17] < '0' || value[17] > '9') && value[17] != 'X') return FailField("id_number", "invalid_format");
  using namespace std::chrono;
  const int y = std::stoi(value.substr(6, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(value.substr(10, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(value.substr(12, 2)));
  const year_month_day ymd{year{y}, month{m}, day{d}};
  const std::string iso = value.substr(6, 4) + "-" + value.substr(10, 2) + "-" + value.substr(12, 2);
  if (!ymd.ok() || y < 1900 || iso > today) return FailField("id_number", "invalid_birth_date");
  if (CheckCharacter(std::string_view(value).substr(0, 17)) != value[17]) {
    return FailField("id_number", "invalid_checksum");
  }
  return ResidentId(std::move(value));
}

std::string ResidentId::BirthDate() const {
  return value_.substr(6, 4) + "-" + value_.substr(10, 2) + "-" + value_.substr(12, 2);
}

std::string ResidentId::Gender() const { return ((value_[16] - '0') % 2 == 1) ? "male" : "female"; }

}  // namespace hearth::customers
