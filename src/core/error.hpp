#pragma once
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace hearth {

/// Protocol-agnostic error kinds; only http/error_mapping.cpp turns them into status codes.
enum class ErrorCode {
  kBadRequest,        ///< not JSON, wrong types
  kInvalidArgument,   ///< a rule refused a value (validation_failed, with fields)
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kConflict,          ///< duplicates, stale versions, invalid transitions
  kPayloadTooLarge,
  kRateLimited,
  kUnavailable,       ///< a dependency (the database) is down; the client may retry
  kInternal,
};

/// One field at fault: `field` is a JSON path ("phones[1]"), `reason` a stable slug ("required").
struct FieldError {
  std::string field;
  std::string reason;
};

/// An expected failure. `slug` is stable for machines and tests, `message` is for people.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string slug;
  std::string message;
  std::vector<FieldError> fields;
  /// Extra members of the error object, as JSON text keyed by name (e.g. "existing_id" -> "42").
  std::vector<std::pair<std::string, std::string>> extra;
};

template <typename T>
using Result = tl::expected<T, Error>;

/// Builds an unexpected Error for `return Fail(...)`.
inline tl::unexpected<Error> Fail(ErrorCode code, std::string slug, std::string message = {},
                                  std::vector<FieldError> fields = {}) {
  return tl::unexpected<Error>(Error{code, std::move(slug), std::move(message), std::move(fields), {}});
}
inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

/// A 422 validation_failed naming one field.
inline tl::unexpected<Error> FailField(std::string field, std::string reason) {
  return Fail(ErrorCode::kInvalidArgument, "validation_failed", "a field is not valid",
              {{std::move(field), std::move(reason)}});
}
inline tl::unexpected<Error> NotFound(std::string what = "not found") {
  return Fail(ErrorCode::kNotFound, "not_found", std::move(what));
}
inline tl::unexpected<Error> Forbidden(std::string what = "not allowed") {
  return Fail(ErrorCode::kPermissionDenied, "forbidden", std::move(what));
}

}  // namespace hearth

#define HEARTH_CONCAT_INNER(a, b) a##b
#define HEARTH_CONCAT(a, b) HEARTH_CONCAT_INNER(a, b)

/// Returns early with the error of a Result<void> (or any Result whose value is not needed).
#define HEARTH_TRY(expr)                                          \
  do {                                                            \
    auto&& hearth_try_result_ = (expr);                           \
    if (!hearth_try_result_) {                                    \
      return ::tl::unexpected(std::move(hearth_try_result_).error()); \
    }                                                             \
  } while (false)

/// `HEARTH_ASSIGN(auto user, repo.Find(...));` declares/assigns the value or returns the error.
#define HEARTH_ASSIGN(lhs, expr) HEARTH_ASSIGN_IMPL(HEARTH_CONCAT(hearth_assign_, __LINE__), lhs, expr)
#define HEARTH_ASSIGN_IMPL(tmp, lhs, expr)                  \
  auto tmp = (expr);                                        \
  if (!tmp) return ::tl::unexpected(std::move(tmp).error()); \
  lhs = std::move(*tmp)

/// Guards an invariant that user input can never break; a failure is a bug.
#define HEARTH_ASSERT(cond, why) \
  do {                           \
    if (!(cond)) ::hearth::AssertFailed(#cond, why, __FILE__, __LINE__); \
  } while (false)

namespace hearth {
[[noreturn]] void AssertFailed(const char* cond, const char* why, const char* file, int line);
}

namespace hearth {
/// Base of exceptions that mean "a dependency is down, try again" (answered with 503).
class ServiceUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  /// True when the disk holding the database is full: writes fail until space is freed, reads go on.
  virtual bool storage_full() const { return false; }
};
}  // namespace hearth
