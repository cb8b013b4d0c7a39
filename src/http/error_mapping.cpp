#include <boost/json/parse.hpp>

#include "http/request.hpp"

// The one place that turns error kinds into HTTP status codes (API.md, STYLE.md §5).
namespace hearth::http {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kInvalidArgument: return 422;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& error) {
  boost::json::object err;
  err["code"] = error.slug;
  err["message"] = error.message.empty() ? error.slug : error.message;
  if (!error.fields.empty()) {
    boost::json::object fields;
    for (const auto& f : error.fields) fields[f.field] = f.reason;
    err["fields"] = std::move(fields);
  }
  for (const auto& [key, json_text] : error.extra) {
    boost::system::error_code ec;
    auto v = boost::json::parse(json_text, ec);
    err[key] = ec ? boost::json::value(json_text) : v;
  }
  Response res = Json(StatusOf(error.code), boost::json::object{{"error", std::move(err)}});
  if (error.code == ErrorCode::kRateLimited) {
    // The true wait when the service knows it (the error's retry_after_s), else a minute.
    std::string seconds = "60";
    for (const auto& [key, json_text] : error.extra) {
      if (key == "retry_after_s") seconds = json_text;
    }
    res.headers.emplace_back("Retry-After", seconds);
  }
  return res;
}

}  // namespace hearth::http
