#include "http/upload_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace hearth::http {

UploadFile::UploadFile(const std::string& dir) {
  fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    // A file system without O_TMPFILE: a named file, unlinked at once.
    std::string path = dir + "/hearth-upload-XXXXXX";
    fd_ = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "cannot make an upload file in " + dir);
    ::unlink(path.c_str());
  }
}

UploadFile::~UploadFile() {
  if (map_ != nullptr && size_ > 0) ::munmap(map_, size_);
  if (fd_ >= 0) ::close(fd_);
}

bool UploadFile::Append(const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    size_ += static_cast<std::size_t>(n);
  }
  return true;
}

bool UploadFile::Finish() {
  if (size_ == 0) return true;  // an empty body: nothing to map
  map_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
  if (map_ == MAP_FAILED) {
    map_ = nullptr;
    return false;
  }
  ::madvise(map_, size_, MADV_SEQUENTIAL);  // imports read it once, from the start
  return true;
}

}  // namespace hearth::http
