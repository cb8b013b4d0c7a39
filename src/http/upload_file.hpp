#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace hearth::http {

/// A request body the server wrote to a temporary file as it arrived (uploads: import files), so
/// that the process never holds it in memory; handlers read it as bytes mapped from the file.
/// The file has no name (O_TMPFILE, or unlinked at once): nothing is left behind, even after a
/// crash. Not copyable; shared (a background import keeps it alive).
class UploadFile {
 public:
  /// A new empty file in `dir`; throws std::system_error when it cannot be made.
  explicit UploadFile(const std::string& dir);
  ~UploadFile();
  UploadFile(const UploadFile&) = delete;
  UploadFile& operator=(const UploadFile&) = delete;

  /// Appends bytes; false when the disk is full or another write error happened.
  bool Append(const char* data, std::size_t size);
  /// Maps what was written, read-only, for bytes(); false when it cannot.
  bool Finish();
  /// The whole body (after Finish).
  std::string_view bytes() const { return {static_cast<const char*>(map_), size_}; }
  std::size_t size() const { return size_; }

 private:
  int fd_ = -1;
  std::size_t size_ = 0;
  void* map_ = nullptr;
};

/// Bytes and what keeps them alive: a request's body as a string or an UploadFile.
struct SharedBytes {
  std::shared_ptr<const void> owner;
  std::string_view view;
};

}  // namespace hearth::http
