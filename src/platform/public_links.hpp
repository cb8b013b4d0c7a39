#pragma once
// The owners' public pages behind a link (a handover booking, an open-day sign-up, a survey): the
// address the links lead to, and the throttle on guessed tokens. For every module's routes.
#include <string>

#include "core/clock.hpp"
#include "http/router.hpp"
#include "platform/auth_service.hpp"

namespace hearth::platform {

/// Where owners open their links: the page's own origin when the browser names it (the staff app's
/// writes carry it, checked against the host), else this server's host.
std::string OriginOf(const http::Request& req);

/// An owner's page behind a link: the token is the credential, so guessing is slowed down per
/// address (30 unknown tokens in 15 minutes, then 429 until the window passes).
Result<http::Response> GuardLink(LoginThrottle& links, Timestamp now, http::Request& req, const http::Handler& handle);

}  // namespace hearth::platform
