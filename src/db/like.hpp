#pragma once
#include <string>
#include <string_view>

namespace hearth::db {

/// A LIKE pattern matching text that contains `text` literally: '%', '_' and '\' are escaped,
/// so the query must say `LIKE $n ESCAPE '\'` (the same on SQLite and PostgreSQL).
inline std::string LikeContaining(std::string_view text) {
  std::string out = "%";
  out.reserve(text.size() + 2);
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace hearth::db
