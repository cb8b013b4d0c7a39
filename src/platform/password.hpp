#pragma once
#include <string>
#include <string_view>

namespace hearth::platform {

/// An argon2id hash in libsodium's encoded form ("$argon2id$v=19$m=…"), salted.
/// Uses the interactive limits (64 MiB, ~0.1 s on a 2-core machine) unless `fast` is set,
/// which tests and the demo loader use.
std::string HashPassword(std::string_view password, bool fast = false);
/// Constant-time verification against an encoded hash.
bool VerifyPassword(std::string_view password, const std::string& encoded);

/// 32 random bytes as 43 URL-safe base64 characters.
std::string RandomToken();
/// SHA-256 of `text` as hex; tokens are stored only as this.
std::string Sha256Hex(std::string_view text);

}  // namespace hearth::platform
