#include "platform/attachments.hpp"

#include <sodium.h>

#include "core/csv.hpp"
#include "core/hash.hpp"

namespace hearth::platform {

namespace {

constexpr std::string_view kInsert = R"sql(
INSERT INTO attachments (tenant_id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, created_by,
                         created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id)sql";
constexpr std::string_view kInsertContent = "INSERT INTO attachment_contents (attachment_id, data) VALUES ($1, $2)";
constexpr std::string_view kColumns =
    "SELECT id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, created_by, created_at "
    "FROM attachments ";
constexpr std::string_view kCount =
    "SELECT COUNT(*) FROM attachments WHERE tenant_id = $1 AND owner_type = $2 AND owner_id = $3";
constexpr std::string_view kContent = "SELECT data FROM attachment_contents WHERE attachment_id = $1";
constexpr std::string_view kDelete =
    "DELETE FROM attachments WHERE id = $1 AND tenant_id = $2 AND owner_type = $3 AND owner_id = $4";

Attachment From(const db::Row& r) {
  return {r.Int(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5), r.Text(6), r.Int(7), r.Time(8)};
}

std::string ToBase64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string FromBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw std::runtime_error("attachment_contents holds text that is not base64");
  }
  out.resize(length);
  return out;
}

}  // namespace

boost::json::object ToJson(const Attachment& a) {
  return {{"id", a.id},
          {"file_name", a.file_name},
          {"content_type", a.content_type},
          {"size_bytes", a.size_bytes},
          {"sha256", a.sha256},
          {"created_by", a.created_by},
          {"created_at", FormatRfc3339(a.created_at)}};
}

std::optional<std::string> SniffContentType(std::string_view b) {
  if (b.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (b.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return "image/gif";
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
    const std::string_view brand = b.substr(8, 4);
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1") return "image/heic";
  }
  if (b.starts_with("%PDF-")) return "application/pdf";
  return std::nullopt;
}

std::string CleanFileName(std::string_view name) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '"') continue;
    out += c;
  }
  while (!out.empty() && (out.front() == ' ' || out.front() == '.')) out.erase(out.begin());
  // At most 120 characters, cut at a character boundary.
  std::size_t chars = 0, end = 0;
  while (end < out.size() && chars < 120) {
    ++end;
    while (end < out.size() && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  out.resize(end);
  return out;
}

Result<Attachment> AttachmentStore::Add(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type,
                                        std::int64_t owner_id, std::string_view file_name, std::string_view bytes,
                                        std::int64_t user_id, Timestamp now) const {
  if (bytes.empty()) return FailField("file", "empty");
  if (bytes.size() > kMaxBytes) return FailField("file", "too_large");
  auto type = SniffContentType(bytes);
  if (!type) return FailField("file", "unsupported_type");
  if (!IsUtf8(file_name)) return FailField("file_name", "invalid_value");
  std::string name = CleanFileName(file_name);
  if (name.empty()) name = "file";
  if (tx.Execute(kCount, tenant_id, owner_type, owner_id).front().Int(0) >= kMaxPerOwner) {
    return FailField("owner_id", "too_many_attachments");
  }
  Attachment a{0, std::string(owner_type), owner_id, name, *type, static_cast<std::int64_t>(bytes.size()),
               Sha256Hex(bytes), user_id, now};
  a.id = tx.Execute(kInsert, tenant_id, a.owner_type, owner_id, a.file_name, a.content_type, a.size_bytes, a.sha256,
                    user_id, now)
             .front()
             .Int(0);
  tx.Execute(kInsertContent, a.id, ToBase64(bytes));
  return a;
}

std::vector<Attachment> AttachmentStore::List(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type,
                                              std::int64_t owner_id) const {
  const std::string sql = std::string(kColumns) + "WHERE tenant_id = $1 AND owner_type = $2 AND owner_id = $3 ORDER BY id";
  auto rows = tx.Execute(sql, tenant_id, owner_type, owner_id);
  std::vector<Attachment> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(From(rows[i]));
  return out;
}

std::optional<Attachment> AttachmentStore::Find(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type,
                                                std::int64_t owner_id, std::int64_t id) const {
  const std::string sql =
      std::string(kColumns) + "WHERE id = $1 AND tenant_id = $2 AND owner_type = $3 AND owner_id = $4";
  auto rows = tx.Execute(sql, id, tenant_id, owner_type, owner_id);
  if (rows.empty()) return std::nullopt;
  return From(rows.front());
}

std::map<std::int64_t, std::int64_t> AttachmentStore::CountsOf(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type,
                                                              const std::vector<std::int64_t>& owner_ids) const {
  std::map<std::int64_t, std::int64_t> counts;
  db::SelectIn(tx, "SELECT owner_id, COUNT(*) FROM attachments WHERE owner_id IN ({}) AND owner_type = $1 AND tenant_id = $2 GROUP BY owner_id",
               {std::string(owner_type), tenant_id}, owner_ids, [&](const db::Row& r) { counts[r.Int(0)] = r.Int(1); });
  return counts;
}

std::string AttachmentStore::Content(db::Tx& tx, std::int64_t id) const {
  auto rows = tx.Execute(kContent, id);
  if (rows.empty()) return {};
  return FromBase64(rows.front().Text(0));
}

bool AttachmentStore::Remove(db::Tx& tx, std::int64_t tenant_id, std::string_view owner_type, std::int64_t owner_id,
                             std::int64_t id) const {
  // The content goes with it (ON DELETE CASCADE is not relied upon: SQLite needs foreign_keys on).
  tx.Execute("DELETE FROM attachment_contents WHERE attachment_id IN (SELECT id FROM attachments WHERE id = $1 AND "
             "tenant_id = $2 AND owner_type = $3 AND owner_id = $4)",
             id, tenant_id, owner_type, owner_id);
  return tx.Execute(kDelete, id, tenant_id, owner_type, owner_id).affected > 0;
}

}  // namespace hearth::platform
