#pragma once
#include <string_view>
#include <vector>

namespace hearth {

/// A file built into the binary by cmake/embed.cmake. The data lives for the whole process.
struct EmbeddedFile {
  std::string_view name;  ///< path relative to the embedding base, e.g. "platform/migrations/x.sql"
  std::string_view data;
};

/// SQL migrations and OpenAPI fragments under src/.
const std::vector<EmbeddedFile>& hearth_resources();
/// The built web app (web/dist); empty when the web app was not built before the binary.
const std::vector<EmbeddedFile>& hearth_web_assets();

}  // namespace hearth
