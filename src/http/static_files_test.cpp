// Which Accept-Encoding headers take the gzip copy of a file, as a table (no server).
#include <gtest/gtest.h>

#include "http/static_files.hpp"

namespace hearth::http {
namespace {

TEST(AcceptsGzip, NamedOrStarWithAPositiveQuality) {
  const std::pair<const char*, bool> cases[] = {
      {"gzip, deflate, br, zstd", true},  // Chromium
      {"gzip", true},
      {"deflate, gzip;q=0.8", true},
      {"*", true},
      {"gzip;q=0", false},
      {"gzip; q=0.000, identity", false},
      {"br, deflate", false},
      {"", false},
      {"xgzip", false},
      {"identity", false},
  };
  for (const auto& [header, expected] : cases) EXPECT_EQ(AcceptsGzip(header), expected) << '"' << header << '"';
}

}  // namespace
}  // namespace hearth::http
