#include "platform/session_cookie.hpp"

#include <sodium.h>

#include "core/hash.hpp"

namespace hearth::platform {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Cookie(std::string_view name, std::string_view value, std::int64_t max_age_s, bool http_only, bool secure,
                   std::string_view path = "/") {
  std::string out(name);
  out += '=';
  out += value;
  out += "; Path=";
  out += path;
  out += "; Max-Age=";
  out += std::to_string(max_age_s);
  out += "; SameSite=Strict";
  if (http_only) out += "; HttpOnly";
  if (secure) out += "; Secure";
  return out;
}

// The host[:port] of an absolute URL ("https://crm.example.com:8443/path" → "crm.example.com:8443").
std::string_view HostOf(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  return url.substr(0, url.find_first_of("/?#"));
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    const std::string_view pair = Trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || Trim(pair.substr(0, eq)) != name) continue;
    std::string_view value = Trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return std::nullopt;
}

std::string CsrfTokenFor(std::string_view session_token) {
  std::string input = "hearth-csrf\n";
  input += session_token;
  return Sha256Hex(input);
}

std::vector<std::pair<std::string, std::string>> SessionCookies(const std::string& token, const CookieSettings& settings,
                                                                 bool https) {
  const bool secure = settings.always_secure || https;
  return {{"Set-Cookie", Cookie(kSessionCookie, token, settings.max_age_s, true, secure)},
          {"Set-Cookie", Cookie(kCsrfCookie, CsrfTokenFor(token), settings.max_age_s, false, secure)}};
}

std::pair<std::string, std::string> DeviceCookie(const std::string& device, const CookieSettings& settings, bool https) {
  return {"Set-Cookie", Cookie(kDeviceCookie, device, kDeviceCookieMaxAgeS, true, settings.always_secure || https,
                               kDeviceCookiePath)};
}

std::vector<std::pair<std::string, std::string>> ClearedSessionCookies(const CookieSettings& settings, bool https) {
  const bool secure = settings.always_secure || https;
  return {{"Set-Cookie", Cookie(kSessionCookie, "", 0, true, secure)},
          {"Set-Cookie", Cookie(kCsrfCookie, "", 0, false, secure)}};
}

bool ChangesState(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

bool SameOrigin(const http::Request& req) {
  auto source = req.Header("origin");
  if (!source || *source == "null") source = req.Header("referer");
  if (!source) return true;
  const auto host = req.Header("host");
  return host && EqualsIgnoreCase(HostOf(*source), *host);
}

std::optional<std::string> CsrfRefusal(const http::Request& req, std::string_view session_token) {
  if (!ChangesState(req.method)) return std::nullopt;
  if (!SameOrigin(req)) return "the request came from another site";
  const auto sent = req.Header(kCsrfHeader);
  const std::string expected = CsrfTokenFor(session_token);
  if (!sent || sent->size() != expected.size() ||
      sodium_memcmp(sent->data(), expected.data(), expected.size()) != 0) {
    return "send the X-CSRF-Token header with the value of the hearth_csrf cookie";
  }
  return std::nullopt;
}

}  // namespace hearth::platform
