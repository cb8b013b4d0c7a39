#pragma once
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "platform/auth_service.hpp"
#include "platform/session_cookie.hpp"

namespace hearth::platform {

/// Turns away calls to authenticated routes without a valid bearer token or session cookie (401)
/// and puts the actor into the request context. A state-changing request authenticated by the
/// cookie must also pass the CSRF check (403 csrf_failed; session_cookie.hpp).
/// An admission (http::Admission): the server runs it on the header, before it reads any body.
http::Admission AuthAdmission(AuthService& auth, const CookieSettings& cookies);

/// `Idempotency-Key` on an authenticated POST: the first 2xx answer is stored in the same
/// transaction as the handler's writes, and a repeat of the key answers it again without running
/// the handler. The same key with a different request answers 409 idempotency_key_reused.
http::Middleware IdempotencyMiddleware(db::Database& db, const Clock& clock);

}  // namespace hearth::platform
