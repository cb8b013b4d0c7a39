// A request target's query string: percent-decoding, parameter lookup, and the paging values
// (limit, and the opaque cursor a client hands back).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/paging.hpp"
#include "http/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hearth::http::Request req;
  req.query.assign(reinterpret_cast<const char*>(data), size);
  (void)hearth::http::PercentDecode(req.query, true);
  (void)hearth::http::PercentDecode(req.query, false);
  auto limit = req.Query("limit");
  auto cursor = req.Query("cursor");
  (void)req.Query("q");
  (void)hearth::ParsePage(limit, cursor);
  (void)hearth::ParsePage(std::nullopt, std::string(req.query));
  req.path_params = {{"id", req.query}};
  (void)req.PathId("id");
  return 0;
}
