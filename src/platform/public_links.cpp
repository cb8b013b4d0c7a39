#include "platform/public_links.hpp"

#include <cctype>

namespace hearth::platform {

std::string OriginOf(const http::Request& req) {
  auto valid = [](std::string_view o) {
    if (!(o.starts_with("https://") || o.starts_with("http://")) || o.size() > 200) return false;
    for (char c : o.substr(o.find("//") + 2)) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']')) return false;
    }
    return true;
  };
  if (auto origin = req.Header("origin"); origin && valid(*origin)) return std::string(*origin);
  const std::string host(req.Header("host").value_or("localhost"));
  const std::string fallback = "http://" + host;
  return valid(fallback) ? fallback : "http://localhost";
}

Result<http::Response> GuardLink(LoginThrottle& links, Timestamp now, http::Request& req, const http::Handler& handle) {
  if (const auto wait = links.WaitOfAddress(req.remote_address, now); wait > 0) return HeldBack("too many unknown links", wait);
  auto res = handle(req);
  if (!res ? res.error().code == ErrorCode::kNotFound : res->status == 404) links.RecordUnknownName(req.remote_address, now);
  return res;
}

}  // namespace hearth::platform
