#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/paging.hpp"
#include "core/vocabulary.hpp"
#include "http/request.hpp"

namespace hearth::http {

/// The version an `If-Match` header asks for: `3`, `"3"` or `W/"3"`; nullopt when absent;
/// 400 bad_request naming "If-Match" when malformed.
Result<std::optional<std::int64_t>> IfMatchVersion(const Request& req);

/// What every PATCH /things/{id} reads first: the id, the If-Match version (when sent) and the
/// JSON object body; the first of them that is wrong is the error.
struct PatchParts {
  std::int64_t id = 0;
  std::optional<std::int64_t> version;
  boost::json::object body;
};
Result<PatchParts> ReadPatch(const Request& req);

/// `limit` and `cursor` of the query string.
Result<Page> PageOf(const Request& req);

/// An optional integer query parameter; 400 naming it when it is not an integer.
Result<std::optional<std::int64_t>> QueryInt(const Request& req, std::string_view name);

/// An optional query parameter that must be one of `allowed` (absent or empty: nullopt); 400
/// naming it, reason "invalid_value", otherwise.
Result<std::optional<std::string>> QueryEnum(const Request& req, std::string_view name,
                                             const std::vector<std::string>& allowed);
/// An optional query parameter that must be one of a vocabulary's words, as its value.
template <typename E, std::size_t N>
Result<std::optional<E>> QueryEnum(const Request& req, std::string_view name, const Vocabulary<E, N>& words) {
  const auto text = req.Query(name);
  if (!text || text->empty()) return std::optional<E>();
  if (auto value = words.Parse(*text)) return value;
  return Fail(ErrorCode::kBadRequest, "bad_request", std::string(name) + " is not one of its values",
              {{std::string(name), "invalid_value"}});
}
/// An optional `true` / `false` query parameter; 400 naming it otherwise.
Result<std::optional<bool>> QueryBool(const Request& req, std::string_view name);
/// 400 bad_request naming one query parameter (`reason`: "invalid_value", "invalid_format"…).
tl::unexpected<Error> BadQuery(std::string_view name, std::string_view reason, std::string message);

/// `{"items": [...], "next_cursor": ...}`.
template <typename T, typename ToJsonFn>
Response ListResponse(const std::vector<T>& items, const std::optional<std::string>& next, ToJsonFn&& to_json) {
  boost::json::array arr;
  arr.reserve(items.size());
  for (const auto& item : items) arr.emplace_back(to_json(item));
  boost::json::object body;
  body["items"] = std::move(arr);
  body["next_cursor"] = next ? boost::json::value(*next) : nullptr;
  return Json(kOk, std::move(body));
}

/// Renders a Result: the value through `to_json` with `status`, or the error body.
template <typename T, typename ToJsonFn>
Response Render(const Result<T>& result, int status, ToJsonFn&& to_json) {
  if (!result) return ErrorResponse(result.error());
  return Json(status, to_json(*result));
}

/// Renders a whole list (no further page), or the error body.
template <typename T, typename ToJsonFn>
Response RenderList(const Result<std::vector<T>>& result, ToJsonFn&& to_json) {
  if (!result) return ErrorResponse(result.error());
  return ListResponse(*result, std::nullopt, std::forward<ToJsonFn>(to_json));
}

/// 204 with no body, or the error body.
inline Response RenderNoContent(const Result<void>& result) {
  if (!result) return ErrorResponse(result.error());
  return Response{kNoContent, "application/json", "", {}};
}

}  // namespace hearth::http
