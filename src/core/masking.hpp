#pragma once
#include <string>
#include <string_view>

namespace hearth {

/// "13812345678" → "138****5678"; landlines and other numbers keep the first 3 and last 4
/// characters. Text of 7 characters or fewer is masked whole.
std::string MaskPhone(std::string_view phone);
/// Every character but the first 6 and last 4 becomes '*' ("110105********1234"); text of
/// 10 characters or fewer is masked whole.
std::string MaskIdNumber(std::string_view id_number);

}  // namespace hearth
