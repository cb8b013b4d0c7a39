#pragma once
#include <string>
#include <string_view>

#include "core/hash.hpp"

namespace hearth::platform {

/// An argon2id hash in libsodium's encoded form ("$argon2id$v=19$m=…"), salted.
/// Uses the interactive limits (64 MiB, ~0.1 s on a 2-core machine) unless `fast` is set,
/// which tests and the demo loader use.
std::string HashPassword(std::string_view password, bool fast = false);
/// Constant-time verification against an encoded hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

/// 32 random bytes as 43 URL-safe base64 characters.
std::string RandomToken();
/// Tokens are stored only as their SHA-256 (core/hash.hpp).
using hearth::Sha256Hex;

}  // namespace hearth::platform
