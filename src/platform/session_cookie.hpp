#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.hpp"

// The browser's session (SECURITY.md §Browser session). The web app never holds the login token:
// the login answer sets it in an HttpOnly, SameSite=Strict cookie, so page scripts cannot read it.
// A second cookie that scripts can read holds the CSRF token, derived from the session token;
// every state-changing request authenticated by the cookie must send it back in `X-CSRF-Token`
// (a page on another site can make the browser send the cookie, but cannot read it to copy it
// into a header). API clients that send `Authorization: Bearer` are not affected.
namespace hearth::platform {

inline constexpr std::string_view kSessionCookie = "hearth_session";
inline constexpr std::string_view kCsrfCookie = "hearth_csrf";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";
/// The browser's device id (platform/auth_service.hpp, LoginThrottle): random, HttpOnly, sent only
/// to the login, kept for half a year and outliving logouts.
inline constexpr std::string_view kDeviceCookie = "hearth_device";
inline constexpr std::string_view kDeviceCookiePath = "/api/v1/auth/login";
inline constexpr std::int64_t kDeviceCookieMaxAgeS = 183LL * 24 * 3600;

struct CookieSettings {
  std::int64_t max_age_s = 12 * 3600;  ///< the session's lifetime
  bool always_secure = false;          ///< mark cookies Secure even on a request not seen as HTTPS
};

/// The value of cookie `name` in a `Cookie:` header, or nullopt.
std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name);

/// The CSRF token of a session: SHA-256 of the session token (it reveals nothing of it).
std::string CsrfTokenFor(std::string_view session_token);

/// Set-Cookie headers that start a browser session with `token`.
std::vector<std::pair<std::string, std::string>> SessionCookies(const std::string& token, const CookieSettings& settings,
                                                                 bool https);
/// The Set-Cookie header that keeps the device id (a login's).
std::pair<std::string, std::string> DeviceCookie(const std::string& device, const CookieSettings& settings, bool https);
/// Set-Cookie headers that end it (both cookies expire now).
std::vector<std::pair<std::string, std::string>> ClearedSessionCookies(const CookieSettings& settings, bool https);

/// True for methods that change state (everything but GET, HEAD and OPTIONS).
bool ChangesState(std::string_view method);

/// False when the request carries an Origin (or, lacking one, a Referer) of another host than the
/// one it was sent to: a cross-site form or script. Requests without either pass (non-browser
/// clients; browsers send Origin on every cross-site POST).
bool SameOrigin(const http::Request& req);

/// Null when the cookie-authenticated request may proceed; otherwise why not (for a 403
/// csrf_failed): a state-changing request needs the same origin and the right X-CSRF-Token.
std::optional<std::string> CsrfRefusal(const http::Request& req, std::string_view session_token);

}  // namespace hearth::platform
