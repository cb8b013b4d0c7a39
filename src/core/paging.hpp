#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hearth {

/// Keyset paging: `limit` (default 50, at most 500) and an opaque cursor holding the last id seen.
struct Page {
  int limit = 50;
  std::optional<std::int64_t> after_id;  ///< continue after this id (in the list's order)
};

/// Parses the `limit` and `cursor` query values; 400 bad_request naming the field when malformed.
Result<Page> ParsePage(const std::optional<std::string>& limit, const std::optional<std::string>& cursor);
/// The opaque cursor for "after this id".
std::string EncodeCursor(std::int64_t last_id);

}  // namespace hearth

namespace hearth {
/// Lists are fetched with one row more than the page holds: when that row came, drop it and
/// return the cursor after the last kept item; otherwise nullopt (the last page).
template <typename T, typename IdOf>
std::optional<std::string> TrimToPage(std::vector<T>& items, const Page& page, IdOf id_of) {
  if (static_cast<int>(items.size()) <= page.limit) return std::nullopt;
  items.resize(static_cast<std::size_t>(page.limit));
  return EncodeCursor(id_of(items.back()));
}
}  // namespace hearth
