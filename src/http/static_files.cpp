#include "http/static_files.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/embedded.hpp"

namespace hearth::http {

namespace {

std::string_view ContentType(std::string_view name) {
  static const std::unordered_map<std::string_view, std::string_view> kTypes{
      {"html", "text/html; charset=utf-8"}, {"js", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},   {"json", "application/json"},
      {"svg", "image/svg+xml"},             {"png", "image/png"},
      {"ico", "image/x-icon"},              {"woff2", "font/woff2"},
      {"txt", "text/plain; charset=utf-8"}, {"map", "application/json"}};
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  auto it = kTypes.find(name.substr(dot + 1));
  return it == kTypes.end() ? std::string_view("application/octet-stream") : it->second;
}

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  // "gzip, deflate, br" or "gzip;q=0.8, identity;q=0.5"; "gzip;q=0" refuses it.
  for (std::size_t start = 0; start < accept_encoding.size();) {
    const auto end = std::min(accept_encoding.find(',', start), accept_encoding.size());
    const std::string item(accept_encoding.substr(start, end - start));
    start = end + 1;
    std::string name = item.substr(0, item.find(';'));
    std::erase(name, ' ');
    if (name != "gzip" && name != "*") continue;
    const auto q = item.find("q=");
    return q == std::string::npos || std::strtod(item.c_str() + q + 2, nullptr) > 0;
  }
  return false;
}

Handler StaticFiles() {
  std::unordered_map<std::string_view, std::string_view> files;
  for (const EmbeddedFile& f : hearth_web_assets()) files.emplace(f.name, f.data);
  return [files = std::move(files)](Request& req) -> Response {
    std::string_view path = req.path;
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    auto it = files.find(path);
    const bool asset = it != files.end();
    // A missing file under assets/ is a stale or mistyped link, not a page of the app: 404, so
    // that a cached page does not run the app's HTML as a script.
    if (!asset && path.starts_with("assets/")) {
      return ErrorResponse(Error{ErrorCode::kNotFound, "not_found", "no such file", {}, {}});
    }
    // The owners' survey page (/s/{token}) is a page of its own, light for a phone on a poor
    // connection: not the staff app.
    if (!asset && path.starts_with("s/")) it = files.find("survey.html");
    if (!asset && it == files.end()) it = files.find("index.html");
    if (it == files.end()) {
      return ErrorResponse(Error{ErrorCode::kNotFound, "not_found", "the web app is not built into this binary", {}, {}});
    }
    Response res{200, std::string(ContentType(it->first)), std::string(it->second), {}};
    // The build writes a gzip copy beside each larger text file (web/scripts/compress.mjs): sent
    // as it is to a browser that takes gzip, the original to any other.
    if (auto gz = files.find(std::string(it->first) + ".gz"); gz != files.end()) {
      res.headers.emplace_back("Vary", "Accept-Encoding");
      if (AcceptsGzip(req.Header("accept-encoding").value_or(""))) {
        res.body = std::string(gz->second);
        res.headers.emplace_back("Content-Encoding", "gzip");
      }
    }
    if (asset && path.starts_with("assets/")) {
      res.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    } else {
      res.headers.emplace_back("Cache-Control", "no-cache");
    }
    if (res.content_type.starts_with("text/html")) {
      // The staff's preview of a survey (/s/preview/{id}) shows in the builder's phone frame, on
      // this origin only; every other page is never framed.
      const bool preview = path.starts_with("s/preview/");
      res.headers.emplace_back("Content-Security-Policy",
                               std::string("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                                           "frame-ancestors ") +
                                   (preview ? "'self'" : "'none'"));
      if (preview) res.headers.emplace_back("X-Frame-Options", "SAMEORIGIN");
    }
    return res;
  };
}

}  // namespace hearth::http
