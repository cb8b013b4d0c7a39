#pragma once
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace hearth::platform {

/// A file attached to a record (a photo of a defect on a ticket). The owner's module decides who
/// may see and add files; this store only keeps them.
struct Attachment {
  std::int64_t id = 0;
  std::string owner_type;  ///< "ticket"
  std::int64_t owner_id = 0;
  std::string file_name;
  std::string content_type;  ///< found from the bytes, never taken from the client
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::int64_t created_by = 0;
  Timestamp created_at;
};

boost::json::object ToJson(const Attachment& a);

/// The content type of a file judged by its first bytes: image/jpeg, image/png, image/gif,
/// image/webp, image/heic or application/pdf; nullopt for anything else.
std::optional<std::string> SniffContentType(std::string_view bytes);

/// A file name fit to store and to send back in Content-Disposition: the last path component,
/// control characters and quotes removed, at most 120 characters; "" when nothing is left.
std::string CleanFileName(std::string_view name);

/// Attachments, read and written inside the owner module's transaction.
class AttachmentStore {
 public:
  static constexpr std::size_t kMaxBytes = 10u << 20;  ///< per file
  static constexpr int kMaxPerOwner = 30;

  /// Stores `bytes` for the owner. 422 with field `file` (empty, too_large, unsupported_type),
  /// `file_name` (invalid_value), or `owner_id` (too_many_attachments).
  Result<Attachment> Add(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type, std::int64_t owner_id,
                         std::string_view file_name, std::string_view bytes, std::int64_t user_id, Timestamp now) const;
  /// The owner's files, oldest first, without their bytes.
  std::vector<Attachment> List(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type,
                               std::int64_t owner_id) const;
  /// One file of the owner; nullopt when it is not the owner's.
  std::optional<Attachment> Find(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type,
                                 std::int64_t owner_id, std::int64_t id) const;
  /// How many files each of the owners has (owners without files are left out).
  std::map<std::int64_t, std::int64_t> CountsOf(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type,
                                                const std::vector<std::int64_t>& owner_ids) const;
  /// The bytes of a file found by Find.
  std::string Content(db::Tx& tx, std::int64_t id) const;
  /// Removes a file of the owner; false when it was not the owner's.
  bool Remove(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type, std::int64_t owner_id,
              std::int64_t id) const;
};

}  // namespace hearth::platform
