#include "core/paging.hpp"

#include <charconv>

#include <sodium.h>

namespace hearth {

namespace {
constexpr std::string_view kPrefix = "c1:";

std::optional<std::int64_t> ToInt(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}
}  // namespace

std::string EncodeCursor(std::int64_t last_id) {
  const std::string plain = std::string(kPrefix) + std::to_string(last_id);
  std::string out(sodium_base64_ENCODED_LEN(plain.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

Result<Page> ParsePage(const std::optional<std::string>& limit, const std::optional<std::string>& cursor) {
  Page page;
  if (limit) {
    auto v = ToInt(*limit);
    if (!v || *v < 1 || *v > 500) {
      return Fail(ErrorCode::kBadRequest, "bad_request", "limit must be an integer from 1 to 500",
                  {{"limit", "invalid_value"}});
    }
    page.limit = static_cast<int>(*v);
  }
  if (cursor && !cursor->empty()) {
    unsigned char buf[64];
    std::size_t len = 0;
    const bool decoded = cursor->size() < 80 &&
                         sodium_base642bin(buf, sizeof(buf), cursor->data(), cursor->size(), nullptr, &len, nullptr,
                                           sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0;
    const std::string_view plain(reinterpret_cast<const char*>(buf), decoded ? len : 0);
    std::optional<std::int64_t> id;
    if (decoded && plain.starts_with(kPrefix)) id = ToInt(plain.substr(kPrefix.size()));
    if (!id || *id < 0) {
      return Fail(ErrorCode::kBadRequest, "bad_request", "the cursor is not valid", {{"cursor", "invalid_value"}});
    }
    page.after_id = *id;
  }
  return page;
}

}  // namespace hearth
