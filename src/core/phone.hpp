#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

/// Normalises a Chinese phone number, or nullopt when it is not one:
/// a mainland mobile (1[3-9] + 9 digits; "+86", "86", spaces and dashes allowed) becomes 11
/// digits; a landline "0AA(A)-NNNNNNN(N)" (area code 3–4 digits with the 0, number 7–8 digits,
/// optional "-NNNN" extension) becomes "0AA-NNNNNNNN".
std::optional<std::string> NormalizePhone(std::string_view text);

}  // namespace hearth
