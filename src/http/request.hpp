#pragma once
#include <cstdint>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "core/request_context.hpp"
#include "core/error.hpp"
#include "http/upload_file.hpp"

namespace hearth::http {

using hearth::RequestContext;

/// An HTTP request, independent of the server library. Header names are stored lowercase.
class Request {
 public:
  std::string method;
  std::string target;  ///< path and query as received
  std::string path;    ///< decoded path without the query
  std::string query;   ///< raw query string without '?'
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// An upload's body (routes with BodyLimit::kUpload): written to a file as it arrived, never held
  /// in memory; `body` is empty then. Bytes() reads whichever holds it.
  std::shared_ptr<UploadFile> upload;
  std::string remote_address;  ///< the client's address (a trusted proxy's X-Forwarded-For, see --trust-proxy)
  bool https = false;          ///< the client reached us over HTTPS (a trusted proxy's X-Forwarded-Proto)
  std::string route_pattern;  ///< the matched route, e.g. "/api/v1/users/{id}", or "" when none
  std::vector<std::pair<std::string, std::string>> path_params;
  RequestContext context;
  // Set by Router::Resolve (the server calls it once the header is read), so that Handle does
  // not match again: the route or nullptr, and whether another method's route has this path.
  const void* matched_route = nullptr;
  bool path_matched = false;
  bool route_resolved = false;
  bool admitted = false;  ///< Router::Admit passed it (the caller is known before the body is read)

  /// The header's value, or nullopt. `name` must be lowercase.
  std::optional<std::string_view> Header(std::string_view name) const;
  /// The first value of a query parameter, percent-decoded; nullopt when absent.
  std::optional<std::string> Query(std::string_view name) const;
  /// A path parameter as a positive integer id; kNotFound when it is not one.
  Result<std::int64_t> PathId(std::string_view name) const;
  /// A path parameter as text ("" when the route has none of that name).
  std::string PathText(std::string_view name) const {
    for (const auto& [key, value] : path_params) {
      if (key == name) return value;
    }
    return {};
  }
  /// The body parsed as a JSON object; kBadRequest when it is not one.
  Result<boost::json::object> JsonObject() const;
  /// The body's bytes, from `upload` or `body`.
  std::string_view Bytes() const { return upload ? upload->bytes() : std::string_view(body); }
  /// The body's bytes with what keeps them alive, for work that outlives the request (a
  /// background import); moves `body` out.
  SharedBytes TakeBytes();
  /// The authenticated actor; only valid on routes that require authentication.
  const Actor& actor() const { return *context.actor; }
};

/// Decodes %XX escapes (and '+' as space in query strings); nullopt when an escape is malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

/// An HTTP response, independent of the server library.
class EventStream;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  /// Set for a server-sent events answer: the connection stays open and carries what is sent
  /// to the stream (the body is not used).
  std::shared_ptr<EventStream> stream = nullptr;
};

constexpr int kOk = 200, kCreated = 201, kAccepted = 202, kNoContent = 204;

/// A JSON response.
Response Json(int status, boost::json::value body);
/// A JSON response from text already written (JsonWriter).
inline Response JsonText(int status, std::string body) { return Response{status, "application/json", std::move(body), {}}; }
/// 204 with no body.
Response NoContent();
/// The standard error body of API.md for `error`, with its status.
Response ErrorResponse(const Error& error);
/// The status code of an error kind (the only place that knows them).
int StatusOf(ErrorCode code);

}  // namespace hearth::http
