#pragma once
#include <string>
#include <string_view>

namespace hearth {

/// SHA-256 of `text` as 64 lowercase hex characters (libsodium).
std::string Sha256Hex(std::string_view text);

}  // namespace hearth
