#pragma once
#include <string_view>

#include "http/router.hpp"

namespace hearth::http {

/// Serves the web app built into the binary: files by path, and index.html for any other path
/// (client-side routes). Hashed files under /assets/ are cached for a year; index.html never.
/// 404 in the API's error shape when the binary was built without the web app.
Handler StaticFiles();

/// True when an Accept-Encoding header takes gzip (named, or "*", with a q above 0).
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace hearth::http
