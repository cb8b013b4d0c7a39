#include "platform/middleware.hpp"

#include "platform/password.hpp"

namespace hearth::platform {

namespace {

constexpr std::string_view kFindKey = R"sql(
SELECT request_hash, status, content_type, response_body FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2)sql";
// A placeholder (status 0) claims the key before the handler runs: a concurrent request with the
// same key blocks on the unique index until this transaction ends, then finds the answer.
constexpr std::string_view kClaimKey = R"sql(
INSERT INTO idempotency_keys (tenant_id, user_id, idem_key, method, path, request_hash, status, content_type,
                              response_body, created_at)
VALUES ($1, $2, $3, $4, $5, $6, 0, '', '', $7)
ON CONFLICT (user_id, idem_key) DO NOTHING)sql";
constexpr std::string_view kStoreAnswer = R"sql(
UPDATE idempotency_keys SET status = $3, content_type = $4, response_body = $5 WHERE user_id = $1 AND idem_key = $2)sql";
constexpr std::string_view kReleaseKey = "DELETE FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2";

std::optional<http::Response> Replay(db::Tx& tx, std::int64_t user_id, const std::string& key,
                                     const std::string& hash) {
  auto rows = tx.Execute(kFindKey, user_id, key);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  if (r.Int(1) == 0) {
    return http::ErrorResponse(Error{ErrorCode::kConflict, "idempotency_key_in_use",
                                     "a request with this Idempotency-Key is still running", {}, {}});
  }
  if (r.Text(0) != hash) {
    return http::ErrorResponse(Error{ErrorCode::kConflict, "idempotency_key_reused",
                                     "this Idempotency-Key was used for a different request", {}, {}});
  }
  http::Response res{static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), {{"Idempotent-Replayed", "true"}}};
  return res;
}

}  // namespace

http::Admission AuthAdmission(AuthService& auth, const CookieSettings& cookies) {
  return [&auth, &cookies](http::Request& req, const http::Route& route) -> std::optional<http::Response> {
    if (!route.spec.auth()) return std::nullopt;
    std::string token;
    bool from_cookie = false;
    if (auto header = req.Header("authorization"); header && header->starts_with("Bearer ")) {
      token = std::string(header->substr(7));
    } else if (auto cookie = req.Header("cookie")) {
      token = CookieValue(*cookie, kSessionCookie).value_or("");
      from_cookie = !token.empty();
    }
    if (token.empty()) {
      return http::ErrorResponse(Error{ErrorCode::kUnauthenticated, "unauthenticated",
                                       "send Authorization: Bearer <token> or sign in", {}, {}});
    }
    if (from_cookie) {
      if (auto refusal = CsrfRefusal(req, token)) {
        return http::ErrorResponse(Error{ErrorCode::kPermissionDenied, "csrf_failed", *refusal, {}, {}});
      }
    }
    auto actor = auth.Authenticate(token);
    if (!actor) {
      http::Response res = http::ErrorResponse(actor.error());
      if (from_cookie) {  // an expired or revoked session: the browser forgets it
        for (auto& h : ClearedSessionCookies(cookies, req.https)) res.headers.push_back(std::move(h));
      }
      return res;
    }
    req.context.actor = std::move(*actor);
    // The route's declared permission, before any of the request is read (a refused caller
    // learns nothing from validation errors).
    if (auto needed = route.spec.permission(); needed && !req.context.actor->Can(*needed)) {
      return http::ErrorResponse(Error{ErrorCode::kPermissionDenied, "forbidden", "your role may not do this", {}, {}});
    }
    return std::nullopt;
  };
}

http::Middleware IdempotencyMiddleware(db::Database& db, const Clock& clock) {
  return [&db, &clock](http::Request& req, const http::Route&, const http::Next& next) -> http::Response {
    auto key_header = req.Header("idempotency-key");
    if (req.method != "POST" || !key_header || !req.context.actor) return next(req);
    const std::string key(*key_header);
    if (key.empty() || key.size() > 255) {
      return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "Idempotency-Key must be 1–255 characters",
                                       {{"Idempotency-Key", "invalid_value"}}, {}});
    }
    const Actor& actor = *req.context.actor;
    // An upload's bytes are in its file, not in `body`: its own digest stands for them (no copy).
    const std::string hash = Sha256Hex(req.method + ' ' + req.target + '\n' +
                                       (req.upload ? "file:" + Sha256Hex(req.Bytes()) : req.body));
    auto result = db.Transact([&](db::Tx& tx) -> Result<http::Response> {
      if (auto replay = Replay(tx, actor.user_id, key, hash)) return *replay;
      if (tx.Execute(kClaimKey, actor.tenant_id, actor.user_id, key, req.method, req.path, hash, clock.Now()).affected == 0) {
        // Another request with this key committed while we waited for the claim.
        if (auto replay = Replay(tx, actor.user_id, key, hash)) return *replay;
        return http::ErrorResponse(Error{ErrorCode::kConflict, "idempotency_key_in_use",
                                         "a request with this Idempotency-Key is still running", {}, {}});
      }
      http::Response res = next(req);
      if (res.status >= 200 && res.status < 300) {
        tx.Execute(kStoreAnswer, actor.user_id, key, res.status, res.content_type, res.body);
      } else {
        tx.Execute(kReleaseKey, actor.user_id, key);  // a failed request may be retried with its key
      }
      return res;
    });
    if (result) return *result;
    return http::ErrorResponse(result.error());
  };
}

}  // namespace hearth::platform
